package dev.quarry.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Server-side prepared statements (COM_STMT_*) with MySQL Connector/J ({@code useServerPrepStmts=true}, with and
 * without {@code cachePrepStmts}) and MariaDB Connector/J ({@code useServerPrepStmts=true}): binary parameters of
 * every type the drivers send, binary result rows of every StarRocks column type, errors, and many cycles.
 */
// A lost answer must fail the test, never hang the build (CI allows 90 minutes; the build should take under 10).
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PreparedStatementIT {
    private static Sandbox sandbox;
    private static String db;

    @BeforeAll
    static void start() throws IOException, SQLException {
        sandbox = Sandbox.start(SandboxConfig.ephemeral());
        db = "prep_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(Jdbc.url(sandbox), "root", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
            s.execute("CREATE TABLE " + db + ".every_type (id INT NOT NULL, b BOOLEAN, ti TINYINT, si SMALLINT,"
                    + " i INT, bi BIGINT, li LARGEINT, f FLOAT, d DOUBLE, dec38 DECIMAL(38, 9), dec10 DECIMAL(10, 2),"
                    + " dt DATE, ts DATETIME, ch CHAR(5), vc VARCHAR(50), st STRING, vb VARBINARY(20), js JSON,"
                    + " arr ARRAY<INT>) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 1"
                    + " PROPERTIES (\"replication_num\" = \"1\")");
            s.execute("INSERT INTO " + db + ".every_type VALUES (1, true, -128, -32768, -2147483648,"
                    + " -9223372036854775808, -170141183460469231731687303715884105728, 1.5, -2.25e-300,"
                    + " 12345678901234567890123456789.123456789, -99999999.99, '2026-03-08',"
                    + " '2026-03-08 02:30:00.123456', 'abc', 'héllo \\'q\\' \\\\ x', 'long text', to_binary('00ff10', 'hex'),"
                    + " '{\"a\": [1, 2], \"b\": null}', [1, NULL, 3])");
            s.execute(
                    "INSERT INTO " + db + ".every_type VALUES (2, false, 127, 32767, 2147483647,"
                            + " 9223372036854775807, 170141183460469231731687303715884105727, -0.0, 1e300,"
                            + " -0.000000001, 0.00, '0001-01-01', '9999-12-31 23:59:59', '', '', '', to_binary('', 'hex'), '[]', [])");
            s.execute("INSERT INTO " + db + ".every_type (id) VALUES (3)");
            s.execute("CREATE TABLE " + db + ".kv (k INT NOT NULL, v VARCHAR(20)) PRIMARY KEY(k)"
                    + " DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES (\"replication_num\" = \"1\")");
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Connection connectorJ(String options) throws SQLException {
        String url = Jdbc.url(sandbox).replace("/?", "/" + db + "?");
        return DriverManager.getConnection(url + "&useServerPrepStmts=true" + options, "root", "");
    }

    private static Connection mariadb() throws SQLException {
        String url = "jdbc:mariadb://127.0.0.1:" + sandbox.queryPort() + "/" + db
                + "?useServerPrepStmts=true&connectTimeout=10000&socketTimeout=" + Jdbc.SOCKET_TIMEOUT_MS;
        return DriverManager.getConnection(url, "root", "");
    }

    /** Every row of {@code sql} read with a plain statement (text protocol), as strings. */
    private static List<List<String>> textRows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return strings(rs);
        }
    }

    /**
     * Rows as strings. FLOAT and DOUBLE values are compared as numbers: a driver prints a binary double with Java's
     * {@code toString} ({@code 1.0E300}) and a text one as the server wrote it ({@code 1e+300}).
     */
    private static List<List<String>> strings(ResultSet rs) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String v = rs.getString(i);
                boolean floating = md.getColumnType(i) == Types.REAL
                        || md.getColumnType(i) == Types.FLOAT
                        || md.getColumnType(i) == Types.DOUBLE;
                row.add(floating && v != null ? Double.toString(Double.parseDouble(v) + 0.0) : v);
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void everyStarRocksColumnTypeReadsBackInBinaryRowsAsInTextRows() throws SQLException {
        String sql = "SELECT * FROM every_type WHERE id >= ? ORDER BY id";
        for (Connection c : List.of(connectorJ(""), connectorJ("&cachePrepStmts=true"), mariadb())) {
            try (c) {
                List<List<String>> expected = textRows(c, sql.replace("?", "0"));
                assertThat(expected).hasSize(3);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setInt(1, 0);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(strings(rs))
                                .as(c.getMetaData().getDriverName())
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void binaryRowsCarryExactValuesConnectorJReadsAsObjects() throws SQLException {
        try (Connection c = connectorJ("");
                PreparedStatement ps = c.prepareStatement("SELECT * FROM every_type WHERE id = ?")) {
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean("b")).isTrue();
                assertThat(rs.getByte("ti")).isEqualTo((byte) -128);
                assertThat(rs.getShort("si")).isEqualTo((short) -32768);
                assertThat(rs.getInt("i")).isEqualTo(Integer.MIN_VALUE);
                assertThat(rs.getLong("bi")).isEqualTo(Long.MIN_VALUE);
                assertThat(new BigInteger(rs.getString("li")))
                        .isEqualTo(BigInteger.ONE.shiftLeft(127).negate());
                assertThat(rs.getFloat("f")).isEqualTo(1.5f);
                assertThat(rs.getDouble("d")).isEqualTo(-2.25e-300);
                assertThat(rs.getBigDecimal("dec38"))
                        .isEqualTo(new BigDecimal("12345678901234567890123456789.123456789"));
                assertThat(rs.getBigDecimal("dec10")).isEqualTo(new BigDecimal("-99999999.99"));
                assertThat(rs.getObject("dt", LocalDate.class)).isEqualTo(LocalDate.of(2026, 3, 8));
                assertThat(rs.getObject("ts", LocalDateTime.class))
                        .isEqualTo(LocalDateTime.of(2026, 3, 8, 2, 30, 0, 123_456_000));
                assertThat(rs.getString("vc")).isEqualTo("héllo 'q' \\ x");
                assertThat(rs.getBytes("vb")).containsExactly(0x00, 0xff, 0x10);
                assertThat(rs.getString("js")).isEqualTo("{\"a\": [1, 2], \"b\": null}");
                assertThat(rs.getString("arr")).isEqualTo("[1,null,3]");
            }
            ps.setInt(1, 3);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 2; i <= md.getColumnCount(); i++) {
                    assertThat(rs.getObject(i)).as(md.getColumnName(i)).isNull();
                }
            }
        }
    }

    @Test
    void everyParameterTypeRoundTrips() throws Exception {
        for (Connection c : List.of(connectorJ(""), connectorJ("&cachePrepStmts=true"), mariadb())) {
            try (c) {
                String driver = c.getMetaData().getDriverName();
                assertThat(roundTrip(c, ps -> ps.setInt(1, -2147483648)))
                        .as(driver)
                        .isEqualTo("-2147483648");
                assertThat(roundTrip(c, ps -> ps.setLong(1, Long.MAX_VALUE))).isEqualTo("9223372036854775807");
                assertThat(roundTrip(c, ps -> ps.setShort(1, (short) -7))).isEqualTo("-7");
                assertThat(roundTrip(c, ps -> ps.setByte(1, (byte) 127))).isEqualTo("127");
                assertThat(roundTrip(c, ps -> ps.setBoolean(1, true))).isIn("1", "true");
                assertThat(Float.parseFloat(roundTrip(c, ps -> ps.setFloat(1, 3.25f))))
                        .isEqualTo(3.25f);
                assertThat(Double.parseDouble(roundTrip(c, ps -> ps.setDouble(1, -1.0e-7))))
                        .isEqualTo(-1.0e-7);
                String tricky = "it's a \\ \"quote\" -- not a comment ? ; é 漢字 \n new line";
                assertThat(roundTrip(c, ps -> ps.setString(1, tricky))).isEqualTo(tricky);
                assertThat(roundTrip(c, ps -> ps.setString(1, ""))).isEmpty();
                assertThat(roundTrip(c, ps -> ps.setNull(1, Types.VARCHAR))).isNull();
                assertThat(roundTrip(c, ps -> ps.setObject(1, LocalDate.of(2024, 2, 29))))
                        .isEqualTo("2024-02-29");
                assertThat(roundTrip(c, ps -> ps.setObject(1, LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000))))
                        .isEqualTo("2024-02-29 23:59:58.123456");
                assertThat(roundTrip(c, ps -> ps.setObject(1, LocalDateTime.of(2024, 1, 2, 3, 4, 5))))
                        .isEqualTo("2024-01-02 03:04:05");
                assertThat(roundTripObject(c, ps -> ps.setDate(1, Date.valueOf("2023-12-31"))))
                        .isEqualTo(LocalDate.of(2023, 12, 31));
                assertThat(roundTripObject(c, ps -> ps.setTimestamp(1, Timestamp.valueOf("2023-12-31 10:11:12.5"))))
                        .isEqualTo(LocalDateTime.of(2023, 12, 31, 10, 11, 12, 500_000_000));
            }
        }
    }

    @Test
    void parameterTypesStarRocksCannotReadAreRefusedWithItsMessage() throws Exception {
        // StarRocks' parameter parser reads integers, FLOAT/DOUBLE, DECIMAL, DATE/DATETIME and strings only, and has
        // no COM_STMT_SEND_LONG_DATA (docs/starrocks.md §7.6): on a cluster these bindings fail, so they fail here.
        byte[] bytes = {0, 1, (byte) 0xfe, (byte) 0xff, '\'', '\\'};
        String longText = "x".repeat(70_000) + "'end";
        for (Connection c : List.of(connectorJ(""), mariadb())) {
            try (c) {
                String driver = c.getMetaData().getDriverName();
                assertThat(refusal(c, ps -> ps.setBigDecimal(1, new BigDecimal("-1.5"))))
                        .as(driver)
                        .isEqualTo("unknown mysql type code 246");
                assertThat(refusal(c, ps -> ps.setTime(1, Time.valueOf("13:14:15"))))
                        .as(driver)
                        .isEqualTo("unknown mysql type code 11");
                // A driver that sends bytes as a string type gets what StarRocks makes of them: UTF-8 text.
                assertThat(bytesBinding(c, bytes))
                        .as(driver)
                        .isIn("unknown mysql type code 252", new String(bytes, StandardCharsets.UTF_8));
                assertThat(refusal(c, ps -> ps.setBinaryStream(1, new ByteArrayInputStream(bytes), bytes.length)))
                        .as(driver)
                        .containsAnyOf("unknown mysql type code 2", "Unsupported command(COM_STMT_SEND_LONG_DATA)");
                assertThat(refusal(c, ps -> ps.setCharacterStream(1, new StringReader(longText), longText.length())))
                        .as(driver)
                        .containsAnyOf("unknown mysql type code 2", "Unsupported command(COM_STMT_SEND_LONG_DATA)");
                // The connection goes on after every refusal.
                assertThat(roundTrip(c, ps -> ps.setString(1, "still here"))).isEqualTo("still here");
            }
        }
    }

    private static String bytesBinding(Connection c, byte[] bytes) throws Exception {
        try {
            return roundTrip(c, ps -> ps.setBytes(1, bytes));
        } catch (SQLException e) {
            return serverMessage(e);
        }
    }

    /** The server's message; MariaDB's driver puts "(conn=N) " in front of it. */
    private static String serverMessage(SQLException e) {
        return e.getMessage().replaceFirst("^\\(conn=\\d+\\) ", "");
    }

    private static String refusal(Connection c, Binder binder) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT ? AS v")) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                throw new AssertionError("StarRocks refuses this binding, but the sandbox ran it: " + rs.next());
            } catch (SQLException e) {
                return serverMessage(e);
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws Exception;
    }

    private static String roundTrip(Connection c, Binder binder) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT ? AS v")) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static Object roundTripObject(Connection c, Binder binder) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT ? AS v")) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Object o = rs.getObject(1);
                if (o instanceof Date d) {
                    return d.toLocalDate();
                }
                if (o instanceof Timestamp t) {
                    return t.toLocalDateTime();
                }
                return o;
            }
        }
    }

    @Test
    void oneStatementRunsManyTimesWithNewParameters() throws SQLException {
        for (Connection c : List.of(connectorJ("&cachePrepStmts=true"), mariadb())) {
            try (c;
                    PreparedStatement ps = c.prepareStatement("SELECT ? + 1, concat(?, '!'), ? IS NULL")) {
                for (int i = 0; i < 500; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, "n" + i);
                    if (i % 2 == 0) {
                        ps.setNull(3, Types.INTEGER);
                    } else {
                        ps.setInt(3, i);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getLong(1)).isEqualTo(i + 1L);
                        assertThat(rs.getString(2)).isEqualTo("n" + i + "!");
                        assertThat(rs.getBoolean(3)).isEqualTo(i % 2 == 0);
                    }
                }
            }
        }
    }

    @Test
    void connectorJRunsBatchesOfWritesAsClientSideStatements() throws SQLException {
        for (Connection c : List.of(connectorJ(""), connectorJ("&cachePrepStmts=true"))) {
            try (c) {
                try (Statement s = c.createStatement()) {
                    s.execute("TRUNCATE TABLE kv");
                }
                // StarRocks prepares queries only (docs/starrocks.md §7.6): Connector/J falls back to client-side
                // statements for the INSERT, so the batch runs.
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO kv VALUES (?, ?)")) {
                    for (int k = 0; k < 50; k++) {
                        ps.setInt(1, k);
                        ps.setString(2, "v'" + k);
                        ps.addBatch();
                    }
                    assertThat(ps.executeBatch()).hasSize(50).containsOnly(1);
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*), max(v) FROM kv WHERE k < ?")) {
                    ps.setInt(1, 1000);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getLong(1)).isEqualTo(50);
                        assertThat(rs.getString(2)).isEqualTo("v'9");
                    }
                }
            }
        }
    }

    @Test
    void mariadbGetsStarRocksRefusalForAServerPreparedWriteAndGoesOn() throws SQLException {
        try (Connection c = mariadb()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kv VALUES (?, ?)")) {
                ps.setInt(1, 1);
                ps.setString(2, "a");
                ps.addBatch();
                ps.setInt(1, 2);
                ps.setString(2, "b");
                ps.addBatch();
                assertThatThrownBy(ps::executeBatch)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("This command is not supported in the prepared statement protocol yet");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT ? * 3")) {
                ps.setInt(1, 5);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(15);
                }
            }
        }
    }

    @Test
    void anErrorInExecuteIsAMysqlErrorAndTheConnectionGoesOn() throws SQLException {
        for (Connection c : List.of(connectorJ(""), mariadb())) {
            try (c;
                    PreparedStatement ps = c.prepareStatement("SELECT * FROM missing_table WHERE id = ?")) {
                ps.setInt(1, 1);
                assertThatThrownBy(ps::executeQuery)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("Unknown table '" + db + ".missing_table'");
                try (PreparedStatement ok = c.prepareStatement("SELECT ? * 2")) {
                    ok.setInt(1, 21);
                    try (ResultSet rs = ok.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getInt(1)).isEqualTo(42);
                    }
                }
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT 1")) {
                    assertThat(rs.next()).isTrue();
                }
            }
        }
    }

    @Test
    void twoHundredPrepareExecuteCloseCyclesNeverAnswerUnknownCommand() throws SQLException {
        for (Connection c : List.of(connectorJ(""), connectorJ("&cachePrepStmts=true"), mariadb())) {
            try (c) {
                for (int i = 0; i < 200; i++) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT ?, 'x' FROM every_type WHERE id = 1")) {
                        ps.setInt(1, i);
                        try (ResultSet rs = ps.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getInt(1)).isEqualTo(i);
                        }
                    }
                }
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*) FROM every_type")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(3);
                }
            }
        }
    }

    @Test
    void placeholdersInsideStringsCommentsAndNamesAreNotParameters() throws SQLException {
        try (Connection c = connectorJ("");
                PreparedStatement ps = c.prepareStatement("SELECT '?' AS `a?`, /* ? */ ? AS b -- ?\n, \"?\" AS c")) {
            assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(1);
            ps.setString(1, "p");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("?");
                assertThat(rs.getString(2)).isEqualTo("p");
                assertThat(rs.getString(3)).isEqualTo("?");
                assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("a?");
            }
        }
    }

    @Test
    void stringParametersCannotInjectSql() throws SQLException {
        try (Connection c = connectorJ("");
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM every_type WHERE vc = ?")) {
            ps.setString(1, "x' OR '1'='1");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isZero();
            }
            ps.setString(1, "héllo 'q' \\ x");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
