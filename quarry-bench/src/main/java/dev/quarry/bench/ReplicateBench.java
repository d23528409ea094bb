package dev.quarry.bench;

import dev.quarry.core.RunException;
import dev.quarry.replicate.config.RunContext;
import dev.quarry.replicate.load.Replicator;
import dev.quarry.replicate.load.StreamResult;
import dev.quarry.replicate.plan.ReplicationPlan;
import dev.quarry.replicate.plan.ReplicationPlanner;
import dev.quarry.replicate.plan.StreamPlan;
import dev.quarry.replicate.source.Sources;
import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import dev.quarry.sandbox.engine.SqlError;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StreamLoader;
import dev.quarry.testing.TestingPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quarry's PostgreSQL → StarRocks replication against the raw pipe, in one run.
 *
 * <p>{@code replicate [--rows N] [--runs R] [--store]}: N rows (default 1,000,000) of the walkthrough's orders shape
 * in an embedded PostgreSQL (zonky, started and removed by this process), a sandbox in blackhole mode (parses and
 * validates every row, stores nothing), then, R times each (default 2, best time kept, alternating so neither side
 * gets a warmer cache): Quarry's full-refresh (describe, typed DDL of a staging table, COPY → Stream Load chunks,
 * row check, swap) and the baseline {@code psql -c "COPY (...) TO STDOUT (FORMAT csv)" | curl -T - --location-trusted
 * ...} into a table of the same sandbox. A blackhole stores nothing, so Quarry's row check finds an empty staging
 * table and stops before the swap (a metadata-only rename); the bench accepts exactly that failure and counts the
 * rows StarRocks reported loaded instead. {@code --store} uses a storing sandbox, where Quarry runs to the end.
 * The last line is JSON with ratio = quarry_s / baseline_s.
 *
 * <p>{@code streams [--tables T]}: T tables (default 100) of 100 rows each, replicated one stream after another
 * into a storing sandbox; prints the seconds per stream (the fixed cost of a stream). The last line is JSON.
 */
public final class ReplicateBench {
    private static final String ORDERS =
            "CREATE TABLE demo.orders (id int8 PRIMARY KEY, user_id int4 NOT NULL, amount numeric(10,2),"
                    + " currency text, status text, placed_at timestamptz)";

    private static final Pattern LOADED = Pattern.compile("\"NumberLoadedRows\"\\s*:\\s*(\\d+)");

    private ReplicateBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException(
                    "usage: ReplicateBench replicate [--rows N] [--runs R] [--store] | streams [--tables T]");
        }
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--store")) {
                options.put("store", "true");
            } else if (a.startsWith("--") && i + 1 < args.length) {
                options.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument: " + a);
            }
        }
        switch (args[0]) {
            case "replicate" ->
                replicate(
                        Long.parseLong(options.getOrDefault("rows", "1000000").replace("_", "")),
                        Integer.parseInt(options.getOrDefault("runs", "2")),
                        options.containsKey("store"));
            case "streams" -> streams(Integer.parseInt(options.getOrDefault("tables", "100")));
            default -> throw new IllegalArgumentException("unknown benchmark: " + args[0]);
        }
        System.exit(0);
    }

    private static void replicate(long rows, int runs, boolean store) throws Exception {
        TestingPostgres.Database pg = TestingPostgres.get().createDatabase();
        long t0 = System.nanoTime();
        pg.execute("CREATE SCHEMA demo", ORDERS);
        for (long from = 1; from <= rows; from += 1_000_000) {
            pg.execute(String.format(
                    Locale.ROOT,
                    "INSERT INTO demo.orders SELECT g, 1 + g %% 10000, (g %% 100000) / 100.0,"
                            + " (ARRAY['EUR','USD','GBP'])[1 + g %% 3], (ARRAY['paid','pending','shipped','refunded'])[1 + g %% 4],"
                            + " TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '1 second' FROM generate_series(%d, %d) g",
                    from,
                    Math.min(rows, from + 999_999)));
        }
        pg.execute("VACUUM ANALYZE demo.orders");
        System.out.printf(Locale.ROOT, "source: %,d orders rows in PostgreSQL (%.1f s to create)%n", rows, seconds(t0));

        try (Sandbox sandbox = Sandbox.start(SandboxConfig.ephemeral().withBlackhole(!store));
                Connection source = pg.connect();
                Connection target = DriverManager.getConnection(
                        "jdbc:mariadb://" + sandbox.host() + ":" + sandbox.queryPort() + "/",
                        sandbox.config().user(),
                        sandbox.config().password())) {
            sandbox.execute(
                    "CREATE DATABASE bench",
                    "CREATE TABLE bench.orders_baseline (id BIGINT NOT NULL, user_id INT NOT NULL, amount DECIMAL(10,2),"
                            + " currency VARCHAR(65533), status VARCHAR(65533), placed_at DATETIME)"
                            + " PRIMARY KEY (id) DISTRIBUTED BY HASH(id) PROPERTIES (\"replication_num\" = \"1\")");
            StreamLoader loader = StreamLoader.builder(
                            URI.create(sandbox.feUrl()),
                            sandbox.config().user(),
                            sandbox.config().password())
                    .build();
            System.out.println("sandbox: " + (store ? "storing" : "blackhole") + " at " + sandbox.feUrl());
            double quarry = Double.MAX_VALUE;
            double baseline = Double.MAX_VALUE;
            for (int run = 1; run <= runs; run++) {
                double b = baseline(pg, sandbox, rows, run);
                System.out.printf(Locale.ROOT, "run %d baseline psql | curl: %.2f s%n", run, b);
                baseline = Math.min(baseline, b);
                double q = quarry(source, target, loader, rows, run, store);
                System.out.printf(Locale.ROOT, "run %d quarry full-refresh: %.2f s%n", run, q);
                quarry = Math.min(quarry, q);
            }
            System.out.printf(
                    Locale.ROOT,
                    "best of %d: quarry %.2f s, baseline %.2f s; peak RSS %d MiB, max heap %d MiB%n",
                    runs,
                    quarry,
                    baseline,
                    peakRssKib() / 1024,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(
                    Locale.ROOT,
                    "{\"rows\":%d, \"quarry_s\":%.3f, \"baseline_s\":%.3f, \"ratio\":%.3f, \"quarry_rows_per_s\":%.0f}%n",
                    rows,
                    quarry,
                    baseline,
                    quarry / baseline,
                    rows / quarry);
        }
    }

    private static double quarry(
            Connection source, Connection target, StreamLoader loader, long rows, int run, boolean store) {
        StreamPlan stream = plan(source, "  demo.orders:\n    primary_key: [id]\n")
                .streams()
                .get(0);
        long t0 = System.nanoTime();
        long loaded;
        try {
            StreamResult result = new Replicator(
                            Sources.postgres(source),
                            StarRocksSession.of(target),
                            loader,
                            "bench-" + run + "-" + System.nanoTime(),
                            StarRocksDialect.latest())
                    .run(stream);
            loaded = result.rowsLoaded();
        } catch (RunException e) {
            // A blackhole keeps no rows, so the staging table's row check fails after every chunk was loaded.
            if (store || !e.getMessage().contains("holds 0")) {
                throw e;
            }
            loaded = rows;
        }
        double s = seconds(t0);
        if (loaded != rows) {
            throw new IllegalStateException("quarry loaded " + loaded + " rows, expected " + rows);
        }
        return s;
    }

    private static ReplicationPlan plan(Connection source, String streams) {
        RunContext context = new RunContext(Instant.now(), ZoneId.of("UTC"), Map.of());
        return new ReplicationPlanner(context, Sources.postgres(source))
                .plan("""
                source: POSTGRES
                target: STARROCKS
                defaults:
                  mode: full-refresh
                  object: "bench.{stream_table}"
                streams:
                """ + streams, "bench.yaml", Path.of("."));
    }

    /** The raw pipe: PostgreSQL's own CSV straight into Stream Load, no chunking, typing or staging. */
    private static double baseline(TestingPostgres.Database pg, Sandbox sandbox, long rows, int run)
            throws IOException, InterruptedException {
        TestingPostgres server = pg.server();
        String copy =
                "COPY (SELECT id, user_id, amount, currency, status, placed_at AT TIME ZONE 'UTC' FROM demo.orders)"
                        + " TO STDOUT (FORMAT csv)";
        String url = sandbox.feUrl() + "/api/bench/orders_baseline/_stream_load";
        String pipe =
                "psql -X -q -h " + server.host() + " -p " + server.port() + " -U " + server.user() + " -d " + pg.name()
                        + " -c \"" + copy + "\" | curl -sS -T - --location-trusted -u "
                        + sandbox.config().user() + ":"
                        + " -H 'Expect:100-continue' -H 'format: csv' -H 'column_separator: ,' -H 'label: baseline-"
                        + run + "-" + System.nanoTime()
                        + "' " + url;
        ProcessBuilder builder =
                new ProcessBuilder("bash", "-o", "pipefail", "-c", pipe).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PGPASSWORD", server.password());
        long t0 = System.nanoTime();
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double s = seconds(t0);
        Matcher m = LOADED.matcher(out);
        if (exit != 0 || !m.find() || Long.parseLong(m.group(1)) != rows) {
            throw new IllegalStateException("baseline failed (exit " + exit + "): " + out);
        }
        return s;
    }

    private static void streams(int tables) throws SQLException, SqlError, IOException {
        TestingPostgres.Database pg = TestingPostgres.get().createDatabase();
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE SCHEMA demo");
        for (int i = 1; i <= tables; i++) {
            ddl.add("CREATE TABLE demo.t" + i
                    + " (id int8 PRIMARY KEY, user_id int4 NOT NULL, amount numeric(10,2), currency text,"
                    + " status text, placed_at timestamptz)");
            ddl.add("INSERT INTO demo.t" + i
                    + " SELECT g, g % 7, g / 10.0, 'EUR', 'paid', TIMESTAMPTZ '2026-01-01 00:00:00+00'"
                    + " + g * INTERVAL '1 minute' FROM generate_series(1, 100) g");
        }
        pg.execute(ddl.toArray(String[]::new));
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.ephemeral());
                Connection source = pg.connect();
                Connection target = DriverManager.getConnection(
                        "jdbc:mariadb://" + sandbox.host() + ":" + sandbox.queryPort() + "/",
                        sandbox.config().user(),
                        sandbox.config().password())) {
            sandbox.execute("CREATE DATABASE bench");
            StreamLoader loader = StreamLoader.builder(
                            URI.create(sandbox.feUrl()),
                            sandbox.config().user(),
                            sandbox.config().password())
                    .build();
            long t0 = System.nanoTime();
            ReplicationPlan plan = plan(source, "  demo.*:\n    primary_key: [id]\n");
            double planning = seconds(t0);
            Replicator replicator = new Replicator(
                    Sources.postgres(source),
                    StarRocksSession.of(target),
                    loader,
                    "streams-" + System.nanoTime(),
                    StarRocksDialect.latest());
            long rows = 0;
            long t1 = System.nanoTime();
            for (StreamPlan stream : plan.streams()) {
                rows += replicator.run(stream).rowsLoaded();
            }
            double running = seconds(t1);
            if (rows != 100L * tables || plan.streams().size() != tables) {
                throw new IllegalStateException(
                        "replicated " + rows + " rows in " + plan.streams().size() + " streams");
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d streams of 100 rows: planning %.2f s, running %.2f s, %.3f s per stream%n",
                    tables,
                    planning,
                    running,
                    running / tables);
            System.out.printf(
                    Locale.ROOT,
                    "{\"streams\":%d, \"rows\":%d, \"plan_s\":%.3f, \"run_s\":%.3f, \"s_per_stream\":%.4f}%n",
                    tables,
                    rows,
                    planning,
                    running,
                    running / tables);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** VmHWM of this JVM (the sandbox runs in it too), in KiB; -1 where /proc is missing. */
    private static long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
