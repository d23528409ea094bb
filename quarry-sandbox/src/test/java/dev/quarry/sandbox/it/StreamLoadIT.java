package dev.quarry.sandbox.it;

import static dev.quarry.sandbox.it.Loads.headers;
import static dev.quarry.sandbox.it.Loads.json;
import static dev.quarry.sandbox.it.Loads.streamLoad;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stream Load over the FE and BE HTTP ports (docs/starrocks.md §1), with java.net.http and curl. */
// A lost answer must fail the test, never hang the build (CI allows 90 minutes; the build should take under 10).
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StreamLoadIT {
    static final String EMPTY_LOAD = "No partitions have data available for loading. If you are sure there may be no "
            + "data to be loaded, you can use `ADMIN SET FRONTEND CONFIG ('empty_load_as_error' = 'false')` to ensure "
            + "such load jobs can succeed";
    private static Sandbox sandbox;
    private static String fe;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxConfig.ephemeral());
        fe = sandbox.feUrl();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static String newDb(Sandbox s, String prefix, String... tables) throws Exception {
        String db = prefix + "_" + System.nanoTime();
        List<String> statements = new ArrayList<>();
        statements.add("CREATE DATABASE " + db);
        for (String t : tables) {
            statements.add(t.replace("{db}", db));
        }
        s.execute(statements.toArray(new String[0]));
        return db;
    }

    static final String ORDERS = "CREATE TABLE {db}.orders (id INT NOT NULL, name VARCHAR(32), amount DECIMAL(10,2)) "
            + "DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES (\"replication_num\" = \"1\")";
    static final String USERS_PK = "CREATE TABLE {db}.users (id INT NOT NULL, name VARCHAR(32), score INT) "
            + "PRIMARY KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES (\"replication_num\" = \"1\")";

    static List<String> query(Sandbox s, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(Jdbc.url(s), "root", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        sb.append('|');
                    }
                    sb.append(rs.getString(i));
                }
                rows.add(sb.toString());
            }
            return rows;
        }
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    @Test
    void feAnswers307ToTheBePortWithoutReadingTheBody() throws Exception {
        HttpResponse<String> r = Loads.send(
                "PUT",
                fe + "/api/db1/t1/_stream_load?x=1",
                headers("label", "l1"),
                HttpRequest.BodyPublishers.ofString("1\tx\n"),
                true,
                Loads.basic("root", ""));
        assertThat(r.statusCode()).isEqualTo(307);
        assertThat(r.headers().firstValue("Location")).hasValue(sandbox.beUrl() + "/api/db1/t1/_stream_load?x=1");
        assertThat(r.headers().firstValue("Connection")).hasValue("close");
    }

    @Test
    void feRequiresExpectAndAuth() throws Exception {
        HttpResponse<String> noExpect = Loads.send(
                "PUT",
                fe + "/api/db1/t1/_stream_load",
                headers(),
                HttpRequest.BodyPublishers.ofString("1"),
                false,
                Loads.basic("root", ""));
        assertThat(noExpect.statusCode()).isEqualTo(200);
        assertThat(noExpect.body())
                .isEqualTo("{\n  \"Status\": \"FAILED\",\n  \"Message\": "
                        + "\"class com.starrocks.common.DdlException: There is no 100-continue header\"\n}");

        HttpResponse<String> noAuth = Loads.send(
                "PUT",
                fe + "/api/db1/t1/_stream_load",
                headers(),
                HttpRequest.BodyPublishers.ofString("1"),
                true,
                null);
        assertThat(noAuth.statusCode()).isEqualTo(401);
        assertThat(noAuth.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"\"");
        assertThat(json(noAuth).get("status").asText()).isEqualTo("FAILED");

        HttpResponse<String> badPassword = Loads.send(
                "PUT",
                fe + "/api/db1/t1/_stream_load",
                headers(),
                HttpRequest.BodyPublishers.ofString("1"),
                true,
                Loads.basic("root", "nope"));
        assertThat(badPassword.statusCode()).isEqualTo(401);
        assertThat(badPassword.body()).doesNotContain("nope");
    }

    @Test
    void csvLoadThroughTheRedirectReportsStarRocksResponse() throws Exception {
        String db = newDb(sandbox, "sl_basic", ORDERS);
        HttpResponse<String> r = streamLoad(
                fe,
                db,
                "orders",
                headers("label", "basic_1", "column_separator", ","),
                "1,ann,10.50\n2,bob,\\N\n3,,0.01\n");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode j = json(r);
        assertThat(keys(j))
                .containsExactly(
                        "TxnId",
                        "Label",
                        "Status",
                        "Message",
                        "NumberTotalRows",
                        "NumberLoadedRows",
                        "NumberFilteredRows",
                        "NumberUnselectedRows",
                        "LoadBytes",
                        "LoadTimeMs",
                        "BeginTxnTimeMs",
                        "StreamLoadPlanTimeMs",
                        "ReadDataTimeMs",
                        "WriteDataTimeMs",
                        "CommitAndPublishTimeMs");
        assertThat(r.body()).startsWith("{\n    \"TxnId\": ");
        assertThat(j.get("Label").asText()).isEqualTo("basic_1");
        assertThat(j.get("Status").asText()).isEqualTo("Success");
        assertThat(j.get("Message").asText()).isEqualTo("OK");
        assertThat(j.get("NumberTotalRows").asLong()).isEqualTo(3);
        assertThat(j.get("NumberLoadedRows").asLong()).isEqualTo(3);
        assertThat(j.get("LoadBytes").asLong()).isEqualTo(29);
        assertThat(query(sandbox, "SELECT id, name, amount FROM " + db + ".orders ORDER BY id"))
                .containsExactly("1|ann|10.50", "2|bob|null", "3||0.01");

        HttpResponse<String> again =
                streamLoad(fe, db, "orders", headers("label", "basic_1", "column_separator", ","), "9,x,1\n");
        JsonNode dup = json(again);
        assertThat(dup.get("TxnId").asLong()).isEqualTo(-1);
        assertThat(dup.get("Status").asText()).isEqualTo("Label Already Exists");
        assertThat(dup.get("ExistingJobStatus").asText()).isEqualTo("FINISHED");
        assertThat(dup.get("Message").asText()).isEqualTo("Label [basic_1] has already been used.");
        assertThat(keys(dup).subList(0, 5)).containsExactly("TxnId", "Label", "Status", "ExistingJobStatus", "Message");
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".orders")).containsExactly("3");

        HttpResponse<String> state = Loads.send(
                "GET",
                fe + "/api/" + db + "/get_load_state?label=basic_1",
                headers(),
                HttpRequest.BodyPublishers.noBody(),
                false,
                Loads.basic("root", ""));
        assertThat(json(state).get("state").asText()).isEqualTo("VISIBLE");
        HttpResponse<String> unknown = Loads.send(
                "GET",
                fe + "/api/" + db + "/get_load_state?label=never",
                headers(),
                HttpRequest.BodyPublishers.noBody(),
                false,
                Loads.basic("root", ""));
        assertThat(json(unknown).get("state").asText()).isEqualTo("UNKNOWN");
    }

    @Test
    void loadsSentStraightToTheBeWorkAndChunkedBodiesToo() throws Exception {
        String db = newDb(sandbox, "sl_be", ORDERS);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            body.append(i)
                    .append('\t')
                    .append("name")
                    .append(i)
                    .append('\t')
                    .append(i % 100)
                    .append(".25\n");
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = Loads.send(
                "PUT",
                sandbox.beUrl() + "/api/" + db + "/orders/_stream_load",
                headers(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
                true,
                Loads.basic("root", ""));
        JsonNode j = json(r);
        assertThat(j.get("Status").asText()).as(r.body()).isEqualTo("Success");
        assertThat(j.get("Label").asText()).as("generated label").matches("[-0-9a-f]{36}");
        assertThat(j.get("NumberLoadedRows").asLong()).isEqualTo(10_000);
        assertThat(j.get("LoadBytes").asLong()).isEqualTo(bytes.length);
        assertThat(query(sandbox, "SELECT count(*), sum(amount) FROM " + db + ".orders"))
                .containsExactly("10000|497500.00");
    }

    @Test
    void filteredRowsFailTheLoadAtomicallyAndTheErrorUrlExplainsThem() throws Exception {
        String db = newDb(sandbox, "sl_filter", ORDERS);
        HttpResponse<String> r = streamLoad(
                fe, db, "orders", headers("label", "f1", "column_separator", ","), "1,a,1.00\n2,b\n3,c,3.00\n");
        JsonNode j = json(r);
        assertThat(j.get("Status").asText()).isEqualTo("Fail");
        assertThat(j.get("NumberFilteredRows").asLong()).isEqualTo(1);
        assertThat(j.get("ErrorURL").asText()).startsWith(sandbox.beUrl() + "/api/_load_error_log?file=error_log_");
        HttpResponse<String> log = Loads.send(
                "GET", j.get("ErrorURL").asText(), headers(), HttpRequest.BodyPublishers.noBody(), false, null);
        assertThat(log.body())
                .contains("Value count does not match column count. Expect 3, but got 2.")
                .contains("Row: 2,b");
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".orders"))
                .as("nothing of a failed load")
                .containsExactly("0");

        // The failed attempt's label is reusable; max_filter_ratio lets the bad row be skipped.
        HttpResponse<String> retry = streamLoad(
                fe,
                db,
                "orders",
                headers("label", "f1", "column_separator", ",", "max_filter_ratio", "0.5"),
                "1,a,1.00\n2,b\n3,c,3.00\n");
        JsonNode k = json(retry);
        assertThat(k.get("Status").asText()).as(retry.body()).isEqualTo("Success");
        assertThat(k.get("NumberLoadedRows").asLong()).isEqualTo(2);
        assertThat(k.get("NumberFilteredRows").asLong()).isEqualTo(1);
        assertThat(k.has("ErrorURL")).isTrue();
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".orders")).containsExactly("2");
    }

    @Test
    void badHeadersFailWithStarRocksMessages() throws Exception {
        String db = newDb(sandbox, "sl_headers", ORDERS);
        JsonNode label = json(streamLoad(fe, db, "orders", headers("label", "no spaces!"), "1\ta\t1\n"));
        assertThat(label.get("Status").asText()).isEqualTo("Fail");
        assertThat(label.get("Message").asText())
                .isEqualTo("Label format error. regex: ^[-\\w]{1,128}$, label: no spaces!");
        JsonNode format = json(streamLoad(fe, db, "orders", headers("format", "orc"), "1\ta\t1\n"));
        assertThat(format.get("Message").asText()).isEqualTo("unknown data format, format=orc");
        JsonNode timeout = json(streamLoad(fe, db, "orders", headers("timeout", "soon"), "1\ta\t1\n"));
        assertThat(timeout.get("Message").asText()).isEqualTo("Invalid timeout format");
        JsonNode table = json(streamLoad(fe, db, "no_such_table", headers(), "1\ta\t1\n"));
        assertThat(table.get("Status").asText()).isEqualTo("Fail");
        assertThat(table.get("Message").asText()).contains("no_such_table");
    }

    @Test
    void oversizedJsonBodyIsRefusedFromItsContentLength() throws Exception {
        String db = newDb(sandbox, "sl_size", ORDERS);
        // A raw request: the refusal must come from the headers alone, before any of the 100 MiB is sent.
        try (java.net.Socket socket = new java.net.Socket(sandbox.host(), sandbox.beHttpPort())) {
            socket.setSoTimeout(10_000);
            String head = "PUT /api/" + db + "/orders/_stream_load HTTP/1.1\r\nHost: sandbox\r\n"
                    + "Authorization: " + Loads.basic("root", "") + "\r\nformat: json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: 104857601\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String json = answer.substring(answer.indexOf('{'));
            JsonNode j = Loads.JSON.readTree(json);
            assertThat(j.get("Status").asText()).isEqualTo("Fail");
            assertThat(j.get("Message").asText())
                    .isEqualTo("The size of this batch exceed the max size [104857600]  "
                            + "of json type data  data [ 104857601 ]. Set ignore_json_size to skip the check, although it may "
                            + "lead huge memory consuming.");
        }
    }

    @Test
    void emptyLoadFailsUntilTheFeConfigAllowsIt() throws Exception {
        try (Sandbox own = Sandbox.start(SandboxConfig.ephemeral())) {
            String db = newDb(own, "sl_empty", ORDERS);
            JsonNode j = json(streamLoad(own.feUrl(), db, "orders", headers("label", "e1"), ""));
            assertThat(j.get("Status").asText()).isEqualTo("Fail");
            assertThat(j.get("Message").asText()).isEqualTo(EMPTY_LOAD);
            own.execute("ADMIN SET FRONTEND CONFIG ('empty_load_as_error' = 'false')");
            JsonNode ok = json(streamLoad(own.feUrl(), db, "orders", headers("label", "e1"), ""));
            assertThat(ok.get("Status").asText()).isEqualTo("Success");
            assertThat(ok.get("NumberLoadedRows").asLong()).isZero();
        }
    }

    @Test
    void jsonLoadsWithStripOuterArrayAndJsonPaths() throws Exception {
        String db = newDb(sandbox, "sl_json", ORDERS);
        JsonNode a = json(streamLoad(
                fe,
                db,
                "orders",
                headers("format", "json", "strip_outer_array", "true"),
                "[{\"id\": 1, \"name\": \"ann\", \"amount\": 12.30}, {\"id\": 2, \"name\": null, \"amount\": 7}]"));
        assertThat(a.get("Status").asText()).isEqualTo("Success");
        assertThat(a.get("NumberLoadedRows").asLong()).isEqualTo(2);
        JsonNode b = json(streamLoad(
                fe,
                db,
                "orders",
                headers(
                        "format",
                        "json",
                        "jsonpaths",
                        "[\"$.k\", \"$.who.name\", \"$.price\"]",
                        "columns",
                        "id, name, amount"),
                "{\"k\": 3, \"who\": {\"name\": \"cy\"}, \"price\": \"1.5\"}"));
        assertThat(b.get("Status").asText()).isEqualTo("Success");
        assertThat(query(sandbox, "SELECT id, name, amount FROM " + db + ".orders ORDER BY id"))
                .containsExactly("1|ann|12.30", "2|null|7.00", "3|cy|1.50");
    }

    @Test
    void columnsExpressionsWhereAndPrimaryKeyUpsertDelete() throws Exception {
        String db = newDb(sandbox, "sl_pk", USERS_PK);
        JsonNode a = json(streamLoad(
                fe,
                db,
                "users",
                headers("column_separator", ",", "columns", "id, name, raw, score = raw * 10", "where", "score > 0"),
                "1,ann,1\n2,bob,2\n3,cy,0\n"));
        assertThat(a.get("Status").asText()).as(a.toString()).isEqualTo("Success");
        assertThat(a.get("NumberLoadedRows").asLong()).isEqualTo(2);
        assertThat(a.get("NumberUnselectedRows").asLong()).isEqualTo(1);
        JsonNode b = json(streamLoad(fe, db, "users", headers("column_separator", ","), "1,ann2,5\n4,dee,4\n"));
        assertThat(b.get("Status").asText()).isEqualTo("Success");
        JsonNode c = json(streamLoad(
                fe, db, "users", headers("column_separator", ",", "columns", "__op='delete'"), "2,bob,20\n"));
        assertThat(c.get("Status").asText()).as(c.toString()).isEqualTo("Success");
        assertThat(query(sandbox, "SELECT id, name, score FROM " + db + ".users ORDER BY id"))
                .containsExactly("1|ann2|5", "4|dee|4");
    }

    @Test
    void curlWithLocationTrustedLoadsThroughTheFe() throws Exception {
        String db = newDb(sandbox, "sl_curl", ORDERS);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("curl-load", ".csv");
        java.nio.file.Files.writeString(file, "1,from curl,2.50\n2,again,3\n");
        Process p = new ProcessBuilder(
                        "curl",
                        "-sS",
                        "--location-trusted",
                        "-u",
                        "root:",
                        "-H",
                        "label:curl_1",
                        "-H",
                        "Expect:100-continue",
                        "-H",
                        "column_separator:,",
                        "-T",
                        file.toString(),
                        fe + "/api/" + db + "/orders/_stream_load")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        JsonNode j = Loads.JSON.readTree(out);
        assertThat(j.get("Status").asText()).as(out).isEqualTo("Success");
        assertThat(j.get("NumberLoadedRows").asLong()).isEqualTo(2);
        assertThat(query(sandbox, "SELECT name FROM " + db + ".orders ORDER BY id"))
                .containsExactly("from curl", "again");
    }

    @Test
    void healthEndpointsAnswer() throws Exception {
        HttpResponse<String> health = Loads.CLIENT.send(
                HttpRequest.newBuilder(URI.create(fe + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("OK");
        HttpResponse<String> boot = Loads.CLIENT.send(
                HttpRequest.newBuilder(URI.create(fe + "/api/bootstrap")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json(boot).get("status").asText()).isEqualTo("OK");
    }
}
