package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.core.Log;
import dev.quarry.core.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Stream Load over HTTP (docs/starrocks.md §1–§2): HTTP/1.1 with {@code Expect: 100-continue}, redirects followed by
 * this class (the FE answers 307 to a BE, which needs the Authorization header again). The exchange itself is our own
 * small HTTP/1.1 code ({@link Http11}), not java.net.http, whose JDK 17 client hangs when a server answers an Expect
 * request with an error body before {@code 100 Continue} (the client survey in docs/dependencies.md §4.1 covered only the 307 path).
 *
 * <p>A load is identified by its label: retries after transport errors or 5xx reuse it, so a load that did reach
 * the server is never applied twice ("Label Already Exists" with FINISHED counts as done). Thread-safe; one instance
 * per cluster and user.
 */
public final class StreamLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REDIRECTS = 3;
    private static final int ERROR_ROWS = 5;
    private static final int ERROR_ROW_CHARS = 300;
    private static final int ERROR_LOG_BYTES = 64 * 1024;
    private static final int MAX_RESPONSE = 1024 * 1024;
    private static final LoadBody EMPTY = LoadBody.of(new byte[0]);

    private final URI frontend;
    private final String user;
    private final String authorization;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final boolean cacheBackend;
    private final Duration pollInterval;
    private final Duration pollTimeout;
    private final Consumer<String> debug;
    private final AtomicReference<URI> backend = new AtomicReference<>();
    /** Hosts we already send credentials to: the FE and the BEs it redirected us to. */
    private final Set<String> trustedHosts = ConcurrentHashMap.newKeySet();

    private StreamLoader(Builder b) {
        this.frontend = b.frontend;
        this.user = b.user;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((b.user + ":" + b.password).getBytes(StandardCharsets.UTF_8));
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.cacheBackend = b.cacheBackend;
        this.pollInterval = b.pollInterval;
        this.pollTimeout = b.pollTimeout;
        this.debug = b.debug;
        trustedHosts.add(frontend.getHost().toLowerCase(Locale.ROOT));
    }

    /**
     * A builder for a loader that talks to one FE with one user.
     *
     * @param frontend the FE HTTP address, e.g. {@code http://fe:8030} (credentials do not belong in it)
     * @param user the StarRocks user
     * @param password the password, possibly empty; never logged or put into messages
     */
    public static Builder builder(URI frontend, String user, String password) {
        return new Builder(frontend, user, password);
    }

    /**
     * Loads {@code body} into {@code database.table} under {@code label}.
     *
     * @return how the load ended; LOADED, COMMITTED (publish timeout) or ALREADY_LOADED
     * @throws StreamLoadException when StarRocks rejects the data (with the first rejected rows) or retries ran out
     */
    public LoadResult load(String database, String table, String label, LoadOptions options, LoadBody body) {
        Labels.check(label);
        requireNonNull(options, "options is null");
        requireNonNull(body, "body is null");
        URI uri =
                uri("/api/" + pathPart(database, "database") + "/" + pathPart(table, "table") + "/_stream_load", null);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("label", label);
        headers.putAll(options.headers());
        String where = "Stream Load into " + database + "." + table + " (label " + label + ")";

        StreamLoadException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                pause(backoff(attempt - 1), where);
            }
            Http11.Response response;
            try {
                response = exchange("PUT", uri, headers, body, label, cacheBackend);
            } catch (IOException e) {
                backend.set(null);
                last = failure(where + ": " + describe(e), label, "TRANSPORT", Optional.empty(), List.of(), true, e);
                debug.accept(where + ": attempt " + attempt + " of " + maxAttempts + " failed: " + describe(e));
                continue;
            }
            int code = response.status();
            if (code == 401 || code == 403) {
                throw failure(
                        where + ": access denied for user '" + user + "' (HTTP " + code + ")",
                        label,
                        "HTTP " + code,
                        Optional.empty(),
                        List.of(),
                        false,
                        null);
            }
            if (code >= 500) {
                backend.set(null);
                last = failure(
                        where + ": HTTP " + code + " " + snippet(response.body()),
                        label,
                        "HTTP " + code,
                        Optional.empty(),
                        List.of(),
                        true,
                        null);
                debug.accept(where + ": attempt " + attempt + " of " + maxAttempts + " got HTTP " + code);
                continue;
            }
            if (code != 200) {
                throw failure(
                        where + ": unexpected HTTP " + code + " " + snippet(response.body()),
                        label,
                        "HTTP " + code,
                        Optional.empty(),
                        List.of(),
                        false,
                        null);
            }
            JsonNode json = parse(response.body(), where);
            String status = text(json, "Status", "status").orElse("");
            String message = text(json, "Message", "msg", "message").orElse("");
            switch (status) {
                case "Success", "OK" -> {
                    return new LoadResult(
                            label, LoadResult.Outcome.LOADED, txnId(json), Optional.of(counts(json)), message);
                }
                case "Publish Timeout" -> {
                    return new LoadResult(
                            label, LoadResult.Outcome.COMMITTED, txnId(json), Optional.of(counts(json)), message);
                }
                case "Label Already Exists", "LABEL_ALREADY_EXISTS" -> {
                    Optional<String> existing = text(json, "ExistingJobStatus");
                    if (existing.filter("FINISHED"::equals).isPresent()) {
                        return alreadyLoaded(label, message);
                    }
                    // RUNNING: an earlier attempt is still in flight; its outcome decides.
                    LoadState state = awaitFinalState(database, label, where);
                    if (state.committed()) {
                        return alreadyLoaded(label, message);
                    }
                    last = failure(
                            where + ": an earlier attempt with this label was aborted",
                            label,
                            status,
                            existing,
                            List.of(),
                            true,
                            null);
                    continue;
                }
                default -> {
                    if (busy(message)) {
                        last = failure(where + ": " + message, label, status, Optional.empty(), List.of(), true, null);
                        continue;
                    }
                    List<String> rows =
                            text(json, "ErrorURL").map(this::errorRows).orElse(List.of());
                    throw failure(
                            where + " failed: " + message + countsSuffix(json) + rowsSuffix(rows),
                            label,
                            status.isEmpty() ? "Fail" : status,
                            Optional.empty(),
                            rows,
                            false,
                            null);
                }
            }
        }
        throw failure(
                requireNonNull(last, "no attempt was made").getMessage() + " (gave up after " + maxAttempts
                        + " attempts)",
                last.label(),
                last.status(),
                last.existingJobStatus(),
                last.rejectedRows(),
                true,
                last.getCause());
    }

    /** The state of {@code label} in {@code database} ({@code GET /api/{db}/get_load_state}). */
    public LoadState loadState(String database, String label) {
        Labels.check(label);
        URI uri = uri("/api/" + pathPart(database, "database") + "/get_load_state", "label=" + label);
        String where = "load state of label " + label + " in " + database;
        try {
            Http11.Response r = exchange("GET", uri, Map.of(), null, label, false);
            if (r.status() != 200) {
                throw failure(
                        where + ": HTTP " + r.status() + " " + snippet(r.body()),
                        label,
                        "HTTP " + r.status(),
                        Optional.empty(),
                        List.of(),
                        r.status() >= 500,
                        null);
            }
            JsonNode json = parse(r.body(), where);
            Optional<String> state = text(json, "state", "State");
            if (state.isEmpty()) {
                throw failure(
                        where + ": " + text(json, "msg", "message", "Message").orElse(snippet(r.body())),
                        label,
                        text(json, "status", "Status").orElse("FAILED"),
                        Optional.empty(),
                        List.of(),
                        false,
                        null);
            }
            return LoadState.parse(state.get());
        } catch (IOException e) {
            throw failure(where + ": " + describe(e), label, "TRANSPORT", Optional.empty(), List.of(), true, e);
        }
    }

    /**
     * Begins a Stream Load transaction (since 2.4): several {@link StreamLoadTransaction#load} calls under one label,
     * visible together on commit. A retried run that finds its label already committed gets a
     * {@link StreamLoadException} whose {@link StreamLoadException#labelAlreadyCommitted()} is true.
     */
    public StreamLoadTransaction beginTransaction(String database, String table, String label, LoadOptions options) {
        Labels.check(label);
        pathPart(database, "database");
        pathPart(table, "table");
        requireNonNull(options, "options is null");
        StreamLoadTransaction txn = new StreamLoadTransaction(this, database, table, label, options);
        JsonNode json = transactionCall("begin", txn, null, false);
        txn.begun(txnId(json));
        return txn;
    }

    JsonNode transactionCall(String op, StreamLoadTransaction txn, LoadBody body, boolean retry) {
        URI uri = uri("/api/transaction/" + op, null);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("label", txn.label());
        headers.put("db", txn.database());
        headers.put("table", txn.table());
        if (op.equals("load")) {
            headers.putAll(txn.options().headers());
        }
        String where = "Stream Load transaction " + op + " on " + txn.database() + "." + txn.table() + " (label "
                + txn.label() + ")";
        int attempts = retry ? maxAttempts : 1;
        StreamLoadException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                pause(backoff(attempt - 1), where);
            }
            Http11.Response r;
            try {
                r = exchange(op.equals("load") ? "PUT" : "POST", uri, headers, body, txn.label(), false);
            } catch (IOException e) {
                last = failure(
                        where + ": " + describe(e), txn.label(), "TRANSPORT", Optional.empty(), List.of(), true, e);
                continue;
            }
            if (r.status() >= 500) {
                last = failure(
                        where + ": HTTP " + r.status() + " " + snippet(r.body()),
                        txn.label(),
                        "HTTP " + r.status(),
                        Optional.empty(),
                        List.of(),
                        true,
                        null);
                continue;
            }
            if (r.status() != 200) {
                String reason = r.status() == 401 || r.status() == 403
                        ? "access denied for user '" + user + "'"
                        : snippet(r.body());
                throw failure(
                        where + ": HTTP " + r.status() + " " + reason,
                        txn.label(),
                        "HTTP " + r.status(),
                        Optional.empty(),
                        List.of(),
                        false,
                        null);
            }
            JsonNode json = parse(r.body(), where);
            String status = text(json, "Status", "status").orElse("");
            if (status.equals("OK")
                    || status.equals("PUBLISH_TIMEOUT")
                    || status.equals("Success")
                    || status.equals("Publish Timeout")) {
                return json;
            }
            String message = text(json, "Message", "msg", "message").orElse("");
            List<String> rows = text(json, "ErrorURL").map(this::errorRows).orElse(List.of());
            throw failure(
                    where + " failed: " + status + (message.isEmpty() ? "" : ": " + message) + rowsSuffix(rows),
                    txn.label(),
                    status,
                    text(json, "ExistingJobStatus"),
                    rows,
                    false,
                    null);
        }
        throw failure(
                requireNonNull(last, "no attempt was made").getMessage() + " (gave up after " + attempts + " attempts)",
                last.label(),
                last.status(),
                Optional.empty(),
                List.of(),
                true,
                last.getCause());
    }

    void debug(String line) {
        debug.accept(line);
    }

    // ---------------------------------------------------------------- HTTP

    private Http11.Response exchange(
            String method, URI uri, Map<String, String> headers, LoadBody body, String label, boolean useBackendCache)
            throws IOException {
        URI target = uri;
        URI cached = useBackendCache ? backend.get() : null;
        if (cached != null) {
            target = withAuthority(uri, cached);
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", authorization);
        // Every PUT/POST carries Expect: 100-continue, as StarRocks documents; the FE refuses a Stream Load without it.
        LoadBody payload = method.equals("GET") ? null : body == null ? EMPTY : body;
        for (int hop = 0; ; hop++) {
            debug.accept(method + " " + target + (label == null ? "" : " label=" + label) + " headers=" + headers);
            Http11.Response r =
                    Http11.exchange(method, target, all, payload, connectTimeout, requestTimeout, MAX_RESPONSE);
            int code = r.status();
            if (code != 301 && code != 302 && code != 307 && code != 308) {
                debug.accept("HTTP " + code + " from " + target + ": " + snippet(r.body()));
                return r;
            }
            if (hop >= MAX_REDIRECTS) {
                throw new IOException("more than " + MAX_REDIRECTS + " redirects, last to " + target);
            }
            String location = r.header("Location");
            if (location == null) {
                throw new IOException("HTTP " + code + " without a Location header from " + target.getHost());
            }
            URI next;
            try {
                next = target.resolve(new URI(location));
            } catch (URISyntaxException e) {
                throw new IOException("invalid redirect Location '" + location + "'", e);
            }
            if ((!"http".equalsIgnoreCase(next.getScheme()) && !"https".equalsIgnoreCase(next.getScheme()))
                    || next.getHost() == null) {
                throw new IOException("refusing to follow a redirect to " + location);
            }
            debug.accept("HTTP " + code + " -> " + next);
            trustedHosts.add(next.getHost().toLowerCase(Locale.ROOT));
            if (useBackendCache) {
                backend.set(authorityOf(next));
            }
            target = next;
        }
    }

    /** Reads the first rejected rows from a failed load's error log; a problem reading it never hides the failure. */
    private List<String> errorRows(String errorUrl) {
        try {
            URI uri = new URI(errorUrl);
            if (uri.getHost() == null) {
                return List.of();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            if (trustedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
                headers.put("Authorization", authorization);
            }
            debug.accept("GET " + uri);
            Http11.Response r =
                    Http11.exchange("GET", uri, headers, null, connectTimeout, Duration.ofSeconds(30), ERROR_LOG_BYTES);
            if (r.status() != 200) {
                return List.of();
            }
            List<String> rows = new ArrayList<>();
            for (String line : r.body().lines().toList()) {
                if (rows.size() == ERROR_ROWS) {
                    break;
                }
                if (!line.isBlank()) {
                    rows.add(line.length() > ERROR_ROW_CHARS ? line.substring(0, ERROR_ROW_CHARS) + "..." : line);
                }
            }
            return rows;
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            debug.accept("could not read the error log " + errorUrl + ": " + describe(e));
            return List.of();
        }
    }

    private LoadState awaitFinalState(String database, String label, String where) {
        long deadline = System.nanoTime() + pollTimeout.toNanos();
        while (true) {
            LoadState state = loadState(database, label);
            debug.accept(where + ": label state " + state);
            if (state.isFinal()) {
                return state;
            }
            if (System.nanoTime() > deadline) {
                throw failure(
                        where + ": an earlier load with this label is still " + state + " after "
                                + pollTimeout.toSeconds() + " s",
                        label,
                        "Label Already Exists",
                        Optional.of("RUNNING"),
                        List.of(),
                        true,
                        null);
            }
            pause(pollInterval, where);
        }
    }

    // ---------------------------------------------------------------- helpers

    private URI uri(String path, String query) {
        try {
            return new URI(frontend.getScheme(), null, frontend.getHost(), frontend.getPort(), path, query, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "cannot build a Stream Load URL for path " + path + ": " + e.getMessage(), e);
        }
    }

    private static URI withAuthority(URI uri, URI authority) {
        try {
            return new URI(
                    authority.getScheme(),
                    null,
                    authority.getHost(),
                    authority.getPort(),
                    uri.getPath(),
                    uri.getQuery(),
                    null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI authorityOf(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pathPart(String name, String what) {
        requireNonNull(name, what + " is null");
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('?') >= 0 || name.indexOf('#') >= 0) {
            throw new InvalidSpecException("invalid " + what + " name '" + name + "' for Stream Load");
        }
        return name;
    }

    private Duration backoff(int retry) {
        long ms = initialBackoff.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
    }

    private static void pause(Duration d, String where) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamLoadException(
                    where + ": interrupted", null, "INTERRUPTED", Optional.empty(), List.of(), false, e);
        }
    }

    /** The BE's concurrency limiter (docs/starrocks.md §1.1) asks for a retry ("please try again later", sic "cuncurrent"). */
    private static boolean busy(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("try again later");
    }

    private static JsonNode parse(String body, String where) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new StreamLoadException(
                    where + ": unreadable response " + snippet(body),
                    null,
                    "UNPARSEABLE",
                    Optional.empty(),
                    List.of(),
                    false,
                    e);
        }
    }

    static Optional<String> text(JsonNode json, String... keys) {
        for (String k : keys) {
            JsonNode v = json.get(k);
            if (v != null && !v.isNull()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }

    static OptionalLong txnId(JsonNode json) {
        JsonNode v = json.get("TxnId");
        return v == null || !v.canConvertToLong() || v.asLong() < 0
                ? OptionalLong.empty()
                : OptionalLong.of(v.asLong());
    }

    static LoadResult.Counts counts(JsonNode json) {
        return new LoadResult.Counts(
                json.path("NumberTotalRows").asLong(0),
                json.path("NumberLoadedRows").asLong(0),
                json.path("NumberFilteredRows").asLong(0),
                json.path("NumberUnselectedRows").asLong(0),
                json.path("LoadBytes").asLong(0),
                json.path("LoadTimeMs").asLong(0));
    }

    private static LoadResult alreadyLoaded(String label, String message) {
        return new LoadResult(
                label, LoadResult.Outcome.ALREADY_LOADED, OptionalLong.empty(), Optional.empty(), message);
    }

    private static String countsSuffix(JsonNode json) {
        if (!json.has("NumberTotalRows")) {
            return "";
        }
        LoadResult.Counts c = counts(json);
        return " (rows: " + c.totalRows() + " read, " + c.loadedRows() + " loaded, " + c.filteredRows() + " filtered)";
    }

    private static String rowsSuffix(List<String> rows) {
        return rows.isEmpty() ? "" : "; first rejected rows: " + String.join(" | ", rows);
    }

    private static String snippet(String body) {
        if (body == null) {
            return "";
        }
        String s = body.strip().replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static StreamLoadException failure(
            String message,
            String label,
            String status,
            Optional<String> existing,
            List<String> rows,
            boolean retryable,
            Throwable cause) {
        return new StreamLoadException(message, label, status, existing, rows, retryable, cause);
    }

    /** Options of a {@link StreamLoader}. */
    public static final class Builder {
        private final URI frontend;
        private final String user;
        private final String password;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofMinutes(15);
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private boolean cacheBackend;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration pollTimeout = Duration.ofMinutes(10);
        private Consumer<String> debug = Log::debug;

        private Builder(URI frontend, String user, String password) {
            requireNonNull(frontend, "frontend URL is null");
            requireNonNull(user, "user is null");
            requireNonNull(password, "password is null");
            if (frontend.getUserInfo() != null) {
                throw new InvalidSpecException(
                        "the FE URL must not contain credentials; pass user and password separately");
            }
            if ((!"http".equalsIgnoreCase(frontend.getScheme()) && !"https".equalsIgnoreCase(frontend.getScheme()))
                    || frontend.getHost() == null) {
                throw new InvalidSpecException("the FE URL must be http://host:port, got " + frontend);
            }
            this.frontend = frontend;
            this.user = user;
            this.password = password;
            Secrets.register(password);
        }

        /** How long to wait for a TCP connection. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** Connect timeout and the longest the server may stay silent while a request is sent or its answer read. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** Attempts per load on transport errors, 5xx and "try again later"; 1 disables retries. */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /** Backoff before the first retry, doubled for each further retry up to {@code max}. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = positive(initial, "initial backoff");
            this.maxBackoff = positive(max, "max backoff");
            return this;
        }

        /** Send later loads straight to the BE the FE redirected the first one to (saves a round trip per load). */
        public Builder cacheBackendLocation(boolean cache) {
            this.cacheBackend = cache;
            return this;
        }

        /** How often and how long to poll get_load_state while an earlier attempt with the same label is running. */
        public Builder labelPolling(Duration interval, Duration timeout) {
            this.pollInterval = positive(interval, "poll interval");
            this.pollTimeout = positive(timeout, "poll timeout");
            return this;
        }

        /** Receives one line per request (method, URL, label, headers; never Authorization) and per response. */
        public Builder debug(Consumer<String> sink) {
            this.debug = requireNonNull(sink, "debug sink is null");
            return this;
        }

        public StreamLoader build() {
            return new StreamLoader(this);
        }

        private static Duration positive(Duration d, String what) {
            requireNonNull(d, what + " is null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
