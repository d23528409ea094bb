package dev.quarry.starrocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The statements replication and the connection tools send. */
class DialectStatementsTest {
    private final StarRocksDialect dialect = StarRocksDialect.latest();

    @Test
    void checkpointsAndCountsQuoteEveryName() {
        assertThat(dialect.countRows("db", "t`x")).isEqualTo("SELECT COUNT(*) FROM `db`.`t``x`");
        assertThat(dialect.selectMax("db", "t", "id", false)).isEqualTo("SELECT MAX(`id`) FROM `db`.`t`");
        assertThat(dialect.selectMax("db", "t", "at", true))
                .isEqualTo("SELECT DATE_FORMAT(MAX(`at`), '%Y-%m-%d %H:%i:%s.%f') FROM `db`.`t`");
        assertThat(dialect.showPartitions("db", "t")).isEqualTo("SHOW PARTITIONS FROM `db`.`t`");
        assertThat(dialect.selectOne()).isEqualTo("SELECT 1");
        assertThat(dialect.selectVersionComment()).isEqualTo("SELECT @@version_comment");
    }

    @Test
    void aTableDdlIsPointedAtAnotherName() {
        String ddl = "create table if not exists `db` . `t` (id int) duplicate key(id)";
        assertThat(StarRocksDialect.createdTableName(ddl)).contains("`db` . `t`");
        assertThat(StarRocksDialect.createdTableName("CREATE TABLE t (id INT)")).contains("t");
        assertThat(StarRocksDialect.createdTableName("create view v as select 1"))
                .isEmpty();
        assertThat(StarRocksDialect.renameCreatedTable(ddl, "db", "t__stage"))
                .isEqualTo("create table if not exists `db`.`t__stage` (id int) duplicate key(id)");
        assertThatThrownBy(() -> StarRocksDialect.renameCreatedTable("drop table t", "db", "s"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
