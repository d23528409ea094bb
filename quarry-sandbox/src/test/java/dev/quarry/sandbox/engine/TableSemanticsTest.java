package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.EngineTesting.batch;
import static dev.quarry.sandbox.engine.EngineTesting.csv;
import static dev.quarry.sandbox.engine.EngineTesting.error;
import static dev.quarry.sandbox.engine.EngineTesting.flat;
import static dev.quarry.sandbox.engine.EngineTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DUPLICATE / PRIMARY / UNIQUE / AGGREGATE semantics on INSERT and on loads; DELETE and UPDATE rules (docs/starrocks.md §5.3, §6). */
class TableSemanticsTest {
    private static final String R1 = " PROPERTIES ('replication_num' = '1')";
    private Engine engine;
    private EngineSession s;

    @BeforeEach
    void open() throws SqlError {
        engine = Engine.open(EngineTesting.config(1));
        s = engine.openSession("root");
        ok(s, "CREATE DATABASE d");
        ok(s, "USE d");
        ok(s, "CREATE TABLE dup (k INT, v VARCHAR(10)) DUPLICATE KEY(k)" + R1);
        ok(s, "CREATE TABLE pk (k INT NOT NULL, v VARCHAR(10), n INT) PRIMARY KEY(k)" + R1);
        ok(s, "CREATE TABLE uq (k INT, v VARCHAR(10)) UNIQUE KEY(k) DISTRIBUTED BY HASH(k)" + R1);
        ok(
                s,
                "CREATE TABLE agg (k INT, s BIGINT SUM, mx INT MAX, mn INT MIN, r VARCHAR(10) REPLACE,"
                        + " rn VARCHAR(10) REPLACE_IF_NOT_NULL) AGGREGATE KEY(k) DISTRIBUTED BY HASH(k)" + R1);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void load(String table, List<String> cols, String... lines) throws SqlError {
        LoadTxn t = engine.beginLoad("d", table, "l_" + System.nanoTime());
        t.append(csv(cols, lines));
        t.commit();
    }

    @Test
    void duplicateKeepsEveryRow() throws SqlError {
        ok(s, "INSERT INTO dup VALUES (1, 'a'), (1, 'a')");
        load("dup", List.of("k", "v"), "1,a", "2,b");
        assertThat(flat(s, "SELECT k, v FROM dup ORDER BY k, v")).containsExactly("1|a", "1|a", "1|a", "2|b");
    }

    @Test
    void primaryKeyUpsertsLastWriteWinsWithinAndAcrossStatements() throws SqlError {
        ok(s, "INSERT INTO pk VALUES (1, 'a', 1), (2, 'b', 2), (1, 'a2', 3)");
        assertThat(flat(s, "SELECT k, v, n FROM pk ORDER BY k")).containsExactly("1|a2|3", "2|b|2");
        ok(s, "INSERT INTO pk VALUES (2, 'b2', 20)");
        load("pk", List.of("k", "v", "n"), "3,c,30", "3,c2,31", "1,a3,4");
        assertThat(flat(s, "SELECT k, v, n FROM pk ORDER BY k")).containsExactly("1|a3|4", "2|b2|20", "3|c2|31");
    }

    @Test
    void primaryKeyLoadHonoursOpColumnAndConstantOp() throws SqlError {
        ok(s, "INSERT INTO pk VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)");
        LoadTxn t = engine.beginLoad("d", "pk", "ops");
        t.append(csv(List.of("k", "v", "n", "__op"), "1,x,1,1", "4,d,4,0", "2,b2,2,upsert"));
        t.commit();
        assertThat(flat(s, "SELECT k, v FROM pk ORDER BY k")).containsExactly("2|b2", "3|c", "4|d");
        LoadTxn del = engine.beginLoad("d", "pk", "delete_all_3");
        del.append(batch(List.of("k", "v", "n"), Map.of("__op", "'delete'"), null, false, false, null, "3,c,3"));
        del.commit();
        assertThat(flat(s, "SELECT k FROM pk ORDER BY k")).containsExactly("2", "4");
    }

    @Test
    void partialUpdateKeepsOtherColumnsAndMergeConditionGuardsOlderValues() throws SqlError {
        ok(s, "INSERT INTO pk VALUES (1, 'a', 10), (2, 'b', 20)");
        LoadTxn p = engine.beginLoad("d", "pk", "partial");
        p.append(batch(List.of("k", "n"), Map.of(), null, false, true, null, "1,11", "3,33"));
        p.commit();
        assertThat(flat(s, "SELECT k, v, n FROM pk ORDER BY k")).containsExactly("1|a|11", "2|b|20", "3|\\N|33");
        LoadTxn m = engine.beginLoad("d", "pk", "merge");
        m.append(batch(List.of("k", "v", "n"), Map.of(), null, false, false, "n", "1,old,5", "2,same,20"));
        m.commit();
        // merge_condition: an update applies only when the incoming value is >= the stored one (equal applies,
        // docs/starrocks.md §1.7).
        assertThat(flat(s, "SELECT k, v, n FROM pk ORDER BY k")).containsExactly("1|a|11", "2|same|20", "3|\\N|33");
    }

    @Test
    void autoIncrementFillsMissingIdsOnInsertAndLoad() throws SqlError {
        ok(s, "CREATE TABLE ai (id BIGINT NOT NULL AUTO_INCREMENT, name VARCHAR(10)) PRIMARY KEY(id)" + R1);
        ok(s, "INSERT INTO ai (name) VALUES ('a'), ('b')");
        load("ai", List.of("name"), "c");
        assertThat(flat(s, "SELECT id, name FROM ai ORDER BY id")).containsExactly("1|a", "2|b", "3|c");
        assertThat(error(s, "CREATE TABLE bad (id INT AUTO_INCREMENT)" + R1).getMessage())
                .isEqualTo("Getting analyzing error. Detail message: The AUTO_INCREMENT column must be BIGINT");
    }

    @Test
    void uniqueKeyReplacesWholeRow() throws SqlError {
        ok(s, "INSERT INTO uq VALUES (1, 'a'), (1, 'b')");
        load("uq", List.of("k", "v"), "1,c", "2,\\N");
        assertThat(flat(s, "SELECT k, v FROM uq ORDER BY k")).containsExactly("1|c", "2|\\N");
    }

    @Test
    void aggregateFoldsValuesPerKey() throws SqlError {
        ok(s, "INSERT INTO agg VALUES (1, 10, 5, 5, 'x', 'p'), (1, 5, 7, 3, 'y', NULL)");
        assertThat(flat(s, "SELECT * FROM agg")).containsExactly("1|15|7|3|y|p");
        load("agg", List.of("k", "s", "mx", "mn", "r", "rn"), "1,1,1,1,\\N,q", "2,2,2,2,z,\\N");
        assertThat(flat(s, "SELECT * FROM agg ORDER BY k")).containsExactly("1|16|7|1|\\N|q", "2|2|2|2|z|\\N");
    }

    @Test
    void deleteOnPrimaryKeyAcceptsAnyPredicate() throws SqlError {
        ok(s, "INSERT INTO pk VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)");
        ok(s, "DELETE FROM pk WHERE k = 1 OR v IN (SELECT 'c')");
        assertThat(flat(s, "SELECT k FROM pk")).containsExactly("2");
        ok(s, "DELETE FROM pk WHERE true");
        assertThat(flat(s, "SELECT count(*) FROM pk")).containsExactly("0");
    }

    @Test
    void deleteOnOtherTablesAcceptsOnlySimplePredicates() throws SqlError {
        ok(s, "INSERT INTO dup VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        ok(s, "DELETE FROM dup WHERE k >= 2 AND v != 'c'");
        assertThat(flat(s, "SELECT k FROM dup ORDER BY k")).containsExactly("1", "3");
        ok(s, "DELETE FROM dup WHERE k IN (1, 5)");
        assertThat(flat(s, "SELECT k FROM dup")).containsExactly("3");
        assertThat(error(s, "DELETE FROM dup WHERE k = 1 OR k = 2").getMessage())
                .isEqualTo("Getting analyzing error. Detail message: Compound predicate's op should be AND");
        String only = "Getting analyzing error. Detail message: Where clause only supports compound predicate, binary "
                + "predicate, is_null predicate and in predicate";
        assertThat(error(s, "DELETE FROM dup WHERE k BETWEEN 1 AND 2").getMessage())
                .isEqualTo(only);
        assertThat(error(s, "DELETE FROM dup WHERE true").getMessage()).isEqualTo(only);
        assertThat(error(s, "DELETE FROM dup WHERE k IN (SELECT 1)").getMessage())
                .isEqualTo("Getting analyzing error. Detail message: Child of in predicate should be value");
        assertThat(error(s, "DELETE FROM agg WHERE s = 1").getMessage())
                .isEqualTo(
                        "Getting analyzing error. Detail message: Column[s] is not key column or storage model is not "
                                + "duplicate or column type is float or double.");
        assertThat(flat(s, "SELECT k FROM dup")).containsExactly("3");
    }

    @Test
    void updateOnlyOnPrimaryKeyTables() throws SqlError {
        ok(s, "INSERT INTO pk VALUES (1, 'a', 1), (2, 'b', 2)");
        StatementResult.Ok u = ok(s, "UPDATE pk SET n = n + 10, v = 'z' WHERE k = 2");
        assertThat(u.affectedRows()).isEqualTo(1);
        assertThat(flat(s, "SELECT k, v, n FROM pk ORDER BY k")).containsExactly("1|a|1", "2|z|12");
        assertThat(error(s, "UPDATE dup SET v = 'x' WHERE k = 1").getMessage())
                .isEqualTo(
                        "Getting analyzing error. Detail message: does not support update on non-primary key table dup");
        assertThat(error(s, "UPDATE pk SET k = 5 WHERE k = 1").getMessage())
                .isEqualTo("Getting analyzing error. Detail message: primary key column cannot be updated: k");
    }

    @Test
    void strictInsertRefusesBadValuesAndNonStrictNullsThem() throws SqlError {
        ok(
                s,
                "CREATE TABLE typed (k INT, d DECIMAL(5,2), s VARCHAR(3), t DATETIME, nn INT NOT NULL DEFAULT '7')"
                        + " DUPLICATE KEY(k)" + R1);
        assertThat(error(s, "INSERT INTO typed (k, d) VALUES (1, 12345.6)").getMessage())
                .isEqualTo("Insert has filtered data in strict mode. Actual filtered row count: 1");
        assertThat(error(s, "INSERT INTO typed (k, s) VALUES (1, 'éé')").getMessage())
                .startsWith("Insert has filtered data in strict mode");
        assertThat(error(s, "INSERT INTO typed (k, t) VALUES (1, 'not a time')").getMessage())
                .startsWith("Insert has filtered data in strict mode");
        assertThat(error(s, "INSERT INTO typed (k, nn) VALUES (1, NULL)").getMessage())
                .startsWith("Insert has filtered data in strict mode");
        assertThat(flat(s, "SELECT count(*) FROM typed")).containsExactly("0");
        ok(s, "SET enable_insert_strict = false");
        // Without strict mode the over-long row is dropped and the rest is written.
        ok(s, "INSERT INTO typed (k, s) VALUES (1, 'ééé'), (2, 'abc')");
        assertThat(flat(s, "SELECT k, s, nn FROM typed ORDER BY k")).containsExactly("2|abc|7");
        ok(s, "INSERT INTO typed (k, d) VALUES (3, 12345.6)");
        assertThat(flat(s, "SELECT k, d FROM typed WHERE k = 3")).containsExactly("3|\\N");
        assertThat(error(s, "INSERT INTO typed (k, zz) VALUES (1, 1)").getMessage())
                .isEqualTo("Getting analyzing error. Detail message: Unknown column 'zz' in 'typed'");
        assertThat(error(s, "INSERT INTO typed VALUES (1, 2)").getMessage())
                .isEqualTo("Getting analyzing error. Detail message: Column count doesn't match value count.");
    }
}
