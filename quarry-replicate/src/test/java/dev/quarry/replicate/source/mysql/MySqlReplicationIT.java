package dev.quarry.replicate.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.replicate.load.StreamResult;
import dev.quarry.testing.TestingSandbox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every replication mode from MariaDB into the sandbox, as the PostgreSQL ITs run them, plus MySQL's own cases. */
class MySqlReplicationIT {
    private static TestingMariaDb db;
    private static TestingMariaDb other;
    private static String target;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        db = TestingMariaDb.create("modes");
        db.execute(
                "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)",
                "INSERT INTO items SELECT seq, CONCAT('item ', seq) FROM seq_1_to_250",
                "CREATE TABLE events (id BIGINT PRIMARY KEY, updated_at DATETIME(3) NOT NULL, v INT)",
                "INSERT INTO events SELECT seq, '2026-05-01 00:00:00' + INTERVAL seq SECOND, seq FROM seq_1_to_300",
                "CREATE TABLE log (at TIMESTAMP(6) NOT NULL, line TEXT)",
                "INSERT INTO log SELECT '2026-05-01 00:00:00' + INTERVAL seq MINUTE, CONCAT('line ', seq) FROM seq_1_to_100",
                "CREATE TABLE big (id INT UNSIGNED PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO big SELECT seq, CONCAT('v', seq) FROM seq_1_to_10000",
                "SET SESSION sql_mode = ''",
                "CREATE TABLE zero (id INT PRIMARY KEY, d DATE, t DATETIME)",
                "INSERT INTO zero VALUES (1, '0000-00-00', '0000-00-00 00:00:00'), (2, '2026-01-00', '2026-05-01 10:00:00'),"
                        + " (3, '2026-01-02', '0000-00-00 00:00:00')",
                "CREATE TABLE flags (id INT PRIMARY KEY, f TINYINT(1))",
                "INSERT INTO flags VALUES (1, 1), (2, 5)",
                "CREATE TABLE wide (id INT PRIMARY KEY, d DECIMAL(65,30))",
                "INSERT INTO wide VALUES (1, 1.5)");
        other = TestingMariaDb.create("wild");
        other.execute(
                "CREATE TABLE a_one (id INT PRIMARY KEY)",
                "INSERT INTO a_one VALUES (1), (2)",
                "CREATE TABLE a_two (id INT PRIMARY KEY, t VARCHAR(3))",
                "INSERT INTO a_two VALUES (1, 'x')",
                "CREATE VIEW b_view AS SELECT id FROM a_one");
        target = TestingSandbox.get().createDatabase("mysql_modes");
    }

    @AfterAll
    static void tearDown() {
        db.close();
        other.close();
    }

    private MariaDbRun run(String streams) {
        return run("", streams);
    }

    private MariaDbRun run(String connectionExtra, String streams) {
        return MariaDbRun.run(dir, db, connectionExtra, """
                source: MY
                target: SR
                defaults:
                  object: "%s.{stream_table}"
                streams:
                """.formatted(target) + streams);
    }

    @Test
    void fullRefreshThenTruncateKeepTheTargetExact() throws SQLException {
        MariaDbRun first = run("  items:\n    object: " + target + ".items_fr\n    mode: full-refresh\n");
        assertThat(first.failures).isEmpty();
        assertThat(query("SELECT COUNT(*), MIN(name), MAX(id) FROM items_fr")).containsExactly("250|item 1|250");

        db.execute("DELETE FROM items WHERE id > 200", "UPDATE items SET name = 'changed' WHERE id = 1");
        try {
            MariaDbRun second = run("  items:\n    object: " + target + ".items_fr\n    mode: truncate\n");
            assertThat(second.failures).isEmpty();
            assertThat(query("SELECT COUNT(*), MAX(id) FROM items_fr")).containsExactly("200|200");
            assertThat(query("SELECT name FROM items_fr WHERE id = 1")).containsExactly("changed");
        } finally {
            db.execute(
                    "INSERT INTO items SELECT seq, CONCAT('item ', seq) FROM seq_201_to_250",
                    "UPDATE items SET name = 'item 1' WHERE id = 1");
        }
    }

    @Test
    void incrementalWithPrimaryKeyUpsertsAndAnEmptyIncrementLoadsNothing() throws SQLException {
        String stream = "  events:\n    object: " + target
                + ".events_inc\n    mode: incremental\n    primary_key: [id]\n    update_key: updated_at\n";
        assertThat(run(stream).failures).isEmpty();
        assertThat(query("SELECT COUNT(*), MAX(updated_at) FROM events_inc"))
                .containsExactly("300|2026-05-01 00:05:00");

        db.execute(
                "UPDATE events SET v = -1, updated_at = '2026-05-02 00:00:00.250' WHERE id = 7",
                "INSERT INTO events VALUES (301, '2026-05-02 00:00:01', 301)");
        MariaDbRun second = run(stream);
        assertThat(second.failures).isEmpty();
        assertThat(query("SELECT COUNT(*), MAX(updated_at) FROM events_inc"))
                .containsExactly("301|2026-05-02 00:00:01");
        assertThat(query("SELECT v, updated_at FROM events_inc WHERE id = 7"))
                .containsExactly("-1|2026-05-02 00:00:00.250000");

        MariaDbRun third = run(stream);
        assertThat(third.failures).isEmpty();
        assertThat(third.outcome.results().get(0).rowsRead()).isZero();
    }

    @Test
    void incrementalOnATimestampWithoutKeyAppendsOnlyNewRows() throws SQLException {
        String stream = "  log:\n    object: " + target + ".log_inc\n    mode: incremental\n    update_key: at\n"
                + "    target_options: {timezone: America/Bahia_Banderas}\n";
        assertThat(run(stream).failures).isEmpty();
        db.execute("INSERT INTO log VALUES ('2026-05-01 02:00:00', 'late')");
        assertThat(run(stream).failures).isEmpty();
        // 2026-05-01 02:00 UTC is 20:00 the day before in Bahia de Banderas (UTC-6): the checkpoint went back
        // through the zone, so the 100 first rows were not read again.
        assertThat(query("SELECT COUNT(*), MAX(at) FROM log_inc")).containsExactly("101|2026-04-30 20:00:00");
    }

    @Test
    void snapshotAppendsWithTheLoadTime() throws SQLException {
        String stream = "  items:\n    object: " + target + ".items_snap\n    mode: snapshot\n    select: [id]\n";
        assertThat(run(stream).failures).isEmpty();
        assertThat(run(stream).failures).isEmpty();
        assertThat(query("SELECT COUNT(*), COUNT(DISTINCT _sling_loaded_at) FROM items_snap"))
                .containsExactly("500|2");
    }

    @Test
    void backfillReadsTheRangeInPieces() throws SQLException {
        MariaDbRun run = run("  events:\n    object: " + target + ".events_bf\n    mode: backfill\n"
                + "    primary_key: [id]\n    update_key: id\n    source_options: {range: '10,99', chunk_size: 25}\n");
        assertThat(run.failures).isEmpty();
        assertThat(query("SELECT COUNT(*), MIN(id), MAX(id) FROM events_bf")).containsExactly("90|10|99");
    }

    @Test
    void customSqlStreamsFillTheIncrementalPlaceholders() throws SQLException {
        String stream = "  big_sql:\n    object: " + target + ".big_sql\n    mode: incremental\n"
                + "    primary_key: [id]\n    update_key: id\n"
                + "    sql: \"SELECT id, UPPER(v) AS v FROM big WHERE {incremental_where_cond} AND id <= 5000;\"\n";
        assertThat(run(stream).failures).isEmpty();
        assertThat(query("SELECT COUNT(*), MAX(v) FROM big_sql")).containsExactly("5000|V999");
    }

    @Test
    void aCustomSqlErrorNamesTheLineAndColumnOfTheUsersSql() {
        MariaDbRun run = run("  broken:\n    object: " + target + ".broken\n    mode: full-refresh\n"
                + "    sql: |\n      SELECT id,\n        name FORM items\n");
        assertThat(run.failures).hasSize(1);
        assertThat(run.failure())
                .startsWith("stream broken: its sql does not run: ")
                .contains("near 'items")
                .endsWith("(line 2, column 13 of the sql)");
    }

    @Test
    void wildcardsExpandToTheDatabasesTablesAndViews() throws SQLException {
        MariaDbRun run = MariaDbRun.run(dir, other, "", """
                source: MY
                target: SR
                streams:
                  %s.*:
                    object: "%s.w_{stream_table}"
                    mode: full-refresh
                """.formatted(other.name(), target));
        assertThat(run.failures).isEmpty();
        assertThat(run.outcome.results())
                .extracting(StreamResult::stream)
                .containsExactly(other.name() + ".a_one", other.name() + ".a_two", other.name() + ".b_view");
        assertThat(query("SELECT COUNT(*) FROM w_b_view")).containsExactly("2");
    }

    @Test
    void zeroDatesBecomeNullWithOneWarningPerColumn() throws SQLException {
        MariaDbRun run = run("  zero:\n    object: " + target + ".zero\n    mode: full-refresh\n");
        assertThat(run.failures).isEmpty();
        assertThat(query("SELECT id, d, t FROM zero ORDER BY id"))
                .containsExactly("1|null|null", "2|null|2026-05-01 10:00:00", "3|2026-01-02|null");
        assertThat(run.warnings)
                .containsExactly(
                        "stream zero: column d holds zero dates such as 0000-00-00; they were read as NULL",
                        "stream zero: column t holds zero dates such as 0000-00-00 00:00:00; they were read as NULL");
    }

    @Test
    void aTinyint1ThatIsNotABooleanFailsNamingTheColumn() {
        MariaDbRun run = run("  flags:\n    object: " + target + ".flags\n    mode: full-refresh\n");
        assertThat(run.failure())
                .isEqualTo("reading flags failed: column f holds 5, which BOOLEAN cannot store;"
                        + " map it with columns: {f: tinyint} to keep it");
        MariaDbRun mapped =
                run("  flags:\n    object: " + target + ".flags\n    mode: full-refresh\n    columns: {f: tinyint}\n");
        assertThat(mapped.failures).isEmpty();
    }

    @Test
    void aDecimalWiderThanTheTargetTakesIsAClearError() {
        MariaDbRun run = run("  wide:\n    object: " + target + ".wide\n    mode: full-refresh\n");
        assertThat(run.failure()).contains("d", "DECIMAL", "4.0");
        MariaDbRun mapped = run("  wide:\n    object: " + target + ".wide\n    mode: full-refresh\n"
                + "    columns: {d: 'decimal(38,30)'}\n");
        assertThat(mapped.failures).isEmpty();
    }

    @Test
    void aMissingTableIsNamed() {
        MariaDbRun run = run("  nope:\n    object: " + target + ".nope\n    mode: full-refresh\n");
        assertThat(run.failure()).isEqualTo("stream nope: source table " + db.name() + ".nope does not exist");
    }

    @Test
    void aLargeTableIsReadInParallelRangesOverOneSnapshot() throws SQLException {
        MariaDbRun run = run(
                ", \"read_threads\": \"3\", \"read_split_rows\": \"1\"",
                "  big:\n    object: " + target + ".big_par\n    mode: full-refresh\n"
                        + "    target_options: {file_max_rows: 1000}\n");
        assertThat(run.failures).isEmpty();
        assertThat(run.warnings).isEmpty();
        assertThat(run.outcome.results().get(0).loads()).isEqualTo(12);
        assertThat(query("SELECT COUNT(*), COUNT(DISTINCT id), MIN(id), MAX(id), SUM(id) FROM big_par"))
                .containsExactly("10000|10000|1|10000|50005000");
    }

    @Test
    void withoutReloadAParallelReadGoesSerialAndSaysWhy() throws SQLException {
        String user = "quarry_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        db.execute(
                "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'",
                "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY 'pw'",
                "GRANT SELECT, CREATE TEMPORARY TABLES ON `" + db.name() + "`.* TO '" + user + "'@'%'",
                "GRANT SELECT, CREATE TEMPORARY TABLES ON `" + db.name() + "`.* TO '" + user + "'@'localhost'");
        try {
            MariaDbRun run = run(
                    ", \"user\": \"" + user + "\", \"password\": \"pw\", \"read_threads\": \"2\","
                            + " \"read_split_rows\": \"1\"",
                    "  big:\n    object: " + target + ".big_serial\n    mode: full-refresh\n");
            assertThat(run.failures).isEmpty();
            assertThat(run.warnings).hasSize(1);
            assertThat(run.warnings.get(0))
                    .startsWith("stream big: read in one session instead of 2 parallel ranges")
                    .endsWith("grant RELOAD to read in parallel");
            assertThat(query("SELECT COUNT(*) FROM big_serial")).containsExactly("10000");
        } finally {
            db.execute("DROP USER '" + user + "'@'%'", "DROP USER '" + user + "'@'localhost'");
        }
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestingSandbox.get().connect(target);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
