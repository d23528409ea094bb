package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.EngineTesting.error;
import static dev.quarry.sandbox.engine.EngineTesting.flat;
import static dev.quarry.sandbox.engine.EngineTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BEGIN … COMMIT / ROLLBACK with INSERT INTO (docs/starrocks.md §5.7, StarRocks 3.5). */
class SqlTransactionTest {
    private Engine engine;
    private EngineSession s;
    private EngineSession other;

    @BeforeEach
    void open() throws SqlError {
        engine = Engine.open(EngineTesting.config(1));
        s = engine.openSession("root");
        other = engine.openSession("root");
        ok(s, "CREATE DATABASE d");
        ok(s, "CREATE DATABASE e");
        ok(s, "USE d");
        ok(s, "CREATE TABLE a (k INT, v VARCHAR(3)) PROPERTIES ('replication_num' = '1')");
        ok(s, "CREATE TABLE b (k INT) PROPERTIES ('replication_num' = '1')");
        ok(s, "CREATE TABLE e.c (k INT) PROPERTIES ('replication_num' = '1')");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void commitMakesAllInsertsVisibleTogether() throws SqlError {
        ok(s, "BEGIN");
        ok(s, "INSERT INTO a VALUES (1, 'x')");
        ok(s, "INSERT INTO b VALUES (2), (3)");
        assertThat(flat(other, "SELECT count(*) FROM d.a")).containsExactly("0");
        assertThat(error(s, "SELECT * FROM a").getMessage())
                .isEqualTo("Getting analyzing error. Detail message: NOT allowed "
                        + "to read or write tables that have been subjected to DML operations before");
        assertThat(error(s, "INSERT INTO b VALUES (4)").code()).isEqualTo(5304);
        assertThat(error(s, "INSERT INTO e.c VALUES (1)").getMessage())
                .isEqualTo(
                        "Getting analyzing error. Detail message: "
                                + "Cannot execute cross-database transactions. All DML target tables must belong to the same db");
        StatementResult.Ok c = ok(s, "COMMIT");
        assertThat(c.affectedRows()).isEqualTo(3);
        assertThat(flat(other, "SELECT count(*) FROM d.a")).containsExactly("1");
        assertThat(flat(other, "SELECT count(*) FROM d.b")).containsExactly("2");
    }

    @Test
    void rollbackAndFailedCommitLeaveNothing() throws SqlError {
        ok(s, "START TRANSACTION");
        ok(s, "INSERT INTO a VALUES (1, 'x')");
        ok(s, "ROLLBACK");
        assertThat(flat(s, "SELECT count(*) FROM a")).containsExactly("0");
        ok(s, "BEGIN WORK");
        ok(s, "INSERT INTO b VALUES (1)");
        ok(s, "INSERT INTO a VALUES (1, 'too long')");
        assertThat(error(s, "COMMIT WORK").getMessage()).startsWith("Insert has filtered data in strict mode");
        assertThat(flat(s, "SELECT count(*) FROM b")).containsExactly("0");
        assertThat(error(s, "BEGIN; BEGIN").getMessage()).contains("Unexpected input ';'");
    }
}
