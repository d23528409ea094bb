package dev.quarry.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The FE query port with MySQL Connector/J, MariaDB Connector/J and the mariadb command-line client. */
// A lost answer must fail the test, never hang the build (CI allows 90 minutes; the build should take under 10).
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MysqlProtocolIT {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxConfig.ephemeral());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(Jdbc.url(sandbox), "root", "");
    }

    private static String db(Connection c, String prefix) throws SQLException {
        String name = prefix + "_" + System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    @Test
    void connectorJSeesTheHandshakeVersionAndVersionComment() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            assertThat(c.getMetaData().getDatabaseProductVersion()).isEqualTo("8.0.33");
            try (ResultSet rs = s.executeQuery("SELECT version(), @@version_comment")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("8.0.33");
                assertThat(rs.getString(2)).contains("3.5.7");
            }
            assertThat(c.isValid(2)).as("COM_PING").isTrue();
        }
    }

    @Test
    void createInsertSelectWithColumnTypesAndNulls() throws SQLException {
        try (Connection c = connect()) {
            String db = db(c, "proto_types");
            c.setCatalog(db);
            // A Connector/J Statement remembers the database of its creation time: create it after setCatalog.
            Statement s = c.createStatement();
            s.execute("CREATE TABLE t (id INT NOT NULL, name VARCHAR(20), amount DECIMAL(10,2), at DATETIME, "
                    + "big BIGINT, d DATE) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 1 "
                    + "PROPERTIES (\"replication_num\" = \"1\")");
            int n = s.executeUpdate("INSERT INTO t VALUES (1, 'héllo', 12.30, '2026-03-08 02:30:00', 9007199254740993, "
                    + "'2026-11-21'), (2, NULL, NULL, NULL, NULL, NULL)");
            assertThat(n).isEqualTo(2);
            try (ResultSet rs = s.executeQuery("SELECT id, name, amount, at, big, d FROM t ORDER BY id")) {
                ResultSetMetaData md = rs.getMetaData();
                assertThat(md.getColumnCount()).isEqualTo(6);
                assertThat(md.getColumnLabel(1)).isEqualTo("id");
                assertThat(md.getColumnType(1)).isEqualTo(Types.INTEGER);
                assertThat(md.getColumnType(2)).isEqualTo(Types.VARCHAR);
                assertThat(md.getColumnType(3)).isEqualTo(Types.DECIMAL);
                assertThat(md.getScale(3)).isEqualTo(2);
                assertThat(md.getColumnType(4)).isEqualTo(Types.TIMESTAMP);
                assertThat(md.getColumnType(5)).isEqualTo(Types.BIGINT);
                assertThat(md.getColumnType(6)).isEqualTo(Types.DATE);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getString(2)).isEqualTo("héllo");
                assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("12.30");
                // DATETIME has no zone: the text form must come back unchanged whatever the JVM zone is.
                assertThat(rs.getString(4)).isEqualTo("2026-03-08 02:30:00");
                assertThat(rs.getLong(5)).isEqualTo(9007199254740993L);
                assertThat(rs.getString(6)).isEqualTo("2026-11-21");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isNull();
                assertThat(rs.getBigDecimal(3)).isNull();
                assertThat(rs.getString(4)).isNull();
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void errorsArriveAsErrPacketsWithStarRocksCodes() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM no_such_db.no_such_table"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isNotZero();
                        assertThat(e.getMessage()).isNotBlank();
                    });
            // Connector/J maps 1064 to SQLSTATE 42000 on its own; the server's state is checked with MariaDB below.
            assertThatThrownBy(() -> s.execute("SELEC 1")).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(1064);
                assertThat(e.getMessage()).startsWith("Getting syntax error");
            });
            // the connection is still usable after errors
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        // MariaDB Connector/J reports the ERR packet's SQLSTATE as sent. StarRocks docs (sql-statements/keywords):
        // "ERROR 1064 (HY000): Getting syntax error at line 1, column 16. ..."
        try (Connection c = DriverManager.getConnection(
                        "jdbc:mariadb://" + sandbox.host() + ":" + sandbox.queryPort() + "/?socketTimeout="
                                + Jdbc.SOCKET_TIMEOUT_MS,
                        "root",
                        "");
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("SELEC 1")).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(1064);
                assertThat(e.getSQLState()).isEqualTo("HY000");
            });
        }
    }

    @Test
    void initDbSelectsAndRejectsUnknownDatabases() throws SQLException {
        try (Connection c = connect()) {
            String db = db(c, "proto_initdb");
            c.setCatalog(db);
            assertThat(c.getCatalog()).isEqualTo(db);
            assertThatThrownBy(() -> c.setCatalog("no_such_database_xyz")).isInstanceOf(SQLException.class);
        }
        try (Connection c = DriverManager.getConnection(
                "jdbc:mysql://" + sandbox.host() + ":" + sandbox.queryPort() + "/no_such_database_xyz?sslMode=DISABLED",
                "root",
                "")) {
            throw new AssertionError("connected to a missing database: " + c);
        } catch (SQLException e) {
            assertThat(e.getMessage()).contains("no_such_database_xyz");
        }
    }

    @Test
    void wrongPasswordIsAccessDenied() throws Exception {
        try (Sandbox locked = Sandbox.start(SandboxConfig.ephemeral().withCredentials("admin", "s3cret:pw"))) {
            String url = locked.jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "admin", "wrong"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1045);
                        assertThat(e.getSQLState()).isEqualTo("28000");
                        assertThat(e.getMessage())
                                .isEqualTo("Access denied for user 'admin'@'127.0.0.1' (using password: YES)");
                    });
            assertThatThrownBy(() -> DriverManager.getConnection(url, "admin", ""))
                    .hasMessage("Access denied for user 'admin'@'127.0.0.1' (using password: NO)");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "root", "s3cret:pw"))
                    .hasMessageContaining("Access denied for user 'root'");
            try (Connection c = DriverManager.getConnection(url, "admin", "s3cret:pw");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 41 + 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
            try (Connection c = DriverManager.getConnection(
                    "jdbc:mariadb://" + locked.host() + ":" + locked.queryPort() + "/?socketTimeout="
                            + Jdbc.SOCKET_TIMEOUT_MS,
                    "admin",
                    "s3cret:pw")) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void mariadbConnectorJWorksUnchanged() throws SQLException {
        String url = "jdbc:mariadb://" + sandbox.host() + ":" + sandbox.queryPort() + "/?socketTimeout="
                + Jdbc.SOCKET_TIMEOUT_MS;
        try (Connection c = DriverManager.getConnection(url, "root", "");
                Statement s = c.createStatement()) {
            String db = db(c, "proto_mariadb");
            s.execute("CREATE TABLE " + db + ".t (k INT, v VARCHAR(10)) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) "
                    + "PROPERTIES (\"replication_num\" = \"1\")");
            s.execute("INSERT INTO " + db + ".t VALUES (1, 'a'), (2, 'b'), (3, NULL)");
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(v) FROM " + db + ".t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(3);
                assertThat(rs.getLong(2)).isEqualTo(2);
            }
        }
    }

    @Test
    void concurrentConnectionsEachKeepTheirOwnSession() throws Exception {
        String db;
        try (Connection c = connect()) {
            db = db(c, "proto_concurrent");
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    try (Connection c = connect()) {
                        if (n % 2 == 0) {
                            c.setCatalog(db);
                        }
                        Statement s = c.createStatement();
                        int sum = 0;
                        for (int k = 0; k < 20; k++) {
                            try (ResultSet rs = s.executeQuery("SELECT " + n + " * 100 + " + k)) {
                                rs.next();
                                sum += rs.getInt(1);
                            }
                        }
                        return sum;
                    }
                }));
            }
            for (int i = 0; i < 8; i++) {
                assertThat(results.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(i * 100 * 20 + 190);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void packetsLargerThan16MiBAreJoined() throws SQLException {
        int size = (16 << 20) + 1000;
        String big = "x".repeat(size);
        try (Connection c = DriverManager.getConnection(Jdbc.url(sandbox) + "&maxAllowedPacket=67108864", "root", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT length('" + big + "')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(size);
        }
    }

    @Test
    void mariadbCommandLineClientRunsStatements() throws Exception {
        Process p = new ProcessBuilder(
                        "/usr/bin/mariadb",
                        "-h",
                        sandbox.host(),
                        "-P",
                        String.valueOf(sandbox.queryPort()),
                        "-uroot",
                        "--skip-ssl",
                        "-N",
                        "-B",
                        "-e",
                        "SELECT 6 * 7; SELECT 'cli works'")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as(out).contains("42").contains("cli works");
        assertThat(p.exitValue()).as(out).isZero();
    }
}
