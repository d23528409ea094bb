package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.EngineTesting.batch;
import static dev.quarry.sandbox.engine.EngineTesting.csv;
import static dev.quarry.sandbox.engine.EngineTesting.flat;
import static dev.quarry.sandbox.engine.EngineTesting.ok;
import static dev.quarry.sandbox.engine.EngineTesting.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Everything that reads "now" reads the engine's clock (EngineConfig.clock), here one that moves only on request. */
class ClockTest {
    private static final String R1 = " PROPERTIES ('replication_num' = '1')";
    /** 2024-03-01 07:59:58.700 in the session's default zone, Asia/Shanghai (+08:00). */
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
    void timeFunctionsReadTheEngineClockInTheSessionZone() throws SqlError {
        assertThat(flat(
                        s,
                        "SELECT now(), current_timestamp, CURRENT_TIMESTAMP(), curdate(), CURRENT_DATE, curtime(),"
                                + " utc_timestamp(), unix_timestamp()"))
                .containsExactly("2024-03-01 07:59:58|2024-03-01 07:59:58|"
                        + "2024-03-01 07:59:58|2024-03-01|2024-03-01|07:59:58|2024-02-29 23:59:58|1709251198");
        ok(s, "SET time_zone = '+00:00'");
        assertThat(flat(s, "SELECT now(), curdate()")).containsExactly("2024-02-29 23:59:58|2024-02-29");
        ok(s, "SET time_zone = 'America/New_York'");
        assertThat(flat(s, "SELECT now()")).containsExactly("2024-02-29 18:59:58");
    }

    @Test
    void aViewOverNowFollowsTheClock() throws SqlError {
        ok(s, "CREATE VIEW v AS SELECT now() AS n");
        assertThat(flat(s, "SELECT n FROM v")).containsExactly("2024-03-01 07:59:58");
        clock.advance(Duration.ofHours(1));
        assertThat(flat(s, "SELECT n FROM v")).containsExactly("2024-03-01 08:59:58");
    }

    @Test
    void currentTimestampDefaultsInLoadsAndInsertsComeFromTheClock() throws SqlError {
        ok(s, "CREATE TABLE t (k INT, ts DATETIME DEFAULT CURRENT_TIMESTAMP)" + R1);
        LoadTxn fast = engine.beginLoad("d", "t", "fast");
        fast.append(csv(List.of("k"), "1"));
        fast.commit();
        clock.advance(Duration.ofSeconds(1));
        LoadTxn sql = engine.beginLoad("d", "t", "sql");
        sql.append(batch(List.of("src"), Map.of("k", "src + 1"), null, false, false, null, "1"));
        sql.commit();
        clock.advance(Duration.ofSeconds(1));
        ok(s, "INSERT INTO t (k) VALUES (3)");
        assertThat(flat(s, "SELECT k, ts FROM t ORDER BY k"))
                .containsExactly("1|2024-03-01 07:59:58", "2|2024-03-01 07:59:59", "3|2024-03-01 08:00:00");
    }

    @Test
    void creationAlterAndNodeTimesComeFromTheClock() throws SqlError {
        ok(s, "CREATE TABLE t (k INT)" + R1);
        assertThat(rows(s, "SHOW PARTITIONS FROM t").get(0).get(3)).isEqualTo("2024-03-01 07:59:58");
        clock.advance(Duration.ofMinutes(5));
        ok(s, "ALTER TABLE t ADD COLUMN v INT");
        List<String> job = rows(s, "SHOW ALTER TABLE COLUMN").get(0);
        assertThat(job.subList(2, 4)).containsExactly("2024-03-01 08:04:58", "2024-03-01 08:04:58");
        List<String> backend = rows(s, "SHOW BACKENDS").get(0);
        assertThat(backend.subList(6, 8)).containsExactly("2024-03-01 08:04:58", "2024-03-01 08:04:58");
    }
}
