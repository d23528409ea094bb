package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.EngineTesting.flat;
import static dev.quarry.sandbox.engine.EngineTesting.ok;
import static dev.quarry.sandbox.engine.EngineTesting.one;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** StarRocks functions and value text forms through the rewriter (docs/starrocks.md §4). */
class QueryTest {
    private Engine engine;
    private EngineSession s;

    @BeforeEach
    void open() throws SqlError {
        engine = Engine.open(EngineTesting.config(1));
        s = engine.openSession("root");
        ok(s, "CREATE DATABASE d");
        ok(s, "USE d");
        ok(
                s,
                "CREATE TABLE ev (id INT, ts DATETIME, doc JSON, tags ARRAY<VARCHAR(10)>, amt DECIMAL(12,4), big LARGEINT,"
                        + " f DOUBLE) PROPERTIES ('replication_num' = '1')");
        ok(
                s,
                "INSERT INTO ev VALUES (1, '2024-03-05 10:11:12', parse_json('{\"a\": {\"b\": \"x\"}, \"n\": 3}'),"
                        + " ['p', 'q'], 1.5, -170141183460469231731687303715884105727, 0.1)");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void dateFunctions() throws SqlError {
        assertThat(one(s, "SELECT date_trunc('day', ts) FROM ev")).isEqualTo("2024-03-05 00:00:00");
        assertThat(one(s, "SELECT date_format(ts, '%Y/%m/%d %H:%i:%s') FROM ev"))
                .isEqualTo("2024/03/05 10:11:12");
        assertThat(one(s, "SELECT str_to_date('2024-01-02 03:04:05', '%Y-%m-%d %H:%i:%s')"))
                .isEqualTo("2024-01-02 03:04:05");
        assertThat(one(s, "SELECT date_add(ts, INTERVAL 1 DAY) FROM ev")).isEqualTo("2024-03-06 10:11:12");
        assertThat(one(s, "SELECT date_sub(ts, INTERVAL 2 HOUR) FROM ev")).isEqualTo("2024-03-05 08:11:12");
        assertThat(one(s, "SELECT days_add(ts, 3) FROM ev")).isEqualTo("2024-03-08 10:11:12");
        assertThat(one(s, "SELECT datediff('2024-03-10', ts) FROM ev")).isEqualTo("5");
        assertThat(one(s, "SELECT to_date(ts) FROM ev")).isEqualTo("2024-03-05");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String curdate = one(s, "SELECT curdate()");
        assertThat(curdate)
                .isIn(
                        today,
                        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
        assertThat(one(s, "SELECT now()")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        ok(s, "CREATE VIEW today AS SELECT curdate() AS d");
        assertThat(one(s, "SELECT d FROM today")).isEqualTo(curdate);
        ok(s, "SET time_zone = '+14:00'");
        assertThat(one(s, "SELECT curdate()"))
                .isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.ofHours(14))
                        .toString());
        ok(s, "SET time_zone = 'America/Bahia_Banderas'");
        assertThat(one(s, "SELECT current_date()"))
                .isIn(
                        LocalDate.now(ZoneId.of("America/Bahia_Banderas")).toString(),
                        LocalDate.now(ZoneId.of("America/Bahia_Banderas"))
                                .minusDays(1)
                                .toString());
    }

    @Test
    void jsonFunctions() throws SqlError {
        assertThat(one(s, "SELECT get_json_string(doc, '$.a.b') FROM ev")).isEqualTo("x");
        assertThat(one(s, "SELECT get_json_int(doc, '$.n') FROM ev")).isEqualTo("3");
        assertThat(one(s, "SELECT json_query(doc, '$.a') FROM ev")).isEqualTo("{\"b\": \"x\"}");
        assertThat(one(s, "SELECT doc->'$.n' FROM ev")).isEqualTo("3");
        StatementResult.Rows r = (StatementResult.Rows) s.execute("SELECT doc FROM ev");
        assertThat(r.columns().get(0).type()).isEqualTo(SqlType.JSON);
    }

    @Test
    void conditionalStringAndArrayFunctions() throws SqlError {
        assertThat(one(s, "SELECT if(id = 1, 'one', 'other') FROM ev")).isEqualTo("one");
        assertThat(one(s, "SELECT ifnull(NULL, 'd')")).isEqualTo("d");
        assertThat(one(s, "SELECT coalesce(NULL, NULL, 3)")).isEqualTo("3");
        assertThat(one(s, "SELECT concat_ws('-', 'a', NULL, 'b')")).isEqualTo("a-b");
        assertThat(one(s, "SELECT concat('a', NULL)")).isNull();
        assertThat(one(s, "SELECT concat('a', 1, 'b')")).isEqualTo("a1b");
        assertThat(one(s, "SELECT length('é')")).isEqualTo("2");
        assertThat(one(s, "SELECT char_length('é')")).isEqualTo("1");
        assertThat(one(s, "SELECT array_length(tags) FROM ev")).isEqualTo("2");
        assertThat(one(s, "SELECT tags FROM ev")).isEqualTo("[\"p\",\"q\"]");
        assertThat(one(s, "SELECT array_contains(tags, 'q') FROM ev")).isEqualTo("1");
        assertThat(one(s, "SELECT array_join(tags, ',') FROM ev")).isEqualTo("p,q");
        assertThat(flat(
                        s,
                        "SELECT array_map(x -> x * 2, [1, 2, 3]), array_filter(x -> x > 1, [1, 2, 3]),"
                                + " array_filter([1, 2, 3], [true, false, true])"))
                .containsExactly("[2,4,6]|[2,3]|[1,3]");
    }

    @Test
    void mysqlAndStarRocksOnlyFunctions() throws SqlError {
        assertThat(one(
                        s,
                        "SELECT group_concat(DISTINCT x ORDER BY x DESC SEPARATOR '|') FROM"
                                + " (SELECT 'a' x UNION ALL SELECT 'b' UNION ALL SELECT 'b') t"))
                .isEqualTo("b|a");
        assertThat(one(s, "SELECT timestampdiff(HOUR, '2024-01-01 00:00:00', '2024-01-02 01:00:00')"))
                .isEqualTo("25");
        assertThat(one(s, "SELECT timestampadd(DAY, 2, '2024-01-01')")).isEqualTo("2024-01-03 00:00:00");
        assertThat(one(s, "SELECT days_diff('2024-01-10', '2024-01-01')")).isEqualTo("9");
        assertThat(one(s, "SELECT regexp_replace('aaa', 'a', 'b')")).isEqualTo("bbb");
        assertThat(flat(s, "SELECT 'abc' REGEXP 'b', 'abc' NOT RLIKE '^b'")).containsExactly("1|1");
        assertThat(flat(s, "SELECT ndv(x), array_slice([1, 2, 3, 4], 2, 2) FROM (SELECT 1 AS x UNION ALL SELECT 2) t"))
                .containsExactly("2|[2,3]");
        assertThat(
                        flat(
                                s,
                                "SELECT substring_index('a.b.c', '.', 2), substring_index('a.b.c', '.', -1), date('2024-01-02 10:00:00')"))
                .containsExactly("a.b|c|2024-01-02");
    }

    @Test
    void valuesComeBackInStarRocksTextForms() throws SqlError {
        assertThat(flat(s, "SELECT amt, big, f, id = 1, CAST(ts AS DATE) FROM ev"))
                .containsExactly("1.5000|-170141183460469231731687303715884105727|0.1|1|2024-03-05");
        StatementResult.Rows r = (StatementResult.Rows) s.execute("SELECT big, amt FROM ev");
        assertThat(r.columns().get(0).type()).isEqualTo(SqlType.LARGEINT);
        assertThat(r.columns().get(1).scale()).isEqualTo(4);
        assertThat(one(s, "SELECT CAST('2024-01-01 00:00:00.5' AS DATETIME)")).isEqualTo("2024-01-01 00:00:00.500000");
        assertThat(one(s, "SELECT 1.0 * 3")).isEqualTo("3.0");
    }

    @Test
    void complexTypesPrintAsStarRocksDoes() throws SqlError {
        ok(
                s,
                "CREATE TABLE cx (k INT, s STRUCT<x INT, y VARCHAR(5)>, m MAP<VARCHAR(5), INT>, a ARRAY<ARRAY<INT>>)"
                        + " PROPERTIES ('replication_num' = '1')");
        ok(s, "INSERT INTO cx SELECT 1, row(1, 'a'), map(['k'], [1]), [[1, 2], [3]]");
        assertThat(flat(s, "SELECT s, m, a FROM cx")).containsExactly("{\"x\":1,\"y\":\"a\"}|{\"k\":1}|[[1,2],[3]]");
    }

    @Test
    void joinsCtesWindowsAndMysqlSyntax() throws SqlError {
        ok(s, "CREATE TABLE c (id INT, name VARCHAR(10)) PROPERTIES ('replication_num' = '1')");
        ok(s, "INSERT INTO c VALUES (1, 'ann'), (2, 'bob')");
        assertThat(flat(
                        s,
                        "WITH x AS (SELECT id, name FROM c) SELECT x.name, row_number() OVER (ORDER BY x.id DESC) rn"
                                + " FROM x LEFT JOIN ev ON ev.id = x.id ORDER BY rn"))
                .containsExactly("bob|1", "ann|2");
        assertThat(flat(s, "SELECT `name` FROM `d`.`c` ORDER BY id LIMIT 1, 1")).containsExactly("bob");
        assertThat(flat(s, "SELECT name FROM c WHERE name = \"ann\" AND id <=> 1"))
                .containsExactly("ann");
        assertThat(flat(s, "SELECT 7 DIV 2, 'it''s', 'a\\'b'")).containsExactly("3|it's|a'b");
        assertThat(flat(s, "SELECT id AS at FROM c WHERE id = 1")).containsExactly("1");
        assertThat(flat(s, "SELECT name FROM c QUALIFY row_number() OVER (ORDER BY id DESC) = 1"))
                .containsExactly("bob");
    }
}
