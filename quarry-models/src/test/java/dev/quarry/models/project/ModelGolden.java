package dev.quarry.models.project;

import static dev.quarry.starrocks.StarRocksType.Scalar.BIGINT;
import static dev.quarry.starrocks.StarRocksType.Scalar.DATE;
import static dev.quarry.starrocks.StarRocksType.Scalar.DATETIME;
import static dev.quarry.starrocks.StarRocksType.Scalar.DOUBLE;

import dev.quarry.starrocks.ColumnSpec;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One model per row of SQLMesh's StarRocks physical_properties matrix (and its view and materialized-view examples), with
 * the exact DDL StarRocksDialect renders for it. {@code ModelDdlGoldenTest} checks the text; {@code ModelDdlGoldenIT}
 * runs every statement, in order, on the sandbox.
 */
final class ModelGolden {
    static final String DB = "mgolden";

    /**
     * @param name the matrix row
     * @param render the statement for a dialect
     * @param expected the exact SQL
     */
    record Case(String name, Function<StarRocksDialect, String> render, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ModelGolden() {}

    static Model model(String text) {
        return new ModelReader("models/golden.sql", Map.of(), new ArrayList<>()).read(text);
    }

    private static List<ColumnSpec> columns(Object... nameType) {
        List<ColumnSpec> out = new ArrayList<>();
        for (int i = 0; i < nameType.length; i += 2) {
            out.add(ColumnSpec.of((String) nameType[i], (StarRocksType) nameType[i + 1]));
        }
        return out;
    }

    private static Case table(String name, String physical, List<ColumnSpec> columns, String expected) {
        Model m = model("MODEL (name " + DB + "." + name + ", kind FULL, " + physical + ");\nSELECT 1");
        return new Case(name, d -> d.createTable(StarRocksSpecs.table(m, DB, name, columns), false), expected);
    }

    private static final List<ColumnSpec> EVENTS = columns(
            "user_id",
            BIGINT,
            "event_time",
            DATETIME,
            "event_date",
            DATE,
            "region",
            StarRocksType.varchar(16),
            "amount",
            DOUBLE);

    static final List<Case> CASES = List.of(
            new Case("create the database", d -> d.createDatabase(DB, true), "CREATE DATABASE IF NOT EXISTS `mgolden`"),
            table(
                    "pk_structured",
                    "physical_properties (primary_key = (user_id, event_date), "
                            + "distributed_by = (kind=HASH, expressions=user_id, buckets=10), replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`pk_structured` (
                      `user_id` BIGINT NOT NULL,
                      `event_date` DATE NOT NULL,
                      `event_time` DATETIME NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    PRIMARY KEY(`user_id`, `event_date`)
                    DISTRIBUTED BY HASH(`user_id`) BUCKETS 10
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "pk_string",
                    "physical_properties (primary_key = 'user_id, event_date', replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`pk_string` (
                      `user_id` BIGINT NOT NULL,
                      `event_date` DATE NOT NULL,
                      `event_time` DATETIME NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    PRIMARY KEY(`user_id`, `event_date`)
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "duplicate_structured",
                    "physical_properties (duplicate_key = (user_id, event_time), distributed_by = RANDOM, "
                            + "replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`duplicate_structured` (
                      `user_id` BIGINT NULL,
                      `event_time` DATETIME NULL,
                      `event_date` DATE NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    DUPLICATE KEY(`user_id`, `event_time`)
                    DISTRIBUTED BY RANDOM
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "duplicate_string",
                    "physical_properties (duplicate_key = 'user_id', replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`duplicate_string` (
                      `user_id` BIGINT NULL,
                      `event_time` DATETIME NULL,
                      `event_date` DATE NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    DUPLICATE KEY(`user_id`)
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "unique_structured",
                    "physical_properties (unique_key = (user_id, event_date), "
                            + "distributed_by = (kind=HASH, expressions=user_id, buckets=10), replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`unique_structured` (
                      `user_id` BIGINT NULL,
                      `event_date` DATE NULL,
                      `event_time` DATETIME NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    UNIQUE KEY(`user_id`, `event_date`)
                    DISTRIBUTED BY HASH(`user_id`) BUCKETS 10
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "unique_string",
                    "physical_properties (unique_key = '(user_id, event_date)', distributed_by = 'HASH(user_id)', "
                            + "replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`unique_string` (
                      `user_id` BIGINT NULL,
                      `event_date` DATE NULL,
                      `event_time` DATETIME NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    UNIQUE KEY(`user_id`, `event_date`)
                    DISTRIBUTED BY HASH(`user_id`)
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "partitioned_by_parameter",
                    "partitioned_by (date_trunc('day', event_time), region), "
                            + "physical_properties (distributed_by = RANDOM, replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`partitioned_by_parameter` (
                      `user_id` BIGINT NULL,
                      `event_time` DATETIME NULL,
                      `event_date` DATE NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    PARTITION BY date_trunc('day', `event_time`), `region`
                    DISTRIBUTED BY RANDOM
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "partition_by_expressions",
                    "physical_properties (primary_key = (user_id, event_date, region), "
                            + "partition_by = (date_trunc('month', event_date), region), replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`partition_by_expressions` (
                      `user_id` BIGINT NOT NULL,
                      `event_date` DATE NOT NULL,
                      `region` VARCHAR(16) NOT NULL,
                      `event_time` DATETIME NULL,
                      `amount` DOUBLE NULL
                    )
                    PRIMARY KEY(`user_id`, `event_date`, `region`)
                    PARTITION BY date_trunc('month', `event_date`), `region`
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "partition_by_range",
                    "physical_properties (partition_by = RANGE(event_date), partitions = ("
                            + "'PARTITION p20240101 VALUES [(\"2024-01-01\"), (\"2024-01-02\"))'), "
                            + "distributed_by = (kind=HASH, expressions=region, buckets=10), replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`partition_by_range` (
                      `user_id` BIGINT NULL,
                      `event_time` DATETIME NULL,
                      `event_date` DATE NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    PARTITION BY RANGE(`event_date`) (
                      PARTITION `p20240101` VALUES [("2024-01-01"), ("2024-01-02"))
                    )
                    DISTRIBUTED BY HASH(`region`) BUCKETS 10
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "partition_by_range_string",
                    "physical_properties (partition_by = 'RANGE(event_date)', "
                            + "partitions = ('PARTITION p2024 VALUES LESS THAN (\"2025-01-01\")', "
                            + "'PARTITION p2025 VALUES LESS THAN (\"2026-01-01\")'), replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`partition_by_range_string` (
                      `user_id` BIGINT NULL,
                      `event_time` DATETIME NULL,
                      `event_date` DATE NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    PARTITION BY RANGE(`event_date`) (
                      PARTITION `p2024` VALUES LESS THAN ("2025-01-01"),
                      PARTITION `p2025` VALUES LESS THAN ("2026-01-01")
                    )
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "partition_by_list",
                    "physical_properties (partition_by = LIST(region), partitions = ("
                            + "'PARTITION p_eu VALUES IN (\"eu\", \"uk\")', 'PARTITION p_us VALUES IN (\"us\")'), replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`partition_by_list` (
                      `user_id` BIGINT NULL,
                      `event_time` DATETIME NULL,
                      `event_date` DATE NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    PARTITION BY LIST(`region`) (
                      PARTITION `p_eu` VALUES IN ("eu", "uk"),
                      PARTITION `p_us` VALUES IN ("us")
                    )
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "distributed_by_columns",
                    "physical_properties (distributed_by = (kind=HASH, expressions=(user_id, region), "
                            + "buckets=8), replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`distributed_by_columns` (
                      `user_id` BIGINT NULL,
                      `event_time` DATETIME NULL,
                      `event_date` DATE NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    DISTRIBUTED BY HASH(`user_id`, `region`) BUCKETS 8
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "distributed_by_string",
                    "physical_properties (distributed_by = 'HASH(user_id) BUCKETS 10', " + "replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`distributed_by_string` (
                      `user_id` BIGINT NULL,
                      `event_time` DATETIME NULL,
                      `event_date` DATE NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    DISTRIBUTED BY HASH(`user_id`) BUCKETS 10
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "distributed_by_random_string",
                    "physical_properties (distributed_by = 'RANDOM', replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`distributed_by_random_string` (
                      `user_id` BIGINT NULL,
                      `event_time` DATETIME NULL,
                      `event_date` DATE NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    DISTRIBUTED BY RANDOM
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "order_by_structured",
                    "physical_properties (order_by = (event_date, user_id), "
                            + "distributed_by = (kind=HASH, expressions=user_id, buckets=10), replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`order_by_structured` (
                      `user_id` BIGINT NULL,
                      `event_time` DATETIME NULL,
                      `event_date` DATE NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    DISTRIBUTED BY HASH(`user_id`) BUCKETS 10
                    ORDER BY(`event_date`, `user_id`)
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "order_by_string",
                    "physical_properties (order_by = 'region, user_id', replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`order_by_string` (
                      `user_id` BIGINT NULL,
                      `event_time` DATETIME NULL,
                      `event_date` DATE NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    ORDER BY(`region`, `user_id`)
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "clustered_by_parameter",
                    "clustered_by (event_time), physical_properties (replication_num = '1')",
                    EVENTS,
                    """
                    CREATE TABLE `mgolden`.`clustered_by_parameter` (
                      `user_id` BIGINT NULL,
                      `event_time` DATETIME NULL,
                      `event_date` DATE NULL,
                      `region` VARCHAR(16) NULL,
                      `amount` DOUBLE NULL
                    )
                    ORDER BY(`event_time`)
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            table(
                    "generic_properties",
                    "description 'all the properties', physical_properties (primary_key = (user_id), "
                            + "distributed_by = (kind=HASH, expressions=user_id, buckets=8), replication_num = '1', "
                            + "enable_persistent_index = 'true', compression = 'LZ4')",
                    columns("user_id", BIGINT, "amount", DOUBLE),
                    """
                    CREATE TABLE `mgolden`.`generic_properties` (
                      `user_id` BIGINT NOT NULL,
                      `amount` DOUBLE NULL
                    )
                    PRIMARY KEY(`user_id`)
                    COMMENT 'all the properties'
                    DISTRIBUTED BY HASH(`user_id`) BUCKETS 8
                    PROPERTIES (
                      "replication_num" = "1",
                      "enable_persistent_index" = "true",
                      "compression" = "LZ4"
                    )"""),
            new Case(
                    "declared_columns",
                    d -> d.createTable(
                            StarRocksSpecs.table(
                                    model(
                                            "MODEL (name " + DB + ".declared, "
                                                    + "kind INCREMENTAL_BY_UNIQUE_KEY (unique_key id), columns (name VARCHAR(32), id BIGINT, price DECIMAL(18, 2)), "
                                                    + "column_descriptions (price = 'unit price'), physical_properties (replication_num = '1'));\nSELECT 1"),
                                    DB,
                                    "declared"),
                            false),
                    """
                    CREATE TABLE `mgolden`.`declared` (
                      `id` BIGINT NOT NULL,
                      `name` VARCHAR(32) NULL,
                      `price` DECIMAL(18, 2) NULL COMMENT 'unit price'
                    )
                    PRIMARY KEY(`id`)
                    PROPERTIES (
                      "replication_num" = "1"
                    )"""),
            new Case(
                    "view_security_invoker",
                    d -> d.createView(
                            StarRocksSpecs.view(
                                    model(
                                            "MODEL (name " + DB
                                                    + ".user_summary, kind VIEW, virtual_properties (security = INVOKER));\nSELECT 1"),
                                    DB,
                                    "user_summary",
                                    "SELECT user_id, COUNT(*) AS event_count FROM `mgolden`.`pk_structured` GROUP BY user_id"),
                            true),
                    """
                    CREATE OR REPLACE VIEW `mgolden`.`user_summary`
                    SECURITY INVOKER
                    AS
                    SELECT user_id, COUNT(*) AS event_count FROM `mgolden`.`pk_structured` GROUP BY user_id"""),
            new Case(
                    "view_security_none",
                    d -> d.createView(
                            StarRocksSpecs.view(
                                    model(
                                            "MODEL (name " + DB
                                                    + ".user_summary_none, kind VIEW, description 'no security', virtual_properties (security = NONE));\nSELECT 1"),
                                    DB,
                                    "user_summary_none",
                                    "SELECT user_id FROM `mgolden`.`pk_structured`"),
                            true),
                    """
                    CREATE OR REPLACE VIEW `mgolden`.`user_summary_none`
                    COMMENT 'no security'
                    SECURITY NONE
                    AS
                    SELECT user_id FROM `mgolden`.`pk_structured`"""),
            new Case(
                    "mv_deferred_async_every",
                    d -> d.createMaterializedView(
                            StarRocksSpecs.materializedView(
                                    model("MODEL (name "
                                            + DB
                                            + ".user_summary_mv, kind VIEW (materialized true), physical_properties (refresh_moment = DEFERRED, "
                                            + "refresh_scheme = 'ASYNC START (\"2024-01-01 00:00:00\") EVERY (INTERVAL 5 MINUTE)', "
                                            + "replication_num = '1'));\nSELECT 1"),
                                    DB,
                                    "user_summary_mv",
                                    "SELECT user_id, COUNT(*) AS event_count FROM `mgolden`.`pk_structured` GROUP BY user_id"),
                            false),
                    """
                    CREATE MATERIALIZED VIEW `mgolden`.`user_summary_mv`
                    REFRESH DEFERRED ASYNC START ('2024-01-01 00:00:00') EVERY (INTERVAL 5 MINUTE)
                    PROPERTIES (
                      "replication_num" = "1"
                    )
                    AS
                    SELECT user_id, COUNT(*) AS event_count FROM `mgolden`.`pk_structured` GROUP BY user_id"""),
            new Case(
                    "mv_partitioned_distributed_ordered",
                    d -> d.createMaterializedView(
                            StarRocksSpecs.materializedView(
                                    model("MODEL (name " + DB
                                            + ".daily_mv, kind VIEW (materialized true), physical_properties (refresh_scheme = ASYNC, "
                                            + "partition_by = date_trunc('day', event_date), distributed_by = (kind=HASH, expressions=user_id, buckets=4), "
                                            + "order_by = (user_id), replication_num = '1'));\nSELECT 1"),
                                    DB,
                                    "daily_mv",
                                    "SELECT user_id, event_date, SUM(amount) AS amount FROM `mgolden`.`pk_structured` GROUP BY user_id, event_date"),
                            false),
                    """
                    CREATE MATERIALIZED VIEW `mgolden`.`daily_mv`
                    DISTRIBUTED BY HASH(`user_id`) BUCKETS 4
                    REFRESH ASYNC
                    PARTITION BY date_trunc('day', `event_date`)
                    ORDER BY(`user_id`)
                    PROPERTIES (
                      "replication_num" = "1"
                    )
                    AS
                    SELECT user_id, event_date, SUM(amount) AS amount FROM `mgolden`.`pk_structured` GROUP BY user_id, event_date"""),
            new Case(
                    "mv_manual",
                    d -> d.createMaterializedView(
                            StarRocksSpecs.materializedView(
                                    model("MODEL (name " + DB
                                            + ".manual_mv, kind VIEW (materialized true), physical_properties (refresh_scheme = MANUAL, "
                                            + "distributed_by = RANDOM, replication_num = '1'));\nSELECT 1"),
                                    DB,
                                    "manual_mv",
                                    "SELECT region, COUNT(*) AS n FROM `mgolden`.`duplicate_structured` GROUP BY region"),
                            false),
                    """
                    CREATE MATERIALIZED VIEW `mgolden`.`manual_mv`
                    DISTRIBUTED BY RANDOM
                    REFRESH MANUAL
                    PROPERTIES (
                      "replication_num" = "1"
                    )
                    AS
                    SELECT region, COUNT(*) AS n FROM `mgolden`.`duplicate_structured` GROUP BY region"""));
}
