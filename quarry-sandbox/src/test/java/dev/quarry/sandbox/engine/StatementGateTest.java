package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.EngineTesting.error;
import static dev.quarry.sandbox.engine.EngineTesting.flat;
import static dev.quarry.sandbox.engine.EngineTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every statement passes StarRocks' grammar before it runs (docs/sql.md §8): what DuckDB would have accepted but
 * StarRocks refuses fails with error 1064 and StarRocks' syntax error, and changes nothing.
 */
class StatementGateTest {
    private static final String R1 = " PROPERTIES ('replication_num' = '1')";
    private Engine engine;
    private EngineSession s;

    @BeforeEach
    void open() throws SqlError {
        engine = Engine.open(EngineTesting.config(1));
        s = engine.openSession("root");
        ok(s, "CREATE DATABASE d");
        ok(s, "USE d");
        ok(s, "CREATE TABLE t (k INT, v VARCHAR(10)) DUPLICATE KEY(k)" + R1);
        ok(s, "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CREATE TABLE t2 (a DATETIME(6))",
                "CREATE TABLE t2 (a INT) DISTRIBUTED BY HASH(a) BUCKETS AUTO",
                "INSERT INTO TABLE t VALUES (3, 'c')",
                "ALTER TABLE t RENAME TO t3",
                "TRUNCATE t",
                "SELECT * FROM \"t\"",
                "SELECT * FROM t OFFSET 1",
                "SELECT * FROM t FETCH FIRST 1 ROWS ONLY",
                "SELECT DISTINCT ON (k) k FROM t",
                "SELECT * FROM t WHERE v ILIKE 'A'",
                "SELECT k::int4 FROM t",
                "SELECT * FROM t WHERE k = ANY(ARRAY[1, 2])",
                "SELECT * FROM t AS x(a, b)",
                "SELECT * FROM t WHERE k IN ()",
                "SELECT now() + INTERVAL 1 DAYS",
                "VALUES (1, 2)",
                "SELECT v ~ 'a' FROM t",
                "SELECT v SIMILAR TO 'a' FROM t",
                "SELECT * FROM t TABLESAMPLE BERNOULLI (50)",
                "SELECT v GLOB 'a' FROM t",
                "SELECT sum(k) OVER w FROM t WINDOW w AS (ORDER BY k)",
                "CREATE TABLE t2 (a INT4)",
                "SELECT TRY_CAST('1' AS INT)",
                "SELECT k FROM t UNION BY NAME SELECT k FROM t",
                "SELECT k IS DISTINCT FROM 1 FROM t",
                "SELECT * FROM t LIMIT ALL",
                "CREATE TABLE t2 AS SELECT * FROM t WITH NO DATA",
                "SELECT order FROM t",
            })
    void refusesWhatStarRocksGrammarRefuses(String sql) throws SqlError {
        SqlError e = error(s, sql);
        assertThat(e.code()).isEqualTo(1064);
        assertThat(e.sqlState()).isEqualTo("HY000");
        assertThat(e.getMessage())
                .matches("Getting syntax error at line 1, column \\d+\\. Detail message: Unexpected input '.*', "
                        + "the most similar input is \\{.*\\}\\.");
        assertThat(flat(s, "SELECT count(*) FROM t")).containsExactly("2");
        assertThat(flat(s, "SHOW TABLES")).containsExactly("t");
    }

    @Test
    void errorsPointAtTheOffendingToken() {
        assertThat(error(s, "SELECT * FROM t WHERE v ILIKE 'A'").getMessage())
                .isEqualTo("Getting syntax error at line 1, column 24. Detail message: Unexpected input 'ILIKE', "
                        + "the most similar input is {<EOF>}.");
        assertThat(error(s, "SELECT k\nFROM t\nLIMIT ALL").getMessage())
                .isEqualTo("Getting syntax error at line 3, column 6. Detail message: Unexpected input 'ALL', "
                        + "the most similar input is {an integer}.");
    }

    @Test
    void statementsInStarRocksGrammarRunAsBefore() throws SqlError {
        assertThat(flat(s, "SELECT `k` FROM t WHERE v LIKE 'a%' ORDER BY k DESC NULLS LAST LIMIT 1 OFFSET 0"))
                .containsExactly("1");
        assertThat(flat(s, "SELECT /*+ SET_VAR(query_timeout = 10) */ count(*) FROM t -- two rows"))
                .containsExactly("2");
        assertThat(flat(s, "SELECT CAST(k AS BOOL) FROM t WHERE k = 1")).hasSize(1);
        ok(s, "CREATE TABLE `order` (`key` INT, `desc` STRING) DUPLICATE KEY(`key`)" + R1);
        ok(s, "INSERT INTO `order` (`key`, `desc`) VALUES (1, 'x')");
        assertThat(flat(s, "SELECT `desc` FROM `order`")).containsExactly("x");
    }
}
