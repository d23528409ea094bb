package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.sandbox.SandboxConfig;
import dev.quarry.testing.TestingPostgres;
import dev.quarry.testing.TestingSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry replicate} through the real {@link Main}: a real PostgreSQL into a sandbox over its real ports. */
class ReplicateCommandIT {
    /** The sandbox asks for a password here, so that output can be checked for it. */
    private static final String SR_PASSWORD = "Sr:s3cr@t/pw";

    private static TestingPostgres.Database pg;
    private static TestingSandbox sandbox;

    @TempDir
    Path home;

    @BeforeAll
    static void setUp() {
        pg = TestingPostgres.get().createDatabase();
        pg.execute(
                "CREATE SCHEMA shop",
                "CREATE TABLE shop.users (id int4 PRIMARY KEY, name text NOT NULL, email varchar(100))",
                "INSERT INTO shop.users SELECT g, 'user ' || g, CASE WHEN g % 7 = 0 THEN NULL ELSE 'u' || g || '@example.com' END"
                        + " FROM generate_series(1, 1000) g",
                """
                CREATE TABLE shop.orders (id int8 PRIMARY KEY, user_id int4, amount numeric(12,2), currency char(3), status text,
                  placed_at timestamptz)
                """,
                """
                INSERT INTO shop.orders SELECT g, 1 + g % 1000, (g % 50000) / 100.0, (ARRAY['USD','EUR','BRL'])[1 + g % 3],
                  (ARRAY['paid','cancelled','refunded'])[1 + g % 3], TIMESTAMPTZ '2026-05-20 10:00:00+00' + g * INTERVAL '1 minute'
                FROM generate_series(1, 3000) g
                """,
                "CREATE TABLE shop.events (id int8 PRIMARY KEY, user_id int4, event_name text, properties jsonb, occurred_at timestamptz)",
                """
                INSERT INTO shop.events SELECT g, 1 + g % 1000, 'view', jsonb_build_object('source', 'web', 'value', g),
                  TIMESTAMPTZ '2026-05-25 09:00:00+00' + g * INTERVAL '1 second'
                FROM generate_series(1, 500) g
                """,
                "CREATE TABLE shop.bad (id int4, f float8)",
                "INSERT INTO shop.bad VALUES (1, 1.5), (2, 'NaN')");
        sandbox = TestingSandbox.fresh(SandboxConfig.ephemeral().withCredentials("root", SR_PASSWORD));
    }

    @AfterAll
    static void tearDown() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private Cli cli() {
        TestingPostgres server = pg.server();
        return new Cli(home)
                .env(
                        "PG",
                        "{\"type\": \"postgres\", \"host\": \"" + server.host() + "\", \"port\": " + server.port()
                                + ", \"user\": \"" + server.user() + "\", \"password\": \"" + server.password()
                                + "\", \"database\": \"" + pg.name() + "\"}")
                .env(
                        "SR",
                        "{\"type\": \"starrocks\", \"host\": \"" + sandbox.host() + "\", \"port\": "
                                + sandbox.queryPort() + ", \"user\": \"root\", \"password\": \"" + SR_PASSWORD
                                + "\", \"fe_url\": \"" + sandbox.feUrl() + "\"}");
    }

    private Path file(String name, String text) throws IOException {
        Path file = home.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Path threeStreams(String database) throws IOException {
        return file("replication.yaml", """
                source: PG
                target: SR
                defaults:
                  object: %s.{stream_table}
                  mode: full-refresh
                streams:
                  shop.users:
                  shop.orders:
                  shop.events:
                """.formatted(database));
    }

    private static Connection target() throws SQLException {
        return DriverManager.getConnection(sandbox.jdbcUrl(), "root", SR_PASSWORD);
    }

    private static List<String> rows(String sql) throws SQLException {
        try (Connection c = target();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    private static long count(String table) throws SQLException {
        return Long.parseLong(rows("SELECT COUNT(*) FROM " + table).get(0));
    }

    private static List<String> tables(String database) throws SQLException {
        return rows("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + database
                + "' ORDER BY table_name");
    }

    @Test
    void fileRunsEveryStreamWithSlingShapedLinesAndSummary() throws Exception {
        String db = sandbox.createDatabase("repl_file");
        Cli.Result r = cli().run("replicate", "-r", threeStreams(db).toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err())
                .contains(
                        "Replication [3 streams] | PG -> SR",
                        "[1 / 3] running stream shop.users",
                        "[2 / 3] running stream shop.orders",
                        "[3 / 3] running stream shop.events",
                        "created table `" + db + "`.`orders`",
                        "writing to target database [mode: full-refresh]",
                        "| PG -> SR | 3 succeeded | 0 failed");
        assertThat(r.err())
                .containsPattern(
                        "inserted 3000 rows into " + db + "\\.orders in \\d+ secs \\[[\\d,]+ r/s] \\[\\d+(\\.\\d)? kB]")
                .containsPattern("Replication completed in \\d+s \\|");
        assertThat(count(db + ".users")).isEqualTo(1000);
        assertThat(count(db + ".orders")).isEqualTo(3000);
        assertThat(count(db + ".events")).isEqualTo(500);
        assertThat(rows("SELECT id, user_id, amount, currency, status, placed_at FROM " + db + ".orders WHERE id = 61"))
                .containsExactly("61|62|0.61|EUR|cancelled|2026-05-20 11:01:00");

        // Sling's spelling runs the same replication.
        Cli.Result slingSpelling = cli().run("run", "-r", threeStreams(db).toString());
        assertThat(slingSpelling.exitCode()).as(slingSpelling.toString()).isZero();
        assertThat(slingSpelling.err()).contains("Replication [3 streams] | PG -> SR", "3 succeeded | 0 failed");
        assertThat(count(db + ".users")).isEqualTo(1000);

        // A second full refresh replaces the data: still the same counts, and the table is no longer "created".
        Cli.Result again = cli().run("replicate", "-r", threeStreams(db).toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).doesNotContain("created table").contains("3 succeeded | 0 failed");
        assertThat(count(db + ".orders")).isEqualTo(3000);
    }

    @Test
    void streamsSelectsAndModeOverrides() throws Exception {
        String db = sandbox.createDatabase("repl_select");
        Path file = threeStreams(db);
        Cli.Result r = cli().run("replicate", "-r", file.toString(), "--streams", "shop.users,SHOP.EVENTS");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err())
                .contains(
                        "[1 / 2] running stream shop.users",
                        "[2 / 2] running stream shop.events",
                        "2 succeeded | 0 failed")
                .doesNotContain("shop.orders");
        assertThat(tables(db)).containsExactly("events", "users");

        // truncate keeps the table and replaces its rows.
        pg.execute("INSERT INTO shop.users VALUES (100001, 'late', NULL)");
        try {
            Cli.Result truncate =
                    cli().run("replicate", "-r", file.toString(), "--streams", "shop.users", "--mode", "truncate");
            assertThat(truncate.exitCode()).as(truncate.toString()).isZero();
            assertThat(truncate.err()).contains("[mode: truncate]", "inserted 1001 rows into " + db + ".users");
            assertThat(count(db + ".users")).isEqualTo(1001);
        } finally {
            pg.execute("DELETE FROM shop.users WHERE id = 100001");
        }

        Cli.Result badMode = cli().run("replicate", "-r", file.toString(), "--mode", "merge");
        assertThat(badMode.exitCode()).isEqualTo(2);
        assertThat(badMode.err()).contains("--mode: unknown mode 'merge'");
        Cli.Result noKeys = cli().run("replicate", "-r", file.toString(), "--mode", "incremental");
        assertThat(noKeys.exitCode()).isEqualTo(2);
        assertThat(noKeys.err()).contains("--mode incremental: stream shop.users");
        Cli.Result unknownStream = cli().run("replicate", "-r", file.toString(), "--streams", "shop.user");
        assertThat(unknownStream.exitCode()).isEqualTo(2);
        assertThat(unknownStream.err()).contains("no stream named shop.user", "shop.users, shop.orders, shop.events");
    }

    @Test
    void oneOffIncrementalStreamLoadsOnlyNewRowsAndNothingWhenNothingIsNew() throws Exception {
        String db = sandbox.createDatabase("repl_oneoff");
        String[] args = {
            "replicate",
            "--src-conn",
            "PG",
            "--src-stream",
            "shop.events",
            "--tgt-conn",
            "SR",
            "--tgt-object",
            db + ".events",
            "--mode",
            "incremental",
            "--primary-key",
            "id",
            "--update-key",
            "occurred_at"
        };
        Cli.Result first = cli().run(args);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.err())
                .contains(
                        "Replication [1 stream] | PG -> SR",
                        "inserted 500 rows into " + db + ".events",
                        "1 succeeded | 0 failed");

        pg.execute("""
                INSERT INTO shop.events SELECT 100000 + g, 1, 'click', jsonb_build_object('source', 'mobile'),
                  TIMESTAMPTZ '2026-06-01 00:00:00+00' + g * INTERVAL '1 second' FROM generate_series(1, 25) g
                """);
        try {
            Cli.Result second = cli().run(args);
            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(second.err()).contains("inserted 25 rows into " + db + ".events");
            assertThat(count(db + ".events")).isEqualTo(525);

            Cli.Result third = cli().run(args);
            assertThat(third.exitCode()).as(third.toString()).isZero();
            assertThat(third.err())
                    .contains("no new rows since the checkpoint", "inserted 0 rows into " + db + ".events");
            assertThat(count(db + ".events")).isEqualTo(525);
        } finally {
            pg.execute("DELETE FROM shop.events WHERE id > 100000");
        }

        Cli.Result incomplete = cli().run("replicate", "--src-conn", "PG", "--src-stream", "shop.events");
        assertThat(incomplete.exitCode()).isEqualTo(2);
        assertThat(incomplete.err()).contains("a one-off stream also needs --tgt-conn, --tgt-object");
        Cli.Result noDatabase = cli().run(
                        "replicate",
                        "--src-conn",
                        "PG",
                        "--src-stream",
                        "shop.users",
                        "--tgt-conn",
                        "SR",
                        "--tgt-object",
                        "users");
        assertThat(noDatabase.exitCode()).as(noDatabase.toString()).isEqualTo(2);
        assertThat(noDatabase.err())
                .contains("stream shop.users: object users needs a database (db.table)")
                .doesNotContain("running stream");
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        String db = sandbox.createDatabase("repl_dry");
        Cli.Result r = cli().run("replicate", "-r", threeStreams(db).toString(), "--dry-run");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains(
                        "-- dry run: 3 streams | PG -> SR; nothing was changed",
                        "stream shop.orders -> " + db + ".orders [full-refresh]",
                        "CREATE TABLE",
                        "DECIMAL(12, 2)",
                        "COPY");
        assertThat(r.err()).doesNotContain("inserted");
        assertThat(tables(db)).isEmpty();
    }

    @Test
    void aFailingStreamDoesNotStopTheOthersAndExitsOne() throws Exception {
        String db = sandbox.createDatabase("repl_fail");
        Path file = file("failing.yaml", """
                source: PG
                target: SR
                defaults:
                  object: %s.{stream_table}
                streams:
                  shop.users:
                  shop.bad:
                  shop.no_such_table:
                  shop.events:
                """.formatted(db));
        Cli.Result r = cli().run("replicate", "-r", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err())
                .contains(
                        "stream shop.bad failed:",
                        "stream shop.no_such_table failed:",
                        "inserted 1000 rows into " + db + ".users",
                        "inserted 500 rows into " + db + ".events",
                        "| 2 succeeded | 2 failed")
                .containsPattern("ERR .*NaN");
        assertThat(tables(db)).containsExactly("events", "users");
    }

    @Test
    void slingKeysWithoutEffectWarnOnceOnStderrAndCredentialsInFeUrlLoad() throws Exception {
        String db = sandbox.createDatabase("repl_warn");
        Path file = file("sling.yaml", """
                source: PG
                target: SR_SEED
                defaults:
                  object: %s.{stream_table}
                  target_options: {datetime_format: "2006-01-02 15:04:05", batch_limit: 500}
                streams:
                  shop.users:
                    target_options: {column_casing: upper}
                  shop.events:
                    transforms: [trim_space]
                """.formatted(db));
        String encoded = java.net.URLEncoder.encode(SR_PASSWORD, java.nio.charset.StandardCharsets.UTF_8);
        // The seed's form: the Stream Load credentials written in fe_url (docs/sling.md §4.3).
        Cli.Result r = cli().env(
                        "SR_SEED",
                        "{type: starrocks, url: \"starrocks://root:" + encoded + "@" + sandbox.host() + ":"
                                + sandbox.queryPort() + "/" + db + "\", fe_url: \""
                                + sandbox.feUrl().replace("://", "://root:" + encoded + "@") + "\"}")
                .run("replicate", "-r", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err())
                .containsOnlyOnce("WRN " + file + ":5:20: target_options.datetime_format has no effect on StarRocks")
                .containsOnlyOnce("WRN " + file + ":5:60: target_options.batch_limit has no effect on StarRocks")
                .containsOnlyOnce("WRN " + file + ":10:5: transforms has no effect on StarRocks")
                .contains("2 succeeded | 0 failed")
                .doesNotContain(SR_PASSWORD)
                .doesNotContain(encoded);
        assertThat(rows("SELECT column_name FROM information_schema.columns WHERE table_schema = '" + db
                        + "' AND table_name = 'users' ORDER BY ordinal_position"))
                .containsExactly("ID", "NAME", "EMAIL");
        assertThat(count(db + ".events")).isEqualTo(500);
    }

    @Test
    void configErrorsExitTwoListingEveryErrorWithFileLineAndColumn() throws Exception {
        String db = sandbox.createDatabase("repl_config");
        Path file = file("broken.yaml", """
                source: PG
                target: SR
                defaults:
                  object: %s.{stream_table}
                streams:
                  shop.users:
                    primary_keys: [id]
                  shop.orders:
                    mode: incremental
                """.formatted(db));
        Cli.Result r = cli().run("replicate", "-r", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err())
                .containsPattern("broken\\.yaml:7:\\d+: .*primary_keys.*primary_key")
                .containsPattern("broken\\.yaml:9:\\d+: .*shop\\.orders");
        assertThat(r.err()).doesNotContain("running stream");
        assertThat(tables(db)).isEmpty();

        Cli.Result missing =
                cli().run("replicate", "-r", home.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml");
    }

    @Test
    void threeThreadsGiveTheSameRowsAsOne() throws Exception {
        String one = sandbox.createDatabase("repl_t1");
        String three = sandbox.createDatabase("repl_t3");
        Cli.Result serial = cli().run("replicate", "-r", threeStreams(one).toString());
        assertThat(serial.exitCode()).as(serial.toString()).isZero();
        Cli.Result parallel = cli().run("replicate", "-r", threeStreams(three).toString(), "--threads", "3");
        assertThat(parallel.exitCode()).as(parallel.toString()).isZero();
        assertThat(parallel.err()).contains("| 3 threads", "3 succeeded | 0 failed");
        for (String table : List.of("users", "orders", "events")) {
            List<String> expected = rows("SELECT * FROM " + one + "." + table + " ORDER BY id");
            assertThat(expected).isNotEmpty();
            assertThat(rows("SELECT * FROM " + three + "." + table + " ORDER BY id"))
                    .as(table)
                    .isEqualTo(expected);
        }
        assertThat(cli().run("replicate", "-r", threeStreams(three).toString(), "--threads", "0")
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    void debugShowsSqlAndStreamLoadButNoPassword() throws Exception {
        String db = sandbox.createDatabase("repl_debug");
        Cli.Result r = cli().run("--debug", "replicate", "-r", threeStreams(db).toString(), "--threads", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("DBG SQL: ", "COPY", "DBG Stream Load: ", "RENAME `orders`");
        assertThat(r.all()).doesNotContain(SR_PASSWORD, pg.server().password(), "S3cr", "Pw:@");
    }

    @Test
    void wildcardStreamsAreDiscoveredThroughTheSourceNamedByAnEnvironmentVariable() throws Exception {
        String db = sandbox.createDatabase("repl_wild");
        Path file = file("wildcard.yaml", """
                source: ${SOURCE_CONN}
                target: SR
                defaults:
                  object: %s.{stream_table}
                  mode: full-refresh
                streams:
                  shop.*:
                  shop.bad:
                    disabled: true
                """.formatted(db));
        Cli.Result r = cli().env("SOURCE_CONN", "PG").run("replicate", "-r", file.toString(), "--threads", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Replication [3 streams] | PG -> SR | 2 threads", "3 succeeded | 0 failed");
        assertThat(tables(db)).containsExactly("events", "orders", "users");
    }
}
