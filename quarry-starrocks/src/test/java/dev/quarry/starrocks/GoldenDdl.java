package dev.quarry.starrocks;

import static dev.quarry.starrocks.StarRocksType.Scalar.BIGINT;
import static dev.quarry.starrocks.StarRocksType.Scalar.DATE;
import static dev.quarry.starrocks.StarRocksType.Scalar.DATETIME;
import static dev.quarry.starrocks.StarRocksType.Scalar.INT;
import static dev.quarry.starrocks.StarRocksType.Scalar.JSON;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The golden statements: every row of SQLMesh's StarRocks physical_properties matrix and the table shapes replication creates,
 * with the exact SQL we render. {@code DdlGoldenTest} checks the text, {@code DdlGoldenIT} runs each, in order, on the
 * sandbox (later statements read tables created by earlier ones).
 */
final class GoldenDdl {
    static final String DB = "golden";

    /**
     * @param name what the statement shows
     * @param render renders the statement for a dialect
     * @param expected the exact SQL
     */
    record Case(String name, Function<StarRocksDialect, String> render, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private GoldenDdl() {}

    static TableSpec userEvents() {
        // seed "Quickstart 1": no key given -> DUPLICATE KEY chosen by StarRocks, distributed_by = RANDOM
        return TableSpec.builder(DB, "user_events")
                .column("user_id", BIGINT)
                .column("event_time", DATETIME)
                .column("event_type", StarRocksType.varchar(64))
                .distribution(Distribution.random())
                .property("replication_num", "1")
                .build();
    }

    static TableSpec userEventsInc() {
        // seed "Quickstart 2": primary_key = (user_id, event_date), partition_by = (date_trunc('day', event_date)),
        // distributed_by = (kind=HASH, expressions=user_id, buckets=16)
        return TableSpec.builder(DB, "user_events_inc")
                .column("cnt", BIGINT)
                .column("event_date", DATE)
                .column("user_id", BIGINT)
                .primaryKey("user_id", "event_date")
                .partition(PartitionSpec.expressions(PartitionSpec.PartitionExpr.dateTrunc(TimeUnit.DAY, "event_date")))
                .distribution(Distribution.hash(List.of("user_id"), 16))
                .property("replication_num", "1")
                .build();
    }

    static TableSpec myPkTable() {
        return TableSpec.builder(DB, "my_pk_table")
                .column("ds", DATE)
                .column("id", BIGINT)
                .column("amount", StarRocksType.decimal(18, 2))
                .primaryKey("id", "ds")
                .distribution(Distribution.hash(List.of("id"), 10))
                .property("replication_num", "1")
                .build();
    }

    static TableSpec myDupTable() {
        return TableSpec.builder(DB, "my_dup_table")
                .column("id", BIGINT)
                .column("ds", DATE)
                .column("note", StarRocksType.Scalar.STRING)
                .duplicateKey("id", "ds")
                .distribution(Distribution.random())
                .property("replication_num", "1")
                .build();
    }

    static TableSpec myUniqueTable() {
        return TableSpec.builder(DB, "my_unique_table")
                .column("id", BIGINT)
                .column("ds", DATE)
                .column("note", StarRocksType.varchar(255))
                .uniqueKey("id", "ds")
                .distribution(Distribution.hash(List.of("id"), 10))
                .property("replication_num", "1")
                .build();
    }

    static final List<Case> CASES = List.of(
            new Case("create database", d -> d.createDatabase(DB, true), "CREATE DATABASE IF NOT EXISTS `golden`"),
            new Case(
                    "quickstart minimal table: DUPLICATE by default, RANDOM",
                    d -> d.createTable(userEvents(), false),
                    """
                    CREATE TABLE `golden`.`user_events` (
                      `user_id` BIGINT NULL,
                      `event_time` DATETIME NULL,
                      `event_type` VARCHAR(64) NULL
                    )
                    DISTRIBUTED BY RANDOM
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case(
                    "incremental table: PRIMARY KEY first, date_trunc partitioning, HASH buckets",
                    d -> d.createTable(userEventsInc(), true),
                    """
                    CREATE TABLE IF NOT EXISTS `golden`.`user_events_inc` (
                      `user_id` BIGINT NOT NULL,
                      `event_date` DATE NOT NULL,
                      `cnt` BIGINT NULL
                    )
                    PRIMARY KEY(`user_id`, `event_date`)
                    PARTITION BY date_trunc('day', `event_date`)
                    DISTRIBUTED BY HASH(`user_id`) BUCKETS 16
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case("primary_key = (id, ds)", d -> d.createTable(myPkTable(), false), """
                    CREATE TABLE `golden`.`my_pk_table` (
                      `id` BIGINT NOT NULL,
                      `ds` DATE NOT NULL,
                      `amount` DECIMAL(18, 2) NULL
                    )
                    PRIMARY KEY(`id`, `ds`)
                    DISTRIBUTED BY HASH(`id`) BUCKETS 10
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case("duplicate_key = (id, ds), distributed_by = RANDOM", d -> d.createTable(myDupTable(), false), """
                    CREATE TABLE `golden`.`my_dup_table` (
                      `id` BIGINT NULL,
                      `ds` DATE NULL,
                      `note` STRING NULL
                    )
                    DUPLICATE KEY(`id`, `ds`)
                    DISTRIBUTED BY RANDOM
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case("unique_key = (id, ds)", d -> d.createTable(myUniqueTable(), false), """
                    CREATE TABLE `golden`.`my_unique_table` (
                      `id` BIGINT NULL,
                      `ds` DATE NULL,
                      `note` VARCHAR(255) NULL
                    )
                    UNIQUE KEY(`id`, `ds`)
                    DISTRIBUTED BY HASH(`id`) BUCKETS 10
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case(
                    "partition_by = (date_trunc('day', col2), col3) on a PRIMARY KEY table",
                    d -> d.createTable(
                            TableSpec.builder(DB, "my_partitioned_model")
                                    .column("user_id", BIGINT)
                                    .column("event_time", DATETIME)
                                    .column("region", StarRocksType.varchar(32))
                                    .column("clicks", BIGINT)
                                    .primaryKey("user_id", "event_time", "region")
                                    .partition(PartitionSpec.expressions(
                                            PartitionSpec.PartitionExpr.dateTrunc(TimeUnit.DAY, "event_time"),
                                            PartitionSpec.PartitionExpr.column("region")))
                                    .distribution(Distribution.hash(List.of("user_id"), 10))
                                    .property("replication_num", "1")
                                    .build(),
                            false),
                    """
                    CREATE TABLE `golden`.`my_partitioned_model` (
                      `user_id` BIGINT NOT NULL,
                      `event_time` DATETIME NOT NULL,
                      `region` VARCHAR(32) NOT NULL,
                      `clicks` BIGINT NULL
                    )
                    PRIMARY KEY(`user_id`, `event_time`, `region`)
                    PARTITION BY date_trunc('day', `event_time`), `region`
                    DISTRIBUTED BY HASH(`user_id`) BUCKETS 10
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case(
                    "partitioned_by (col) model parameter: column expression partitioning",
                    d -> d.createTable(
                            TableSpec.builder(DB, "by_region")
                                    .column("region", StarRocksType.varchar(32))
                                    .column("clicks", BIGINT)
                                    .duplicateKey("region")
                                    .partition(PartitionSpec.expressions(PartitionSpec.PartitionExpr.column("region")))
                                    .distribution(Distribution.hash(List.of("region")))
                                    .property("replication_num", "1")
                                    .build(),
                            false),
                    """
                    CREATE TABLE `golden`.`by_region` (
                      `region` VARCHAR(32) NULL,
                      `clicks` BIGINT NULL
                    )
                    DUPLICATE KEY(`region`)
                    PARTITION BY (`region`)
                    DISTRIBUTED BY HASH(`region`)
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case(
                    "partition_by = RANGE(event_time) with partitions",
                    d -> d.createTable(
                            TableSpec.builder(DB, "my_partitioned_model_advanced")
                                    .column("event_time", DATE)
                                    .column("region", StarRocksType.varchar(32))
                                    .column("revenue", StarRocksType.decimal(38, 9))
                                    .duplicateKey("event_time", "region")
                                    .partition(
                                            PartitionSpec.range(
                                                    List.of("event_time"),
                                                    List.of(
                                                            // SQLMesh's partitions strings, verbatim
                                                            PartitionSpec.RangePartition.parse(
                                                                    "PARTITION p20240101 VALUES [(\"2024-01-01\"), (\"2024-01-02\"))"),
                                                            PartitionSpec.RangePartition.parse(
                                                                    "PARTITION p20240102 VALUES [(\"2024-01-02\"), (\"2024-01-03\"))"))))
                                    .distribution(Distribution.hash(List.of("region"), 10))
                                    .property("replication_num", "1")
                                    .build(),
                            false),
                    """
                    CREATE TABLE `golden`.`my_partitioned_model_advanced` (
                      `event_time` DATE NULL,
                      `region` VARCHAR(32) NULL,
                      `revenue` DECIMAL(38, 9) NULL
                    )
                    DUPLICATE KEY(`event_time`, `region`)
                    PARTITION BY RANGE(`event_time`) (
                      PARTITION `p20240101` VALUES [("2024-01-01"), ("2024-01-02")),
                      PARTITION `p20240102` VALUES [("2024-01-02"), ("2024-01-03"))
                    )
                    DISTRIBUTED BY HASH(`region`) BUCKETS 10
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case(
                    "RANGE with LESS THAN, MAXVALUE",
                    d -> d.createTable(
                            TableSpec.builder(DB, "range_less_than")
                                    .column("k", INT)
                                    .column("v", BIGINT)
                                    .duplicateKey("k")
                                    .partition(PartitionSpec.range(
                                            List.of("k"),
                                            List.of(
                                                    PartitionSpec.RangePartition.lessThan("p_low", List.of("100")),
                                                    PartitionSpec.RangePartition.lessThan("p_max", List.of()))))
                                    .distribution(Distribution.hash(List.of("k"), 2))
                                    .property("replication_num", "1")
                                    .build(),
                            false),
                    """
                    CREATE TABLE `golden`.`range_less_than` (
                      `k` INT NULL,
                      `v` BIGINT NULL
                    )
                    DUPLICATE KEY(`k`)
                    PARTITION BY RANGE(`k`) (
                      PARTITION `p_low` VALUES LESS THAN ("100"),
                      PARTITION `p_max` VALUES LESS THAN MAXVALUE
                    )
                    DISTRIBUTED BY HASH(`k`) BUCKETS 2
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case(
                    "RANGE with START/END/EVERY",
                    d -> d.createTable(
                            TableSpec.builder(DB, "range_every")
                                    .column("dt", DATE)
                                    .column("v", BIGINT)
                                    .duplicateKey("dt")
                                    .partition(PartitionSpec.range(
                                            List.of("dt"),
                                            List.of(PartitionSpec.RangePartition.batch(
                                                    "2024-01-01", "2024-01-04", 1, Optional.of(TimeUnit.DAY)))))
                                    .distribution(Distribution.hash(List.of("dt")))
                                    .property("replication_num", "1")
                                    .build(),
                            false),
                    """
                    CREATE TABLE `golden`.`range_every` (
                      `dt` DATE NULL,
                      `v` BIGINT NULL
                    )
                    DUPLICATE KEY(`dt`)
                    PARTITION BY RANGE(`dt`) (
                      START ("2024-01-01") END ("2024-01-04") EVERY (INTERVAL 1 DAY)
                    )
                    DISTRIBUTED BY HASH(`dt`)
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case(
                    "partition_by = LIST(region) with partitions",
                    d -> d.createTable(
                            TableSpec.builder(DB, "by_list")
                                    .column("region", StarRocksType.varchar(16))
                                    .column("v", BIGINT)
                                    .duplicateKey("region")
                                    .partition(PartitionSpec.list(
                                            List.of("region"),
                                            List.of(
                                                    PartitionSpec.ListPartition.of("p_eu", "de", "fr"),
                                                    PartitionSpec.ListPartition.of("p_us", "us"))))
                                    .distribution(Distribution.hash(List.of("region"), 2))
                                    .property("replication_num", "1")
                                    .build(),
                            false),
                    """
                    CREATE TABLE `golden`.`by_list` (
                      `region` VARCHAR(16) NULL,
                      `v` BIGINT NULL
                    )
                    DUPLICATE KEY(`region`)
                    PARTITION BY LIST(`region`) (
                      PARTITION `p_eu` VALUES IN ("de", "fr"),
                      PARTITION `p_us` VALUES IN ("us")
                    )
                    DISTRIBUTED BY HASH(`region`) BUCKETS 2
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case(
                    "distributed_by = 'HASH(user_id) BUCKETS 10' (string form)",
                    d -> d.createTable(
                            TableSpec.builder(DB, "my_table_string_dist")
                                    .column("user_id", BIGINT)
                                    .column("name", StarRocksType.varchar(100))
                                    .distribution(Distribution.parse("HASH(user_id) BUCKETS 10"))
                                    .property("replication_num", "1")
                                    .build(),
                            false),
                    """
                    CREATE TABLE `golden`.`my_table_string_dist` (
                      `user_id` BIGINT NULL,
                      `name` VARCHAR(100) NULL
                    )
                    DISTRIBUTED BY HASH(`user_id`) BUCKETS 10
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case(
                    "order_by = (ds, id) on a DUPLICATE KEY table",
                    d -> d.createTable(
                            TableSpec.builder(DB, "my_ordered_table")
                                    .column("id", BIGINT)
                                    .column("ds", DATE)
                                    .column("v", StarRocksType.Scalar.DOUBLE)
                                    .orderBy("ds", "id")
                                    .distribution(Distribution.hash(List.of("id"), 10))
                                    .property("replication_num", "1")
                                    .build(),
                            false),
                    """
                    CREATE TABLE `golden`.`my_ordered_table` (
                      `id` BIGINT NULL,
                      `ds` DATE NULL,
                      `v` DOUBLE NULL
                    )
                    DISTRIBUTED BY HASH(`id`) BUCKETS 10
                    ORDER BY(`ds`, `id`)
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case(
                    "generic PROPERTIES in the order given",
                    d -> d.createTable(
                            TableSpec.builder(DB, "advanced_table")
                                    .column("id", BIGINT)
                                    .column("payload", JSON)
                                    .primaryKey("id")
                                    .distribution(Distribution.hash(List.of("id"), 8))
                                    .property("replication_num", "1")
                                    .property("storage_medium", "SSD")
                                    .property("enable_persistent_index", "true")
                                    .property("compression", "LZ4")
                                    .build(),
                            false),
                    """
                    CREATE TABLE `golden`.`advanced_table` (
                      `id` BIGINT NOT NULL,
                      `payload` JSON NULL
                    )
                    PRIMARY KEY(`id`)
                    DISTRIBUTED BY HASH(`id`) BUCKETS 8
                    PROPERTIES (
                      "replication_num" = "1",
                      "storage_medium" = "SSD",
                      "enable_persistent_index" = "true",
                      "compression" = "LZ4"
                    )\
                    """),
            new Case(
                    "FULL model without declared types: CREATE TABLE AS SELECT",
                    d -> d.createTableAsSelect(
                            TableAsSelectSpec.of(
                                            DB,
                                            "events_per_user",
                                            "SELECT user_id, COUNT(*) AS events FROM golden.user_events GROUP BY user_id")
                                    .withKey(KeyType.DUPLICATE, List.of("user_id"))
                                    .withDistribution(Distribution.hash(List.of("user_id"), 4))
                                    .withProperty("replication_num", "1"),
                            false),
                    """
                    CREATE TABLE `golden`.`events_per_user`
                    DUPLICATE KEY(`user_id`)
                    DISTRIBUTED BY HASH(`user_id`) BUCKETS 4
                    PROPERTIES (
                      "replication_num" = "1"
                    )
                    AS
                    SELECT user_id, COUNT(*) AS events FROM golden.user_events GROUP BY user_id\
                    """),
            new Case(
                    "replication: PK table from a source with the key last, comments with quotes",
                    d -> d.createTable(
                            TableSpec.builder(DB, "orders")
                                    .column(ColumnSpec.of("amount", StarRocksType.decimal(12, 2))
                                            .withComment("it's \"gross\""))
                                    .column(ColumnSpec.of("created_at", DATETIME)
                                            .notNull())
                                    .column(ColumnSpec.of("order_id", BIGINT))
                                    .primaryKey("order_id")
                                    .comment("replicated from public.orders")
                                    .distribution(Distribution.hash(List.of("order_id")))
                                    .build()
                                    .withDefaultReplicationNum(1),
                            false),
                    """
                    CREATE TABLE `golden`.`orders` (
                      `order_id` BIGINT NOT NULL,
                      `amount` DECIMAL(12, 2) NULL COMMENT 'it''s "gross"',
                      `created_at` DATETIME NOT NULL
                    )
                    PRIMARY KEY(`order_id`)
                    COMMENT 'replicated from public.orders'
                    DISTRIBUTED BY HASH(`order_id`)
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case(
                    "replication: DUPLICATE table with a sort key, partitioned by date_trunc",
                    d -> d.createTable(
                            TableSpec.builder(DB, "events")
                                    .column("event_id", BIGINT)
                                    .column("occurred_at", DATETIME)
                                    .column("kind", StarRocksType.varchar(1024))
                                    .column("payload", JSON)
                                    .duplicateKey("occurred_at", "event_id")
                                    .partition(PartitionSpec.expressions(
                                            PartitionSpec.PartitionExpr.dateTrunc(TimeUnit.MONTH, "occurred_at")))
                                    .distribution(Distribution.hash(List.of("event_id"), 4))
                                    .property("replication_num", "1")
                                    .build(),
                            false),
                    """
                    CREATE TABLE `golden`.`events` (
                      `occurred_at` DATETIME NULL,
                      `event_id` BIGINT NULL,
                      `kind` VARCHAR(1024) NULL,
                      `payload` JSON NULL
                    )
                    DUPLICATE KEY(`occurred_at`, `event_id`)
                    PARTITION BY date_trunc('month', `occurred_at`)
                    DISTRIBUTED BY HASH(`event_id`) BUCKETS 4
                    PROPERTIES (
                      "replication_num" = "1"
                    )\
                    """),
            new Case(
                    "full refresh: staging table LIKE the target",
                    d -> d.createTableLike(DB, "orders__staging", DB, "orders", false),
                    "CREATE TABLE `golden`.`orders__staging` LIKE `golden`.`orders`"),
            new Case(
                    "full refresh: INSERT INTO staging with label and columns",
                    d -> d.insertInto(
                            DB,
                            "orders__staging",
                            Optional.of("golden_orders-run1-0"),
                            List.of("order_id", "amount", "created_at"),
                            "SELECT 1, 9.99, '2024-03-10 02:30:00'"),
                    "INSERT INTO `golden`.`orders__staging` WITH LABEL `golden_orders-run1-0` (`order_id`, `amount`, `created_at`)\n"
                            + "SELECT 1, 9.99, '2024-03-10 02:30:00'"),
            new Case(
                    "full refresh: SWAP WITH",
                    d -> d.swapTable(DB, "orders", "orders__staging"),
                    "ALTER TABLE `golden`.`orders` SWAP WITH `orders__staging`"),
            new Case(
                    "drop the swapped-out table",
                    d -> d.dropTable(DB, "orders__staging", true),
                    "DROP TABLE IF EXISTS `golden`.`orders__staging`"),
            new Case(
                    "schema evolution: ADD COLUMN",
                    d -> d.addColumn(
                            DB,
                            "events",
                            ColumnSpec.of("source", StarRocksType.varchar(64))
                                    .withDefault(ColumnSpec.Default.constant("pg"))),
                    "ALTER TABLE `golden`.`events` ADD COLUMN `source` VARCHAR(64) NULL DEFAULT \"pg\""),
            new Case(
                    "INSERT OVERWRITE of the whole table",
                    d -> d.insertOverwrite(
                            DB,
                            "user_events_inc",
                            List.of(),
                            Optional.empty(),
                            List.of("user_id", "event_date", "cnt"),
                            "SELECT 7, '2024-01-01', 3"),
                    "INSERT OVERWRITE `golden`.`user_events_inc` (`user_id`, `event_date`, `cnt`)\n"
                            + "SELECT 7, '2024-01-01', 3"),
            new Case(
                    "time range delete: >= and <=, never BETWEEN",
                    d -> d.delete(
                            DB,
                            "user_events_inc",
                            Condition.between(
                                    "event_date",
                                    Literal.date(LocalDate.of(2024, 1, 1)),
                                    Literal.date(LocalDate.of(2024, 1, 31)))),
                    "DELETE FROM `golden`.`user_events_inc` WHERE `event_date` >= '2024-01-01' AND `event_date` <= '2024-01-31'"),
            new Case(
                    "time range delete on DATETIME: microsecond upper bound",
                    d -> d.delete(
                            DB,
                            "my_partitioned_model",
                            Condition.between(
                                    "event_time",
                                    Literal.dateTime(LocalDateTime.of(2024, 1, 1, 0, 0)),
                                    Literal.dateTime(LocalDateTime.of(2024, 1, 1, 23, 59, 59, 999_999_000)))),
                    "DELETE FROM `golden`.`my_partitioned_model` WHERE `event_time` >= '2024-01-01 00:00:00.000000' "
                            + "AND `event_time` <= '2024-01-01 23:59:59.999999'"),
            new Case(
                    "whole-table delete is TRUNCATE",
                    d -> d.delete(DB, "my_dup_table", List.of()),
                    "TRUNCATE TABLE `golden`.`my_dup_table`"),
            new Case(
                    "view with SECURITY INVOKER and column comments",
                    d -> d.createView(
                            ViewSpec.of(
                                            DB,
                                            "user_summary_view",
                                            "SELECT user_id, COUNT(*) AS event_count FROM golden.user_events GROUP BY user_id")
                                    .withColumns(List.of(
                                            ViewSpec.ViewColumn.of("user_id", "the user"),
                                            ViewSpec.ViewColumn.of("event_count")))
                                    .withComment("events per user")
                                    .withSecurity(ViewSpec.Security.INVOKER),
                            true),
                    """
                    CREATE OR REPLACE VIEW `golden`.`user_summary_view` (
                      `user_id` COMMENT 'the user',
                      `event_count`
                    )
                    COMMENT 'events per user'
                    SECURITY INVOKER
                    AS
                    SELECT user_id, COUNT(*) AS event_count FROM golden.user_events GROUP BY user_id\
                    """),
            new Case(
                    "materialized view: DEFERRED ASYNC START ... EVERY (string form)",
                    d -> d.createMaterializedView(
                            MaterializedViewSpec.builder(
                                            DB,
                                            "user_summary_mv",
                                            RefreshSpec.parse(
                                                    "DEFERRED",
                                                    "ASYNC START (\"2024-01-01 00:00:00\") EVERY (INTERVAL 5 MINUTE)"),
                                            "SELECT user_id, COUNT(*) AS event_count FROM golden.user_events GROUP BY user_id")
                                    .distribution(Distribution.hash(List.of("user_id"), 4))
                                    .property("replication_num", "1")
                                    .build(),
                            false),
                    """
                    CREATE MATERIALIZED VIEW `golden`.`user_summary_mv`
                    DISTRIBUTED BY HASH(`user_id`) BUCKETS 4
                    REFRESH DEFERRED ASYNC START ('2024-01-01 00:00:00') EVERY (INTERVAL 5 MINUTE)
                    PROPERTIES (
                      "replication_num" = "1"
                    )
                    AS
                    SELECT user_id, COUNT(*) AS event_count FROM golden.user_events GROUP BY user_id\
                    """),
            new Case(
                    "materialized view with audits: DEFERRED ASYNC, partitioned, ordered, column comments",
                    d -> d.createMaterializedView(
                            MaterializedViewSpec.builder(
                                            DB,
                                            "daily_events_mv",
                                            RefreshSpec.parse("DEFERRED", "ASYNC"),
                                            "SELECT date_trunc('day', event_time) AS dt, user_id, COUNT(*) AS n "
                                                    + "FROM golden.user_events GROUP BY 1, 2")
                                    .columns(List.of(
                                            ViewSpec.ViewColumn.of("dt", "day"),
                                            ViewSpec.ViewColumn.of("user_id"),
                                            ViewSpec.ViewColumn.of("n")))
                                    .comment("daily events")
                                    .partition(PartitionSpec.PartitionExpr.column("dt"))
                                    .orderBy("user_id")
                                    .property("replication_num", "1")
                                    .property("excluded_trigger_tables", "golden.orders,golden.events")
                                    .build(),
                            true),
                    """
                    CREATE MATERIALIZED VIEW IF NOT EXISTS `golden`.`daily_events_mv` (
                      `dt` COMMENT 'day',
                      `user_id`,
                      `n`
                    )
                    COMMENT 'daily events'
                    REFRESH DEFERRED ASYNC
                    PARTITION BY `dt`
                    ORDER BY(`user_id`)
                    PROPERTIES (
                      "replication_num" = "1",
                      "excluded_trigger_tables" = "golden.orders,golden.events"
                    )
                    AS
                    SELECT date_trunc('day', event_time) AS dt, user_id, COUNT(*) AS n FROM golden.user_events GROUP BY 1, 2\
                    """),
            new Case(
                    "audited materialized view: synchronous refresh",
                    d -> d.refreshMaterializedView(DB, "daily_events_mv", true),
                    "REFRESH MATERIALIZED VIEW `golden`.`daily_events_mv` WITH SYNC MODE"),
            new Case(
                    "rename: bare target name",
                    d -> d.renameTable(DB, "my_table_string_dist", "my_table_renamed"),
                    "ALTER TABLE `golden`.`my_table_string_dist` RENAME `my_table_renamed`"),
            new Case(
                    "drop materialized view",
                    d -> d.dropMaterializedView(DB, "user_summary_mv", true),
                    "DROP MATERIALIZED VIEW IF EXISTS `golden`.`user_summary_mv`"),
            new Case(
                    "drop view",
                    d -> d.dropView(DB, "user_summary_view", true),
                    "DROP VIEW IF EXISTS `golden`.`user_summary_view`"));
}
