package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.EngineTesting.error;
import static dev.quarry.sandbox.engine.EngineTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each CREATE TABLE rule with StarRocks' message (docs/starrocks.md §3.2, §3.6, §3.8). */
class CreateTableValidationTest {
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

    private String message(String sql) {
        return error(s, sql).getMessage();
    }

    @Test
    void replicationNumAboveBackendsFailsWithTheNewerMessage() throws SqlError {
        SqlError e = error(s, "CREATE TABLE orders1 (id INT) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id)");
        assertThat(e.code()).isEqualTo(1064);
        assertThat(e.getMessage())
                .isEqualTo("Table replication num should be less than or equal to the number of available "
                        + "BE nodes. You can change this default by setting the replication_num table properties. Current alive "
                        + "backend is [10001]. , table=orders1, default_replication_num=3");
        ok(s, "CREATE TABLE ok1 (id INT)" + R1);
        ok(s, "ADMIN SET FRONTEND CONFIG ('default_replication_num' = '1')");
        ok(s, "CREATE TABLE ok2 (id INT)");
        assertThat(engine.frontendConfig("default_replication_num")).isEqualTo("1");
        assertThat(message("ADMIN SET FRONTEND CONFIG ('no_such_key' = '1')"))
                .isEqualTo("Config 'no_such_key' does not exist or is not mutable");
    }

    @Test
    void threeBackendsAcceptTheDefault() throws SqlError {
        try (Engine three = Engine.open(EngineTesting.config(3));
                EngineSession t = three.openSession("root")) {
            ok(t, "CREATE DATABASE d");
            ok(t, "CREATE TABLE d.t (id INT)");
            assertThat(EngineTesting.flat(t, "SHOW BACKENDS")).hasSize(3);
        }
    }

    @Test
    void keyColumnsMustBeAnOrderedPrefix() {
        assertThat(message("CREATE TABLE t (a INT, b INT, c INT) DUPLICATE KEY(b)" + R1))
                .isEqualTo(
                        "Getting analyzing error. Detail message: Key columns must be the first few columns of the schema "
                                + "and the order  of the key columns must be consistent with the order of the schema");
        assertThat(message("CREATE TABLE t (a INT, b INT) PRIMARY KEY(x)" + R1))
                .isEqualTo("Getting analyzing error. Detail message: Key column(x) doesn't exist.");
    }

    @Test
    void primaryKeyColumnsAreNotNullAndOfAllowedTypes() throws SqlError {
        assertThat(message("CREATE TABLE t (a INT NULL, b INT) PRIMARY KEY(a)" + R1))
                .isEqualTo("Getting analyzing error. Detail message: primary key column[a] cannot be nullable");
        assertThat(message("CREATE TABLE t (a DECIMAL(10,2) NOT NULL, b INT) PRIMARY KEY(a)" + R1))
                .isEqualTo(
                        "Getting analyzing error. Detail message: primary key column[a] type not supported: DECIMAL64(10, 2)");
        assertThat(message("CREATE TABLE t (a DOUBLE NOT NULL, b INT) PRIMARY KEY(a)" + R1))
                .isEqualTo("Getting analyzing error. Detail message: primary key column[a] type not supported: DOUBLE");
        ok(s, "CREATE TABLE pk (a INT, b INT) PRIMARY KEY(a)" + R1);
        assertThat(EngineTesting.flat(s, "DESC pk")).containsExactly("a|int|NO|true|\\N|", "b|int|YES|false|\\N|");
    }

    @Test
    void floatingAndJsonKeysAreRefused() {
        assertThat(message("CREATE TABLE t (a DOUBLE, b INT) DUPLICATE KEY(a)" + R1))
                .isEqualTo("Getting analyzing error. Detail message: Invalid data type of key column 'a': 'DOUBLE'");
        assertThat(message("CREATE TABLE t (a JSON, b INT) UNIQUE KEY(a) DISTRIBUTED BY HASH(a)" + R1))
                .isEqualTo("Getting analyzing error. Detail message: Invalid data type of key column 'a': 'JSON'");
    }

    @Test
    void randomDistributionOnlyOnDuplicate() throws SqlError {
        assertThat(message("CREATE TABLE t (a INT NOT NULL, b INT) PRIMARY KEY(a) DISTRIBUTED BY RANDOM" + R1))
                .isEqualTo("Getting analyzing error. Detail message: PRIMARY KEY must use hash distribution");
        assertThat(message("CREATE TABLE t (a INT, b INT) UNIQUE KEY(a) DISTRIBUTED BY RANDOM" + R1))
                .isEqualTo("Getting analyzing error. Detail message: UNIQUE KEY must use hash distribution");
        assertThat(message("CREATE TABLE t (a INT, b INT) UNIQUE KEY(a)" + R1))
                .isEqualTo(
                        "Getting analyzing error. Detail message: Currently not support default distribution in UNIQUE_KEYS");
        ok(s, "CREATE TABLE dup (a INT, b INT) DUPLICATE KEY(a) DISTRIBUTED BY RANDOM BUCKETS 4" + R1);
        ok(s, "CREATE TABLE agg (a INT, b INT SUM) AGGREGATE KEY(a) DISTRIBUTED BY RANDOM" + R1);
    }

    @Test
    void partitionAndBucketColumnsMustBeKeysOutsideDuplicate() throws SqlError {
        assertThat(message("CREATE TABLE t (a INT NOT NULL, b INT) PRIMARY KEY(a) DISTRIBUTED BY HASH(b)" + R1))
                .isEqualTo("Getting analyzing error. Detail message: Distribution column[b] is not key column");
        assertThat(message("CREATE TABLE t (a INT NOT NULL, dt DATE) PRIMARY KEY(a) PARTITION BY date_trunc('day', dt)"
                        + " DISTRIBUTED BY HASH(a)" + R1))
                .isEqualTo("Getting analyzing error. Detail message: The partition expr should base on key column.");
        ok(
                s,
                "CREATE TABLE dup (a INT, dt DATE) DUPLICATE KEY(a) PARTITION BY date_trunc('day', dt) DISTRIBUTED BY HASH(dt)"
                        + R1);
    }

    @Test
    void aggregateTypesBelongOnAggregateValueColumnsOnly() {
        assertThat(message("CREATE TABLE t (a INT, b INT) AGGREGATE KEY(a) DISTRIBUTED BY HASH(a)" + R1))
                .isEqualTo(
                        "Getting analyzing error. Detail message: AGG_KEYS table should specify aggregate type for non-key column[b]");
        assertThat(message("CREATE TABLE t (a INT, b INT SUM) DUPLICATE KEY(a)" + R1))
                .isEqualTo(
                        "Getting analyzing error. Detail message: DUP_KEYS table should not specify aggregate type for non-key column[b]");
        assertThat(message("CREATE TABLE t (a INT SUM, b INT SUM) AGGREGATE KEY(a) DISTRIBUTED BY HASH(a)" + R1))
                .isEqualTo("Getting analyzing error. Detail message: Key column[a] should not specify aggregate type.");
    }

    @Test
    void reservedAndDuplicateColumnNames() {
        assertThat(message("CREATE TABLE t (a INT, __op INT)" + R1))
                .isEqualTo(
                        "Getting analyzing error. Detail message: Column name [__op] is a system reserved name. Please choose a different one.");
        SqlError dup = error(s, "CREATE TABLE t (a INT, A INT)" + R1);
        assertThat(dup.code()).isEqualTo(1060);
        assertThat(dup.getMessage()).isEqualTo("Getting analyzing error. Detail message: Duplicate column name 'A'.");
    }

    @Test
    void existingTableUnknownDatabaseAndCreateOrReplace() throws SqlError {
        ok(s, "CREATE TABLE t (a INT)" + R1);
        SqlError exists = error(s, "CREATE TABLE t (a INT)" + R1);
        assertThat(exists.code()).isEqualTo(1050);
        assertThat(exists.getMessage()).isEqualTo("Getting analyzing error. Detail message: Table 't' already exists.");
        ok(s, "CREATE TABLE IF NOT EXISTS t (a INT)" + R1);
        assertThat(message("CREATE TABLE nodb.t (a INT)" + R1))
                .isEqualTo("Getting analyzing error. Detail message: Unknown database 'nodb'");
        assertThat(message("CREATE OR REPLACE TABLE t2 (a INT)" + R1))
                .isEqualTo("Getting syntax error at line 1, column 18. Detail message: Unexpected input 'TABLE', "
                        + "the most similar input is {'VIEW'}.");
    }

    @Test
    void typeLimits() {
        assertThat(message("CREATE TABLE t (a VARCHAR(1048577))" + R1))
                .isEqualTo(
                        "Getting analyzing error. Detail message: Varchar size must between 1 and 1048576. Current size is 1048577");
        assertThat(message("CREATE TABLE t (a INT, d DECIMAL(39, 2))" + R1))
                .isEqualTo("Getting analyzing error. Detail message: DECIMAL's precision should range from 1 to 38");
        assertThat(message("CREATE TABLE t (a INT, b BIGINTEGER)" + R1))
                .startsWith("Getting syntax error at line 1, column 25. Detail message: Unexpected input 'BIGINTEGER'");
    }
}
