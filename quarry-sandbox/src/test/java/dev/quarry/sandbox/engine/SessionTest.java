package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.EngineTesting.error;
import static dev.quarry.sandbox.engine.EngineTesting.flat;
import static dev.quarry.sandbox.engine.EngineTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Session-level behaviour drivers and tools rely on: metadata queries, error locations, one statement per query. */
class SessionTest {
    private Engine engine;
    private EngineSession s;

    @BeforeEach
    void open() throws SqlError {
        engine = Engine.open(EngineTesting.config(1));
        s = engine.openSession("root");
        ok(s, "CREATE DATABASE d");
        ok(s, "CREATE TABLE d.t (k INT) PROPERTIES ('replication_num' = '1')");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void unresolvedNamesAreLocatedLikeStarRocksDoes() throws SqlError {
        SqlError noDb = error(s, "SELECT * FROM t");
        assertThat(noDb.code()).isEqualTo(1046);
        assertThat(noDb.getMessage()).isEqualTo("Getting analyzing error. Detail message: No database selected.");
        ok(s, "USE d");
        assertThat(error(s, "SELECT * FROM d.nope").getMessage())
                .isEqualTo(
                        "Getting analyzing error from line 1, column 14 to line 1, column 19. Detail message: Unknown table 'd.nope'.");
        assertThat(error(s, "SELECT zz\nFROM t").getMessage())
                .isEqualTo(
                        "Getting analyzing error from line 1, column 7 to line 1, column 8. Detail message: Column 'zz' cannot be resolved.");
    }

    @Test
    void oneStatementPerQuery() throws SqlError {
        assertThat(error(s, "SELECT 1; SELECT 2").getMessage())
                .isEqualTo(
                        "Getting syntax error at line 1, column 8. Detail message: Unexpected input ';', the most similar input is {<EOF>}.");
        assertThat(flat(s, "SELECT 1;")).containsExactly("1");
        assertThat(error(s, "SELEC 1").getMessage())
                .startsWith("Getting syntax error at line 1, column 0. Detail message: Unexpected input 'SELEC'");
    }

    @Test
    void metadataStatementsDriversSend() throws SqlError {
        assertThat(flat(s, "SHOW VARIABLES WHERE Variable_name = 'language' OR Variable_name = 'net_write_timeout'"))
                .containsExactly("language|/starrocks/share/english/", "net_write_timeout|60");
        assertThat(flat(s, "SHOW FULL COLUMNS FROM `t` FROM `d` LIKE '%'")).containsExactly("k|int|YES|true|\\N||||");
        assertThat(flat(s, "SHOW FULL TABLES FROM `d` LIKE '%'")).containsExactly("t|BASE TABLE");
        assertThat(flat(s, "SHOW INDEX FROM d.t")).isEmpty();
        assertThat(flat(s, "SHOW TABLES FROM information_schema"))
                .contains("columns", "schemata", "tables", "tables_config", "views", "materialized_views");
        ok(s, "USE information_schema");
        assertThat(flat(s, "SELECT table_name FROM tables WHERE table_schema = 'd'"))
                .containsExactly("t");
        assertThat(flat(
                        s,
                        "SELECT TABLE_SCHEMA TABLE_CAT, NULL TABLE_SCHEM, TABLE_NAME, IF(TABLE_TYPE='BASE TABLE', 'TABLE',"
                                + " TABLE_TYPE) AS TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'd'"))
                .containsExactly("d|\\N|t|TABLE");
        // Constructs Connector/J's and MariaDB's DatabaseMetaData.getColumns/getPrimaryKeys send.
        assertThat(flat(
                        s,
                        "SELECT UPPER(NUMERIC_PRECISION), CONVERT(NUMERIC_SCALE, UNSIGNED INTEGER),"
                                + " CAST(1 + 2 AS SIGNED INTEGER), CASE WHEN IS_NULLABLE COLLATE utf8_general_ci = 'yes' THEN 1 ELSE 0 END,"
                                + " UCASE(IF(COLUMN_TYPE LIKE '%(%)%', CONCAT(SUBSTRING(COLUMN_TYPE, 1, LOCATE('(', COLUMN_TYPE) - 1),"
                                + " SUBSTRING(COLUMN_TYPE, 1 + locate(')', COLUMN_TYPE))), COLUMN_TYPE))"
                                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'd' AND TABLE_NAME = 't'"))
                .containsExactly("10|0|3|1|INT");
        assertThat(flat(s, "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.STATISTICS WHERE INDEX_NAME = 'PRIMARY'"))
                .isEmpty();
        assertThat(flat(s, "SHOW WARNINGS")).isEmpty();
        ok(s, "SET NAMES utf8mb4");
        ok(s, "SET character_set_results = NULL");
        ok(s, "START TRANSACTION");
        ok(s, "COMMIT");
    }
}
