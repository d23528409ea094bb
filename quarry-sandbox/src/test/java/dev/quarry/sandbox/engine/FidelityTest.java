package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.EngineTesting.batch;
import static dev.quarry.sandbox.engine.EngineTesting.csv;
import static dev.quarry.sandbox.engine.EngineTesting.error;
import static dev.quarry.sandbox.engine.EngineTesting.flat;
import static dev.quarry.sandbox.engine.EngineTesting.ok;
import static dev.quarry.sandbox.engine.EngineTesting.one;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Regressions for the fidelity bugs client engineers reported against the sandbox. */
class FidelityTest {
    private static final String R1 = " PROPERTIES ('replication_num' = '1')";
    private final SettableClock clock = new SettableClock(Instant.parse("2024-02-29T23:59:58.700Z"));
    private Engine engine;
    private EngineSession s;

    @BeforeEach
    void open() throws SqlError {
        engine = Engine.open(EngineTesting.config(1).withClock(clock));
        s = engine.openSession("root");
        ok(s, "CREATE DATABASE d");
        ok(s, "USE d");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void datetimeSelectKeepsMicroseconds() throws SqlError {
        ok(s, "CREATE TABLE t (k INT, ts DATETIME)" + R1);
        ok(
                s,
                "INSERT INTO t VALUES (1, '2024-01-02 03:04:05.123456'), (2, '2024-01-02 03:04:05.5'), (3, '2024-01-02 03:04:05')");
        assertThat(flat(s, "SELECT ts FROM t ORDER BY k"))
                .containsExactly("2024-01-02 03:04:05.123456", "2024-01-02 03:04:05.500000", "2024-01-02 03:04:05");
        assertThat(one(s, "SELECT date_format(ts, '%f') FROM t WHERE k = 1")).isEqualTo("123456");
    }

    @Test
    void likeUsesBackslashAsItsDefaultEscape() throws SqlError {
        // MySQL/StarRocks: backslash escapes % and _ in LIKE patterns; '\\' in a literal is one backslash.
        assertThat(flat(s, "SELECT 'gen_1' LIKE 'gen\\\\_%', 'gen1' LIKE 'gen\\\\_%', 'gen1' NOT LIKE 'gen\\\\_%'"))
                .containsExactly("1|0|1");
        assertThat(flat(s, "SELECT '50%' LIKE '50\\%', '500' LIKE '50\\%', 'a_c' LIKE 'a_c', 'abc' LIKE 'a_c'"))
                .containsExactly("1|0|1|1");
        ok(s, "CREATE TABLE names (n VARCHAR(20))" + R1);
        ok(s, "INSERT INTO names VALUES ('gen_1'), ('gen12'), ('other')");
        assertThat(flat(s, "SELECT n FROM names WHERE n LIKE 'gen\\\\_%' ORDER BY n"))
                .containsExactly("gen_1");
    }

    @Test
    void loadWhereSeesTemporaryAndDerivedColumns() throws SqlError {
        ok(s, "CREATE TABLE w (a INT, b INT)" + R1);
        LoadTxn t = engine.beginLoad("d", "w", "tmp-where");
        AppendResult r = t.append(batch(
                List.of("a", "tmp"),
                Map.of("b", "tmp * 2"),
                "tmp > 1 AND b < 10",
                false,
                false,
                null,
                "1,1",
                "2,2",
                "3,4",
                "4,5"));
        assertThat(r.loadedRows()).isEqualTo(2);
        assertThat(r.unselectedRows()).isEqualTo(2);
        t.commit();
        assertThat(flat(s, "SELECT a, b FROM w ORDER BY a")).containsExactly("2|4", "3|8");
    }

    @Test
    void varbinaryFromALoadIsHex() throws SqlError {
        ok(s, "CREATE TABLE bin (k INT, b VARBINARY)" + R1);
        LoadTxn t = engine.beginLoad("d", "bin", "hex");
        AppendResult r = t.append(csv(List.of("k", "b"), "1,ab", "2,00ff10", "3,\\N", "4,not hex", "5,abc"));
        assertThat(r.loadedRows()).isEqualTo(5);
        t.commit();
        assertThat(flat(s, "SELECT k, hex(b) FROM bin ORDER BY k"))
                .containsExactly("1|AB", "2|00FF10", "3|\\N", "4|\\N", "5|\\N");
    }

    @Test
    void swapDeactivatesDependentViewsUntilActivatedOrRefreshed() throws SqlError {
        ok(s, "CREATE TABLE a (k INT, v INT)" + R1);
        ok(s, "CREATE TABLE b (k INT, v INT)" + R1);
        ok(s, "CREATE TABLE c (k INT, v INT)" + R1);
        ok(s, "INSERT INTO a VALUES (1, 10)");
        ok(s, "INSERT INTO b VALUES (2, 20)");
        ok(s, "CREATE MATERIALIZED VIEW mva REFRESH MANUAL" + R1 + " AS SELECT k, v FROM a");
        ok(s, "CREATE MATERIALIZED VIEW mvb REFRESH MANUAL" + R1 + " AS SELECT k, v FROM b");
        ok(s, "CREATE MATERIALIZED VIEW mvc REFRESH MANUAL" + R1 + " AS SELECT k, v FROM c");
        ok(s, "ALTER TABLE a SWAP WITH b");
        String states = "SELECT TABLE_NAME, IS_ACTIVE, INACTIVE_REASON FROM information_schema.materialized_views"
                + " WHERE TABLE_SCHEMA = 'd' ORDER BY TABLE_NAME";
        assertThat(flat(s, states))
                .containsExactly("mva|false|base-table swapped: a", "mvb|false|base-table swapped: b", "mvc|true|");
        assertThat(flat(s, "SHOW MATERIALIZED VIEWS WHERE name = 'mva'").get(0)).contains("|false|");
        // The stored rows stay readable while inactive.
        assertThat(flat(s, "SELECT k, v FROM mva")).containsExactly("1|10");

        ok(s, "ALTER MATERIALIZED VIEW mva ACTIVE");
        s.execute("REFRESH MATERIALIZED VIEW mvb WITH SYNC MODE");
        assertThat(flat(s, states)).containsExactly("mva|true|", "mvb|true|", "mvc|true|");
        assertThat(flat(s, "SELECT k, v FROM mvb")).containsExactly("1|10");

        ok(s, "ALTER MATERIALIZED VIEW mvc INACTIVE");
        assertThat(flat(s, states)).contains("mvc|false|user use alter materialized view set status to inactive");
        assertThat(error(s, "REFRESH MATERIALIZED VIEW mvc").getMessage())
                .isEqualTo("Getting analyzing error. Detail "
                        + "message: Refresh materialized view failed because [mvc] is not active. You can try to active it with "
                        + "ALTER MATERIALIZED VIEW mvc ACTIVE; ");
        assertThat(one(s, "SHOW CREATE MATERIALIZED VIEW mvc").contains("__inactive"))
                .isFalse();
    }

    @Test
    void finishedLabelsAreForgottenAfterLabelKeepMaxSecond() throws Exception {
        ok(s, "CREATE TABLE l (k INT)" + R1);
        ok(s, "ADMIN SET FRONTEND CONFIG ('label_keep_max_second' = '1')");
        LoadTxn first = engine.beginLoad("d", "l", "kept");
        first.append(csv(List.of("k"), "1"));
        first.commit();
        LabelAlreadyExistsException used = org.assertj.core.api.Assertions.catchThrowableOfType(
                LabelAlreadyExistsException.class, () -> engine.beginLoad("d", "l", "kept"));
        assertThat(used.existingJobStatus()).isEqualTo("FINISHED");
        assertThat(engine.labelState("d", "kept")).contains(TxnState.VISIBLE);
        // label_keep_max_second passes on the engine's clock, not in real time.
        clock.advance(Duration.ofMillis(1_500));
        assertThat(engine.labelState("d", "kept")).isEmpty();
        LoadTxn second = engine.beginLoad("d", "l", "kept");
        second.append(csv(List.of("k"), "2"));
        second.commit();
        assertThat(flat(s, "SELECT k FROM l ORDER BY k")).containsExactly("1", "2");
        ok(s, "ADMIN SET FRONTEND CONFIG ('label_keep_max_second' = '259200')");
        assertThat(engine.labelState("d", "kept")).isPresent();
    }

    @Test
    void fixedRangePartitionsAreAddressable() throws SqlError {
        ok(
                s,
                "CREATE TABLE p (dt DATE, v INT) DUPLICATE KEY(dt) PARTITION BY RANGE(dt) ("
                        + "PARTITION p1 VALUES [(\"2024-01-01\"), (\"2024-01-02\")), "
                        + "PARTITION p2 VALUES [(\"2024-01-02\"), (\"2024-01-03\"))) DISTRIBUTED BY HASH(dt)" + R1);
        // quarry-models' golden case "partition_by_range", verbatim: it can run on the sandbox now.
        ok(s, """
                CREATE TABLE `d`.`partition_by_range` (
                  `user_id` BIGINT NULL,
                  `event_time` DATETIME NULL,
                  `event_date` DATE NULL,
                  `region` VARCHAR(16) NULL,
                  `amount` DOUBLE NULL
                )
                PARTITION BY RANGE(`event_date`) (
                  PARTITION `p20240101` VALUES [("2024-01-01"), ("2024-01-02"))
                )
                DISTRIBUTED BY HASH(`region`) BUCKETS 10
                PROPERTIES (
                  "replication_num" = "1"
                )""");
        assertThat(flat(s, "SHOW CREATE TABLE partition_by_range").get(0))
                .contains("PARTITION `p20240101` VALUES [(\"2024-01-01\"), (\"2024-01-02\"))");
        ok(s, "INSERT INTO p VALUES ('2024-01-01', 1), ('2024-01-02', 2)");
        ok(s, "TRUNCATE TABLE p PARTITION (p2)");
        assertThat(flat(s, "SELECT dt, v FROM p")).containsExactly("2024-01-01|1");
    }
}
