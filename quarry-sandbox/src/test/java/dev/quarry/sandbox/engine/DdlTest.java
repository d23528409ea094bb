package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.EngineTesting.error;
import static dev.quarry.sandbox.engine.EngineTesting.flat;
import static dev.quarry.sandbox.engine.EngineTesting.ok;
import static dev.quarry.sandbox.engine.EngineTesting.rows;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SHOW CREATE TABLE, SWAP, INSERT OVERWRITE, RENAME, ALTER, views, TRUNCATE, CTAS, LIKE (docs/starrocks.md §3, §5). */
class DdlTest {
    private static final String R1 = " PROPERTIES ('replication_num' = '1')";
    private Engine engine;
    private EngineSession s;

    @BeforeEach
    void open() throws SqlError {
        engine = Engine.open(EngineTesting.config(1));
        s = engine.openSession("root");
        ok(s, "CREATE DATABASE d");
        ok(s, "USE d");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private String showCreate(String table) throws SqlError {
        return rows(s, "SHOW CREATE TABLE " + table).get(0).get(1);
    }

    @Test
    void showCreateTablePrintsStarRocksLayout() throws SqlError {
        ok(
                s,
                "CREATE TABLE t1 (id1 int, id2 int, id3 double) DUPLICATE KEY(id1) COMMENT \"c1\" DISTRIBUTED BY HASH(id1)"
                        + " BUCKETS 1 properties('replication_num' = '1')");
        assertThat(showCreate("t1")).isEqualTo("""
                                               CREATE TABLE `t1` (
                                                 `id1` int(11) NULL COMMENT "",
                                                 `id2` int(11) NULL COMMENT "",
                                                 `id3` double NULL COMMENT ""
                                               ) ENGINE=OLAP\s
                                               DUPLICATE KEY(`id1`)
                                               COMMENT "c1"
                                               DISTRIBUTED BY HASH(`id1`) BUCKETS 1\s
                                               PROPERTIES (
                                               "replication_num" = "1",
                                               "in_memory" = "false",
                                               "enable_persistent_index" = "false",
                                               "replicated_storage" = "true",
                                               "fast_schema_evolution" = "true",
                                               "compression" = "LZ4"
                                               );\
                                               """);
        ok(s, "CREATE TABLE t2 LIKE t1");
        assertThat(showCreate("t2")).isEqualTo(showCreate("t1").replace("`t1`", "`t2`"));
        ok(
                s,
                "CREATE TABLE pk (id BIGINT COMMENT 'the id', v DECIMAL(10,2) DEFAULT '0', ts DATETIME DEFAULT CURRENT_TIMESTAMP)"
                        + " PRIMARY KEY(id) ORDER BY(ts)" + R1);
        String pk = showCreate("pk");
        assertThat(pk).contains("""
                                  `id` bigint(20) NOT NULL COMMENT "the id",
                                  `v` decimal(10, 2) NULL DEFAULT "0" COMMENT "",
                                  `ts` datetime NULL DEFAULT CURRENT_TIMESTAMP COMMENT ""
                                """);
        assertThat(pk).contains("PRIMARY KEY(`id`)\nDISTRIBUTED BY HASH(`id`) \nORDER BY(`ts`)\n");
        assertThat(pk).contains("\"enable_persistent_index\" = \"true\"");
    }

    @Test
    void swapExchangesDataAndMetadataAtomically() throws SqlError {
        ok(s, "CREATE TABLE a (k INT, v VARCHAR(5)) DUPLICATE KEY(k)" + R1);
        ok(s, "CREATE TABLE b (k INT NOT NULL, w INT) PRIMARY KEY(k)" + R1);
        ok(s, "INSERT INTO a VALUES (1, 'x')");
        ok(s, "INSERT INTO b VALUES (2, 20), (3, 30)");
        ok(s, "ALTER TABLE a SWAP WITH b");
        assertThat(flat(s, "SELECT * FROM a ORDER BY k")).containsExactly("2|20", "3|30");
        assertThat(flat(s, "SELECT * FROM b")).containsExactly("1|x");
        assertThat(showCreate("a")).contains("PRIMARY KEY(`k`)").contains("`w` int(11)");
        assertThat(showCreate("b")).contains("DUPLICATE KEY(`k`)");
        ok(s, "INSERT INTO a VALUES (2, 21)");
        assertThat(flat(s, "SELECT * FROM a ORDER BY k")).containsExactly("2|21", "3|30");
    }

    @Test
    void failingInsertOverwriteKeepsTheOldRows() throws SqlError {
        ok(s, "CREATE TABLE t (k INT, v VARCHAR(3)) DUPLICATE KEY(k)" + R1);
        ok(s, "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
        assertThat(error(s, "INSERT OVERWRITE t VALUES (3, 'toolong')").getMessage())
                .startsWith("Insert has filtered data in strict mode");
        assertThat(flat(s, "SELECT k FROM t ORDER BY k")).containsExactly("1", "2");
        StatementResult.Ok o = ok(s, "INSERT OVERWRITE t SELECT 9, 'z'");
        assertThat(o.affectedRows()).isEqualTo(1);
        assertThat(flat(s, "SELECT k, v FROM t")).containsExactly("9|z");
    }

    @Test
    void insertOverwriteOfNamedPartitionsReplacesOnlyThose() throws SqlError {
        ok(
                s,
                "CREATE TABLE p (dt DATE, v INT) DUPLICATE KEY(dt) PARTITION BY RANGE(dt) ("
                        + " PARTITION p1 VALUES LESS THAN ('2024-02-01'), PARTITION p2 VALUES LESS THAN ('2024-03-01'))"
                        + " DISTRIBUTED BY HASH(dt)" + R1);
        ok(s, "INSERT INTO p VALUES ('2024-01-05', 1), ('2024-02-05', 2)");
        ok(s, "INSERT OVERWRITE p PARTITION(p2) VALUES ('2024-02-07', 3)");
        assertThat(error(s, "INSERT OVERWRITE p PARTITION(p2) VALUES ('2024-01-09', 9)")
                        .getMessage())
                .startsWith("Insert has filtered data in strict mode");
        assertThat(flat(s, "SELECT dt, v FROM p ORDER BY dt")).containsExactly("2024-01-05|1", "2024-02-07|3");
        ok(s, "TRUNCATE TABLE p PARTITION(p1)");
        assertThat(flat(s, "SELECT v FROM p")).containsExactly("3");
        assertThat(error(s, "TRUNCATE TABLE p PARTITION(p9)").getMessage())
                .isEqualTo("Getting analyzing error. Detail message: Unknown partition 'p9' in table 'p'");
        ok(s, "ALTER TABLE p ADD PARTITION p3 VALUES LESS THAN ('2024-04-01')");
        ok(s, "INSERT INTO p VALUES ('2024-03-05', 4)");
        assertThat(flat(s, "SHOW PARTITIONS FROM p"))
                .extracting(r -> r.split("\\|", -1)[1])
                .containsExactly("p1", "p2", "p3");
        ok(s, "ALTER TABLE p DROP PARTITION p2");
        assertThat(flat(s, "SELECT v FROM p")).containsExactly("4");
        assertThat(rows(s, "SHOW CREATE TABLE p").get(0).get(1))
                .contains("PARTITION p1 VALUES LESS THAN ('2024-02-01'),")
                .doesNotContain("p2")
                .contains("PARTITION p3 VALUES LESS THAN ('2024-04-01'))");
        ok(s, "TRUNCATE TABLE p");
        assertThat(flat(s, "SELECT count(*) FROM p")).containsExactly("0");
    }

    @Test
    void expressionPartitionsAreAddressableByStarRocksNamesAndDynamicOverwrite() throws SqlError {
        ok(s, "CREATE TABLE e (dt DATETIME, v INT) DUPLICATE KEY(dt) PARTITION BY date_trunc('day', dt)" + R1);
        ok(
                s,
                "INSERT INTO e VALUES ('2024-01-01 10:00:00', 1), ('2024-01-02 11:00:00', 2), ('2024-01-03 00:00:00', 3)");
        assertThat(flat(s, "SHOW PARTITIONS FROM e"))
                .extracting(r -> r.split("\\|", -1)[1])
                .containsExactly("p20240101", "p20240102", "p20240103");
        ok(s, "INSERT OVERWRITE e PARTITION(p20240102) VALUES ('2024-01-02 12:00:00', 20)");
        assertThat(flat(s, "SELECT v FROM e ORDER BY dt")).containsExactly("1", "20", "3");
        ok(s, "SET dynamic_overwrite = true");
        ok(s, "INSERT OVERWRITE e VALUES ('2024-01-03 05:00:00', 30), ('2024-01-04 05:00:00', 40)");
        assertThat(flat(s, "SELECT v FROM e ORDER BY dt")).containsExactly("1", "20", "30", "40");
        ok(s, "SET dynamic_overwrite = false");
        ok(s, "INSERT OVERWRITE e VALUES ('2024-02-01 00:00:00', 5)");
        assertThat(flat(s, "SELECT v FROM e")).containsExactly("5");
        assertThat(error(s, "INSERT OVERWRITE e PARTITION(p2024) VALUES ('2024-02-01 00:00:00', 5)")
                        .getMessage())
                .isEqualTo("Getting analyzing error. Detail message: Unknown partition 'p2024' in table 'e'");
    }

    @Test
    void fixedRangesAndEveryBatchesNamePartitionsLikeStarRocks() throws SqlError {
        ok(
                s,
                "CREATE TABLE fr (dt DATE, v INT) DUPLICATE KEY(dt) PARTITION BY RANGE(`dt`) ("
                        + " PARTITION `p20240101` VALUES [(\"2024-01-01\"), (\"2024-01-02\")),"
                        + " PARTITION `p20240102` VALUES [(\"2024-01-02\"), (\"2024-01-03\"))) DISTRIBUTED BY HASH(dt) BUCKETS 2"
                        + R1);
        ok(
                s,
                "CREATE TABLE ev (dt DATE, v INT) DUPLICATE KEY(dt) PARTITION BY RANGE(dt) ("
                        + " START (\"2024-01-01\") END (\"2024-01-04\") EVERY (INTERVAL 1 DAY)) DISTRIBUTED BY HASH(dt)"
                        + R1);
        for (String t : new String[] {"fr", "ev"}) {
            ok(s, "INSERT INTO " + t + " VALUES ('2024-01-01', 1), ('2024-01-02', 2)");
            ok(s, "INSERT OVERWRITE " + t + " PARTITION(p20240102) VALUES ('2024-01-02', 3)");
            assertThat(flat(s, "SELECT dt, v FROM " + t + " ORDER BY dt"))
                    .containsExactly("2024-01-01|1", "2024-01-02|3");
        }
    }

    @Test
    void insertWithLabelRecordsIt() throws SqlError {
        ok(s, "CREATE TABLE t (k INT)" + R1);
        StatementResult.Ok r = ok(s, "INSERT INTO t WITH LABEL my_label (k) VALUES (1)");
        assertThat(r.info()).startsWith("{'label':'my_label', 'status':'VISIBLE', 'txnId':'");
        assertThat(engine.labelState("d", "my_label")).contains(TxnState.VISIBLE);
        assertThat(error(s, "INSERT INTO t WITH LABEL my_label VALUES (2)").getMessage())
                .isEqualTo("Label [my_label] has already been used.");
    }

    @Test
    void renameTakesABareNameOnly() throws SqlError {
        ok(s, "CREATE TABLE t (k INT)" + R1);
        ok(s, "ALTER TABLE t RENAME t_new");
        assertThat(flat(s, "SHOW TABLES")).containsExactly("t_new");
        assertThat(error(s, "ALTER TABLE t_new RENAME d.t2").getMessage())
                .isEqualTo("Getting syntax error at line 1, column 26. Detail message: Unexpected input '.', "
                        + "the most similar input is {<EOF>}.");
    }

    @Test
    void alterColumnsAndComments() throws SqlError {
        ok(s, "CREATE TABLE t (k INT NOT NULL, v INT) PRIMARY KEY(k)" + R1);
        ok(s, "INSERT INTO t VALUES (1, 10)");
        ok(s, "ALTER TABLE t ADD COLUMN w VARCHAR(10) DEFAULT 'x' AFTER k");
        assertThat(flat(s, "SELECT * FROM t")).containsExactly("1|x|10");
        ok(s, "ALTER TABLE t MODIFY COLUMN v BIGINT");
        ok(s, "ALTER TABLE t MODIFY COLUMN v COMMENT 'value'");
        ok(s, "ALTER TABLE t COMMENT = 'table comment'");
        assertThat(showCreate("t"))
                .contains("`v` bigint(20) NULL COMMENT \"value\"")
                .contains("COMMENT \"table comment\"");
        assertThat(flat(s, "SHOW ALTER TABLE COLUMN FROM d WHERE TableName = 't' ORDER BY CreateTime DESC LIMIT 1"))
                .singleElement()
                .satisfies(r -> assertThat(r.split("\\|", -1)[9]).isEqualTo("FINISHED"));
        assertThat(flat(s, "SHOW ALTER TABLE COLUMN FROM d WHERE TableName = 'other'"))
                .isEmpty();
        ok(s, "ALTER TABLE t DROP COLUMN w");
        assertThat(flat(s, "SELECT * FROM t")).containsExactly("1|10");
        assertThat(error(s, "ALTER TABLE t DROP COLUMN k").getMessage())
                .isEqualTo("Can not drop key column in primary data model table");
        assertThat(error(s, "ALTER TABLE t ADD COLUMN k FLOAT").getMessage())
                .isEqualTo("Can not add column which already "
                        + "exists in column id: k, you can remove `k` int(11) NOT NULL COMMENT \"\" and try again.");
        assertThat(error(s, "ALTER TABLE t DROP COLUMN v100").getMessage()).isEqualTo("Column does not exists: v100");
        ok(s, "CREATE TABLE u (k0 BIGINT, v0 BIGINT) UNIQUE KEY(k0) DISTRIBUTED BY HASH(k0)" + R1);
        assertThat(error(s, "ALTER TABLE u ADD COLUMN v2 BIGINT MIN").getMessage())
                .isEqualTo("Can not assign aggregation method on column in Unique data model table: v2");
        assertThat(error(s, "ALTER TABLE u ADD COLUMN v0 BIGINT").getMessage())
                .isEqualTo("Can not add column which already exists in base table: v0");
        assertThat(error(s, "ALTER TABLE u DROP COLUMN k0").getMessage())
                .isEqualTo("Can not drop key column in Unique data model table");
        assertThat(error(s, "ALTER TABLE t MODIFY COLUMN k BIGINT").getMessage())
                .isEqualTo("Can not modify key column: k for primary key table");
        ok(
                s,
                "CREATE TABLE sorted (k INT NOT NULL, ts DATETIME, p INT) PRIMARY KEY(k) PARTITION BY (k) ORDER BY(ts)"
                        + R1);
        assertThat(error(s, "ALTER TABLE sorted MODIFY COLUMN ts DATE").getMessage())
                .isEqualTo("Can not modify sort column in primary data model table");
        assertThat(error(s, "ALTER TABLE sorted DROP COLUMN ts").getMessage())
                .isEqualTo("Can not drop sort column in primary data model table");
    }

    @Test
    void viewsAreCreatedReplacedAndDropped() throws SqlError {
        ok(s, "CREATE TABLE t (k INT, v INT)" + R1);
        ok(s, "INSERT INTO t VALUES (1, 2), (3, 4)");
        ok(
                s,
                "CREATE VIEW v1 (a COMMENT 'first', b) COMMENT 'my view' SECURITY INVOKER AS SELECT k, v FROM t WHERE k > 1");
        assertThat(flat(s, "SELECT a, b FROM v1")).containsExactly("3|4");
        assertThat(error(s, "CREATE VIEW v1 AS SELECT 1").getMessage())
                .isEqualTo("Getting analyzing error. Detail message: Table 'v1' already exists.");
        ok(s, "CREATE OR REPLACE VIEW v1 AS SELECT k FROM t");
        assertThat(flat(s, "SELECT * FROM v1 ORDER BY k")).containsExactly("1", "3");
        assertThat(rows(s, "SHOW CREATE VIEW v1").get(0).get(1))
                .isEqualTo("CREATE VIEW `v1` (`k`) AS SELECT k FROM t;");
        assertThat(flat(s, "SHOW FULL TABLES")).containsExactly("t|BASE TABLE", "v1|VIEW");
        ok(s, "DROP VIEW v1");
        ok(s, "DROP VIEW IF EXISTS v1");
        assertThat(flat(s, "SHOW TABLES")).containsExactly("t");
    }

    @Test
    void ctasAndDropTable() throws SqlError {
        ok(s, "CREATE TABLE src (k INT, name VARCHAR(5))" + R1);
        ok(s, "INSERT INTO src VALUES (1, 'a'), (2, 'b')");
        ok(s, "CREATE TABLE copy PROPERTIES ('replication_num' = '1') AS SELECT k, upper(name) AS up FROM src");
        assertThat(flat(s, "SELECT * FROM copy ORDER BY k")).containsExactly("1|A", "2|B");
        assertThat(flat(s, "DESC copy")).containsExactly("k|int|YES|true|\\N|", "up|varchar(65533)|YES|true|\\N|");
        ok(s, "DROP TABLE copy FORCE");
        ok(s, "DROP TABLE IF EXISTS copy");
        assertThat(error(s, "DROP TABLE copy").getMessage())
                .isEqualTo("Getting analyzing error. Detail message: Unknown table 'd.copy'.");
    }

    @Test
    void refusesWhatStarRocksRefuses() throws SqlError {
        ok(s, "CREATE TABLE t (k INT, v INT)" + R1);
        assertThat(error(s, "SELECT * FROM t WHERE (k, v) IN ((1, 2))").getMessage())
                .startsWith("Getting syntax error at line 1, column 29. Detail message: Unexpected input 'IN'");
        assertThat(error(s, "SELECT * FROM t WHERE k = 1 AND (k, v) IN ((1, 2))")
                        .getMessage())
                .contains("Unexpected input 'IN'");
        assertThat(flat(s, "SELECT coalesce(k, v) IN (1, 2) FROM t")).isEmpty();
        assertThat(error(s, "SELECT * FROM t FOR UPDATE").getMessage())
                .startsWith("Getting syntax error at line 1, column 16. Detail message: Unexpected input 'FOR'");
        assertThat(error(s, "MERGE INTO t USING t2 ON t.k = t2.k WHEN MATCHED THEN DELETE")
                        .getMessage())
                .startsWith("Getting syntax error at line 1, column 0. Detail message: Unexpected input 'MERGE'");
    }
}
