package dev.quarry.cli;

import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import dev.quarry.core.output.ResultFormat;
import dev.quarry.replicate.Replication;
import dev.quarry.replicate.load.StreamResult;
import dev.quarry.replicate.source.SourceException;
import dev.quarry.replicate.source.jdbc.SourceConsole;
import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StarRocksSqlException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quarry demo}: the PostgreSQL → StarRocks walkthrough (README, "What the demo does") with nothing installed — an embedded PostgreSQL
 * and an in-process sandbox — followed by a model project planned into prod and a change planned into dev.
 */
@Command(
        name = "demo",
        description = {
            "Run the PostgreSQL -> StarRocks quickstart with no setup: an embedded PostgreSQL and a local sandbox.",
            "Replicates the walkthrough's tables (full refresh, then incremental twice), prints its verification queries,"
                    + " plans a model project into prod and a changed model into dev."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  quarry demo          # under a minute; then both servers stop",
            "  quarry demo --keep   # keep both servers to explore; Ctrl-C stops"
        })
final class DemoCommand implements Callable<Integer> {
    static final String SOURCE = "POSTGRES";
    static final String TARGET = "STARROCKS";

    private final CliContext ctx;

    @Option(
            names = "--keep",
            description = "Leave PostgreSQL and the sandbox running, print how to connect, and wait for Ctrl-C.")
    boolean keep;

    DemoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        PrintStream out = ctx.out();
        Path work = Files.createTempDirectory("quarry-demo");
        EmbeddedPostgres pg = null;
        Sandbox sandbox = null;
        boolean kept = false;
        try {
            Log.info("starting an embedded PostgreSQL");
            pg = startPostgres(work);
            Log.info("starting the StarRocks sandbox");
            sandbox = startSandbox();
            CliContext demo = withConnections(pg, sandbox, work);
            int code = walkthrough(demo, work, out);
            if (code == 0) {
                code = models(demo, work, out);
            }
            out.printf(Locale.ROOT, "%nDemo finished in %.1fs.%n", (System.nanoTime() - started) / 1e9);
            out.flush();
            if (code != 0 || !keep) {
                return code;
            }
            kept = true;
            waitForCtrlC(pg, sandbox, work, out);
            return 0;
        } finally {
            if (!kept) {
                stop(pg, sandbox, work);
            }
        }
    }

    /** Steps 1–5 of the walkthrough. Returns the exit code of the first replication that failed, else 0. */
    private int walkthrough(CliContext demo, Path work, PrintStream out) {
        heading(out, "1. Source: PostgreSQL schema " + DemoFiles.SCHEMA);
        try (SourceConsole source = SourceConsole.open(demo.connections().get(SOURCE))) {
            source.execute(DemoFiles.sourceSetup());
        } catch (SourceException e) {
            throw new RunException("creating the demo schema in PostgreSQL failed: " + e.getMessage(), e);
        }
        out.println(
                "users 10,000 rows; orders 60,000 rows; events 30,000 rows (jsonb properties, timestamptz occurred_at)");

        heading(out, "2. Target: create the database (StarRocks does not create databases on load)");
        query(demo, out, DemoFiles.TARGET_SETUP, false);

        heading(out, "3. Full-refresh replication: quarry replicate -r replication.yaml");
        out.print(DemoFiles.FULL_REFRESH);
        out.flush();
        Replication.Outcome full = replicate(demo, work, "replication.yaml", DemoFiles.FULL_REFRESH);
        if (full.exitCode() != 0) {
            return full.exitCode();
        }
        for (String sql : DemoFiles.VERIFY) {
            query(demo, out, sql, true);
        }

        heading(out, "4. Incremental: 2,500 new events, then quarry replicate -r replication-incremental.yaml");
        try (SourceConsole source = SourceConsole.open(demo.connections().get(SOURCE))) {
            out.println(DemoFiles.NEW_EVENTS + ";");
            source.execute(List.of(DemoFiles.NEW_EVENTS));
        } catch (SourceException e) {
            throw new RunException("inserting the new events failed: " + e.getMessage(), e);
        }
        out.print(DemoFiles.INCREMENTAL);
        out.flush();
        Replication.Outcome increment = replicate(demo, work, "replication-incremental.yaml", DemoFiles.INCREMENTAL);
        if (increment.exitCode() != 0) {
            return increment.exitCode();
        }
        query(demo, out, DemoFiles.EVENTS_TOTAL, true);

        heading(
                out,
                "5. The same incremental replication with nothing new (empty_load_as_error is true on this cluster)");
        Replication.Outcome nothing = replicate(demo, work, "replication-incremental.yaml", DemoFiles.INCREMENTAL);
        if (nothing.exitCode() != 0) {
            return nothing.exitCode();
        }
        StreamResult r = nothing.results().get(0);
        out.println("rows loaded: " + r.rowsLoaded() + ", Stream Load calls: " + r.loads()
                + " -> succeeded without an empty load");
        query(demo, out, DemoFiles.EVENTS_TOTAL, true);
        return 0;
    }

    /** The models part: a project planned into prod, then a changed model planned into dev. */
    private int models(CliContext demo, Path work, PrintStream out) {
        Path project = work.resolve("project");
        LocalDate start =
                ctx.clock().instant().atZone(ZoneOffset.UTC).toLocalDate().minusDays(7);
        DemoFiles.project(start).forEach((name, text) -> write(project.resolve(name), text));

        heading(out, "6. Models: plan the project in " + project + " into prod");
        int code = cli(demo, "plan", "-p", project.toString(), "--auto-apply");
        if (code != 0) {
            return code;
        }
        for (String sql : DemoFiles.MODELS_PROD) {
            query(demo, out, sql, true);
        }

        heading(out, "7. Change customer_ltv (add avg_order_value) and plan it into dev: prod does not change");
        write(project.resolve("models/customer_ltv.sql"), DemoFiles.customerLtv(true));
        code = cli(demo, "plan", "dev", "-p", project.toString(), "--auto-apply");
        if (code != 0) {
            return code;
        }
        for (String sql : DemoFiles.MODELS_DEV) {
            query(demo, out, sql, true);
        }
        out.println("prod (demo_analytics) still has the old columns; dev (demo_analytics__dev) has the change.");
        return 0;
    }

    private static Replication.Outcome replicate(CliContext demo, Path work, String name, String text) {
        Path file = work.resolve(name);
        write(file, text);
        return ReplicationLog.run(demo, Replication.ofFile(file));
    }

    /** Runs a quarry command line on the demo's connections, as a user would type it. */
    private static int cli(CliContext demo, String... args) {
        demo.out().println("$ quarry " + String.join(" ", args));
        demo.out().flush();
        String[] full = Log.isDebug()
                ? Stream.concat(Stream.of("--debug"), Stream.of(args)).toArray(String[]::new)
                : args;
        boolean debug = Log.isDebug();
        try {
            return Main.run(demo, full);
        } finally {
            Log.configure(demo.err(), debug, demo.clock());
        }
    }

    /** Prints the statement and, for a query, its result as a boxed table (what {@code quarry conns exec} shows). */
    private static void query(CliContext demo, PrintStream out, String sql, boolean results) {
        out.println("$ quarry conns exec " + TARGET + " \"" + sql + "\"");
        try (StarRocksSession session = StarRocksSession.open(demo.connections().get(TARGET))) {
            if (results) {
                out.print(ResultFormat.TABLE.render(session.query(sql, 0)));
            } else {
                session.execute(sql);
            }
        } catch (StarRocksSqlException e) {
            throw new RunException(
                    "demo query failed: " + e.getMessage() + " (" + sql.replaceAll("\\s+", " ") + ")", e);
        }
        out.flush();
    }

    private static void heading(PrintStream out, String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    /** A real PostgreSQL on a free port with its data under {@code work}; it logs in as postgres without a password. */
    private static EmbeddedPostgres startPostgres(Path work) {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(work.resolve("postgres"))
                    .setCleanDataDirectory(true)
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new RunException("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * The sandbox with its defaults (one backend, default_replication_num 3, empty_load_as_error true), on StarRocks'
     * ports when they are all free, else on free ones.
     */
    private static Sandbox startSandbox() {
        SandboxConfig defaults = SandboxConfig.defaults();
        boolean free =
                portFree(defaults.queryPort()) && portFree(defaults.httpPort()) && portFree(defaults.beHttpPort());
        try {
            if (free) {
                try {
                    return Sandbox.start(defaults);
                } catch (IOException e) {
                    Log.debug(
                            "StarRocks' default ports were taken meanwhile (" + e.getMessage() + "); using free ports");
                }
            }
            return Sandbox.start(SandboxConfig.ephemeral());
        } catch (IOException e) {
            throw new RunException("cannot start the sandbox: " + e.getMessage(), e);
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The caller's context plus the connections POSTGRES and STARROCKS, defined for this run only. */
    private CliContext withConnections(EmbeddedPostgres pg, Sandbox sandbox, Path work) {
        Map<String, String> env = new HashMap<>(ctx.env());
        env.put(
                SOURCE,
                "{\"type\": \"postgres\", \"host\": \"localhost\", \"port\": " + pg.getPort()
                        + ", \"user\": \"postgres\", \"database\": \"postgres\"}");
        env.put(
                TARGET,
                "{\"type\": \"starrocks\", \"host\": \"" + sandbox.host() + "\", \"port\": " + sandbox.queryPort()
                        + ", \"user\": \"" + sandbox.config().user() + "\", \"fe_url\": \"" + sandbox.feUrl() + "\"}");
        return new CliContext(ctx.home(), env, work, ctx.out(), ctx.err(), ctx.clock());
    }

    private void waitForCtrlC(EmbeddedPostgres pg, Sandbox sandbox, Path work, PrintStream out) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stop(pg, sandbox, work);
                    stopped.countDown();
                },
                "quarry-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        heading(out, "Both servers keep running. Connect with:");
        out.println("  psql -h localhost -p " + pg.getPort() + " -U postgres postgres");
        out.println("  mysql -h " + sandbox.host() + " -P " + sandbox.queryPort() + " -u "
                + sandbox.config().user());
        out.println(
                "  quarry conns set " + SOURCE + " url=postgresql://postgres@localhost:" + pg.getPort() + "/postgres");
        out.println("  " + sandbox.connsSetLine(TARGET));
        out.println(
                "  model project: " + work.resolve("project") + " (quarry plan -p " + work.resolve("project") + ")");
        out.flush();
        Log.info("press Ctrl-C to stop both servers");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // In-process callers stop the demo by interrupting the thread running it.
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(pg, sandbox, work);
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(EmbeddedPostgres pg, Sandbox sandbox, Path work) {
        if (sandbox != null) {
            sandbox.close();
        }
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException e) {
                Log.warn("stopping the embedded PostgreSQL failed: " + e.getMessage());
            }
        }
        deleteTree(work);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    Log.debug("could not remove " + p + ": " + e.getMessage());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            Log.debug("could not remove " + root + ": " + e.getMessage());
        }
    }
}
