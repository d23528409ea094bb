package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.sandbox.SandboxConfig;
import dev.quarry.testing.TestingPostgres;
import dev.quarry.testing.TestingSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input suite: every file under {@code src/test/resources/bad-inputs/} is one mistake a user can make (see
 * {@link BadInputCase} for the format), run through the real {@link Main} in-process against one PostgreSQL database
 * and one sandbox for the whole class. Each case asserts the exit code, fragments the message must hold (what is wrong
 * and where), and that the target did not change; every case also checks that no Java exception name, stack trace or
 * password reaches the user.
 */
class BadInputIT {
    private static final String SR_PASSWORD = "Bad:inp@t/pw";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private static TestingPostgres.Database pg;
    private static TestingSandbox sandbox;

    @TempDir
    static Path root;

    @BeforeAll
    static void setUp() {
        pg = TestingPostgres.get().createDatabase();
        pg.execute(
                "CREATE SCHEMA shop",
                "CREATE TABLE shop.users (id int4 PRIMARY KEY, name text NOT NULL, score numeric(5,1), updated_at timestamp)",
                "INSERT INTO shop.users SELECT g, 'user ' || g, g / 10.0, TIMESTAMP '2026-01-01' + g * INTERVAL '1 hour'"
                        + " FROM generate_series(1, 50) g",
                "CREATE TABLE shop.events (id int8 PRIMARY KEY, kind text, at timestamptz)",
                "INSERT INTO shop.events SELECT g, 'view', TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '1 minute'"
                        + " FROM generate_series(1, 20) g");
        sandbox = TestingSandbox.fresh(SandboxConfig.ephemeral().withCredentials("root", SR_PASSWORD));
    }

    @AfterAll
    static void tearDown() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputGetsAClearAnswer() throws IOException, URISyntaxException {
        Path dir = Path.of(BadInputIT.class.getResource("/bad-inputs").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".case")).sorted().toList();
        }
        assertThat(files).as("the suite's cases").hasSizeGreaterThan(100);
        return files.stream()
                .map(f -> DynamicTest.dynamicTest(
                        f.getFileName().toString(), f.toUri(), () -> run(BadInputCase.read(f))));
    }

    private static void run(BadInputCase c) throws IOException, SQLException {
        int n = NEXT.incrementAndGet();
        Path work = Files.createDirectories(root.resolve("case" + n));
        Path home = Files.createDirectories(work.resolve(".quarry-home"));
        String database = "bad_input_" + n;
        Map<String, String> vars = Map.of(
                "DB",
                database,
                "PG_HOST",
                pg.server().host(),
                "PG_PORT",
                Integer.toString(pg.server().port()),
                "PG_USER",
                pg.server().user(),
                "PG_PASSWORD",
                pg.server().password(),
                "PG_DATABASE",
                pg.name(),
                "SR_PORT",
                Integer.toString(sandbox.queryPort()),
                "SR_HTTP_PORT",
                Integer.toString(URI.create(sandbox.feUrl()).getPort()),
                "SR_PASSWORD",
                SR_PASSWORD);
        if (c.targetDatabase()) {
            execute("CREATE DATABASE " + database);
        }
        for (String sql : c.setup()) {
            execute(BadInputCase.expand(sql, vars));
        }
        for (Map.Entry<String, String> f : c.files().entrySet()) {
            Path file = f.getKey().startsWith("home/")
                    ? home.resolve(f.getKey().substring("home/".length()))
                    : work.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, BadInputCase.expand(f.getValue(), vars), StandardCharsets.UTF_8);
        }
        String before = snapshot(database, c.builtVersionsStay());
        Cli cli = new Cli(home, work);
        if (c.connections()) {
            cli.env(
                            "PG",
                            BadInputCase.expand(
                                    "{type: postgres, host: ${PG_HOST}, port: ${PG_PORT}, user: ${PG_USER},"
                                            + " password: \"${PG_PASSWORD}\", database: ${PG_DATABASE}}",
                                    vars))
                    .env(
                            "SR",
                            BadInputCase.expand(
                                    "{type: starrocks, host: 127.0.0.1, port: ${SR_PORT}, user: root,"
                                            + " password: \"${SR_PASSWORD}\","
                                            + " fe_url: \"http://127.0.0.1:${SR_HTTP_PORT}\"}",
                                    vars));
        }
        cli.env("QUARRY_SR_HOST", "127.0.0.1")
                .env("QUARRY_SR_PORT", vars.get("SR_PORT"))
                .env("QUARRY_SR_HTTP_PORT", vars.get("SR_HTTP_PORT"))
                .env("QUARRY_SR_USER", "root")
                .env("QUARRY_SR_PASSWORD", SR_PASSWORD);
        c.env().forEach((k, v) -> cli.env(k, BadInputCase.expand(v, vars)));
        Cli.Result r = runBounded(cli, c.args(vars).toArray(String[]::new));

        assertThat(r.exitCode()).as(c.name() + ": exit code\n" + r).isEqualTo(c.exit());
        String all = r.all();
        for (String fragment : c.expected()) {
            assertThat(all)
                    .as(c.name() + ": the message names what and where\n" + r)
                    .contains(BadInputCase.expand(fragment, vars).replace("${WORK}", work.toString()));
        }
        for (String fragment : c.unexpected()) {
            assertThat(all).as(c.name() + ": must not say\n" + r).doesNotContain(BadInputCase.expand(fragment, vars));
        }
        assertThat(all)
                .as(c.name() + ": no Java words, stack traces or secrets\n" + r)
                .doesNotContain(
                        "Exception",
                        "ERR unexpected",
                        "\tat ",
                        "java.",
                        SR_PASSWORD,
                        pg.server().password().length() >= 6 ? pg.server().password() : SR_PASSWORD);
        if (c.exit() != 0) {
            assertThat(snapshot(database, c.builtVersionsStay()))
                    .as(c.name() + ": a failed command changes nothing in the target\n" + r)
                    .isEqualTo(before);
        }
    }

    /**
     * Runs the command on its own thread for at most a minute: a {@code sandbox} case that wrongly starts a server
     * would wait for Ctrl-C; interrupting it stops the server and the case fails on its exit code.
     */
    private static Cli.Result runBounded(Cli cli, String... args) {
        java.util.concurrent.atomic.AtomicReference<Cli.Result> result =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = new Thread(() -> result.set(cli.run(args)), "bad-input-case");
        thread.start();
        try {
            thread.join(60_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(30_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        assertThat(result.get())
                .as("the command " + List.of(args) + " finished")
                .isNotNull();
        return result.get();
    }

    private static Connection target() throws SQLException {
        return DriverManager.getConnection(sandbox.jdbcUrl(), "root", SR_PASSWORD);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = target();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Databases, and the case database's tables with their columns and row counts. With {@code builtVersionsStay}
     * the physical databases ({@code quarry__...}) are left out: a model version built before its audit failed is kept
     * for the next plan (SQLMesh's behaviour), while the environment stays as it was.
     */
    private static String snapshot(String database, boolean builtVersionsStay) throws SQLException {
        StringBuilder out = new StringBuilder();
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = target();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SHOW DATABASES")) {
                while (rs.next()) {
                    if (!(builtVersionsStay && rs.getString(1).startsWith("quarry__"))) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = '"
                            + database + "' ORDER BY table_name, ordinal_position")) {
                while (rs.next()) {
                    tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                            .add(rs.getString(2) + " " + rs.getString(3));
                }
            }
            for (Map.Entry<String, List<String>> t : tables.entrySet()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + database + "`.`" + t.getKey() + "`")) {
                    rs.next();
                    out.append(t.getKey())
                            .append(t.getValue())
                            .append(' ')
                            .append(rs.getLong(1))
                            .append('\n');
                }
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("snapshot of " + database + " failed", e));
        }
        return out.toString();
    }
}
