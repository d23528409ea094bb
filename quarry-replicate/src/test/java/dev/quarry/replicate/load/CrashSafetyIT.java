package dev.quarry.replicate.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quarry.replicate.config.RunContext;
import dev.quarry.replicate.plan.ReplicationPlan;
import dev.quarry.replicate.plan.ReplicationPlanner;
import dev.quarry.replicate.source.Sources;
import dev.quarry.sandbox.Fault;
import dev.quarry.sandbox.SandboxConfig;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StreamLoader;
import dev.quarry.testing.TestingPostgres;
import dev.quarry.testing.TestingSandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crash safety and retries: a replication SIGKILLed mid-load in a child JVM
 * leaves the target exactly as it was and the next run completes with exact counts, for full-refresh (staging +
 * SWAP) and incremental (one Stream Load transaction per increment); faults the sandbox injects into Stream Loads
 * are retried without duplicates or loss.
 *
 * <p>The kill lands mid-load deterministically: the test waits until the child's loads show up in the sandbox's
 * audit log, then makes every further load stall (sandbox fault injection), so the child is blocked inside a
 * Stream Load when it is killed.
 */
class CrashSafetyIT {
    /** Exit status of a process killed by SIGKILL (128 + 9). */
    private static final int SIGKILLED = 137;

    private static final String ORDERS_DDL =
            "CREATE TABLE demo.orders (id int8 PRIMARY KEY, user_id int4 NOT NULL, amount numeric(10,2),"
                    + " currency text, status text, placed_at timestamptz)";

    @TempDir
    static Path dir;

    private static TestingPostgres.Database pg;
    private static TestingSandbox sandbox;
    private static Path auditLog;
    private static Connection source;
    private static Connection target;
    private static StreamLoader loader;
    private static int databases;

    @BeforeAll
    static void setUp() throws SQLException {
        pg = TestingPostgres.get().createDatabase();
        pg.execute("CREATE SCHEMA demo");
        auditLog = dir.resolve("audit.log");
        sandbox = TestingSandbox.fresh(SandboxConfig.ephemeral().withQueryLog(auditLog));
        source = pg.connect();
        // requestTimeout above the stalls injected below (1 s), backoff short so the retries cost little time.
        loader = StreamLoader.builder(URI.create(sandbox.feUrl()), sandbox.user(), sandbox.password())
                .requestTimeout(Duration.ofSeconds(20))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .build();
    }

    @AfterAll
    static void tearDown() throws SQLException {
        source.close();
        if (target != null) {
            target.close();
        }
        sandbox.close();
    }

    @AfterEach
    void noMoreFaults() {
        sandbox.sandbox().failNextLoads(0, Fault.http500());
    }

    /** A new sandbox database, selected on {@link #target}. */
    private static String newDatabase(String prefix) throws SQLException {
        String database = sandbox.createDatabase(prefix + "_" + ++databases);
        if (target != null) {
            target.close();
        }
        target = DriverManager.getConnection(sandbox.mariadbUrl(database), sandbox.user(), sandbox.password());
        return database;
    }

    private static String replication(String database, String streams) {
        return """
                source: POSTGRES
                target: STARROCKS
                defaults:
                  object: "%s.{stream_table}"
                streams:
                """.formatted(database) + streams;
    }

    private static StreamResult runHere(String yaml) {
        RunContext context = new RunContext(Instant.now(), ZoneId.of("UTC"), Map.of());
        ReplicationPlan plan =
                new ReplicationPlanner(context, Sources.postgres(source)).plan(yaml, "r.yaml", Path.of("."));
        return new Replicator(
                        Sources.postgres(source),
                        StarRocksSession.of(target),
                        loader,
                        "here-" + System.nanoTime(),
                        StarRocksDialect.latest())
                .run(plan.streams().get(0));
    }

    private static List<String> row(String sql) throws SQLException {
        try (Statement st = target.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.add(rs.getString(i));
            }
            return row;
        }
    }

    private static List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = target.createStatement();
                ResultSet rs = st.executeQuery("SHOW TABLES")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** What a reader of orders sees: row count, distinct ids, sums and extremes of every column. */
    private static List<String> ordersFingerprint() throws SQLException {
        return row(
                "SELECT COUNT(*), COUNT(DISTINCT id), SUM(id), SUM(user_id), SUM(amount), MIN(placed_at), MAX(placed_at),"
                        + " SUM(CASE WHEN status = 'new' THEN 1 ELSE 0 END), MIN(currency), MAX(currency) FROM orders");
    }

    private static void fillOrders(int from, int to, String status) {
        pg.execute("""
                INSERT INTO demo.orders SELECT g, 1 + g %% 997, (g %% 100000) / 100.0, (ARRAY['EUR','USD','GBP'])[1 + g %% 3], '%s',
                  TIMESTAMPTZ '2026-05-20 00:00:00+00' + g * INTERVAL '1 second' FROM generate_series(%d, %d) g
                """.formatted(status, from, to));
    }

    @Test
    void aKilledFullRefreshLeavesTheOldTableAndTheNextRunReplacesIt() throws Exception {
        String database = newDatabase("crash_full");
        pg.execute("DROP TABLE IF EXISTS demo.orders", ORDERS_DDL);
        fillOrders(1, 2000, "old");
        String yaml = replication(database, """
                                              demo.orders:
                                                mode: full-refresh
                                                primary_key: [id]
                                                target_options: {file_max_rows: 1000}
                                            """);
        assertThat(runHere(yaml).rowsLoaded()).isEqualTo(2000);
        List<String> before = ordersFingerprint();
        assertThat(before.get(0)).isEqualTo("2000");

        pg.execute("TRUNCATE demo.orders");
        fillOrders(1, 60000, "new");
        Child child = Child.start(yaml, database);
        // Two loads into this run's staging table have succeeded: the run is mid-load, 58 chunks to go.
        child.awaitLoads(Pattern.compile("\"table\":\"orders__quarry_stage_[0-9a-f]{12}\".*\"state\":\"Success\""), 2);
        child.killDuringStalledLoad();

        assertThat(ordersFingerprint())
                .as("readers still see the old table, all of it")
                .isEqualTo(before);
        List<String> leftovers = tables().stream()
                .filter(t -> t.startsWith("orders__quarry_stage_"))
                .toList();
        assertThat(leftovers).as("the killed run had no chance to clean up").hasSize(1);
        long partial = Long.parseLong(
                row("SELECT COUNT(*) FROM `" + leftovers.get(0) + "`").get(0));
        assertThat(partial).as("killed mid-load").isBetween(2000L, 59000L);

        noMoreFaults();
        StreamResult rerun = runHere(yaml);
        assertThat(rerun.rowsRead()).isEqualTo(60000);
        assertThat(rerun.rowsLoaded()).isEqualTo(60000);
        assertThat(ordersFingerprint())
                .containsExactly(
                        "60000",
                        "60000",
                        "1800030000",
                        sumUserIds(60000),
                        sumAmounts(60000),
                        "2026-05-20 00:00:01",
                        "2026-05-20 16:40:00",
                        "60000",
                        "EUR",
                        "USD");
        assertThat(tables()).as("the leftover staging table is dropped").containsExactly("orders");
    }

    @Test
    void aKilledIncrementIsInvisibleAndTheNextRunLoadsEachRowOnce() throws Exception {
        String database = newDatabase("crash_incremental");
        // No primary key: the target is a DUPLICATE KEY table, so a row loaded twice would be counted twice.
        pg.execute(
                "DROP TABLE IF EXISTS demo.events",
                "CREATE TABLE demo.events (id int8 NOT NULL, note text, occurred_at timestamptz)",
                "INSERT INTO demo.events SELECT g, 'event ' || g, TIMESTAMPTZ '2026-05-20 00:00:00+00' + g * INTERVAL '1 second'"
                        + " FROM generate_series(1, 5000) g");
        String yaml = replication(database, """
                                              demo.events:
                                                mode: incremental
                                                update_key: id
                                                target_options: {file_max_rows: 1000}
                                            """);
        assertThat(runHere(yaml).rowsLoaded()).isEqualTo(5000);
        List<String> before = row("SELECT COUNT(*), COUNT(DISTINCT id), SUM(id), MAX(id) FROM events");
        assertThat(before).containsExactly("5000", "5000", "12502500", "5000");

        pg.execute(
                "INSERT INTO demo.events SELECT g, 'event ' || g, TIMESTAMPTZ '2026-05-20 00:00:00+00' + g * INTERVAL '1 second'"
                        + " FROM generate_series(5001, 50000) g");
        Child child = Child.start(yaml, database);
        // Two chunks are in the increment's open transaction; 43 more would follow before the commit.
        child.awaitLoads(Pattern.compile("\"table\":\"events\".*\"state\":\"txn load: OK\""), 2);
        child.killDuringStalledLoad();

        assertThat(row("SELECT COUNT(*), COUNT(DISTINCT id), SUM(id), MAX(id) FROM events"))
                .as("nothing of the uncommitted increment is visible")
                .isEqualTo(before);

        noMoreFaults();
        StreamResult rerun = runHere(yaml);
        assertThat(rerun.rowsRead())
                .as("the checkpoint is where the killed run started")
                .isEqualTo(45000);
        assertThat(rerun.rowsLoaded()).isEqualTo(45000);
        assertThat(row("SELECT COUNT(*), COUNT(DISTINCT id), SUM(id), MIN(id), MAX(id) FROM events"))
                .as("every row exactly once")
                .containsExactly("50000", "50000", "1250025000", "1", "50000");
        assertThat(row("SELECT note, occurred_at FROM events WHERE id = 43210"))
                .containsExactly("event 43210", "2026-05-20 12:00:10");
    }

    static Stream<Fault> faults() {
        return Stream.of(Fault.http500(), Fault.dropConnection(), Fault.stall(Duration.ofSeconds(1)));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void injectedFaultsAreRetriedWithoutDuplicatesOrLoss(Fault fault) throws SQLException {
        newDatabase("faults_" + fault.kind().name().toLowerCase(java.util.Locale.ROOT));
        String database = currentDatabase();
        pg.execute("DROP TABLE IF EXISTS demo.orders", ORDERS_DDL);
        fillOrders(1, 10000, "new");
        // Full refresh: 10 plain Stream Loads; the first fails twice and goes through on its third attempt (same
        // label).
        String full = replication(database, """
                                              demo.orders:
                                                mode: full-refresh
                                                primary_key: [id]
                                                target_options: {file_max_rows: 1000}
                                            """);
        sandbox.sandbox().failNextLoads(2, fault);
        StreamResult first = runHere(full);
        assertThat(first.rowsLoaded()).isEqualTo(10000);
        assertThat(first.loads()).isEqualTo(10);
        assertThat(ordersFingerprint())
                .containsExactly(
                        "10000",
                        "10000",
                        "50005000",
                        sumUserIds(10000),
                        sumAmounts(10000),
                        "2026-05-20 00:00:01",
                        "2026-05-20 02:46:40",
                        "10000",
                        "EUR",
                        "USD");

        // Incremental: one transaction of 5 chunk loads; its first load fails in two attempts of the whole increment.
        fillOrders(10001, 15000, "new");
        String incremental = replication(database, """
                                                     demo.orders:
                                                       mode: incremental
                                                       primary_key: [id]
                                                       update_key: id
                                                       target_options: {file_max_rows: 1000}
                                                   """);
        sandbox.sandbox().failNextLoads(2, fault);
        StreamResult more = runHere(incremental);
        assertThat(more.rowsRead()).isEqualTo(5000);
        assertThat(more.rowsLoaded()).isEqualTo(5000);
        assertThat(ordersFingerprint())
                .containsExactly(
                        "15000",
                        "15000",
                        "112507500",
                        sumUserIds(15000),
                        sumAmounts(15000),
                        "2026-05-20 00:00:01",
                        "2026-05-20 04:10:00",
                        "15000",
                        "EUR",
                        "USD");
    }

    private static String currentDatabase() throws SQLException {
        return row("SELECT DATABASE()").get(0);
    }

    /** SUM(1 + g % 997) for g in 1..n, computed here rather than trusted from either side. */
    private static String sumUserIds(int n) {
        long sum = 0;
        for (int g = 1; g <= n; g++) {
            sum += 1 + g % 997;
        }
        return Long.toString(sum);
    }

    /** SUM((g % 100000) / 100.0) for g in 1..n with two decimals, as DECIMAL(10,2) sums print. */
    private static String sumAmounts(int n) {
        long cents = 0;
        for (int g = 1; g <= n; g++) {
            cents += g % 100000;
        }
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** The replication running in a child JVM. */
    private record Child(Process process, long logStart, StringBuilder lines) {
        static Child start(String yaml, String database) throws IOException {
            Path file = Files.writeString(dir.resolve("replication-" + System.nanoTime() + ".yaml"), yaml);
            long logStart = Files.size(auditLog);
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(
                            java,
                            "-Xmx256m",
                            "-Duser.timezone=America/Bahia_Banderas",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ReplicationChild.class.getName(),
                            file.toString())
                    .redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.put("QUARRY_PG_URL", pg.jdbcUrl());
            env.put("QUARRY_PG_USER", pg.server().user());
            env.put("QUARRY_PG_PASSWORD", pg.server().password());
            env.put("QUARRY_SR_URL", sandbox.mariadbUrl(database));
            env.put("QUARRY_SR_FE", sandbox.feUrl());
            env.put("QUARRY_SR_USER", sandbox.user());
            env.put("QUARRY_SR_PASSWORD", sandbox.password());
            env.put("QUARRY_DB", database);
            Process process = builder.start();
            StringBuilder output = new StringBuilder();
            Thread drain = new Thread(
                    () -> {
                        try (BufferedReader in = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            String line;
                            while ((line = in.readLine()) != null) {
                                synchronized (output) {
                                    output.append(line).append('\n');
                                }
                            }
                        } catch (IOException e) {
                            // the child is gone
                        }
                    },
                    "child-output");
            drain.setDaemon(true);
            drain.start();
            return new Child(process, logStart, output);
        }

        /** Waits until the audit log holds {@code n} lines matching {@code load} written since the child started. */
        void awaitLoads(Pattern load, int n) {
            try {
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(10))
                        .failFast(() -> assertThat(process.isAlive())
                                .as("child still running; output:\n%s", output())
                                .isTrue())
                        .until(() -> count(load) >= n);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("the child made no " + n + " loads in 60 s; output:\n" + output(), e);
            }
        }

        private long count(Pattern load) throws IOException {
            long matching = 0;
            try (RandomAccessFile file = new RandomAccessFile(auditLog.toFile(), "r")) {
                file.seek(logStart);
                byte[] rest = new byte[(int) (file.length() - logStart)];
                file.readFully(rest);
                Matcher m = load.matcher(new String(rest, StandardCharsets.UTF_8));
                while (m.find()) {
                    matching++;
                }
            }
            return matching;
        }

        /**
         * Makes every further load stall far longer than the test runs, waits until the sandbox holds the child's next
         * load (a stall more than were held before: an earlier test's stall may still be running out), checks the
         * child is still running (stuck in that load), and SIGKILLs it.
         */
        void killDuringStalledLoad() throws InterruptedException {
            int stalledBefore = sandbox.sandbox().stalledLoads();
            sandbox.sandbox().failNextLoads(1000, Fault.stall(Duration.ofMinutes(2)));
            await("the child's next load stalls")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(10))
                    .failFast(() -> assertThat(process.isAlive())
                            .as("child still loading; output:\n%s", output())
                            .isTrue())
                    .until(() -> sandbox.sandbox().stalledLoads() > stalledBefore);
            assertThat(process.isAlive())
                    .as("child still loading; output:\n%s", output())
                    .isTrue();
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(SIGKILLED);
            assertThat(output()).contains("START").doesNotContain("DONE");
        }

        String output() {
            synchronized (lines) {
                return lines.toString();
            }
        }
    }
}
