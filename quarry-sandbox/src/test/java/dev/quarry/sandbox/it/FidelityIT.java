package dev.quarry.sandbox.it;

import static dev.quarry.sandbox.it.Loads.headers;
import static dev.quarry.sandbox.it.Loads.json;
import static dev.quarry.sandbox.it.Loads.streamLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Regressions for fidelity bugs client engineers reported, over real sockets and real drivers. */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FidelityIT {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxConfig.ephemeral());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Connection connectorJ() throws SQLException {
        return DriverManager.getConnection(Jdbc.url(sandbox), "root", "");
    }

    private static Connection mariadb() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mariadb://" + sandbox.host() + ":" + sandbox.queryPort() + "/?socketTimeout="
                        + Jdbc.SOCKET_TIMEOUT_MS,
                "root",
                "");
    }

    private static String db(String... tables) throws Exception {
        return StreamLoadIT.newDb(sandbox, "fid", tables);
    }

    @Test
    void datetimeWithMicrosecondsKeepsItsFractionInGetString() throws Exception {
        String db = db("CREATE TABLE {db}.t (k INT, ts DATETIME) PROPERTIES (\"replication_num\" = \"1\")");
        sandbox.execute(
                "INSERT INTO " + db + ".t VALUES (1, '2024-01-02 03:04:05.123456'), (2, '2024-01-02 03:04:05')");
        for (Connection c : new Connection[] {connectorJ(), mariadb()}) {
            try (c;
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT ts FROM " + db + ".t ORDER BY k")) {
                String driver = c.getMetaData().getDriverName();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as(driver).isEqualTo("2024-01-02 03:04:05.123456");
                assertThat(rs.getTimestamp(1).getNanos()).as(driver).isEqualTo(123_456_000);
                assertThat(rs.next()).isTrue();
                // MariaDB Connector/J pads to the declared 6 decimals; Connector/J prints whole seconds.
                assertThat(rs.getString(1)).as(driver).matches("2024-01-02 03:04:05(\\.000000)?");
                assertThat(rs.getTimestamp(1).getNanos()).as(driver).isZero();
            }
        }
    }

    @Test
    void likeTreatsBackslashAsTheDefaultEscape() throws SQLException {
        try (Connection c = connectorJ();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT 'gen_1' LIKE 'gen\\\\_%', 'gen1' LIKE 'gen\\\\_%', "
                                + "'50%' LIKE '50\\%', '500' LIKE '50\\%', 'gen1' NOT LIKE 'gen\\\\_%', 'a\\\\b' LIKE 'a\\\\\\\\b'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getInt(2)).isEqualTo(0);
            assertThat(rs.getInt(3)).isEqualTo(1);
            assertThat(rs.getInt(4)).isEqualTo(0);
            assertThat(rs.getInt(5)).isEqualTo(1);
            assertThat(rs.getInt(6)).isEqualTo(1);
        }
    }

    @Test
    void csvBackslashNIsNullEvenWithAnEscapeHeader() throws Exception {
        String db = db(
                "CREATE TABLE {db}.t (k INT, a VARCHAR(10), b VARCHAR(10)) PROPERTIES (\"replication_num\" = \"1\")");
        JsonNode r = json(streamLoad(
                sandbox.feUrl(),
                db,
                "t",
                headers("column_separator", ",", "escape", "\\"),
                "1,\\N,x\\,y\n2,\\\\N,\\N\n"));
        assertThat(r.get("Status").asText()).as(r.toString()).isEqualTo("Success");
        assertThat(StreamLoadIT.query(sandbox, "SELECT k, a IS NULL, a, b IS NULL, b FROM " + db + ".t ORDER BY k"))
                .containsExactly("1|1|null|0|x,y", "2|0|\\N|1|null");
    }

    @Test
    void varbinaryFromCsvIsHexAndComesBackAsRawBytes() throws Exception {
        String db = db("CREATE TABLE {db}.t (k INT NOT NULL, b VARBINARY) DUPLICATE KEY(k) "
                + "PROPERTIES (\"replication_num\" = \"1\")");
        JsonNode r = json(streamLoad(
                sandbox.feUrl(),
                db,
                "t",
                headers("column_separator", ",", "max_filter_ratio", "1"),
                "1,ab\n2,00FF10\n3,\\N\n4,xyz\n"));
        assertThat(r.get("Status").asText()).as(r.toString()).isEqualTo("Success");
        assertThat(r.get("NumberLoadedRows").asLong()).isEqualTo(4);
        assertThat(StreamLoadIT.query(sandbox, "SELECT k, hex(b) FROM " + db + ".t ORDER BY k"))
                .containsExactly("1|AB", "2|00FF10", "3|null", "4|null");
        try (Connection c = connectorJ();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT b FROM " + db + ".t WHERE k = 2")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBytes(1)).containsExactly(0x00, 0xFF, 0x10);
        }
    }

    @Test
    void whereMayNameATemporaryColumnOfTheColumnsHeader() throws Exception {
        String db = db("CREATE TABLE {db}.t (a INT, b INT) PROPERTIES (\"replication_num\" = \"1\")");
        JsonNode r = json(streamLoad(
                sandbox.feUrl(),
                db,
                "t",
                headers("column_separator", ",", "columns", "a, tmp, b = tmp * 2", "where", "tmp > 1"),
                "1,1\n2,2\n3,5\n"));
        assertThat(r.get("Status").asText()).as(r.toString()).isEqualTo("Success");
        assertThat(r.get("NumberLoadedRows").asLong()).isEqualTo(2);
        assertThat(r.get("NumberUnselectedRows").asLong()).isEqualTo(1);
        assertThat(StreamLoadIT.query(sandbox, "SELECT a, b FROM " + db + ".t ORDER BY a"))
                .containsExactly("2|4", "3|10");
    }

    @Test
    void aLoadWhoseBodyOutlivesItsTimeoutFails() throws Exception {
        String db = db("CREATE TABLE {db}.t (k INT) PROPERTIES (\"replication_num\" = \"1\")");
        // The body sends one row, then stalls past the 1 s timeout before its last row: until the sandbox has given
        // the load up and aborted its transaction.
        java.util.function.Supplier<java.io.InputStream> slow = () -> new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream("1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new java.io.InputStream() {
                    private boolean stalled;

                    @Override
                    public int read() throws IOException {
                        if (!stalled) {
                            stalled = true;
                            await().atMost(Duration.ofSeconds(30))
                                    .until(() -> Loads.loadState(sandbox.feUrl(), db, "slow-1")
                                            .equals("ABORTED"));
                            return '2';
                        }
                        return -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        // One byte at a time on purpose: the stall must come before the last row's first byte.
                        if (len == 0) {
                            return 0;
                        }
                        int c = read();
                        if (c < 0) {
                            return -1;
                        }
                        b[off] = (byte) c;
                        return 1;
                    }
                });
        long t0 = System.nanoTime();
        JsonNode r = json(streamLoad(
                sandbox.feUrl(),
                db,
                "t",
                headers("timeout", "1", "label", "slow-1"),
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(slow)));
        assertThat(r.get("Status").asText()).as(r.toString()).isEqualTo("Fail");
        assertThat(r.get("Message").asText()).isEqualTo("timeout by txn manager");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(30_000);
        assertThat(StreamLoadIT.query(sandbox, "SELECT count(*) FROM " + db + ".t"))
                .containsExactly("0");
        // The label is free again: the timed-out transaction was aborted.
        JsonNode again = json(streamLoad(sandbox.feUrl(), db, "t", headers("label", "slow-1"), "7\n"));
        assertThat(again.get("Status").asText()).as(again.toString()).isEqualTo("Success");
    }

    @Test
    void fixedRangePartitionsParseOverTheWire() throws Exception {
        String db = db();
        try (Connection c = connectorJ();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + db + ".p (dt DATE, v INT) DUPLICATE KEY(dt) PARTITION BY RANGE(dt) ("
                    + "PARTITION p1 VALUES [(\"2024-01-01\"), (\"2024-01-02\")), "
                    + "PARTITION p2 VALUES [(\"2024-01-02\"), (\"2024-01-03\"))) "
                    + "DISTRIBUTED BY HASH(dt) BUCKETS 1 PROPERTIES (\"replication_num\" = \"1\")");
            s.execute("INSERT INTO " + db + ".p VALUES ('2024-01-01', 1), ('2024-01-02', 2)");
            s.execute("TRUNCATE TABLE " + db + ".p PARTITION (p1)");
            try (ResultSet rs = s.executeQuery("SELECT dt, v FROM " + db + ".p")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("2024-01-02");
                assertThat(rs.next()).isFalse();
            }
        }
    }
}
