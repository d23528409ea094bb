package dev.quarry.sandbox.it;

import static dev.quarry.sandbox.it.Loads.headers;
import static dev.quarry.sandbox.it.Loads.json;
import static dev.quarry.sandbox.it.Loads.streamLoad;
import static dev.quarry.sandbox.it.StreamLoadIT.ORDERS;
import static dev.quarry.sandbox.it.StreamLoadIT.newDb;
import static dev.quarry.sandbox.it.StreamLoadIT.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.sandbox.Fault;
import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Query log, fault injection, blackhole mode, the conns-set line. */
// A lost answer must fail the test, never hang the build (CI allows 90 minutes; the build should take under 10).
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OperationsIT {

    @Test
    void queryLogHasOneJsonLinePerStatementAndLoad(@TempDir Path dir) throws Exception {
        Path logFile = dir.resolve("query.log");
        try (Sandbox s = Sandbox.start(SandboxConfig.ephemeral().withQueryLog(logFile))) {
            String db = newDb(s, "ops_log", ORDERS);
            try (Connection c = DriverManager.getConnection(Jdbc.url(s), "root", "");
                    Statement st = c.createStatement()) {
                st.execute("INSERT INTO " + db + ".orders VALUES (1, 'a', 1.00)");
                assertThatThrownBy(() -> st.execute("SELECT * FROM " + db + ".missing"))
                        .isInstanceOf(Exception.class);
            }
            JsonNode load = json(streamLoad(s.feUrl(), db, "orders", headers("label", "logged_load"), "2\tb\t2\n"));
            assertThat(load.get("Status").asText()).isEqualTo("Success");
        }
        List<String> lines = Files.readAllLines(logFile);
        List<JsonNode> events = lines.stream()
                .map(l -> {
                    try {
                        return Loads.JSON.readTree(l);
                    } catch (IOException e) {
                        throw new AssertionError("not a JSON line: " + l, e);
                    }
                })
                .toList();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("statement").asText()).startsWith("INSERT INTO");
            assertThat(e.get("state").asText()).isEqualTo("OK");
            assertThat(e.get("user").asText()).isEqualTo("root");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("statement").asText()).contains(".missing");
            assertThat(e.get("state").asText()).isEqualTo("ERR");
            assertThat(e.get("error").asText()).isNotBlank();
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("stream_load");
            assertThat(e.get("label").asText()).isEqualTo("logged_load");
            assertThat(e.get("state").asText()).isEqualTo("Success");
            assertThat(e.get("loadedRows").asLong()).isEqualTo(1);
        });
    }

    @Test
    void queryLogRecordsWhatAStreamLoadSentButNeverItsAuthorization(@TempDir Path dir) throws Exception {
        Path logFile = dir.resolve("query.log");
        try (Sandbox s = Sandbox.start(SandboxConfig.ephemeral().withQueryLog(logFile))) {
            String db = newDb(s, "ops_log_headers", StreamLoadIT.USERS_PK);
            JsonNode load = json(streamLoad(
                    s.feUrl(),
                    db,
                    "users",
                    headers(
                            "label", "hdr_load",
                            "format", "csv",
                            "column_separator", ",",
                            "columns", "id, name, tmp, score = tmp * 2",
                            "where", "tmp > 0",
                            "partial_update", "false",
                            "merge_condition", "score",
                            "max_filter_ratio", "0.5"),
                    "1,ann,3\n2,bob,0\n"));
            assertThat(load.get("Status").asText()).isEqualTo("Success");
        }
        String text = Files.readString(logFile);
        assertThat(text).doesNotContainIgnoringCase("authorization").doesNotContain("Basic ");
        JsonNode line = Files.readAllLines(logFile).stream()
                .map(l -> {
                    try {
                        return Loads.JSON.readTree(l);
                    } catch (IOException e) {
                        throw new AssertionError("not a JSON line: " + l, e);
                    }
                })
                .filter(e -> e.get("kind").asText().equals("stream_load"))
                .findFirst()
                .orElseThrow();
        assertThat(line.get("label").asText()).isEqualTo("hdr_load");
        assertThat(line.get("table").asText()).isEqualTo("users");
        JsonNode sent = line.get("headers");
        assertThat(sent.get("format").asText()).isEqualTo("csv");
        assertThat(sent.get("columns").asText()).isEqualTo("id, name, tmp, score = tmp * 2");
        assertThat(sent.get("where").asText()).isEqualTo("tmp > 0");
        assertThat(sent.get("partial_update").asText()).isEqualTo("false");
        assertThat(sent.get("merge_condition").asText()).isEqualTo("score");
        assertThat(sent.get("max_filter_ratio").asText()).isEqualTo("0.5");
        assertThat(sent.get("column_separator").asText()).isEqualTo(",");
    }

    @Test
    void injectedFaultsFailTheNextLoadsThenLoadsWorkAgain() throws Exception {
        try (Sandbox s = Sandbox.start(SandboxConfig.ephemeral())) {
            String db = newDb(s, "ops_fault", ORDERS);
            s.failNextLoads(1, Fault.http500());
            HttpResponse<String> r = streamLoad(s.feUrl(), db, "orders", headers("label", "r1"), "1\ta\t1\n");
            assertThat(r.statusCode()).isEqualTo(500);

            s.failNextLoads(1, Fault.dropConnection());
            StringBuilder big = new StringBuilder();
            for (int i = 0; i < 200_000; i++) {
                big.append(i).append("\tname\t1.00\n");
            }
            assertThatThrownBy(() -> streamLoad(s.feUrl(), db, "orders", headers("label", "r1"), big.toString()))
                    .isInstanceOf(IOException.class);

            s.failNextLoads(1, Fault.stall(Duration.ofSeconds(3)));
            String auth = Loads.basic("root", "");
            HttpRequest stalled = HttpRequest.newBuilder(URI.create(s.beUrl() + "/api/" + db + "/orders/_stream_load"))
                    .PUT(HttpRequest.BodyPublishers.ofString("1\ta\t1\n"))
                    .expectContinue(true)
                    .header("Authorization", auth)
                    .header("label", "r1")
                    .timeout(Duration.ofMillis(500))
                    .build();
            assertThatThrownBy(() -> Loads.CLIENT.send(stalled, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(HttpTimeoutException.class);

            // None of the failed attempts stored anything, and the label is still free.
            assertThat(query(s, "SELECT count(*) FROM " + db + ".orders")).containsExactly("0");
            // Once the stalled load has woken on the server and failed (its client is gone), r1 must be free again.
            await().atMost(Duration.ofSeconds(30)).until(() -> s.stalledLoads() == 0 && s.requestsInFlight() == 0);
            JsonNode ok = json(streamLoad(s.feUrl(), db, "orders", headers("label", "r1"), "1\ta\t1\n"));
            assertThat(ok.get("Status").asText()).as(ok.toString()).isEqualTo("Success");
            assertThat(query(s, "SELECT count(*) FROM " + db + ".orders")).containsExactly("1");
        }
    }

    @Test
    void blackholeParsesAndCountsButStoresNothing() throws Exception {
        try (Sandbox s = Sandbox.start(SandboxConfig.ephemeral().withBlackhole(true))) {
            String db = newDb(s, "ops_blackhole", ORDERS);
            JsonNode r = json(streamLoad(
                    s.feUrl(),
                    db,
                    "orders",
                    headers("column_separator", ",", "max_filter_ratio", "0.5"),
                    "1,a,1\n2,b,2\n3,c\n"));
            assertThat(r.get("Status").asText()).isEqualTo("Success");
            assertThat(r.get("NumberLoadedRows").asLong()).isEqualTo(2);
            assertThat(r.get("NumberFilteredRows").asLong()).isEqualTo(1);
            assertThat(query(s, "SELECT count(*) FROM " + db + ".orders")).containsExactly("0");
        }
    }

    @Test
    void connsSetLineAndUrlsNameTheRealPortsButNoPassword() throws Exception {
        try (Sandbox s = Sandbox.start(SandboxConfig.ephemeral())) {
            assertThat(s.connsSetLine("SR"))
                    .isEqualTo("quarry conns set SR url=starrocks://root:@127.0.0.1:" + s.queryPort()
                            + "/ fe_url=http://127.0.0.1:" + s.httpPort());
            assertThat(s.queryPort()).isPositive().isNotEqualTo(s.httpPort()).isNotEqualTo(s.beHttpPort());
        }
        try (Sandbox s = Sandbox.start(SandboxConfig.ephemeral().withCredentials("root", "topsecret"))) {
            assertThat(s.connsSetLine("SR")).doesNotContain("topsecret");
            assertThat(s.config().toString()).doesNotContain("topsecret");
            assertThat(s.mysqlUrl()).doesNotContain("topsecret");
        }
    }
}
