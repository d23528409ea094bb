package dev.quarry.bench;

import dev.quarry.core.RunException;
import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.replicate.config.RunContext;
import dev.quarry.replicate.load.Replicator;
import dev.quarry.replicate.load.StreamResult;
import dev.quarry.replicate.plan.ReplicationPlanner;
import dev.quarry.replicate.plan.StreamPlan;
import dev.quarry.replicate.source.Source;
import dev.quarry.replicate.source.Sources;
import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StreamLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quarry's MariaDB → StarRocks replication against the raw pipe, in one run.
 *
 * <p>{@code mariadb [--rows N] [--runs R] [--threads T] [--store]}: N rows (default 1,000,000) of the walkthrough's
 * orders shape in a new database of the machine's MariaDB (127.0.0.1:3306, root; dropped at the end), a sandbox in
 * blackhole mode, then R times each (default 2, best kept, alternating): Quarry's full-refresh (with
 * {@code read_threads} T, default 1) and {@code mariadb --batch -e "SELECT ..." | curl -T - ...} Stream Load of the
 * same rows as TSV into a table of the same sandbox. The last line is JSON with ratio = quarry_s / baseline_s.
 */
public final class MariaDbBench {
    private static final Pattern LOADED = Pattern.compile("\"NumberLoadedRows\"\\s*:\\s*(\\d+)");
    private static final String SELECT = "SELECT id, user_id, amount, currency, status, placed_at FROM orders";

    private MariaDbBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--store")) {
                options.put("store", "true");
            } else if (a.startsWith("--") && i + 1 < args.length) {
                options.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument: " + a);
            }
        }
        run(
                Long.parseLong(options.getOrDefault("rows", "1000000").replace("_", "")),
                Integer.parseInt(options.getOrDefault("runs", "2")),
                Integer.parseInt(options.getOrDefault("threads", "1")),
                options.containsKey("store"));
        System.exit(0);
    }

    private static void run(long rows, int runs, int threads, boolean store) throws Exception {
        String db =
                "quarry_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        long t0 = System.nanoTime();
        execute("", "CREATE DATABASE " + db);
        execute(
                db,
                "CREATE TABLE " + db + ".orders (id BIGINT PRIMARY KEY, user_id INT NOT NULL, amount DECIMAL(10,2),"
                        + " currency VARCHAR(3), status VARCHAR(10), placed_at DATETIME(6))",
                String.format(
                        Locale.ROOT,
                        "INSERT INTO %s.orders SELECT seq, 1 + seq %% 10000, (seq %% 100000) / 100,"
                                + " ELT(1 + seq %% 3, 'EUR', 'USD', 'GBP'),"
                                + " ELT(1 + seq %% 4, 'paid', 'pending', 'shipped', 'refunded'),"
                                + " '2026-01-01 00:00:00' + INTERVAL seq SECOND FROM seq_1_to_%d",
                        db,
                        rows),
                "ANALYZE TABLE " + db + ".orders");
        System.out.printf(Locale.ROOT, "source: %,d orders rows in MariaDB (%.1f s to create)%n", rows, seconds(t0));
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.ephemeral().withBlackhole(!store));
                Connection target = DriverManager.getConnection(
                        "jdbc:mariadb://" + sandbox.host() + ":" + sandbox.queryPort() + "/",
                        sandbox.config().user(),
                        sandbox.config().password())) {
            sandbox.execute(
                    "CREATE DATABASE bench",
                    "CREATE TABLE bench.orders_baseline (id BIGINT NOT NULL, user_id INT NOT NULL, amount DECIMAL(10,2),"
                            + " currency VARCHAR(12), status VARCHAR(40), placed_at DATETIME)"
                            + " PRIMARY KEY (id) DISTRIBUTED BY HASH(id) PROPERTIES (\"replication_num\" = \"1\")");
            StreamLoader loader = StreamLoader.builder(
                            URI.create(sandbox.feUrl()),
                            sandbox.config().user(),
                            sandbox.config().password())
                    .build();
            ConnectionSpec spec = ConnectionSpec.fromKeys(
                    "MY",
                    Map.of(
                            "type", "mariadb",
                            "host", "127.0.0.1",
                            "port", "3306",
                            "user", "root",
                            "database", db,
                            "sslmode", "disable",
                            "read_threads", Integer.toString(threads),
                            "read_split_rows", "1"),
                    key -> "bench");
            System.out.println("sandbox: " + (store ? "storing" : "blackhole") + "; quarry read_threads " + threads);
            double quarry = Double.MAX_VALUE;
            double baseline = Double.MAX_VALUE;
            for (int run = 1; run <= runs; run++) {
                double b = baseline(db, sandbox, rows, run);
                System.out.printf(Locale.ROOT, "run %d baseline mariadb --batch | curl: %.2f s%n", run, b);
                baseline = Math.min(baseline, b);
                double q = quarry(spec, target, loader, rows, run, store);
                System.out.printf(Locale.ROOT, "run %d quarry full-refresh: %.2f s%n", run, q);
                quarry = Math.min(quarry, q);
            }
            System.out.printf(
                    Locale.ROOT,
                    "best of %d: quarry %.2f s, baseline %.2f s%n{\"rows\":%d, \"threads\":%d, \"quarry_s\":%.3f,"
                            + " \"baseline_s\":%.3f, \"ratio\":%.3f, \"quarry_rows_per_s\":%.0f}%n",
                    runs,
                    quarry,
                    baseline,
                    rows,
                    threads,
                    quarry,
                    baseline,
                    quarry / baseline,
                    rows / quarry);
        } finally {
            execute("", "DROP DATABASE IF EXISTS " + db);
        }
    }

    private static double quarry(
            ConnectionSpec spec, Connection target, StreamLoader loader, long rows, int run, boolean store) {
        long t0 = System.nanoTime();
        long loaded;
        try (Source source = Sources.open(spec)) {
            StreamPlan stream = new ReplicationPlanner(
                            new RunContext(Instant.now(), ZoneId.of("UTC"), Map.of()), source)
                    .plan("""
                            source: MY
                            target: SR
                            streams:
                              %s.orders:
                                mode: full-refresh
                                object: bench.orders
                                primary_key: [id]
                            """.formatted(spec.database()), "bench.yaml", Path.of("."))
                    .streams()
                    .get(0);
            StreamResult result = new Replicator(
                            source,
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

    /** The raw pipe: the mariadb client's tab-separated batch output straight into Stream Load. */
    private static double baseline(String db, Sandbox sandbox, long rows, int run)
            throws IOException, InterruptedException {
        String url = sandbox.feUrl() + "/api/bench/orders_baseline/_stream_load";
        String pipe = "mariadb --batch --skip-column-names -h 127.0.0.1 -P 3306 -u root " + db + " -e '" + SELECT
                + "' | curl -sS -T - --location-trusted -u " + sandbox.config().user() + ":"
                + " -H 'Expect:100-continue' -H 'format: csv' -H 'label: baseline-" + run
                + "-" + System.nanoTime() + "' " + url;
        ProcessBuilder builder =
                new ProcessBuilder("bash", "-o", "pipefail", "-c", pipe).redirectError(ProcessBuilder.Redirect.INHERIT);
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

    private static void execute(String database, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:mysql://127.0.0.1:3306/" + database + "?sslMode=DISABLED", "root", "");
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
