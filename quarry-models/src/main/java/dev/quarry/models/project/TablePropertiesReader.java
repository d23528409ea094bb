package dev.quarry.models.project;

import dev.quarry.core.Location;
import dev.quarry.core.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the physical properties that become PROPERTIES ('k' = 'v'), refusing names StarRocks does not know. */
final class TablePropertiesReader {

    /** Physical properties that are clauses of the layout rather than PROPERTIES. */
    private static final Set<String> STRUCTURAL = Set.of(
            "primary_key",
            "duplicate_key",
            "unique_key",
            "aggregate_key",
            "partition_by",
            "partitioned_by",
            "partitions",
            "distributed_by",
            "order_by",
            "clustered_by",
            "refresh_moment",
            "refresh_scheme");

    /** StarRocks table and materialized-view PROPERTIES (docs/starrocks.md §3.7, §5.6). */
    private static final Set<String> KNOWN_PROPERTIES = Set.of(
            "replication_num",
            "storage_medium",
            "storage_cooldown_ttl",
            "storage_cooldown_time",
            "enable_persistent_index",
            "persistent_index_type",
            "compression",
            "bloom_filter_columns",
            "colocate_with",
            "bucket_size",
            "write_quorum",
            "replicated_storage",
            "unique_constraints",
            "foreign_key_constraints",
            "fast_schema_evolution",
            "base_compaction_forbidden_time_ranges",
            "partition_retention_condition",
            "storage_volume",
            "file_bundling",
            "in_memory",
            "partition_live_number",
            "partition_ttl",
            "partition_ttl_number",
            "primary_index_cache_expire_sec",
            "enable_async_write_back",
            "compaction_strategy",
            "binlog_enable",
            "binlog_ttl_second",
            "binlog_max_size",
            "enable_dynamic_tablet",
            "mutable_bucket_num",
            "enable_load_profile",
            // materialized views
            "auto_refresh_partitions_limit",
            "partition_refresh_number",
            "partition_refresh_strategy",
            "excluded_trigger_tables",
            "excluded_refresh_tables",
            "query_rewrite_consistency",
            "mv_rewrite_staleness_second",
            "resource_group",
            "force_external_table_query_rewrite",
            "enable_query_rewrite",
            "warehouse",
            "transparent_mv_rewrite_mode",
            "refresh_mode");

    private static final List<String> PROPERTY_PREFIXES =
            List.of("dynamic_partition.", "session.", "flat_json.", "datacache.", "labels.", "binlog.");

    private final String model;

    TablePropertiesReader(String model) {
        this.model = model;
    }

    private ModelException error(Location at, String message) {
        return LayoutReader.error(model, at, message);
    }

    /** Every physical property that is not a layout clause, as its text, in the order written. */
    Map<String, String> read(Map<String, Block.Property> physical) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Block.Property p : physical.values()) {
            if (STRUCTURAL.contains(p.name())) {
                continue;
            }
            if (!KNOWN_PROPERTIES.contains(p.name())
                    && PROPERTY_PREFIXES.stream().noneMatch(p.name()::startsWith)) {
                List<String> candidates = new ArrayList<>(KNOWN_PROPERTIES);
                candidates.addAll(STRUCTURAL);
                throw error(
                        p.location(), "unknown physical property " + p.name() + Names.didYouMean(p.name(), candidates));
            }
            Value v = p.value();
            Optional<String> text = v.text();
            if (text.isEmpty()
                    && (v instanceof Value.Tuple || v instanceof Value.Array)
                    && v.items().stream().allMatch(x -> x instanceof Value.Ident || x instanceof Value.Str)) {
                text = Optional.of(String.join(
                        ",", v.items().stream().map(x -> x.text().orElseThrow()).toList()));
            }
            if (text.isEmpty()) {
                throw error(
                        v.location(),
                        "physical property " + p.name() + " must be a string, number or name, not " + v.describe());
            }
            out.put(p.name(), text.get());
        }
        return out;
    }
}
