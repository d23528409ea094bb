package dev.quarry.starrocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The statements replication sends to stage a user's own CREATE TABLE. */
class DialectStatementsTest {
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
