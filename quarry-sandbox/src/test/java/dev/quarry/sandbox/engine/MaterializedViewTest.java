package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.EngineTesting.csv;
import static dev.quarry.sandbox.engine.EngineTesting.error;
import static dev.quarry.sandbox.engine.EngineTesting.flat;
import static dev.quarry.sandbox.engine.EngineTesting.ok;
import static dev.quarry.sandbox.engine.EngineTesting.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Async materialized views (docs/starrocks.md §5.6). */
class MaterializedViewTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2024-02-29T23:59:58.700Z"));
    private Engine engine;
    private EngineSession s;

    @BeforeEach
    void open() throws SqlError {
        engine = Engine.open(EngineTesting.config(1).withClock(clock));
        s = engine.openSession("root");
        ok(s, "CREATE DATABASE d");
        ok(s, "USE d");
        ok(s, "ADMIN SET FRONTEND CONFIG ('default_replication_num' = '1')");
        ok(s, "CREATE TABLE sales (day DATE, amount INT)");
        ok(s, "INSERT INTO sales VALUES ('2024-01-01', 5), ('2024-01-01', 7), ('2024-01-02', 1)");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void immediateManualViewFillsAtCreationAndOnRefresh() throws SqlError {
        ok(
                s,
                "CREATE MATERIALIZED VIEW daily COMMENT 'per day' DISTRIBUTED BY HASH(day) REFRESH MANUAL"
                        + " AS SELECT day, sum(amount) AS total FROM sales GROUP BY day");
        assertThat(flat(s, "SELECT day, total FROM daily ORDER BY day"))
                .containsExactly("2024-01-01|12", "2024-01-02|1");
        ok(s, "INSERT INTO sales VALUES ('2024-01-02', 10)");
        assertThat(flat(s, "SELECT total FROM daily WHERE day = '2024-01-02'")).containsExactly("1");
        StatementResult.Rows r = (StatementResult.Rows) s.execute("REFRESH MATERIALIZED VIEW daily WITH SYNC MODE");
        assertThat(r.columns().get(0).name()).isEqualTo("QUERY_ID");
        assertThat(flat(s, "SELECT total FROM daily WHERE day = '2024-01-02'")).containsExactly("11");
        assertThat(rows(s, "SHOW CREATE MATERIALIZED VIEW daily").get(0).get(1))
                .startsWith("CREATE MATERIALIZED VIEW `daily` (`day`, `total`)\nCOMMENT \"per day\"\n")
                .contains("REFRESH MANUAL")
                .endsWith("AS SELECT day, sum(amount) AS total FROM sales GROUP BY day;");
        assertThat(flat(s, "SELECT TABLE_NAME, REFRESH_TYPE FROM information_schema.materialized_views"))
                .containsExactly("daily|MANUAL");
        assertThat(error(s, "INSERT INTO daily VALUES ('2024-01-09', 1)").getMessage())
                .contains("is a materialized view");
        ok(s, "DROP MATERIALIZED VIEW daily");
        ok(s, "DROP MATERIALIZED VIEW IF EXISTS daily");
        assertThat(flat(s, "SHOW TABLES")).containsExactly("sales");
    }

    @Test
    void deferredViewIsEmptyUntilRefreshed() throws SqlError {
        ok(s, "CREATE MATERIALIZED VIEW later REFRESH DEFERRED MANUAL AS SELECT count(*) AS n FROM sales");
        assertThat(flat(s, "SELECT count(*) FROM later")).containsExactly("0");
        s.execute("REFRESH MATERIALIZED VIEW later");
        assertThat(flat(s, "SELECT n FROM later")).containsExactly("3");
    }

    @Test
    void asyncViewRefreshesAfterBaseTableChanges() throws SqlError {
        ok(s, "CREATE MATERIALIZED VIEW live REFRESH ASYNC AS SELECT count(*) AS n FROM sales");
        assertThat(flat(s, "SELECT n FROM live")).containsExactly("3");
        LoadTxn t = engine.beginLoad("d", "sales", "more");
        t.append(csv(List.of("day", "amount"), "2024-01-03,1"));
        t.commit();
        // The background refresher picks the change up within a poll or two.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(flat(s, "SELECT n FROM live")).containsExactly("4"));
    }

    @Test
    void asyncEveryViewRefreshesWhenItsIntervalPassesOnTheEngineClock() throws SqlError {
        ok(
                s,
                "CREATE MATERIALIZED VIEW hourly REFRESH ASYNC EVERY (INTERVAL 1 HOUR)"
                        + " AS SELECT count(*) AS n, now() AS refreshed FROM sales");
        // now() in an MV query reads the engine clock in StarRocks' default zone (Asia/Shanghai, +08:00).
        assertThat(flat(s, "SELECT n, refreshed FROM hourly")).containsExactly("3|2024-03-01 07:59:58");
        clock.advance(Duration.ofMinutes(59));
        assertThat(flat(s, "SELECT refreshed FROM hourly")).containsExactly("2024-03-01 07:59:58");
        clock.advance(Duration.ofMinutes(2));
        // Due now: no base table changed, only the clock moved on.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(flat(s, "SELECT n, refreshed FROM hourly"))
                        .containsExactly("3|2024-03-01 09:00:58"));
    }
}
