package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.EngineTesting.csv;
import static dev.quarry.sandbox.engine.EngineTesting.error;
import static dev.quarry.sandbox.engine.EngineTesting.flat;
import static dev.quarry.sandbox.engine.EngineTesting.ok;
import static dev.quarry.sandbox.engine.EngineTesting.one;
import static dev.quarry.sandbox.engine.EngineTesting.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngineBasicsTest {
    private Engine engine;
    private EngineSession s;

    @BeforeEach
    void open() throws SqlError {
        engine = Engine.open(EngineTesting.config(1));
        s = engine.openSession("root");
    }

    @AfterEach
    void close() {
        s.close();
        engine.close();
    }

    @Test
    void answersWhatConnectorJSendsOnConnect() throws SqlError {
        StatementResult.Rows r = (StatementResult.Rows) s.execute("/* mysql-connector-j-9.1.0 */SELECT"
                + "  @@session.auto_increment_increment AS auto_increment_increment, @@character_set_client AS character_set_client,"
                + " @@character_set_connection AS character_set_connection, @@character_set_results AS character_set_results,"
                + " @@character_set_server AS character_set_server, @@collation_server AS collation_server,"
                + " @@collation_connection AS collation_connection, @@init_connect AS init_connect,"
                + " @@interactive_timeout AS interactive_timeout, @@license AS license,"
                + " @@lower_case_table_names AS lower_case_table_names, @@max_allowed_packet AS max_allowed_packet,"
                + " @@net_write_timeout AS net_write_timeout, @@performance_schema AS performance_schema,"
                + " @@sql_mode AS sql_mode, @@system_time_zone AS system_time_zone, @@time_zone AS time_zone,"
                + " @@transaction_isolation AS transaction_isolation, @@wait_timeout AS wait_timeout");
        assertThat(r.columns().get(0).name()).isEqualTo("auto_increment_increment");
        assertThat(r.columns().get(0).type()).isEqualTo(SqlType.BIGINT);
        assertThat(r.rows().get(0).get(0)).isEqualTo("1");
        assertThat(r.rows().get(0).get(16)).isEqualTo("Asia/Shanghai");
        ok(s, "SET autocommit=1");
        ok(s, "SET sql_mode='STRICT_TRANS_TABLES'");
        assertThat(one(s, "SELECT @@session.transaction_read_only")).isEqualTo("0");
        assertThat(one(s, "select @@sql_mode")).isEqualTo("STRICT_TRANS_TABLES");
        ok(s, "set sql_mode=CONCAT(@@sql_mode,',STRICT_TRANS_TABLES'),NAMES utf8mb4");
        assertThat(one(s, "select @@sql_mode")).isEqualTo("STRICT_TRANS_TABLES,STRICT_TRANS_TABLES");
        assertThat(one(s, "select version()")).isEqualTo("8.0.33");
        assertThat(one(s, "SELECT @@version_comment LIMIT 1")).isEqualTo("StarRocks version 3.5.7");
        StatementResult.Rows named = (StatementResult.Rows) s.execute("SELECT @@version_comment");
        assertThat(named.columns().get(0).name()).isEqualTo("@@version_comment");
        assertThat(flat(s, "SHOW VARIABLES LIKE 'time_zone'")).containsExactly("time_zone|Asia/Shanghai");
        assertThat(error(s, "SELECT @@no_such_variable").getMessage())
                .isEqualTo("Unknown system variable 'no_such_variable'");
    }

    @Test
    void databasesAreCreatedListedUsedAndDropped() throws SqlError {
        assertThat(flat(s, "SHOW DATABASES")).containsExactly("_statistics_", "information_schema", "sys");
        ok(s, "CREATE DATABASE d1");
        ok(s, "CREATE DATABASE IF NOT EXISTS d1");
        SqlError exists = error(s, "CREATE DATABASE d1");
        assertThat(exists.code()).isEqualTo(1007);
        assertThat(exists.getMessage()).isEqualTo("Can't create database 'd1'; database exists");
        assertThat(flat(s, "SHOW DATABASES")).containsExactly("_statistics_", "d1", "information_schema", "sys");
        ok(s, "USE d1");
        assertThat(s.database()).contains("d1");
        assertThat(one(s, "select database()")).isEqualTo("d1");
        SqlError unknown = error(s, "USE nope");
        assertThat(unknown.code()).isEqualTo(1049);
        assertThat(unknown.getMessage()).isEqualTo("Unknown database 'nope'");
        // DuckDB's catalog names must not make StarRocks database names ambiguous.
        ok(s, "CREATE DATABASE memory");
        ok(s, "CREATE TABLE memory.t (k INT) PROPERTIES ('replication_num' = '1')");
        ok(s, "INSERT INTO memory.t VALUES (1)");
        assertThat(flat(s, "SELECT k FROM memory.t")).containsExactly("1");
        assertThat(error(s, "CREATE DATABASE temp").getMessage())
                .isEqualTo(
                        "Getting analyzing error. Detail message: "
                                + "The sandbox cannot host a database named 'temp': its storage engine (DuckDB) reserves that name");
        ok(s, "DROP DATABASE d1");
        ok(s, "DROP DATABASE IF EXISTS d1");
        assertThat(error(s, "DROP DATABASE d1").getMessage())
                .isEqualTo("Can't drop database 'd1'; database doesn't exist");
        assertThat(s.database()).isEmpty();
    }

    @Test
    void createInsertSelectRoundTrip() throws SqlError {
        ok(s, "CREATE DATABASE shop");
        ok(s, "USE shop");
        ok(
                s,
                "CREATE TABLE `orders` (id BIGINT NOT NULL, customer VARCHAR(20), amount DECIMAL(10,2), created DATETIME,"
                        + " paid BOOLEAN) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES ('replication_num' = '1')");
        StatementResult.Ok ins = ok(
                s,
                "INSERT INTO orders VALUES (1, 'ann', 12.5, '2024-03-10 02:30:00', true),"
                        + " (2, \"bob\", NULL, '2024-01-02 03:04:05.123456', false)");
        assertThat(ins.affectedRows()).isEqualTo(2);
        assertThat(ins.info()).matches("\\{'label':'insert_[0-9a-f-]+', 'status':'VISIBLE', 'txnId':'\\d+'\\}");
        assertThat(flat(s, "SELECT id, customer, amount, created, paid FROM orders ORDER BY id"))
                .containsExactly("1|ann|12.50|2024-03-10 02:30:00|1", "2|bob|\\N|2024-01-02 03:04:05.123456|0");
        StatementResult.Rows r =
                (StatementResult.Rows) s.execute("SELECT id, amount, created FROM shop.orders LIMIT 0, 1");
        assertThat(r.rows()).hasSize(1);
        assertThat(r.columns().get(0).type()).isEqualTo(SqlType.BIGINT);
        assertThat(r.columns().get(1).type()).isEqualTo(SqlType.DECIMAL);
        assertThat(r.columns().get(1).scale()).isEqualTo(2);
        assertThat(r.columns().get(2).type()).isEqualTo(SqlType.DATETIME);
        assertThat(rows(s, "SELECT count(*) FROM orders").get(0)).containsExactly("2");
        StatementResult.Rows c = (StatementResult.Rows) s.execute("SELECT count(*) FROM orders");
        assertThat(c.columns().get(0).name()).isEqualTo("count(*)");
    }

    @Test
    void streamLoadIntoDuplicateTableIsInvisibleUntilCommit() throws SqlError {
        ok(s, "CREATE DATABASE db");
        ok(s, "CREATE TABLE db.t (k INT, v VARCHAR(10)) PROPERTIES ('replication_num' = '1')");
        LoadTxn txn = engine.beginLoad("db", "t", "l1");
        assertThat(txn.state()).isEqualTo(TxnState.PREPARE);
        assertThat(txn.targetColumns()).extracting(ResultColumn::name).containsExactly("k", "v");
        AppendResult a = txn.append(csv(List.of("k", "v"), "1,a", "2,b", "3,\\N"));
        assertThat(a.totalRows()).isEqualTo(3);
        assertThat(a.loadedRows()).isEqualTo(3);
        assertThat(one(s, "SELECT count(*) FROM db.t")).isEqualTo("0");
        CommitResult done = txn.commit();
        assertThat(done.state()).isEqualTo(TxnState.VISIBLE);
        assertThat(done.totals().loadedRows()).isEqualTo(3);
        assertThat(flat(s, "SELECT k, v FROM db.t ORDER BY k")).containsExactly("1|a", "2|b", "3|\\N");
        assertThat(engine.labelState("db", "l1")).contains(TxnState.VISIBLE);
        LabelAlreadyExistsException taken = org.assertj.core.api.Assertions.catchThrowableOfType(
                LabelAlreadyExistsException.class, () -> engine.beginLoad("db", "t", "l1"));
        assertThat(taken.getMessage()).isEqualTo("Label [l1] has already been used.");
        assertThat(taken.existingJobStatus()).isEqualTo("FINISHED");
    }
}
