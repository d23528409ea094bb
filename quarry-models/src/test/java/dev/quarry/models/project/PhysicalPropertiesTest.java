package dev.quarry.models.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.models.project.PhysicalLayout.Distribution;
import dev.quarry.models.project.PhysicalLayout.KeyType;
import dev.quarry.models.project.PhysicalLayout.Partitioning;
import dev.quarry.models.project.PhysicalLayout.Refresh;
import dev.quarry.models.project.PhysicalLayout.TableKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Every row of SQLMesh's StarRocks property matrix (docs/sqlmesh.md §3) and every validation rule on it. */
class PhysicalPropertiesTest {

    private final List<String> warnings = new ArrayList<>();

    private PhysicalLayout layout(String kind, String extra) {
        return new ModelReader("models/t.sql", Map.of(), warnings)
                .read("MODEL (name db.t, kind " + kind + (extra.isEmpty() ? "" : ", " + extra) + ");\nSELECT 1 AS id")
                .layout();
    }

    private PhysicalLayout full(String physical) {
        return layout("FULL", "physical_properties (" + physical + ")");
    }

    private void fails(String kind, String extra, String location, String message) {
        assertThatThrownBy(() -> layout(kind, extra))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(location + ": model db.t: ")
                .hasMessageContaining(message);
    }

    @Test
    void sqlMeshDoubleQuotedStringForms() {
        // SQLMesh's StarRocks adapter reads "..." like '...' in properties.
        PhysicalLayout l = full("primary_key = \"order_id, event_date\", "
                + "distributed_by = \"HASH(order_id, event_date) BUCKETS 16\", "
                + "partition_by = \"date_trunc('day', event_date), order_id\"");
        assertThat(l.key()).contains(new TableKey(KeyType.PRIMARY, List.of("order_id", "event_date")));
        assertThat(l.distribution())
                .contains(new Distribution.Hash(List.of("order_id", "event_date"), OptionalInt.of(16)));
        assertThat(l.partitioning())
                .contains(new Partitioning.Expressions(List.of("date_trunc('day', event_date)", "order_id")));
    }

    @Test
    void everySqlMeshModelPropertyIsAcceptedWithAReason() {
        ModelReader reader = new ModelReader("models/t.sql", Map.of(), warnings);
        Model m = reader.read("MODEL (name db.t, kind FULL, columns (id INT, name TEXT, at TIMESTAMP),"
                + " interval_unit 'day', table_format iceberg, signals (ready(x := 1)), session_properties (a = 1));\n"
                + "SELECT 1 AS id, 'a' AS name, NOW() AS at");
        assertThat(m.columns()).containsEntry("name", "STRING").containsEntry("at", "DATETIME");
        assertThat(warnings)
                .anyMatch(
                        w -> w.startsWith("models/t.sql:1:") && w.contains("interval_unit has no effect on StarRocks"))
                .anyMatch(w -> w.contains("table_format has no effect on StarRocks"))
                .anyMatch(w -> w.contains("signals are not evaluated by Quarry"));
    }

    @Test
    void tableKeysInStructuredAndStringForms() {
        assertThat(full("primary_key = (id, ds)").key()).contains(new TableKey(KeyType.PRIMARY, List.of("id", "ds")));
        assertThat(full("primary_key = id").key()).contains(new TableKey(KeyType.PRIMARY, List.of("id")));
        assertThat(full("primary_key = 'col1, col2'").key())
                .contains(new TableKey(KeyType.PRIMARY, List.of("col1", "col2")));
        assertThat(full("duplicate_key = (id, ds)").key())
                .contains(new TableKey(KeyType.DUPLICATE, List.of("id", "ds")));
        assertThat(full("duplicate_key = 'id'").key()).contains(new TableKey(KeyType.DUPLICATE, List.of("id")));
        assertThat(full("unique_key = '(col2, col3)', distributed_by = 'HASH(col2)'")
                        .key())
                .contains(new TableKey(KeyType.UNIQUE, List.of("col2", "col3")));
        assertThat(full("unique_key = (id, ds), distributed_by = RANDOM").key())
                .contains(new TableKey(KeyType.UNIQUE, List.of("id", "ds")));
        assertThat(full("primary_key = \"id\"").key()).contains(new TableKey(KeyType.PRIMARY, List.of("id")));
        assertThat(full("replication_num = '1'").key()).isEmpty();
    }

    @Test
    void partitioningForms() {
        assertThat(layout("FULL", "partitioned_by (dt)").partitioning())
                .contains(new Partitioning.Expressions(List.of("dt")));
        assertThat(layout("FULL", "partitioned_by (date_trunc('day', ts), region)")
                        .partitioning())
                .contains(new Partitioning.Expressions(List.of("date_trunc('day', ts)", "region")));
        assertThat(full("partition_by = (date_trunc('day', col2), col3)").partitioning())
                .contains(new Partitioning.Expressions(List.of("date_trunc('day', col2)", "col3")));
        assertThat(full("partitioned_by = 'date_trunc(''day'', ts)'").partitioning())
                .contains(new Partitioning.Expressions(List.of("date_trunc('day', ts)")));
        String partitions = "partitions = ('PARTITION p20240101 VALUES [(\"2024-01-01\"), (\"2024-01-02\"))', "
                + "'PARTITION p20240102 VALUES [(\"2024-01-02\"), (\"2024-01-03\"))')";
        assertThat(full("partition_by = RANGE(event_time), " + partitions).partitioning())
                .contains(new Partitioning.Range(
                        List.of("event_time"),
                        List.of(
                                "PARTITION p20240101 VALUES [(\"2024-01-01\"), (\"2024-01-02\"))",
                                "PARTITION p20240102 VALUES [(\"2024-01-02\"), (\"2024-01-03\"))")));
        assertThat(
                        full("partition_by = 'RANGE(col1, col2)', partitions = 'PARTITION p1 VALUES LESS THAN (\"10\", \"20\")'")
                                .partitioning())
                .contains(new Partitioning.Range(
                        List.of("col1", "col2"), List.of("PARTITION p1 VALUES LESS THAN (\"10\", \"20\")")));
        assertThat(full("partition_by = LIST(city), partitions = ('PARTITION p_cn VALUES IN (\"Beijing\")')")
                        .partitioning())
                .contains(new Partitioning.ByList(List.of("city"), List.of("PARTITION p_cn VALUES IN (\"Beijing\")")));
        assertThat(
                        full("partition_by = RANGE(dt), dynamic_partition.enable = 'true', dynamic_partition.time_unit = DAY")
                                .partitioning())
                .contains(new Partitioning.Range(List.of("dt"), List.of()));
    }

    @Test
    void partitionsWithExpressionPartitioningAreIgnoredWithAWarning() {
        assertThat(full("partition_by = (dt), partitions = 'PARTITION p1 VALUES LESS THAN (\"1\")'")
                        .partitioning())
                .contains(new Partitioning.Expressions(List.of("dt")));
        assertThat(warnings)
                .singleElement()
                .asString()
                .startsWith("models/t.sql:1:")
                .contains("partitions is ignored");
    }

    @Test
    void distributionForms() {
        assertThat(full("distributed_by = (kind=HASH, expressions=(c1, c2), buckets=10)")
                        .distribution())
                .contains(new Distribution.Hash(List.of("c1", "c2"), OptionalInt.of(10)));
        assertThat(full("distributed_by = (kind='HASH', columns=user_id)").distribution())
                .contains(new Distribution.Hash(List.of("user_id"), OptionalInt.empty()));
        assertThat(full("distributed_by = (kind=RANDOM, bucket_num=4)").distribution())
                .contains(new Distribution.Random(OptionalInt.of(4)));
        assertThat(full("distributed_by = 'HASH(user_id) BUCKETS 10'").distribution())
                .contains(new Distribution.Hash(List.of("user_id"), OptionalInt.of(10)));
        assertThat(full("distributed_by = 'HASH(c1, c2)'").distribution())
                .contains(new Distribution.Hash(List.of("c1", "c2"), OptionalInt.empty()));
        assertThat(full("distributed_by = 'RANDOM'").distribution())
                .contains(new Distribution.Random(OptionalInt.empty()));
        assertThat(full("distributed_by = RANDOM").distribution())
                .contains(new Distribution.Random(OptionalInt.empty()));
        assertThat(full("distributed_by = 'random buckets 8'").distribution())
                .contains(new Distribution.Random(OptionalInt.of(8)));
    }

    @Test
    void orderingAndGenericProperties() {
        assertThat(full("order_by = (ds, id)").orderBy()).containsExactly("ds", "id");
        assertThat(full("order_by = 'col1, col2'").orderBy()).containsExactly("col1", "col2");
        assertThat(full("clustered_by = ds").orderBy()).containsExactly("ds");
        assertThat(layout("FULL", "clustered_by (a, b)").orderBy()).containsExactly("a", "b");
        assertThat(
                        full("primary_key = (id), replication_num = '1', storage_medium = 'SSD', enable_persistent_index = true, "
                                        + "compression = LZ4, bucket_size = 1024, session.query_timeout = '600'")
                                .properties())
                .containsExactly(
                        Map.entry("replication_num", "1"),
                        Map.entry("storage_medium", "SSD"),
                        Map.entry("enable_persistent_index", "true"),
                        Map.entry("compression", "LZ4"),
                        Map.entry("bucket_size", "1024"),
                        Map.entry("session.query_timeout", "600"));
    }

    @Test
    void viewsAndMaterializedViews() {
        assertThat(layout("VIEW", "virtual_properties (security = INVOKER)").security())
                .contains("INVOKER");
        assertThat(layout("VIEW", "virtual_properties (security = 'none')").security())
                .contains("NONE");
        assertThat(layout("FULL", "virtual_properties (security = DEFINER)").security())
                .contains("DEFINER");
        PhysicalLayout mv = layout(
                "VIEW (materialized true)",
                "physical_properties (refresh_moment = DEFERRED, "
                        + "refresh_scheme = 'ASYNC START (\"2024-01-01 00:00:00\") EVERY (INTERVAL 5 MINUTE)', "
                        + "partition_by = date_trunc('day', ds), distributed_by = RANDOM, order_by = ds, "
                        + "excluded_trigger_tables = 'db.a,db.b', excluded_refresh_tables = db.a)");
        assertThat(mv.refresh())
                .contains(new Refresh(
                        Optional.of("DEFERRED"),
                        Optional.of("ASYNC START (\"2024-01-01 00:00:00\") EVERY (INTERVAL 5 MINUTE)")));
        assertThat(mv.partitioning()).contains(new Partitioning.Expressions(List.of("date_trunc('day', ds)")));
        assertThat(mv.properties())
                .containsExactly(
                        Map.entry("excluded_trigger_tables", "db.a,db.b"),
                        Map.entry("excluded_refresh_tables", "db.a"));
        assertThat(layout("VIEW (materialized true)", "physical_properties (refresh_scheme = MANUAL)")
                        .refresh())
                .contains(new Refresh(Optional.empty(), Optional.of("MANUAL")));
        assertThat(layout("VIEW (materialized true)", "physical_properties (refresh_moment = IMMEDIATE)")
                        .refresh())
                .contains(new Refresh(Optional.of("IMMEDIATE"), Optional.empty()));
        assertThat(layout(
                                "VIEW (materialized true)",
                                "audits (not_null(columns := id)), physical_properties "
                                        + "(refresh_moment = DEFERRED, refresh_scheme = ASYNC)")
                        .refresh())
                .isPresent();
    }

    @Test
    void primaryKeyRuleForKindsThatRewriteRows() {
        // Without a key or partitioning, a time-range table is partitioned by its time column (intervals are
        // replaced by INSERT OVERWRITE of partitions); a text time column cannot be, so it needs a PRIMARY KEY.
        assertThat(layout("INCREMENTAL_BY_TIME_RANGE (time_column ds)", "").partitioning())
                .contains(new Partitioning.Expressions(List.of("date_trunc('day', ds)")));
        assertThat(layout("INCREMENTAL_BY_TIME_RANGE (time_column ds)", "cron '@hourly'")
                        .partitioning())
                .contains(new Partitioning.Expressions(List.of("date_trunc('hour', ds)")));
        fails(
                "INCREMENTAL_BY_TIME_RANGE (time_column (ds, '%Y-%m-%d'))",
                "physical_properties (duplicate_key = (ds))",
                "models/t.sql:1:103",
                "supports only on PRIMARY KEY tables");
        fails(
                "INCREMENTAL_BY_UNIQUE_KEY (unique_key id)",
                "physical_properties (unique_key = (id), distributed_by = RANDOM)",
                "models/t.sql:1:88",
                "remove unique_key (the unique_key becomes the primary key)");
        fails(
                "INCREMENTAL_BY_UNIQUE_KEY (unique_key id)",
                "physical_properties (primary_key = (id, ds))",
                "models/t.sql:1:88",
                "differs from unique_key");
        // Promotion, the partitioned-by-time exemption, and append-only kinds.
        assertThat(layout("INCREMENTAL_BY_UNIQUE_KEY (unique_key (a, b))", "").key())
                .contains(new TableKey(KeyType.PRIMARY, List.of("a", "b")));
        assertThat(layout("INCREMENTAL_BY_TIME_RANGE (time_column ds)", "partitioned_by date_trunc('day', ds)")
                        .key())
                .isEmpty();
        assertThat(layout("INCREMENTAL_BY_TIME_RANGE (time_column ds)", "physical_properties (primary_key = (id, ds))")
                        .key())
                .contains(new TableKey(KeyType.PRIMARY, List.of("id", "ds")));
        assertThat(layout("INCREMENTAL_UNMANAGED", "").key()).isEmpty();
        assertThat(layout("FULL", "").key()).isEmpty();
    }

    @Test
    void validationErrorsNameTheModelAndThePlace() {
        fails(
                "FULL",
                "physical_properties (primary_key = id, duplicate_key = id)",
                "models/t.sql:1:69",
                "more than one table type");
        fails(
                "FULL",
                "physical_properties (aggregate_key = id)",
                "models/t.sql:1:51",
                "aggregate_key is not supported: an AGGREGATE KEY " + "table needs an aggregate function");
        fails(
                "FULL",
                "partitioned_by ds, physical_properties (partition_by = (ds))",
                "models/t.sql:1:70",
                "partitioning given both as the model parameter partitioned_by (line 1) and as physical property partition_by");
        fails(
                "FULL",
                "physical_properties (partition_by = ds, partitioned_by = ds)",
                "models/t.sql:1:70",
                "partitioning given twice");
        fails(
                "FULL",
                "clustered_by ds, physical_properties (order_by = ds)",
                "models/t.sql:1:68",
                "ordering given twice");
        fails(
                "VIEW (materialized true)",
                "physical_properties (distributed_by = RANDOM)",
                "models/t.sql:1:1",
                "a StarRocks materialized view needs a REFRESH clause");
        fails(
                "VIEW (materialized true)",
                "physical_properties (refresh_scheme = 'ASYNC EVERY (INTERVAL 5 WEEK)')",
                "models/t.sql:1:71",
                "refresh_scheme must be ASYNC, MANUAL");
        fails(
                "VIEW (materialized true)",
                "physical_properties (refresh_moment = LATER)",
                "models/t.sql:1:71",
                "refresh_moment must be IMMEDIATE or DEFERRED");
        fails(
                "VIEW (materialized true)",
                "audits (not_null(columns := id)), physical_properties (refresh_scheme = ASYNC)",
                "models/t.sql:1:1",
                "needs refresh_moment = DEFERRED");
        fails(
                "VIEW (materialized true)",
                "physical_properties (primary_key = id, refresh_scheme = ASYNC)",
                "models/t.sql:1:71",
                "a materialized view has no table type");
        fails(
                "FULL",
                "physical_properties (refresh_scheme = ASYNC)",
                "models/t.sql:1:51",
                "applies only to materialized views");
        fails(
                "FULL",
                "physical_properties (distributed_by = 'HASH(id) BUCKETS ten')",
                "models/t.sql:1:68",
                "buckets must be a positive integer");
        fails(
                "FULL",
                "physical_properties (distributed_by = 'SPREAD(id)')",
                "models/t.sql:1:68",
                "distributed_by must be RANDOM");
        fails(
                "FULL",
                "physical_properties (distributed_by = (kind = HASH))",
                "models/t.sql:1:68",
                "kind = HASH needs expressions");
        fails(
                "FULL",
                "physical_properties (distributed_by = (kind = RANDOM, expressions = id))",
                "models/t.sql:1:68",
                "kind = RANDOM takes no expressions");
        fails(
                "FULL",
                "physical_properties (distributed_by = (expressions = id))",
                "models/t.sql:1:68",
                "needs kind = HASH");
        fails(
                "FULL",
                "physical_properties (distributed_by = (kind = HASH, expressions = id, bukets = 3))",
                "models/t.sql:1:100",
                "distributed_by has no option bukets (did you mean buckets?)");
        fails(
                "FULL",
                "physical_properties (distributed_by = (kind = HASH, expressions = id, buckets = 0))",
                "models/t.sql:1:110",
                "buckets must be a positive integer");
        fails(
                "FULL",
                "physical_properties (replicaton_num = '1')",
                "models/t.sql:1:51",
                "unknown physical property replicaton_num (did you mean replication_num?)");
        fails(
                "FULL",
                "physical_properties (distribution = RANDOM)",
                "models/t.sql:1:51",
                "ambiguous; use distributed_by");
        fails(
                "FULL",
                "virtual_properties (securty = INVOKER)",
                "models/t.sql:1:50",
                "unknown virtual property securty (did you mean security?)");
        fails(
                "FULL",
                "virtual_properties (security = EVERYONE)",
                "models/t.sql:1:61",
                "security must be NONE, INVOKER or DEFINER");
        fails(
                "VIEW",
                "physical_properties (replication_num = '1')",
                "models/t.sql:1:30",
                "a VIEW model has no physical table");
        fails("FULL", "physical_properties (partition_by = RANGE(dt))", "models/t.sql:1:51", "need initial partitions");
        fails(
                "FULL",
                "physical_properties (partitions = 'PARTITION p1 VALUES LESS THAN (\"1\")')",
                "models/t.sql:1:51",
                "partitions needs partition_by = RANGE");
        fails(
                "FULL",
                "physical_properties (partition_by = RANGE(dt), partitions = 'p1 VALUES LESS THAN (\"1\")')",
                "models/t.sql:1:90",
                "must start with PARTITION");
        fails(
                "FULL",
                "physical_properties (primary_key = 'id, 2x')",
                "models/t.sql:1:65",
                "'2x' in 'id, 2x' is not a column name");
        fails("FULL", "physical_properties (primary_key = (id, id))", "models/t.sql:1:65", "lists column id twice");
        fails(
                "FULL",
                "physical_properties (primary_key = id, partition_by = (ds))",
                "models/t.sql:1:69",
                "partition column ds must be a key column of a PRIMARY KEY table");
        fails(
                "FULL",
                "physical_properties (unique_key = id, distributed_by = 'HASH(ds)')",
                "models/t.sql:1:68",
                "bucket column ds must be a key column");
        fails(
                "FULL",
                "columns (id INT), physical_properties (primary_key = (id, ds))",
                "models/t.sql:1:69",
                "primary_key names column ds, which is not among the model's columns");
        fails(
                "FULL",
                "partitioned_by (ds + 1)",
                "models/t.sql:1:30",
                "partition expression ds + 1 must be a column, date_trunc('unit', column) or time_slice(column, INTERVAL n unit)");
        fails("FULL", "partitioned_by date_trunc('fortnight', ds)", "models/t.sql:1:30", "partition expression");
        fails(
                "FULL",
                "physical_properties (partition_by = RANGE(dt), partitions = 'PARTITION p1 VALUES SOMEWHERE')",
                "models/t.sql:1:77",
                "invalid partition 'PARTITION p1 VALUES SOMEWHERE'");
        fails(
                "FULL",
                "physical_properties (unique_key = (id, ds))",
                "models/t.sql:1:51",
                "a UNIQUE KEY table needs distributed_by: StarRocks has no default distribution for UNIQUE KEY tables");
        fails(
                "FULL",
                "physical_properties (replication_num = (1, 2))",
                "models/t.sql:1:69",
                "must be a string, number or name");
    }
}
