package dev.quarry.starrocks;

import static dev.quarry.starrocks.StarRocksType.Scalar.BIGINT;
import static dev.quarry.starrocks.StarRocksType.Scalar.INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.quarry.sandbox.Fault;
import dev.quarry.sandbox.SandboxConfig;
import dev.quarry.testing.TestingSandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stream Load client against the sandbox's real FE (307) and BE HTTP ports. */
class StreamLoaderIT {
    private final List<String> debug = new CopyOnWriteArrayList<>();
    private TestingSandbox sandbox;
    private Connection connection;
    private String db;
    private StreamLoader loader;

    @BeforeEach
    void setUp() throws SQLException {
        sandbox = TestingSandbox.get();
        db = sandbox.createDatabase("stream_load");
        connection = sandbox.connect(db);
        loader = SandboxSupport.loader(sandbox)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
                .debug(this::debug)
                .build();
    }

    private void debug(String line) {
        debug.add(line);
    }

    @AfterEach
    void tearDown() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    private void createTable(String name, KeyType keyType) throws SQLException {
        TableSpec spec = TableSpec.builder(db, name)
                .column("id", BIGINT)
                .column("name", StarRocksType.varchar(64))
                .column("qty", INT)
                .key(keyType, keyType == KeyType.DUPLICATE ? List.of() : List.of("id"))
                .distribution(Distribution.hash(List.of("id"), 1))
                .property("replication_num", "1")
                .build();
        SandboxSupport.execute(connection, StarRocksDialect.latest().createTable(spec, false));
    }

    private static LoadBody csv(String text) {
        return LoadBody.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static LoadOptions commaCsv() {
        return LoadOptions.csv().withColumnSeparator(",").withColumns(List.of("id", "name", "qty"));
    }

    @Test
    void followsTheFrontendRedirectAndTheRowsBecomeVisible() throws SQLException {
        createTable("t", KeyType.PRIMARY);
        LoadResult r = loader.load(db, "t", "load-1", commaCsv(), csv("1,ä😀 \"quoted\",10\n2,\\N,20\n3,,30\n"));

        assertThat(r.outcome()).isEqualTo(LoadResult.Outcome.LOADED);
        assertThat(r.counts()).hasValueSatisfying(c -> {
            assertThat(c.totalRows()).isEqualTo(3);
            assertThat(c.loadedRows()).isEqualTo(3);
            assertThat(c.filteredRows()).isZero();
        });
        assertThat(SandboxSupport.query(connection, "SELECT id, name, qty FROM t ORDER BY id"))
                .containsExactly("1|ä😀 \"quoted\"|10", "2|null|20", "3||30");
        assertThat(debug).anyMatch(l -> l.startsWith("HTTP 307 -> "));
        assertThat(debug).noneMatch(l -> l.contains("Authorization") || l.contains("Basic "));
    }

    @Test
    void sameLabelTwiceLoadsOnce() throws SQLException {
        createTable("dup", KeyType.DUPLICATE);
        LoadResult first = loader.load(db, "dup", "once", commaCsv(), csv("1,a,1\n2,b,2\n"));
        LoadResult second = loader.load(db, "dup", "once", commaCsv(), csv("1,a,1\n2,b,2\n"));

        assertThat(first.outcome()).isEqualTo(LoadResult.Outcome.LOADED);
        assertThat(second.outcome()).isEqualTo(LoadResult.Outcome.ALREADY_LOADED);
        assertThat(second.counts()).isEmpty();
        assertThat(SandboxSupport.count(connection, "dup")).isEqualTo(2);
        assertThat(loader.loadState(db, "once")).isIn(LoadState.VISIBLE, LoadState.COMMITTED);
    }

    @Test
    void twoConcurrentAttemptsWithOneLabelLoadOnce() throws Exception {
        createTable("slow", KeyType.DUPLICATE);
        StreamLoader polling = SandboxSupport.loader(sandbox)
                .labelPolling(Duration.ofMillis(100), Duration.ofSeconds(30))
                .debug(this::debug)
                .build();
        // The first attempt stalls on the BE, as a slow load would; the second arrives meanwhile.
        sandbox.sandbox().failNextLoads(1, Fault.stall(Duration.ofMillis(1500)));
        java.util.concurrent.CompletableFuture<LoadResult> first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> polling.load(db, "slow", "slow-1", commaCsv(), csv("1,a,1\n2,b,2\n")));
        await("the first attempt stalled in the sandbox")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> sandbox.sandbox().stalledLoads() > 0);
        LoadResult second = polling.load(db, "slow", "slow-1", commaCsv(), csv("1,a,1\n2,b,2\n"));

        assertThat(List.of(first.get().outcome(), second.outcome()))
                .containsExactlyInAnyOrder(LoadResult.Outcome.LOADED, LoadResult.Outcome.ALREADY_LOADED);
        assertThat(SandboxSupport.count(connection, "slow")).isEqualTo(2);
    }

    @Test
    void aLoadWhoseLabelIsHeldByARunningTransactionWaitsForItsOutcome() throws Exception {
        createTable("held", KeyType.PRIMARY);
        StreamLoader polling = SandboxSupport.loader(sandbox)
                .labelPolling(Duration.ofMillis(100), Duration.ofSeconds(30))
                .debug(this::debug)
                .build();
        StreamLoadTransaction txn = polling.beginTransaction(db, "held", "held-1", commaCsv());
        txn.load(csv("1,from-txn,1\n"));
        java.util.concurrent.CompletableFuture<LoadResult> plain = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> polling.load(db, "held", "held-1", commaCsv(), csv("9,from-retry,9\n")));
        await("the second load polls the label's state")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> debug.stream().anyMatch(l -> l.contains("label state PREPARE")));
        assertThat(plain).isNotDone(); // "Label Already Exists" + RUNNING: polling get_load_state
        txn.commit();

        assertThat(plain.get().outcome()).isEqualTo(LoadResult.Outcome.ALREADY_LOADED);
        assertThat(debug).anyMatch(l -> l.contains("label state PREPARE"));
        assertThat(SandboxSupport.query(connection, "SELECT id, name FROM held"))
                .containsExactly("1|from-txn");
    }

    @Test
    void rejectedDataFailsWithTheReasonsFromTheErrorLogButNotTheValues() throws SQLException {
        createTable("strict", KeyType.DUPLICATE);
        // In strict mode a value that does not convert filters its row (non-strict mode would load NULL instead).
        assertThatThrownBy(() -> loader.load(
                        db, "strict", "bad-1", commaCsv().withStrictMode(true), csv("1,ok,5\n2,bad,not_a_number\n")))
                .isInstanceOfSatisfying(StreamLoadException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Stream Load into " + db + ".strict (label bad-1) failed: ");
                    assertThat(e.rejectedRows()).isNotEmpty();
                    // The reasons, never the rows' values: source data stays out of logs and errors.
                    assertThat(e.rejectedRows()).allMatch(row -> row.endsWith("(row values left out)"));
                    assertThat(e.getMessage()).doesNotContain("2,bad").doesNotContain("bad,");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(SandboxSupport.count(connection, "strict")).isZero();
        // The failed attempt was aborted, so the label may be used again (docs/starrocks.md §1.5).
        assertThat(loader.load(db, "strict", "bad-1", commaCsv(), csv("1,ok,5\n"))
                        .outcome())
                .isEqualTo(LoadResult.Outcome.LOADED);
    }

    @Test
    void transientFailuresAreRetriedWithoutDuplicates() throws SQLException {
        createTable("retry", KeyType.DUPLICATE);
        sandbox.sandbox().failNextLoads(2, Fault.http500());
        LoadResult r = loader.load(db, "retry", "retry-1", commaCsv(), csv("1,a,1\n2,b,2\n3,c,3\n"));
        assertThat(r.outcome()).isEqualTo(LoadResult.Outcome.LOADED);

        sandbox.sandbox().failNextLoads(1, Fault.dropConnection());
        LoadResult r2 = loader.load(db, "retry", "retry-2", commaCsv(), csv("4,d,4\n"));
        assertThat(r2.outcome()).isIn(LoadResult.Outcome.LOADED, LoadResult.Outcome.ALREADY_LOADED);

        assertThat(SandboxSupport.count(connection, "retry")).isEqualTo(4);
        assertThat(debug).anyMatch(l -> l.contains("attempt 1 of 4"));
    }

    @Test
    void retriesRunOutWithAClearMessage() throws SQLException {
        createTable("down", KeyType.DUPLICATE);
        StreamLoader twoTries = SandboxSupport.loader(sandbox)
                .maxAttempts(2)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(10))
                .build();
        sandbox.sandbox().failNextLoads(2, Fault.http500());
        try {
            assertThatThrownBy(() -> twoTries.load(db, "down", "down-1", commaCsv(), csv("1,a,1\n")))
                    .isInstanceOfSatisfying(StreamLoadException.class, e -> {
                        assertThat(e.getMessage()).contains("HTTP 500").endsWith("(gave up after 2 attempts)");
                        assertThat(e.retryable()).isTrue();
                    });
        } finally {
            sandbox.sandbox().failNextLoads(0, Fault.http500());
        }
        assertThat(SandboxSupport.count(connection, "down")).isZero();
    }

    @Test
    void producerBodiesStreamWithoutBeingHeldInMemory() throws SQLException {
        createTable("big", KeyType.PRIMARY);
        int rows = 200_000;
        LoadBody body = LoadBody.fromProducer(out -> writeRows(out, rows), 64 * 1024);
        long start = System.nanoTime();
        LoadResult r = loader.load(db, "big", "big-1", commaCsv(), body);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("StreamLoaderIT: %d rows streamed through a 64 KiB pipe in %d ms%n", rows, ms);
        assertThat(r.counts())
                .hasValueSatisfying(c -> assertThat(c.loadedRows()).isEqualTo(rows));
        assertThat(SandboxSupport.query(connection, "SELECT COUNT(*), SUM(qty) FROM big"))
                .containsExactly(rows + "|" + ((long) rows * (rows - 1) / 2));
    }

    @Test
    void aFailingProducerAbortsTheLoadInsteadOfSendingATruncatedBody() throws SQLException {
        createTable("broken", KeyType.DUPLICATE);
        StreamLoader once = SandboxSupport.loader(sandbox).maxAttempts(1).build();
        LoadBody body = LoadBody.fromProducer(
                out -> {
                    writeRows(out, 1000);
                    throw new IOException("source connection lost");
                },
                4096);
        assertThatThrownBy(() -> once.load(db, "broken", "broken-1", commaCsv(), body))
                .isInstanceOf(StreamLoadException.class)
                .hasMessageContaining("source connection lost");
        assertThat(SandboxSupport.count(connection, "broken")).isZero();
    }

    @Test
    void cachedBackendSkipsTheRedirectOnLaterLoads() throws SQLException {
        createTable("cached", KeyType.DUPLICATE);
        StreamLoader direct = SandboxSupport.loader(sandbox)
                .cacheBackendLocation(true)
                .debug(this::debug)
                .build();
        direct.load(db, "cached", "c-1", commaCsv(), csv("1,a,1\n"));
        int afterFirst = debug.size();
        direct.load(db, "cached", "c-2", commaCsv(), csv("2,b,2\n"));
        List<String> second = debug.subList(afterFirst, debug.size());
        assertThat(second).noneMatch(l -> l.startsWith("HTTP 307"));
        assertThat(second).anyMatch(l -> l.startsWith("PUT " + sandbox.beUrl()));
        assertThat(SandboxSupport.count(connection, "cached")).isEqualTo(2);
    }

    @Test
    void jsonBodies() throws SQLException {
        createTable("js", KeyType.PRIMARY);
        LoadResult r = loader.load(
                db,
                "js",
                "js-1",
                LoadOptions.json().withStripOuterArray(true),
                csv("[{\"id\": 1, \"name\": \"x\", \"qty\": 7}, {\"id\": 2, \"name\": null, \"qty\": 8}]"));
        assertThat(r.outcome()).isEqualTo(LoadResult.Outcome.LOADED);
        assertThat(SandboxSupport.query(connection, "SELECT id, name, qty FROM js ORDER BY id"))
                .containsExactly("1|x|7", "2|null|8");
    }

    @Test
    void transactionMakesAllChunksVisibleAtCommit() throws SQLException {
        createTable("txn", KeyType.PRIMARY);
        LoadResult result;
        try (StreamLoadTransaction txn = loader.beginTransaction(db, "txn", "txn-1", commaCsv())) {
            txn.load(csv("1,a,1\n2,b,2\n"));
            txn.load(csv("3,c,3\n"));
            txn.load(csv("4,d,4\n5,e,5\n"));
            assertThat(SandboxSupport.count(connection, "txn")).isZero();
            result = txn.commit();
        }
        assertThat(result.outcome()).isIn(LoadResult.Outcome.LOADED, LoadResult.Outcome.COMMITTED);
        assertThat(SandboxSupport.count(connection, "txn")).isEqualTo(5);

        // A rerun of the same increment finds its label committed and loads nothing.
        assertThatThrownBy(() -> loader.beginTransaction(db, "txn", "txn-1", commaCsv()))
                .isInstanceOfSatisfying(
                        StreamLoadException.class,
                        e -> assertThat(e.labelAlreadyCommitted()).isTrue());
        assertThat(SandboxSupport.count(connection, "txn")).isEqualTo(5);
    }

    @Test
    void rollbackLeavesNothingAndFreesTheLabel() throws SQLException {
        createTable("rb", KeyType.PRIMARY);
        try (StreamLoadTransaction txn = loader.beginTransaction(db, "rb", "rb-1", commaCsv())) {
            txn.load(csv("1,a,1\n"));
            txn.rollback();
        }
        assertThat(SandboxSupport.count(connection, "rb")).isZero();
        try (StreamLoadTransaction txn = loader.beginTransaction(db, "rb", "rb-1", commaCsv())) {
            txn.load(csv("9,z,9\n"));
            // closing without commit rolls back
        }
        assertThat(SandboxSupport.count(connection, "rb")).isZero();
        try (StreamLoadTransaction txn = loader.beginTransaction(db, "rb", "rb-1", commaCsv())) {
            txn.load(csv("7,y,7\n"));
            txn.commit();
        }
        assertThat(SandboxSupport.query(connection, "SELECT id FROM rb")).containsExactly("7");
    }

    @Test
    void wrongPasswordIsReportedWithoutTheSecret() throws Exception {
        String secret = "s3cr3t-Pa55word";
        try (TestingSandbox guarded =
                TestingSandbox.fresh(SandboxConfig.ephemeral().withCredentials("quarry", secret))) {
            guarded.execute(
                    "CREATE DATABASE sec",
                    "CREATE TABLE sec.t (id BIGINT) DISTRIBUTED BY HASH(id) PROPERTIES (\"replication_num\" = \"1\")");
            List<String> lines = new CopyOnWriteArrayList<>();
            StreamLoader good = StreamLoader.builder(URI.create(guarded.feUrl()), "quarry", secret)
                    .debug(lines::add)
                    .build();
            assertThat(good.load("sec", "t", "s-1", LoadOptions.csv(), csv("1\n"))
                            .outcome())
                    .isEqualTo(LoadResult.Outcome.LOADED);

            StreamLoader bad = StreamLoader.builder(URI.create(guarded.feUrl()), "quarry", secret + "x")
                    .debug(lines::add)
                    .build();
            assertThatThrownBy(() -> bad.load("sec", "t", "s-2", LoadOptions.csv(), csv("2\n")))
                    .isInstanceOfSatisfying(StreamLoadException.class, e -> {
                        assertThat(e.getMessage())
                                .contains("access denied for user 'quarry'")
                                .doesNotContain(secret);
                        assertThat(e.retryable()).isFalse();
                    });
            assertThat(lines).isNotEmpty().noneMatch(l -> l.contains(secret));
        }
    }

    private static void writeRows(OutputStream out, int rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(",name-").append(i).append(',').append(i).append('\n');
            if (sb.length() > 8192) {
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                sb.setLength(0);
            }
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
