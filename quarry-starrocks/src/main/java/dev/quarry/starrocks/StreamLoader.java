package dev.quarry.starrocks;

import static dev.quarry.starrocks.LoadResponses.busy;
import static dev.quarry.starrocks.LoadResponses.counts;
import static dev.quarry.starrocks.LoadResponses.countsSuffix;
import static dev.quarry.starrocks.LoadResponses.describe;
import static dev.quarry.starrocks.LoadResponses.parse;
import static dev.quarry.starrocks.LoadResponses.rowsSuffix;
import static dev.quarry.starrocks.LoadResponses.snippet;
import static dev.quarry.starrocks.LoadResponses.text;
import static dev.quarry.starrocks.LoadResponses.txnId;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.Log;
import dev.quarry.core.Secrets;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
    private final String user;
    private final boolean cacheBackend;
    private final RetryPolicy retries;
    private final Consumer<String> debug;
    private final StreamLoadHttp http;

    private StreamLoader(Builder b) {
        this.user = b.user;
        this.cacheBackend = b.cacheBackend;
        this.retries = new RetryPolicy(b.maxAttempts, b.initialBackoff, b.maxBackoff, b.pollInterval, b.pollTimeout);
        this.debug = b.debug;
        this.http = new StreamLoadHttp(b.frontend, b.user, b.password, b.connectTimeout, b.requestTimeout, b.debug);
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
        URI uri = http.uri(
                "/api/" + pathPart(database, "database") + "/" + pathPart(table, "table") + "/_stream_load", null);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("label", label);
        headers.putAll(options.headers());
        String where = "Stream Load into " + database + "." + table + " (label " + label + ")";

        StreamLoadException last = null;
        for (int attempt = 1; attempt <= retries.maxAttempts(); attempt++) {
            if (attempt > 1) {
                retries.pauseBefore(attempt - 1, where);
            }
            Http11.Response response;
            try {
                response = http.exchange("PUT", uri, headers, body, label, cacheBackend);
            } catch (IOException e) {
                http.forgetBackend();
                last = failure(where + ": " + describe(e), label, "TRANSPORT", Optional.empty(), List.of(), true, e);
                debug.accept(
                        where + ": attempt " + attempt + " of " + retries.maxAttempts() + " failed: " + describe(e));
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
                http.forgetBackend();
                last = failure(
                        where + ": HTTP " + code + " " + snippet(response.body()),
                        label,
                        "HTTP " + code,
                        Optional.empty(),
                        List.of(),
                        true,
                        null);
                debug.accept(where + ": attempt " + attempt + " of " + retries.maxAttempts() + " got HTTP " + code);
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
                    LoadState state = retries.awaitFinalState(() -> loadState(database, label), label, where, debug);
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
                            text(json, "ErrorURL").map(http::errorRows).orElse(List.of());
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
                requireNonNull(last, "no attempt was made").getMessage() + " (gave up after " + retries.maxAttempts()
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
        URI uri = http.uri("/api/" + pathPart(database, "database") + "/get_load_state", "label=" + label);
        String where = "load state of label " + label + " in " + database;
        try {
            Http11.Response r = http.exchange("GET", uri, Map.of(), null, label, false);
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
        URI uri = http.uri("/api/transaction/" + op, null);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("label", txn.label());
        headers.put("db", txn.database());
        headers.put("table", txn.table());
        if (op.equals("load")) {
            headers.putAll(txn.options().headers());
        }
        String where = "Stream Load transaction " + op + " on " + txn.database() + "." + txn.table() + " (label "
                + txn.label() + ")";
        int attempts = retry ? retries.maxAttempts() : 1;
        StreamLoadException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                retries.pauseBefore(attempt - 1, where);
            }
            Http11.Response r;
            try {
                r = http.exchange(op.equals("load") ? "PUT" : "POST", uri, headers, body, txn.label(), false);
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
            List<String> rows = text(json, "ErrorURL").map(http::errorRows).orElse(List.of());
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

    // ---------------------------------------------------------------- helpers

    private static String pathPart(String name, String what) {
        requireNonNull(name, what + " is null");
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('?') >= 0 || name.indexOf('#') >= 0) {
            throw new InvalidSpecException("invalid " + what + " name '" + name + "' for Stream Load");
        }
        return name;
    }

    private static LoadResult alreadyLoaded(String label, String message) {
        return new LoadResult(
                label, LoadResult.Outcome.ALREADY_LOADED, OptionalLong.empty(), Optional.empty(), message);
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
