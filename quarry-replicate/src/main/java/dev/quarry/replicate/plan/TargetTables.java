package dev.quarry.replicate.plan;

import dev.quarry.replicate.config.ColumnCasing;
import dev.quarry.replicate.config.OptionValues;
import dev.quarry.replicate.config.ReplicationConfigException;
import dev.quarry.replicate.config.TargetOption;
import dev.quarry.replicate.source.MappedColumn;
import dev.quarry.starrocks.ColumnSpec;
import dev.quarry.starrocks.Distribution;
import dev.quarry.starrocks.KeyType;
import dev.quarry.starrocks.PartitionSpec;
import dev.quarry.starrocks.StarRocksType;
import dev.quarry.starrocks.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The target table of a stream as a {@link TableSpec}: columns from the type mapping, keys from
 * {@code target_options.table_keys} or the stream's {@code primary_key}, distribution, order, buckets and
 * properties from the target options.
 */
public final class TargetTables {
    private TargetTables() {}

    /**
     * The StarRocks table a stream creates, from its target options and the source's columns.
     *
     * @param replicationNum used when neither target_options.replication_num nor properties set one
     *     (ClusterProbe#defaultReplicationNum: follows the alive backends)
     */
    public static TableSpec spec(
            StreamPlan plan, String database, String table, List<MappedColumn> columns, int replicationNum) {
        try {
            return build(plan, database, table, columns, replicationNum);
        } catch (dev.quarry.starrocks.InvalidSpecException e) {
            // TableSpec checks StarRocks' CREATE TABLE rules; a violation here comes from the stream's settings.
            throw new ReplicationConfigException("stream " + plan.name() + ": " + e.getMessage());
        }
    }

    private static TableSpec build(
            StreamPlan plan, String database, String table, List<MappedColumn> columns, int replicationNum) {
        OptionValues<TargetOption> o = plan.targetOptions();
        TableSpec.Builder b = TableSpec.builder(database, table);
        List<ColumnSpec> specs = new ArrayList<>();
        for (MappedColumn c : columns) {
            specs.add(ColumnSpec.of(c.name(), c.type()).withNullable(c.nullable()));
        }
        b.columns(specs);
        String casing = plan.columnCasing();
        Map<String, List<String>> keys = new java.util.LinkedHashMap<>();
        o.<List<String>>map(TargetOption.TABLE_KEYS).forEach((k, v) -> keys.put(k, ColumnCasing.apply(casing, v)));
        List<String> hash = keys.getOrDefault("hash", ColumnCasing.apply(casing, o.names(TargetOption.DISTRIBUTED_BY)));
        KeyType type = null;
        List<String> keyColumns = List.of();
        for (KeyType k : List.of(KeyType.PRIMARY, KeyType.UNIQUE, KeyType.AGGREGATE, KeyType.DUPLICATE)) {
            List<String> cols = keys.get(k.name().toLowerCase(java.util.Locale.ROOT));
            if (cols != null) {
                type = k;
                keyColumns = cols;
                break;
            }
        }
        if (type == null && !plan.primaryKey().isEmpty()) {
            type = KeyType.PRIMARY;
            keyColumns = ColumnCasing.apply(casing, plan.primaryKey());
        }
        if (type == null) {
            // No key: a DUPLICATE KEY table sorted by the first column when it can be a sort key (no synthetic
            // row id, unlike Sling); otherwise StarRocks picks the sort key.
            type = KeyType.DUPLICATE;
            MappedColumn first = columns.get(0);
            keyColumns = first.type().keyCapable()
                            && !(first.type() instanceof StarRocksType.Varchar
                                    && ((StarRocksType.Varchar) first.type()).length() > 65533)
                    ? List.of(first.name())
                    : List.of();
        }
        b.key(type, keyColumns);
        Long buckets = o.integer(TargetOption.BUCKETS);
        List<String> distribution = hash.isEmpty() && type != KeyType.DUPLICATE ? keyColumns : hash;
        if (!distribution.isEmpty()) {
            b.distribution(
                    buckets == null
                            ? Distribution.hash(distribution)
                            : Distribution.hash(distribution, buckets.intValue()));
        } else if (buckets != null) {
            b.distribution(Distribution.random(buckets.intValue()));
        }
        String partitionBy = o.string(TargetOption.PARTITION_BY);
        if (partitionBy == null && keys.containsKey("partition")) {
            // Sling's table_keys.partition: the columns the table is partitioned by (docs/sling.md §3.2).
            partitionBy = keys.get("partition").stream()
                    .map(dev.quarry.starrocks.StarRocksDialect::quote)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (partitionBy != null) {
            List<PartitionSpec.PartitionExpr> expressions = new ArrayList<>();
            for (String part : PartitionSpec.splitTopLevel(partitionBy)) {
                expressions.add(PartitionSpec.PartitionExpr.parse(part.trim()));
            }
            b.partition(PartitionSpec.expressions(expressions));
        }
        List<String> order = keys.getOrDefault("sort", ColumnCasing.apply(casing, o.names(TargetOption.ORDER_BY)));
        if (!order.isEmpty()) {
            b.orderBy(order);
        }
        TableSpec spec = b.build();
        for (Map.Entry<String, String> p :
                o.<String>map(TargetOption.PROPERTIES).entrySet()) {
            spec = spec.withProperty(p.getKey(), p.getValue());
        }
        Long replicas = o.integer(TargetOption.REPLICATION_NUM);
        if (replicas != null) {
            spec = spec.withProperty("replication_num", Long.toString(replicas));
        }
        return spec.withDefaultReplicationNum(replicationNum);
    }
}
