package dev.quarry.sandbox.it;

import static dev.quarry.sandbox.it.Loads.headers;
import static dev.quarry.sandbox.it.Loads.json;
import static dev.quarry.sandbox.it.Loads.streamLoad;
import static dev.quarry.sandbox.it.StreamLoadIT.ORDERS;
import static dev.quarry.sandbox.it.StreamLoadIT.newDb;
import static dev.quarry.sandbox.it.StreamLoadIT.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mistakes get StarRocks' answer instead of a dropped connection or the engine's wording: a body that is not what
 * its format says, qualified names of tables that do not exist, protocol commands the sandbox does not serve.
 */
// A lost answer must fail the test, never hang the build (CI allows 90 minutes; the build should take under 10).
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BadInputAnswersIT {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxConfig.ephemeral());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void aGzipLoadWhoseBodyIsNotGzipFailsWithAJsonAnswer() throws Exception {
        String db = newDb(sandbox, "bad_gzip", ORDERS);
        HttpResponse<String> r = streamLoad(
                sandbox.feUrl(),
                db,
                "orders",
                headers("label", "plain_body", "format", "gzip", "column_separator", ","),
                "1,ann,1.00\n2,bob,2.00\n");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode j = json(r);
        assertThat(j.get("Status").asText()).isEqualTo("Fail");
        assertThat(j.get("Message").asText()).isEqualTo("Failed to inflate. return code: -3");
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".orders")).containsExactly("0");

        // A failed load's label can be used again (docs/starrocks.md §1.4), now with a real gzip body.
        HttpResponse<String> ok = streamLoad(
                sandbox.feUrl(),
                db,
                "orders",
                headers("label", "plain_body", "format", "gzip", "column_separator", ","),
                HttpRequest.BodyPublishers.ofByteArray(gzip("1,ann,1.00\n2,bob,2.00\n")));
        assertThat(json(ok).get("Status").asText()).isEqualTo("Success");
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".orders")).containsExactly("2");
    }

    @Test
    void aCutOffGzipBodyFailsWithAJsonAnswer() throws Exception {
        String db = newDb(sandbox, "cut_gzip", ORDERS);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            rows.append(i).append(",name").append(i).append(",1.00\n");
        }
        byte[] whole = gzip(rows.toString());
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        HttpResponse<String> r = streamLoad(
                sandbox.feUrl(),
                db,
                "orders",
                headers("label", "cut_body", "format", "gzip", "column_separator", ","),
                HttpRequest.BodyPublishers.ofByteArray(cut));
        JsonNode j = json(r);
        assertThat(j.get("Status").asText()).isEqualTo("Fail");
        assertThat(j.get("Message").asText()).contains("gzip");
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".orders")).containsExactly("0");
    }

    @Test
    void theCompressionHeaderDecompressesJsonBodiesAndRefusesOnesThatAreNotCompressed() throws Exception {
        String db = newDb(sandbox, "json_gzip", ORDERS);
        String rows = "[{\"id\": 1, \"name\": \"ann\", \"amount\": 1.50}, {\"id\": 2, \"name\": \"bob\"}]";
        HttpResponse<String> ok = streamLoad(
                sandbox.feUrl(),
                db,
                "orders",
                headers("label", "json_gz", "format", "json", "strip_outer_array", "true", "compression", "gzip"),
                HttpRequest.BodyPublishers.ofByteArray(gzip(rows)));
        assertThat(json(ok).get("Status").asText()).isEqualTo("Success");
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".orders")).containsExactly("2");

        JsonNode plain = json(streamLoad(
                sandbox.feUrl(),
                db,
                "orders",
                headers("label", "json_plain", "format", "json", "strip_outer_array", "true", "compression", "GZIP"),
                rows));
        assertThat(plain.get("Status").asText()).isEqualTo("Fail");
        assertThat(plain.get("Message").asText()).isEqualTo("Failed to inflate. return code: -3");

        JsonNode zstd = json(streamLoad(
                sandbox.feUrl(),
                db,
                "orders",
                headers("label", "json_zstd", "format", "json", "compression", "ZSTD"),
                rows));
        assertThat(zstd.get("Status").asText()).isEqualTo("Fail");
        assertThat(zstd.get("Message").asText()).contains("compression=ZSTD");
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".orders")).containsExactly("2");
    }

    @Test
    void aChunkedBodyWithBrokenFramingFailsWithAJsonAnswer() throws Exception {
        String db = newDb(sandbox, "bad_chunk", ORDERS);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.beHttpPort())) {
            socket.setSoTimeout(30_000);
            String auth = Loads.basic("root", "");
            String request = "PUT /api/" + db + "/orders/_stream_load HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n"
                    + "Authorization: " + auth + "\r\n"
                    + "label: bad_chunk\r\n"
                    + "column_separator: ,\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n"
                    + "b\r\n1,ann,1.00\n\r\n"
                    + "zz\r\n2,bob,2.00\n\r\n0\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
            JsonNode j = Loads.JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertThat(j.get("Status").asText()).isEqualTo("Fail");
            assertThat(j.get("Message").asText()).isEqualTo("malformed chunk size: zz");
        }
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".orders")).containsExactly("0");
    }

    @Test
    void aQualifiedMissingTableIsNamedWhenNoDatabaseIsSelected() throws Exception {
        String db = newDb(sandbox, "qualified", ORDERS);
        try (Connection c = DriverManager.getConnection(Jdbc.url(sandbox), "root", "");
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM " + db + ".missing_table"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Unknown table '" + db + ".missing_table'")
                    .hasMessageNotContaining("No database selected");
            assertThatThrownBy(() -> s.executeQuery(
                            "SELECT o.id FROM " + db + ".orders o JOIN " + db + ".nope n ON o.id = n.id"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Unknown table '" + db + ".nope'");
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM no_such_db.t"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Unknown database 'no_such_db'");
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM bare_table"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("No database selected");
            assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".orders")).containsExactly("0");
        }
    }
}
