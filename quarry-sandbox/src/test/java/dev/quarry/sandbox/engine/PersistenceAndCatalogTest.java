package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.EngineTesting.csv;
import static dev.quarry.sandbox.engine.EngineTesting.flat;
import static dev.quarry.sandbox.engine.EngineTesting.ok;
import static dev.quarry.sandbox.engine.EngineTesting.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persistence across reopen (the --data DIR option, docs/architecture.md §6), information_schema, SHOW statements. */
class PersistenceAndCatalogTest {
    @TempDir
    Path dir;

    @Test
    void reopeningRestoresCatalogDataAndLabels() throws SqlError {
        EngineConfig config = new EngineConfig(dir, 1, false, "3.5.7");
        try (Engine e = Engine.open(config);
                EngineSession s = e.openSession("root")) {
            ok(s, "CREATE DATABASE shop");
            ok(
                    s,
                    "CREATE TABLE shop.orders (id INT NOT NULL, v VARCHAR(5)) PRIMARY KEY(id) COMMENT 'orders'"
                            + " PROPERTIES ('replication_num' = '1')");
            ok(s, "CREATE VIEW shop.big AS SELECT id FROM shop.orders WHERE id > 1");
            ok(s, "CREATE VIEW shop.ages AS SELECT id, datediff('2024-01-10', '2024-01-01') AS days FROM shop.orders");
            ok(
                    s,
                    "CREATE MATERIALIZED VIEW shop.counts DISTRIBUTED BY HASH(n) REFRESH MANUAL"
                            + " PROPERTIES ('replication_num' = '1') AS SELECT count(*) AS n FROM shop.orders");
            LoadTxn t = e.beginLoad("shop", "orders", "load-1");
            t.append(csv(List.of("id", "v"), "1,a", "2,b"));
            t.commit();
            LoadTxn aborted = e.beginLoad("shop", "orders", "load-2");
            aborted.append(csv(List.of("id", "v"), "3,c"));
            aborted.abort("client rollback");
        }
        try (Engine e = Engine.open(config);
                EngineSession s = e.openSession("root")) {
            assertThat(flat(s, "SHOW DATABASES")).contains("shop");
            assertThat(flat(s, "SELECT id, v FROM shop.orders ORDER BY id")).containsExactly("1|a", "2|b");
            assertThat(flat(s, "SELECT * FROM shop.big")).containsExactly("2");
            assertThat(flat(s, "SELECT DISTINCT days FROM shop.ages")).containsExactly("9");
            assertThat(flat(s, "SELECT n FROM shop.counts")).containsExactly("0");
            s.execute("REFRESH MATERIALIZED VIEW shop.counts WITH SYNC MODE");
            assertThat(flat(s, "SELECT n FROM shop.counts")).containsExactly("2");
            assertThat(rows(s, "SHOW CREATE TABLE shop.orders").get(0).get(1))
                    .contains("PRIMARY KEY(`id`)")
                    .contains("COMMENT \"orders\"");
            assertThat(e.labelState("shop", "load-1")).contains(TxnState.VISIBLE);
            assertThat(e.labelState("shop", "load-2")).contains(TxnState.ABORTED);
            ok(s, "INSERT INTO shop.orders VALUES (1, 'z')");
            assertThat(flat(s, "SELECT id, v FROM shop.orders ORDER BY id")).containsExactly("1|z", "2|b");
            LoadTxn next = e.beginLoad("shop", "orders", "load-3");
            assertThat(next.txnId()).isGreaterThan(1001);
            next.abort("done");
        }
    }

    @Test
    void informationSchemaDescribesTablesAndColumns() throws SqlError {
        try (Engine e = Engine.open(EngineTesting.config(1));
                EngineSession s = e.openSession("root")) {
            ok(s, "CREATE DATABASE d");
            ok(
                    s,
                    "CREATE TABLE d.t (id BIGINT NOT NULL COMMENT 'key', name VARCHAR(20), amount DECIMAL(9,3)) PRIMARY KEY(id)"
                            + " COMMENT 'tc' DISTRIBUTED BY HASH(id) BUCKETS 3 PROPERTIES ('replication_num' = '1')");
            ok(s, "CREATE VIEW d.v AS SELECT id FROM d.t");
            ok(s, "INSERT INTO d.t (id) VALUES (1), (2), (3)");
            assertThat(flat(s, "SELECT TABLE_ROWS FROM information_schema.tables WHERE table_name = 't'"))
                    .containsExactly("3");
            assertThat(flat(
                            s,
                            "SELECT table_name, table_type, engine, table_comment FROM information_schema.tables"
                                    + " WHERE table_schema = 'd' ORDER BY table_name"))
                    .containsExactly("t|BASE TABLE|StarRocks|tc", "v|VIEW|\\N|");
            assertThat(flat(
                            s,
                            "SELECT COLUMN_NAME, ORDINAL_POSITION, IS_NULLABLE, DATA_TYPE, COLUMN_TYPE, COLUMN_KEY,"
                                    + " CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, COLUMN_COMMENT FROM INFORMATION_SCHEMA.COLUMNS"
                                    + " WHERE TABLE_SCHEMA = 'd' AND TABLE_NAME = 't' ORDER BY ORDINAL_POSITION"))
                    .containsExactly(
                            "id|1|NO|bigint|bigint(20)|PRI|\\N|19|0|key",
                            "name|2|YES|varchar|varchar(20)||20|\\N|\\N|",
                            "amount|3|YES|decimal|decimal(9, 3)||\\N|9|3|");
            assertThat(flat(
                            s,
                            "SELECT TABLE_MODEL, PRIMARY_KEY, DISTRIBUTE_KEY, DISTRIBUTE_TYPE, DISTRIBUTE_BUCKET"
                                    + " FROM information_schema.tables_config WHERE TABLE_NAME = 't'"))
                    .containsExactly("PRI_KEYS|`id`|`id`|HASH|3");
            assertThat(
                            flat(
                                    s,
                                    "SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.views WHERE TABLE_SCHEMA = 'd'"))
                    .containsExactly("v|SELECT id FROM d.t");
            assertThat(flat(s, "SELECT schema_name FROM information_schema.schemata ORDER BY schema_name"))
                    .containsExactly("_statistics_", "d", "information_schema", "sys");
        }
    }

    @Test
    void showStatementsForToolsAndDrivers() throws SqlError {
        try (Engine e = Engine.open(EngineTesting.config(1));
                EngineSession s = e.openSession("root")) {
            e.advertise(new Engine.Addresses("127.0.0.1", 19030, 18030, 18040));
            List<List<String>> backends = rows(s, "SHOW BACKENDS");
            assertThat(backends).hasSize(1);
            assertThat(backends.get(0).subList(0, 5)).containsExactly("10001", "127.0.0.1", "9050", "9060", "18040");
            assertThat(backends.get(0).get(8)).isEqualTo("true");
            StatementResult.Rows proc = (StatementResult.Rows) s.execute("SHOW PROC '/backends'");
            assertThat(proc.columns().get(0).name()).isEqualTo("BackendId");
            assertThat(proc.columns()).hasSize(28);
            assertThat(flat(s, "ADMIN SHOW FRONTEND CONFIG LIKE '%empty_load%'"))
                    .containsExactly("empty_load_as_error|[]|true|boolean|true|");
            ok(s, "SET SESSION query_timeout = 60");
            ok(s, "SET time_zone = '+00:00'");
            assertThat(flat(s, "SELECT @@query_timeout, @@session.time_zone")).containsExactly("60|+00:00");
            assertThat(flat(s, "SHOW VARIABLES WHERE Variable_name = 'query_timeout'"))
                    .containsExactly("query_timeout|60");
            assertThat(EngineTesting.error(s, "SET time_zone = 'Mars/Base'").getMessage())
                    .isEqualTo("Unknown or incorrect time zone: 'Mars/Base'");
        }
    }
}
