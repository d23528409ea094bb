package dev.quarry.starrocks;

import static dev.quarry.starrocks.LoadResponses.describe;
import static dev.quarry.starrocks.LoadResponses.snippet;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Stream Load's HTTP exchanges with one FE: credentials, redirects to a BE followed by hand, and error logs read. */
final class StreamLoadHttp {
    private static final int MAX_REDIRECTS = 3;
    private static final int ERROR_ROWS = 5;
    private static final int ERROR_ROW_CHARS = 300;
    private static final int ERROR_LOG_BYTES = 64 * 1024;
    private static final int MAX_RESPONSE = 1024 * 1024;
    private static final LoadBody EMPTY = LoadBody.of(new byte[0]);

    private final URI frontend;
    private final String authorization;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Consumer<String> debug;
    private final AtomicReference<URI> backend = new AtomicReference<>();
    /** Hosts we already send credentials to: the FE and the BEs it redirected us to. */
    private final Set<String> trustedHosts = ConcurrentHashMap.newKeySet();

    StreamLoadHttp(
            URI frontend,
            String user,
            String password,
            Duration connectTimeout,
            Duration requestTimeout,
            Consumer<String> debug) {
        this.frontend = frontend;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.debug = debug;
        trustedHosts.add(frontend.getHost().toLowerCase(Locale.ROOT));
    }

    /** The FE's URL for {@code path} and {@code query} (null for none). */
    URI uri(String path, String query) {
        try {
            return new URI(frontend.getScheme(), null, frontend.getHost(), frontend.getPort(), path, query, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "cannot build a Stream Load URL for path " + path + ": " + e.getMessage(), e);
        }
    }

    /** Sends the next load to the FE again: the BE it redirected to last failed. */
    void forgetBackend() {
        backend.set(null);
    }

    /**
     * One request with Authorization, following up to three redirects; with {@code useBackendCache} it starts at the BE
     * the FE redirected to last and remembers the BE it is redirected to now.
     */
    Http11.Response exchange(
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

    /**
     * An error-log line without the row it quotes: StarRocks writes the reason, then the rejected row's values
     * ({@code Error: <reason>. Row: <values>}, older releases {@code Reason: <reason>. src line: [<values>]}), and a
     * user's data must not reach logs and error messages (docs/starrocks.md §1.5). The reason names the column.
     */
    static String withoutRowData(String line) {
        for (String marker : new String[] {". Row: ", " Row: ", ". src line: ", " src line: "}) {
            int at = line.indexOf(marker);
            if (at >= 0) {
                return line.substring(0, at) + " (row values left out)";
            }
        }
        return line;
    }

    /** Reads the first rejected rows from a failed load's error log; a problem reading it never hides the failure. */
    List<String> errorRows(String errorUrl) {
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
                    String reason = withoutRowData(line);
                    rows.add(reason.length() > ERROR_ROW_CHARS ? reason.substring(0, ERROR_ROW_CHARS) + "..." : reason);
                }
            }
            return rows;
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            debug.accept("could not read the error log " + errorUrl + ": " + describe(e));
            return List.of();
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
}
