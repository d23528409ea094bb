package dev.quarry.replicate.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.replicate.config.Mode;
import dev.quarry.replicate.config.ReplicationConfigException;
import dev.quarry.replicate.config.RunContext;
import dev.quarry.replicate.plan.ReplicationPlanner;
import dev.quarry.replicate.plan.StreamPlan;
import dev.quarry.replicate.source.SourceException;
import dev.quarry.replicate.source.Sources;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StreamLoader;
import dev.quarry.testing.TestingPostgres;
import dev.quarry.testing.TestingSandbox;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FullRefreshIT {
    private static TestingPostgres.Database pg;
    private static TestingSandbox sandbox;
    private static String database;
    private static Connection source;
    private static Connection target;
    private static StreamLoader loader;

    @BeforeAll
    static void setUp() throws SQLException {
        pg = TestingPostgres.get().createDatabase();
        pg.execute(
                "CREATE SCHEMA demo",
                "CREATE TABLE demo.users (id int4 PRIMARY KEY, name text NOT NULL, email varchar(100))",
                "INSERT INTO demo.users SELECT g, 'user ' || g, CASE WHEN g % 7 = 0 THEN NULL ELSE 'u' || g || '@example.com' END"
                        + " FROM generate_series(1, 10000) g",
                """
                CREATE TABLE demo.events (id int8 PRIMARY KEY, user_id int4, event_name text, properties jsonb,
                  occurred_at timestamptz, amount numeric(10,2), note text)
                """,
                """
                INSERT INTO demo.events SELECT g, 1 + g % 10000, 'click', jsonb_build_object('source', 'mobile', 'value', g),
                  TIMESTAMPTZ '2026-05-25 09:00:00+00' + g * INTERVAL '1 second', g / 100.0,
                  CASE g % 5 WHEN 0 THEN NULL WHEN 1 THEN '' WHEN 2 THEN E'comma, "quote"\\ttab\\nnewline \\\\ back' WHEN 3 THEN '😀 ünï' ELSE '\\N' END
                FROM generate_series(1, 3000) g
                """,
                "CREATE TABLE demo.tags (tag text)",
                "INSERT INTO demo.tags VALUES (''), (NULL), ('\\N'), ('a,b'), ('plain')",
                "CREATE TABLE demo.empty_one (id int4, v text)",
                "CREATE TABLE demo.bad (id int4, f float8)",
                "INSERT INTO demo.bad VALUES (1, 1.5), (2, 'NaN')");
        source = pg.connect();
        sandbox = TestingSandbox.get();
        database = sandbox.createDatabase("full_refresh");
        // MariaDB Connector/J: Connector/J's executeQuery refuses ADMIN SHOW FRONTEND CONFIG, which ClusterProbe runs.
        target = DriverManager.getConnection(sandbox.mariadbUrl(database), sandbox.user(), sandbox.password());
        loader = StreamLoader.builder(URI.create(sandbox.feUrl()), sandbox.user(), sandbox.password())
                .build();
    }

    @AfterAll
    static void tearDown() throws SQLException {
        source.close();
        target.close();
    }

    private static StreamPlan plan(String streams) {
        RunContext context =
                new RunContext(Instant.parse("2026-06-01T00:00:00Z"), ZoneId.of("UTC"), Map.of("DB", database));
        return new ReplicationPlanner(context, Sources.postgres(source))
                .plan("""
                source: PG
                target: SR
                defaults:
                  object: "${DB}.{stream_table}"
                  mode: full-refresh
                streams:
                """ + streams, "r.yaml", Path.of("."))
                .streams()
                .get(0);
    }

    private static StreamResult run(StreamPlan plan) {
        return new FullRefresh(
                        Sources.postgres(source),
                        StarRocksSession.of(target),
                        loader,
                        "run-" + System.nanoTime(),
                        StarRocksDialect.latest())
                .run(plan);
    }

    private static List<List<String>> query(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = target.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> tables() throws SQLException {
        return query("SHOW TABLES").stream().map(r -> r.get(0)).sorted().toList();
    }

    @Test
    void firstRunCreatesTheTableAndLaterRunsSwapInNewData() throws SQLException {
        StreamResult first = run(plan("  demo.users:\n    primary_key: id\n"));
        assertThat(first.rowsRead()).isEqualTo(10000);
        assertThat(first.rowsLoaded()).isEqualTo(10000);
        assertThat(query("SELECT COUNT(*), COUNT(email), MIN(id), MAX(id) FROM users"))
                .containsExactly(List.of("10000", "8572", "1", "10000"));
        assertThat(tables())
                .doesNotContain("users__quarry_stage")
                .allSatisfy(t -> assertThat(t).doesNotContain("__quarry_stage_"));

        pg.execute("DELETE FROM demo.users WHERE id > 9000", "UPDATE demo.users SET name = 'renamed' WHERE id = 1");
        StreamResult second =
                run(plan("  demo.users:\n    primary_key: id\n    target_options: {file_max_rows: 2500}\n"));
        assertThat(second.loads()).isEqualTo(4);
        assertThat(query("SELECT COUNT(*), MAX(id) FROM users")).containsExactly(List.of("9000", "9000"));
        assertThat(query("SELECT name FROM users WHERE id = 1")).containsExactly(List.of("renamed"));
        assertThat(tables()).allSatisfy(t -> assertThat(t).doesNotContain("__quarry_stage_"));
    }

    @Test
    void valuesArriveExactly() throws SQLException {
        StreamResult result =
                run(plan("  demo.events:\n    primary_key: id\n    target_options: {file_max_bytes: 65536}\n"));
        assertThat(result.rowsLoaded()).isEqualTo(3000);
        assertThat(result.loads()).isGreaterThan(1);
        assertThat(
                        query(
                                "SELECT id, user_id, event_name, amount, occurred_at, note FROM events WHERE id IN (1, 2, 3, 4, 5) ORDER BY id"))
                .containsExactly(
                        List.of("1", "2", "click", "0.01", "2026-05-25 09:00:01", ""),
                        List.of(
                                "2",
                                "3",
                                "click",
                                "0.02",
                                "2026-05-25 09:00:02",
                                "comma, \"quote\"\ttab\nnewline \\ back"),
                        List.of("3", "4", "click", "0.03", "2026-05-25 09:00:03", "😀 ünï"),
                        List.of("4", "5", "click", "0.04", "2026-05-25 09:00:04", "\\N"),
                        java.util.Arrays.asList("5", "6", "click", "0.05", "2026-05-25 09:00:05", null));
        assertThat(query("SELECT COUNT(*) FROM events WHERE note IS NULL")).containsExactly(List.of("600"));
        assertThat(query("SELECT COUNT(*) FROM events WHERE note = ''")).containsExactly(List.of("600"));
    }

    @Test
    void aSingleColumnKeepsItsEmptyStringRow() throws SQLException {
        StreamResult result = run(plan("  demo.tags:\n"));
        assertThat(result.rowsLoaded()).isEqualTo(5);
        assertThat(query("SELECT tag FROM tags WHERE tag IS NOT NULL ORDER BY tag"))
                .containsExactly(List.of(""), List.of("\\N"), List.of("a,b"), List.of("plain"));
        assertThat(query("SELECT COUNT(*) FROM tags WHERE tag IS NULL")).containsExactly(List.of("1"));
    }

    @Test
    void anEmptySourceGivesAnEmptyTarget() throws SQLException {
        StreamResult result = run(plan("  demo.empty_one:\n"));
        assertThat(result.rowsRead()).isZero();
        assertThat(result.loads()).as("no Stream Load for zero rows").isZero();
        assertThat(query("SELECT COUNT(*) FROM empty_one")).containsExactly(List.of("0"));
    }

    @Test
    void aFailedReadLeavesTheTargetAsItWas() throws SQLException {
        pg.execute("CREATE TABLE demo.flaky (id int4, f float8)", "INSERT INTO demo.flaky VALUES (1, 1.5), (2, 2.5)");
        run(plan("  demo.flaky:\n"));
        pg.execute("INSERT INTO demo.flaky VALUES (3, 'NaN')");
        assertThatThrownBy(() -> run(plan("  demo.flaky:\n")))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining(
                        "column f (double precision) of demo.flaky holds a value StarRocks DOUBLE cannot load");
        assertThat(query("SELECT id, f FROM flaky ORDER BY id"))
                .containsExactly(List.of("1", "1.5"), List.of("2", "2.5"));
        assertThat(tables()).allSatisfy(t -> assertThat(t).doesNotContain("__quarry_stage_"));
    }

    @Test
    void truncateKeepsTheTargetDdlAndReplacesTheRows() throws SQLException {
        pg.execute(
                "CREATE TABLE demo.kept (id int4, label text)",
                "INSERT INTO demo.kept SELECT g, 'v' || g FROM generate_series(1, 50) g");
        try (Statement st = target.createStatement()) {
            st.execute("CREATE TABLE kept (id INT NOT NULL, label VARCHAR(100), extra VARCHAR(10)) DUPLICATE KEY(id)"
                    + " DISTRIBUTED BY HASH(id) BUCKETS 3 PROPERTIES (\"replication_num\" = \"1\")");
            st.execute("INSERT INTO kept VALUES (999, 'old', 'x')");
        }
        StreamResult result = run(plan("  demo.kept:\n    mode: truncate\n"));
        assertThat(result.mode()).isEqualTo(Mode.TRUNCATE);
        assertThat(query("SELECT COUNT(*), MAX(id), COUNT(extra) FROM kept")).containsExactly(List.of("50", "50", "0"));
        assertThat(query("SHOW CREATE TABLE kept").get(0).get(1))
                .contains("`extra`")
                .contains("BUCKETS 3");
    }

    @Test
    void rowsStarRocksRejectsFailTheRunAndKeepTheTarget() throws SQLException {
        pg.execute("CREATE TABLE demo.names (id int4, name text)", "INSERT INTO demo.names VALUES (1, 'abc')");
        String stream = "  demo.names:\n    columns: {name: varchar(3)}\n";
        run(plan(stream));
        pg.execute("INSERT INTO demo.names VALUES (2, 'much too long')");
        assertThatThrownBy(() -> run(plan(stream)))
                .isInstanceOf(dev.quarry.core.RunException.class)
                .hasMessageContaining("much too long");
        assertThat(query("SELECT id, name FROM names")).containsExactly(List.of("1", "abc"));
        assertThat(tables()).allSatisfy(t -> assertThat(t).doesNotContain("__quarry_stage_"));
    }

    @Test
    void dryRunShowsTheDdlAndQueryAndChangesNothing() throws SQLException {
        pg.execute("CREATE TABLE demo.planned (id int8 PRIMARY KEY, amount numeric(12,2), at timestamptz)");
        StreamPlan stream = plan("  demo.planned:\n    mode: incremental\n    primary_key: id\n    update_key: at\n");
        String text = new Replicator(
                        Sources.postgres(source), StarRocksSession.of(target), loader, "dry", StarRocksDialect.latest())
                .dryRun(stream);
        assertThat(text)
                .startsWith("stream demo.planned -> " + database + ".planned [incremental]\n")
                .contains("PRIMARY KEY(`id`)")
                .contains("`amount` DECIMAL(12, 2)")
                .contains("\"replication_num\" = \"1\"")
                .contains("reads rows with at > MAX(at) of the target")
                .contains("COPY (SELECT \"id\" AS \"id\"");
        assertThat(tables()).doesNotContain("planned");
    }

    @Test
    void stagingTablesOfAnInterruptedRunAreRemovedByTheNextRun() throws SQLException {
        pg.execute("CREATE TABLE demo.crashy (id int4)", "INSERT INTO demo.crashy VALUES (1), (2)");
        String leftover = FullRefresh.stagingName("crashy");
        try (Statement st = target.createStatement()) {
            st.execute("CREATE TABLE " + leftover
                    + " (id INT) DUPLICATE KEY(id) PROPERTIES (\"replication_num\" = \"1\")");
            st.execute(
                    "CREATE TABLE crashy__quarry_stage_mine (id INT) DUPLICATE KEY(id) PROPERTIES (\"replication_num\" = \"1\")");
        }
        assertThat(run(plan("  demo.crashy:\n")).rowsLoaded()).isEqualTo(2);
        assertThat(tables())
                .as("only names Quarry generates are removed")
                .doesNotContain(leftover)
                .contains("crashy", "crashy__quarry_stage_mine");
        try (Statement st = target.createStatement()) {
            st.execute("DROP TABLE crashy__quarry_stage_mine");
        }
    }

    @Test
    void tableDdlGivesFullControl() throws SQLException {
        pg.execute(
                "CREATE TABLE demo.custom (id int4, label text)",
                "INSERT INTO demo.custom SELECT g, 'x' || g FROM generate_series(1, 20) g");
        String stream = """
                          demo.custom:
                            target_options:
                              table_ddl: |
                                CREATE TABLE `${DB}`.`custom` (id INT NOT NULL, label VARCHAR(50)) UNIQUE KEY(id)
                                DISTRIBUTED BY HASH(id) BUCKETS 2 PROPERTIES ("replication_num" = "1")
                        """;
        assertThat(run(plan(stream)).rowsLoaded()).isEqualTo(20);
        assertThat(run(plan(stream)).rowsLoaded()).isEqualTo(20);
        assertThat(query("SELECT COUNT(*) FROM custom")).containsExactly(List.of("20"));
        assertThat(query("SHOW CREATE TABLE custom").get(0).get(1))
                .contains("UNIQUE KEY")
                .contains("BUCKETS 2")
                .contains("varchar(50)");
    }

    @Test
    void partitionsBucketsAndPropertiesComeFromTargetOptions() throws SQLException {
        pg.execute(
                "CREATE TABLE demo.sales (id int8, sold_at timestamp NOT NULL, region text)",
                "INSERT INTO demo.sales SELECT g, TIMESTAMP '2026-01-01' + g * INTERVAL '1 day', 'r' || (g % 3) FROM generate_series(1, 90) g");
        StreamResult result = run(plan("""
                  demo.sales:
                    primary_key: [id, sold_at]
                    mode: full-refresh
                    target_options:
                      partition_by: "date_trunc('month', sold_at)"
                      distributed_by: [id]
                      buckets: 2
                      properties: {compression: ZSTD}
                """));
        assertThat(result.rowsLoaded()).isEqualTo(90);
        String ddl = query("SHOW CREATE TABLE sales").get(0).get(1);
        assertThat(ddl)
                .contains("PRIMARY KEY(`id`, `sold_at`)")
                .containsIgnoringCase("date_trunc('month', `sold_at`)")
                .contains("BUCKETS 2")
                .contains("ZSTD");
        assertThatThrownBy(() ->
                        run(plan("  demo.sales:\n    primary_key: id\n    target_options: {partition_by: region}\n")))
                .isInstanceOf(ReplicationConfigException.class)
                .hasMessageStartingWith("stream demo.sales: ");
    }
}
