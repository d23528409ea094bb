package dev.quarry.models.project;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a model's {@code physical_properties}, {@code virtual_properties}, {@code partitioned_by} and
 * {@code clustered_by} mean for its StarRocks object, already validated (SQLMesh's "Configuration Matrix",
 * docs/sqlmesh.md §3). Rendering DDL from it is StarRocksDialect's job.
 *
 * @param key the table key; empty means StarRocks' default DUPLICATE KEY table
 * @param partitioning PARTITION BY, if any
 * @param distribution DISTRIBUTED BY; empty leaves StarRocks' default
 * @param orderBy ORDER BY (sort key) columns
 * @param properties every other physical property, for PROPERTIES ('k' = 'v'), in the order written
 * @param refresh materialized views only: the REFRESH clause
 * @param security views only: SECURITY NONE, INVOKER or DEFINER
 */
public record PhysicalLayout(
        Optional<TableKey> key,
        Optional<Partitioning> partitioning,
        Optional<Distribution> distribution,
        List<String> orderBy,
        Map<String, String> properties,
        Optional<Refresh> refresh,
        Optional<String> security) {

    public PhysicalLayout {
        requireNonNull(key, "key is null");
        requireNonNull(partitioning, "partitioning is null");
        requireNonNull(distribution, "distribution is null");
        requireNonNull(refresh, "refresh is null");
        requireNonNull(security, "security is null");
        orderBy = List.copyOf(orderBy);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    static PhysicalLayout none() {
        return new PhysicalLayout(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Map.of(),
                Optional.empty(),
                Optional.empty());
    }

    /** StarRocks table types a model can ask for; AGGREGATE KEY is refused (it needs per-column aggregate functions). */
    public enum KeyType {
        PRIMARY("primary_key"),
        DUPLICATE("duplicate_key"),
        UNIQUE("unique_key");

        private final String property;

        KeyType(String property) {
            this.property = property;
        }

        /** The physical property that selects this type. */
        public String property() {
            return property;
        }
    }

    /**
     * The table type and its key columns.
     *
     * @param type table type
     * @param columns key columns in key order (StarRocks puts them first in the schema)
     */
    public record TableKey(KeyType type, List<String> columns) {
        public TableKey {
            requireNonNull(type, "type is null");
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException(type.property() + " needs at least one column");
            }
        }
    }

    /** PARTITION BY in one of StarRocks' three forms. */
    public sealed interface Partitioning {
        /**
         * Expression partitioning: {@code PARTITION BY date_trunc('day', ds), region}.
         *
         * @param expressions SQL expressions as written
         */
        record Expressions(List<String> expressions) implements Partitioning {
            public Expressions {
                expressions = List.copyOf(expressions);
                if (expressions.isEmpty()) {
                    throw new IllegalArgumentException("partitioning needs at least one expression");
                }
            }
        }

        /**
         * {@code PARTITION BY RANGE (cols) (partitions...)}.
         *
         * @param columns partition columns
         * @param partitions partition definitions, verbatim ({@code PARTITION p1 VALUES [...)})
         */
        record Range(List<String> columns, List<String> partitions) implements Partitioning {
            public Range {
                columns = List.copyOf(columns);
                partitions = List.copyOf(partitions);
            }
        }

        /**
         * {@code PARTITION BY LIST (cols) (partitions...)}.
         *
         * @param columns partition columns
         * @param partitions partition definitions, verbatim
         */
        record ByList(List<String> columns, List<String> partitions) implements Partitioning {
            public ByList {
                columns = List.copyOf(columns);
                partitions = List.copyOf(partitions);
            }
        }
    }

    /** DISTRIBUTED BY. */
    public sealed interface Distribution {
        OptionalInt buckets();

        /**
         * {@code DISTRIBUTED BY HASH(columns) [BUCKETS n]}.
         *
         * @param columns bucketing columns
         * @param buckets BUCKETS n; empty lets StarRocks choose
         */
        record Hash(List<String> columns, OptionalInt buckets) implements Distribution {
            public Hash {
                columns = List.copyOf(columns);
                requireNonNull(buckets, "buckets is null");
                if (columns.isEmpty()) {
                    throw new IllegalArgumentException("HASH distribution needs columns");
                }
            }
        }

        /**
         * {@code DISTRIBUTED BY RANDOM [BUCKETS n]}.
         *
         * @param buckets BUCKETS n; empty lets StarRocks choose
         */
        record Random(OptionalInt buckets) implements Distribution {
            public Random {
                requireNonNull(buckets, "buckets is null");
            }
        }
    }

    /**
     * An async materialized view's REFRESH clause.
     *
     * @param moment IMMEDIATE or DEFERRED
     * @param scheme ASYNC, MANUAL or {@code ASYNC [START ('ts')] [EVERY (INTERVAL n UNIT)]}, upper-cased keywords
     */
    public record Refresh(Optional<String> moment, Optional<String> scheme) {
        public Refresh {
            requireNonNull(moment, "moment is null");
            requireNonNull(scheme, "scheme is null");
            if (moment.isEmpty() && scheme.isEmpty()) {
                throw new IllegalArgumentException("a REFRESH clause needs a moment or a scheme");
            }
        }
    }
}
