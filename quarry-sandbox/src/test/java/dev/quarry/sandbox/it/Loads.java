package dev.quarry.sandbox.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Stream Load client as docs/dependencies.md §4.1 recommends: java.net.http, HTTP/1.1, no automatic redirects (we follow
 * the FE's 307 ourselves, resending Authorization), Expect: 100-continue.
 */
final class Loads {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** For get_load_state polls made while another request's body is still being sent. */
    private static final HttpClient STATE_CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Loads() {}

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> headers(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** One request, no redirect handling. */
    static HttpResponse<String> send(
            String method,
            String url,
            Map<String, String> headers,
            HttpRequest.BodyPublisher body,
            boolean expectContinue,
            String auth)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .method(method, body)
                .expectContinue(expectContinue)
                .timeout(Duration.ofSeconds(60));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        headers.forEach(b::header);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** PUT to the FE and follow one 307 to the BE, as a real client does. */
    static HttpResponse<String> streamLoad(
            String feUrl, String db, String table, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        return streamLoad(feUrl, db, table, headers, HttpRequest.BodyPublishers.ofString(body));
    }

    static HttpResponse<String> streamLoad(
            String feUrl, String db, String table, Map<String, String> headers, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return followed("PUT", feUrl + "/api/" + db + "/" + table + "/_stream_load", headers, body);
    }

    static HttpResponse<String> followed(
            String method, String url, Map<String, String> headers, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        String auth = basic("root", "");
        HttpResponse<String> r = send(method, url, headers, body, true, auth);
        if (r.statusCode() == 307) {
            String location = r.headers().firstValue("Location").orElseThrow();
            r = send(method, location, headers, body, true, auth);
        }
        return r;
    }

    static HttpResponse<String> txn(
            String feUrl, String op, String db, String table, String label, String body, String... extra)
            throws IOException, InterruptedException {
        Map<String, String> h = headers(extra);
        h.put("db", db);
        if (table != null) {
            h.put("table", table);
        }
        h.put("label", label);
        return followed(
                op.equals("load") ? "PUT" : "POST",
                feUrl + "/api/transaction/" + op,
                h,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    /**
     * The get_load_state of {@code label}, on a client of its own: {@link #CLIENT} may be the one sending a body
     * that waits for this state.
     */
    static String loadState(String feUrl, String db, String label) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(feUrl + "/api/" + db + "/get_load_state?label=" + label))
                .header("Authorization", basic("root", ""))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return JSON.readTree(STATE_CLIENT
                        .send(r, HttpResponse.BodyHandlers.ofString())
                        .body())
                .get("state")
                .asText();
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
