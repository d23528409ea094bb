package dev.quarry.replicate.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.replicate.config.Mode;
import dev.quarry.replicate.config.RunContext;
import dev.quarry.replicate.plan.ReplicationPlan;
import dev.quarry.replicate.plan.ReplicationPlanner;
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

/** The walkthrough's incremental part (as `quarry demo` runs it): full load, new rows, a run with nothing new, an update. */
class IncrementalIT {
    private static TestingPostgres.Database pg;
    private static String database;
    private static Connection source;
    private static Connection target;
    private static StreamLoader loader;

    @BeforeAll
    static void setUp() throws SQLException {
        pg = TestingPostgres.get().createDatabase();
        pg.execute(
                "CREATE SCHEMA demo",
                "CREATE TABLE demo.events (id int8 PRIMARY KEY, user_id int4, event_name text, properties jsonb, occurred_at timestamptz)",
                """
                INSERT INTO demo.events SELECT g, 1 + g % 100, 'view', jsonb_build_object('source', 'web', 'value', g),
                  TIMESTAMPTZ '2026-05-20 00:00:00+00' + g * INTERVAL '1 second' FROM generate_series(1, 3000) g
                """,
                "CREATE TABLE demo.log (at timestamptz, line text)",
                "INSERT INTO demo.log SELECT TIMESTAMPTZ '2026-05-20 00:00:00+00' + g * INTERVAL '1 minute', 'line ' || g FROM generate_series(1, 100) g");
        source = pg.connect();
        TestingSandbox sandbox = TestingSandbox.get();
        database = sandbox.createDatabase("incremental");
        target = DriverManager.getConnection(sandbox.mariadbUrl(database), sandbox.user(), sandbox.password());
        loader = StreamLoader.builder(URI.create(sandbox.feUrl()), sandbox.user(), sandbox.password())
                .build();
    }

    @AfterAll
    static void tearDown() throws SQLException {
        source.close();
        target.close();
    }

    private static StreamResult run(String streams) {
        RunContext context =
                new RunContext(Instant.parse("2026-06-01T00:00:00Z"), ZoneId.of("UTC"), Map.of("DB", database));
        ReplicationPlan plan =
                new ReplicationPlanner(context, Sources.postgres(source)).plan("""
                source: POSTGRES
                target: STARROCKS
                defaults:
                  object: "${DB}.{stream_table}"
                streams:
                """ + streams, "r.yaml", Path.of("."));
        return new Replicator(
                        Sources.postgres(source),
                        StarRocksSession.of(target),
                        loader,
                        "run-" + System.nanoTime(),
                        StarRocksDialect.latest())
                .run(plan.streams().get(0));
    }

    private static List<String> row(String sql) throws SQLException {
        try (Statement st = target.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.add(rs.getString(i));
            }
            return row;
        }
    }

    @Test
    void walkthroughIncrementalRuns() throws SQLException {
        StreamResult full = run("  demo.events:\n    mode: full-refresh\n    primary_key: [id]\n");
        assertThat(full.rowsLoaded()).isEqualTo(3000);

        pg.execute("""
                INSERT INTO demo.events SELECT 3000 + n, 1 + n % 100, 'click', jsonb_build_object('source', 'mobile', 'value', n),
                  TIMESTAMPTZ '2026-05-25 00:00:00+00' + n * INTERVAL '1 second' FROM generate_series(1, 250) g(n)
                """);
        String incremental = """
                               demo.events:
                                 mode: incremental
                                 primary_key: [id]
                                 update_key: occurred_at
                                 target_options: {file_max_rows: 100}
                             """;
        StreamResult more = run(incremental);
        assertThat(more.rowsRead()).isEqualTo(250);
        assertThat(more.rowsLoaded()).isEqualTo(250);
        assertThat(more.loads()).as("three chunks, one transaction").isEqualTo(1);
        assertThat(row("SELECT COUNT(*), MAX(occurred_at) FROM events")).containsExactly("3250", "2026-05-25 00:04:10");

        StreamResult nothing = run(incremental);
        assertThat(nothing.rowsRead()).isZero();
        assertThat(nothing.loads()).as("no Stream Load when nothing is new").isZero();
        assertThat(row("SELECT COUNT(*) FROM events")).containsExactly("3250");

        pg.execute(
                "UPDATE demo.events SET event_name = 'changed', occurred_at = TIMESTAMPTZ '2026-05-26 00:00:00.25+00' WHERE id = 7");
        StreamResult update = run(incremental);
        assertThat(update.rowsRead()).isEqualTo(1);
        assertThat(row("SELECT COUNT(*) FROM events"))
                .as("upserted, not appended")
                .containsExactly("3250");
        assertThat(row("SELECT event_name, DATE_FORMAT(occurred_at, '%Y-%m-%d %H:%i:%s.%f') FROM events WHERE id = 7"))
                .containsExactly("changed", "2026-05-26 00:00:00.250000");
        assertThat(run(incremental).rowsRead())
                .as("the checkpoint keeps microseconds")
                .isZero();
    }

    @Test
    void aMissingTargetIsCreatedAndAppendsFollow() throws SQLException {
        String stream = "  demo.log:\n    update_key: at\n";
        StreamResult first = run(stream);
        assertThat(first.mode()).isEqualTo(Mode.INCREMENTAL);
        assertThat(first.rowsLoaded()).isEqualTo(100);
        pg.execute("INSERT INTO demo.log VALUES (TIMESTAMPTZ '2026-05-21 00:00:00+00', 'late line')");
        StreamResult second = run(stream);
        assertThat(second.rowsRead()).isEqualTo(1);
        assertThat(row("SELECT COUNT(*), MAX(line) FROM log")).containsExactly("101", "line 99");
    }

    @Test
    void backfillUpsertsItsRange() throws SQLException {
        pg.execute(
                "CREATE TABLE demo.prices (id int4 PRIMARY KEY, day date, price numeric(8,2))",
                "INSERT INTO demo.prices SELECT g, DATE '2026-01-01' + g, g FROM generate_series(1, 60) g");
        String stream = """
                          demo.prices:
                            mode: backfill
                            primary_key: id
                            update_key: day
                            source_options: {range: '2026-01-11,2026-01-20'}
                        """;
        assertThat(run(stream).rowsLoaded()).as("a new target gets the range").isEqualTo(10);
        pg.execute("UPDATE demo.prices SET price = price * 10");
        StreamResult again = run(stream.replace("2026-01-11,2026-01-20", "2026-01-15,2026-01-31"));
        assertThat(again.rowsRead()).isEqualTo(17);
        // ids 10..13 keep their old price; 14..30 were re-read at ten times theirs: 46 + 3740.
        assertThat(row("SELECT COUNT(*), MIN(id), MAX(id), SUM(price) FROM prices"))
                .containsExactly("21", "10", "30", "3786.00");
    }

    @Test
    void snapshotAppendsEverythingWithALoadedAtColumn() throws SQLException {
        pg.execute("CREATE TABLE demo.stock (sku text, qty int4)", "INSERT INTO demo.stock VALUES ('a', 1), ('b', 2)");
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(run("  demo.stock:\n    mode: snapshot\n").rowsLoaded()).isEqualTo(2);
        pg.execute("UPDATE demo.stock SET qty = 5 WHERE sku = 'a'");
        assertThat(run("  demo.stock:\n    mode: snapshot\n").rowsLoaded()).isEqualTo(2);
        assertThat(row("SELECT COUNT(*), COUNT(DISTINCT _sling_loaded_at), SUM(qty) FROM stock"))
                .containsExactly("4", "2", "10");
        String first = row("SELECT MIN(_sling_loaded_at) FROM stock").get(0);
        Instant loadedAt =
                java.time.LocalDateTime.parse(first.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
        assertThat(loadedAt).as("UTC wall time of the run, not the JVM zone's").isBetween(before, Instant.now());
    }

    @Test
    void newSourceColumnsAreAddedToTheTarget() throws SQLException {
        pg.execute(
                "CREATE TABLE demo.grow (id int4 PRIMARY KEY, v text, at timestamp)",
                "INSERT INTO demo.grow VALUES (1, 'a', '2026-01-01 00:00:00')");
        String stream = "  demo.grow:\n    primary_key: id\n    update_key: at\n";
        run(stream);
        pg.execute(
                "ALTER TABLE demo.grow ADD COLUMN score numeric(5,1)",
                "INSERT INTO demo.grow VALUES (2, 'b', '2026-01-02 00:00:00', 4.5)");
        assertRefusedWithoutAddNewColumns(
                stream.replace("update_key: at\n", "update_key: at\n    target_options: {add_new_columns: false}\n"));
        StreamResult grown = run(stream);
        assertThat(grown.rowsRead()).isEqualTo(1);
        assertThat(row("SELECT COUNT(*), COUNT(score), MAX(score) FROM grow")).containsExactly("2", "1", "4.5");
    }

    @Test
    void aFailedLoadLeavesTheTargetsSchemaAndRowsAsTheyWere() throws SQLException {
        pg.execute(
                "CREATE TABLE demo.fragile (id int4 PRIMARY KEY, v text, at timestamp)",
                "INSERT INTO demo.fragile VALUES (1, 'a', '2026-01-01 00:00:00')");
        String stream = "  demo.fragile:\n    primary_key: id\n    update_key: at\n";
        run(stream);
        List<String> columnsBefore = columns("fragile");
        pg.execute(
                "ALTER TABLE demo.fragile ADD COLUMN extra int4",
                "INSERT INTO demo.fragile VALUES (2, 'b', '2026-01-02 00:00:00', 7)");
        // Every attempt of the increment fails (the engine tries it four times), after the column was added.
        TestingSandbox.get().sandbox().failNextLoads(4, dev.quarry.sandbox.Fault.http500());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(stream))
                .hasMessageContaining("stream demo.fragile");
        assertThat(columns("fragile")).as("no column left behind").isEqualTo(columnsBefore);
        assertThat(row("SELECT COUNT(*), MAX(id) FROM fragile")).containsExactly("1", "1");
        StreamResult again = run(stream);
        assertThat(again.rowsLoaded()).as("a rerun adds the column and loads").isEqualTo(1);
        assertThat(row("SELECT COUNT(*), SUM(extra) FROM fragile")).containsExactly("2", "7");
    }

    private static List<String> columns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = target.createStatement();
                ResultSet rs = st.executeQuery("DESC " + table)) {
            while (rs.next()) {
                columns.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return columns;
    }

    private static void assertRefusedWithoutAddNewColumns(String refusedStream) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(refusedStream))
                .hasMessageContaining("the source has columns [score] that " + database + ".grow lacks");
    }

    @Test
    void backfillPiecesCoverTheRangeExactlyOnce() throws SQLException {
        pg.execute(
                "CREATE TABLE demo.readings (id int4 PRIMARY KEY, day date, v int4)",
                "INSERT INTO demo.readings SELECT g, DATE '2026-03-01' + (g / 10), g FROM generate_series(0, 299) g");
        run("  demo.readings:\n    mode: full-refresh\n    primary_key: id\n    where: \"id < 0\"\n");
        StreamResult result = run("""
                                    demo.readings:
                                      mode: backfill
                                      primary_key: id
                                      update_key: day
                                      source_options: {range: '2026-03-03,2026-03-20', chunk_size: 7d}
                                  """);
        // Days 3..20 hold ten rows each; pieces [3,10) [10,17) [17,20] meet without overlap.
        assertThat(result.rowsRead()).isEqualTo(180);
        assertThat(result.loads()).isEqualTo(3);
        assertThat(row("SELECT COUNT(*), MIN(day), MAX(day) FROM readings"))
                .containsExactly("180", "2026-03-03", "2026-03-20");
    }

    @Test
    void adjustColumnTypeWidensWhatTheSourceOutgrewBeforeLoading() throws SQLException {
        pg.execute(
                "CREATE TABLE demo.widen (id int4 PRIMARY KEY, code varchar(5), n int4, price numeric(6, 2))",
                "INSERT INTO demo.widen VALUES (1, 'abc', 1, 1.25)");
        String stream = """
                          demo.widen:
                            mode: incremental
                            primary_key: id
                            target_options: {adjust_column_type: true}
                        """;
        run(stream);
        pg.execute(
                "ALTER TABLE demo.widen ALTER COLUMN code TYPE varchar(20), ALTER COLUMN n TYPE int8,"
                        + " ALTER COLUMN price TYPE numeric(12, 4)",
                "INSERT INTO demo.widen VALUES (2, 'a much longer code', 9000000000, 12345678.1234)");
        StreamResult grown = run(stream);
        assertThat(grown.rowsLoaded()).isEqualTo(2);
        assertThat(row("SELECT code, n, price FROM widen WHERE id = 2"))
                .containsExactly("a much longer code", "9000000000", "12345678.1234");
        assertThat(row("SELECT data_type FROM information_schema.columns WHERE table_schema = '" + database
                        + "' AND table_name = 'widen' AND column_name = 'code'"))
                .singleElement()
                .asString()
                .containsIgnoringCase("varchar");
    }
}
