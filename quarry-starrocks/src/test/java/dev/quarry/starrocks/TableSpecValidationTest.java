package dev.quarry.starrocks;

import static dev.quarry.starrocks.StarRocksType.Scalar.BIGINT;
import static dev.quarry.starrocks.StarRocksType.Scalar.BITMAP;
import static dev.quarry.starrocks.StarRocksType.Scalar.DATE;
import static dev.quarry.starrocks.StarRocksType.Scalar.DATETIME;
import static dev.quarry.starrocks.StarRocksType.Scalar.DOUBLE;
import static dev.quarry.starrocks.StarRocksType.Scalar.FLOAT;
import static dev.quarry.starrocks.StarRocksType.Scalar.INT;
import static dev.quarry.starrocks.StarRocksType.Scalar.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The client-side checks mirror what StarRocks refuses in CREATE TABLE (docs/starrocks.md §3.2–§3.6). */
class TableSpecValidationTest {

    private static TableSpec.Builder table() {
        return TableSpec.builder("db", "t");
    }

    @Test
    void keyColumnsMoveToTheFrontInKeyOrderAndPrimaryKeysBecomeNotNull() {
        TableSpec t = table().column("v", INT)
                .column("b", DATE)
                .column("a", BIGINT)
                .primaryKey("a", "b")
                .build();
        assertThat(t.columns()).extracting(ColumnSpec::name).containsExactly("a", "b", "v");
        assertThat(t.columns()).extracting(ColumnSpec::nullable).containsExactly(false, false, true);
    }

    @Test
    void unknownKeyColumnIsNamed() {
        assertThatThrownBy(() -> table().column("a", INT).primaryKey("id").build())
                .hasMessage("table db.t: Key column(id) doesn't exist.");
    }

    @Test
    void duplicateColumnNamesAreCaseInsensitive() {
        assertThatThrownBy(() -> table().column("Id", INT).column("id", BIGINT).build())
                .hasMessage("table db.t: Duplicate column name 'id'");
    }

    @Test
    void primaryKeyRejectsDecimalFloatAndJson() {
        assertThatThrownBy(() -> table().column("k", StarRocksType.decimal(10, 2))
                        .column("v", INT)
                        .primaryKey("k")
                        .build())
                .hasMessage("table db.t: primary key column[k] type not supported: DECIMAL(10, 2)");
        assertThatThrownBy(() -> table().column("k", JSON)
                        .column("v", INT)
                        .primaryKey("k")
                        .build())
                .hasMessage("table db.t: primary key column[k] type not supported: JSON");
        assertThatThrownBy(() -> table().column("k", StarRocksType.charType(3))
                        .column("v", INT)
                        .primaryKey("k")
                        .build())
                .hasMessage("table db.t: primary key column[k] type not supported: CHAR(3)");
    }

    @Test
    void duplicateKeyRejectsFloatingPoint() {
        assertThatThrownBy(() -> table().column("k", FLOAT)
                        .column("v", INT)
                        .duplicateKey("k")
                        .build())
                .hasMessage("table db.t: key column[k] type not supported: FLOAT");
        assertThat(table().column("k", StarRocksType.decimal(10, 2))
                        .column("v", INT)
                        .duplicateKey("k")
                        .build()
                        .keyColumns())
                .containsExactly("k");
    }

    @Test
    void randomDistributionOnlyOnDuplicateKeyTables() {
        assertThatThrownBy(() -> table().column("k", INT)
                        .column("v", INT)
                        .primaryKey("k")
                        .distribution(Distribution.random())
                        .build())
                .hasMessage(
                        "table db.t: DISTRIBUTED BY RANDOM is only allowed on DUPLICATE KEY tables, not PRIMARY KEY");
        assertThatThrownBy(() -> table().column("k", INT)
                        .column("v", INT)
                        .uniqueKey("k")
                        .distribution(Distribution.random(4))
                        .build())
                .hasMessageContaining("not UNIQUE KEY");
    }

    @Test
    void bucketColumnsMustBeKeysOutsideDuplicateTables() {
        assertThatThrownBy(() -> table().column("k", INT)
                        .column("v", INT)
                        .primaryKey("k")
                        .distribution(Distribution.hash(List.of("v")))
                        .build())
                .hasMessage("table db.t: bucket column v must be a key column of a PRIMARY KEY table (key: k)");
        assertThat(table().column("k", INT)
                        .column("v", INT)
                        .duplicateKey("k")
                        .distribution(Distribution.hash(List.of("v")))
                        .build())
                .isNotNull();
    }

    @Test
    void partitionColumnsMustBeKeysOnPrimaryKeyTables() {
        // SQLMesh's documented "expression partitioning" example partitions a PK table by a non-key column: StarRocks
        // refuses it.
        assertThatThrownBy(() -> table().column("user_id", BIGINT)
                        .column("event_date", DATE)
                        .column("event_time", DATETIME)
                        .primaryKey("user_id", "event_date")
                        .partition(PartitionSpec.expressions(
                                PartitionSpec.PartitionExpr.dateTrunc(TimeUnit.DAY, "event_time")))
                        .build())
                .hasMessage(
                        "table db.t: partition column event_time must be a key column of a PRIMARY KEY table (key: user_id, event_date)");
    }

    @Test
    void dateTruncNeedsADateColumnAndRangeNeedsAnOrderedType() {
        assertThatThrownBy(() -> table().column("s", StarRocksType.varchar(10))
                        .column("v", INT)
                        .partition(PartitionSpec.expressions(PartitionSpec.PartitionExpr.dateTrunc(TimeUnit.DAY, "s")))
                        .build())
                .hasMessage(
                        "table db.t: date_trunc/time_slice partitioning needs a DATE or DATETIME column; s is VARCHAR(10)");
        assertThatThrownBy(() -> table().column("s", StarRocksType.varchar(10))
                        .column("v", INT)
                        .partition(PartitionSpec.range(
                                List.of("s"), List.of(PartitionSpec.RangePartition.lessThan("p", List.of("x")))))
                        .build())
                .hasMessage(
                        "table db.t: RANGE partition column s must be an integer, DATE or DATETIME, not VARCHAR(10)");
    }

    @Test
    void aggregateTablesNeedAggregationOnEveryValueColumnAndNoneOnKeys() {
        assertThatThrownBy(() -> table().column("k", INT)
                        .column("v", BIGINT)
                        .aggregateKey("k")
                        .build())
                .hasMessage("table db.t: AGG_KEYS table should specify aggregate type for non-key column[v]");
        assertThatThrownBy(() -> table().column(ColumnSpec.of("k", INT).withAggregate(AggregateType.MAX))
                        .column(ColumnSpec.of("v", BIGINT).withAggregate(AggregateType.SUM))
                        .aggregateKey("k")
                        .build())
                .hasMessage("table db.t: Key column[k] should not specify aggregate type.");
        assertThatThrownBy(() -> table().column("k", INT)
                        .column(ColumnSpec.of("v", BIGINT).withAggregate(AggregateType.SUM))
                        .primaryKey("k")
                        .build())
                .hasMessage("table db.t: PRIMARY_KEYS table should not specify aggregate type for non-key column[v]");
        TableSpec ok = table().column("k", INT)
                .column(ColumnSpec.of("v", BIGINT).withAggregate(AggregateType.SUM))
                .column(ColumnSpec.of("u", BITMAP).withAggregate(AggregateType.BITMAP_UNION))
                .aggregateKey("k")
                .build();
        assertThat(StarRocksDialect.latest().createTable(ok, false))
                .contains("`v` BIGINT SUM NULL", "`u` BITMAP BITMAP_UNION NULL", "AGGREGATE KEY(`k`)");
    }

    @Test
    void aggregationMustFitTheType() {
        assertThatThrownBy(() -> ColumnSpec.of("v", StarRocksType.varchar(3)).withAggregate(AggregateType.SUM))
                .hasMessage("column v: aggregate type SUM does not apply to VARCHAR(3)");
    }

    @Test
    void sortKeyOfUniqueTablesIsExactlyTheKey() {
        assertThatThrownBy(() -> table().column("k", INT)
                        .column("v", INT)
                        .uniqueKey("k")
                        .orderBy("v")
                        .build())
                .hasMessage(
                        "table db.t: the ORDER BY of a UNIQUE KEY table must list exactly its key columns [k], got [v]");
        assertThatThrownBy(() -> table().column("k", INT)
                        .column("d", DOUBLE)
                        .orderBy("d")
                        .build())
                .hasMessage("table db.t: sort key column[d] type not supported: DOUBLE");
    }

    @Test
    void reservedNamesAutoIncrementAndReplicationNum() {
        assertThatThrownBy(() -> ColumnSpec.of("__op", INT))
                .hasMessage("Column name [__op] is a system reserved name. Please choose a different one.");
        assertThatThrownBy(() -> ColumnSpec.of("id", INT).withAutoIncrement())
                .hasMessage("column id: AUTO_INCREMENT needs BIGINT, not INT");
        assertThatThrownBy(() -> table().column("k", INT)
                        .property("replication_num", "zero")
                        .build())
                .hasMessage("table db.t: replication_num must be a positive integer, got 'zero'");
    }

    @Test
    void defaultReplicationNumDoesNotOverrideAnExplicitOne() {
        TableSpec explicit =
                table().column("k", INT).property("replication_num", "3").build();
        assertThat(explicit.withDefaultReplicationNum(1).properties()).containsEntry("replication_num", "3");
        assertThat(table().column("k", INT).build().withDefaultReplicationNum(1).properties())
                .containsEntry("replication_num", "1");
    }

    @Test
    void keyTypesOtherThanDuplicateNeedKeyColumns() {
        assertThatThrownBy(() ->
                        table().column("k", INT).key(KeyType.PRIMARY, List.of()).build())
                .hasMessage("table db.t: a PRIMARY KEY table needs key columns");
    }

    @Test
    void materializedViewNeedsRefreshAndMeaningfulScheme() {
        assertThatThrownBy(() -> MaterializedViewSpec.builder("db", "mv", null, "SELECT 1")
                        .build())
                .hasMessage("materialized view db.mv: a REFRESH clause is required");
        assertThatThrownBy(() -> RefreshSpec.parse(null, "SOMETIMES"))
                .hasMessageStartingWith(
                        "refresh_scheme must be ASYNC, MANUAL or ASYNC [START ('ts')] EVERY (INTERVAL n unit), got 'SOMETIMES'");
        assertThatThrownBy(() -> RefreshSpec.parse("LATER", "ASYNC"))
                .hasMessage("refresh_moment must be IMMEDIATE or DEFERRED, got 'LATER'");
        assertThatThrownBy(() -> RefreshSpec.parse(null, "ASYNC EVERY (INTERVAL 1 WEEK)"))
                .hasMessage("refresh interval unit must be DAY, HOUR, MINUTE or SECOND, got WEEK");
        assertThat(RefreshSpec.parse("immediate", "async start('2024-01-01 00:00:00') every(interval 2 hour)")
                        .sql())
                .isEqualTo("REFRESH IMMEDIATE ASYNC START ('2024-01-01 00:00:00') EVERY (INTERVAL 2 HOUR)");
        assertThat(RefreshSpec.parse(null, "MANUAL").sql()).isEqualTo("REFRESH MANUAL");
        // StarRocks' grammar needs a scheme after the moment; MANUAL is its default.
        assertThat(RefreshSpec.parse("deferred", null).sql()).isEqualTo("REFRESH DEFERRED MANUAL");
    }

    @Test
    void tableAsSelectKeepsStarRocksLimits() {
        assertThatThrownBy(
                        () -> TableAsSelectSpec.of("db", "t", "SELECT 1 AS k").withKey(KeyType.UNIQUE, List.of("k")))
                .hasMessage(
                        "table db.t: CREATE TABLE AS SELECT supports DUPLICATE and PRIMARY KEY tables, not UNIQUE KEY");
        assertThatThrownBy(() -> TableAsSelectSpec.of("db", "t", "SELECT 1 AS k, 2 AS v")
                        .withKey(KeyType.PRIMARY, List.of("k"))
                        .withDistribution(Distribution.hash(List.of("v"))))
                .hasMessage("table db.t: bucket column v must be a key column of a PRIMARY KEY table (key: k)");
        TableSpec layout = GoldenDdl.userEventsInc();
        assertThat(StarRocksDialect.latest().createTableAsSelect(TableAsSelectSpec.like(layout, "SELECT 1"), true))
                .startsWith("""
                            CREATE TABLE IF NOT EXISTS `golden`.`user_events_inc`
                            PRIMARY KEY(`user_id`, `event_date`)
                            PARTITION BY date_trunc('day', `event_date`)
                            DISTRIBUTED BY HASH(`user_id`) BUCKETS 16
                            """)
                .endsWith("\nAS\nSELECT 1");
    }

    @Test
    void distributionStringForms() {
        assertThat(Distribution.parse("HASH(`a`, b) BUCKETS 8")).isEqualTo(Distribution.hash(List.of("a", "b"), 8));
        assertThat(Distribution.parse("random")).isEqualTo(Distribution.random());
        assertThat(Distribution.parse("RANDOM BUCKETS 3")).isEqualTo(Distribution.random(3));
        assertThatThrownBy(() -> Distribution.parse("HASH BUCKETS 3"))
                .hasMessage("invalid distribution 'HASH BUCKETS 3': HASH needs columns, e.g. HASH(id)");
        assertThatThrownBy(() -> Distribution.parse("ROUND_ROBIN"))
                .hasMessage(
                        "invalid distribution 'ROUND_ROBIN': expected HASH(col, ...) [BUCKETS n] or RANDOM [BUCKETS n]");
        assertThatThrownBy(() -> Distribution.parse("HASH(a) BUCKETS 0"))
                .hasMessage("BUCKETS must be a positive number, got 0");
    }
}
