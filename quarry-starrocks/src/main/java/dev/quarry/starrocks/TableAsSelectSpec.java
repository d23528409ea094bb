package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code CREATE TABLE ... AS SELECT}: a table whose columns and types come from a query, for models whose column types
 * are not declared (docs/starrocks.md §5.4). StarRocks supports it for DUPLICATE and PRIMARY KEY tables only; the
 * query must return the key columns first.
 *
 * @param database database name
 * @param name table name
 * @param keyType DUPLICATE or PRIMARY
 * @param keyColumns key columns in key order (empty lets StarRocks choose a DUPLICATE key)
 * @param comment table comment
 * @param partition partitioning, if any
 * @param distribution distribution, if any
 * @param orderBy sort key
 * @param properties PROPERTIES in the given order
 * @param query the SELECT that defines and fills the table
 */
public record TableAsSelectSpec(
        String database,
        String name,
        KeyType keyType,
        List<String> keyColumns,
        Optional<String> comment,
        Optional<PartitionSpec> partition,
        Optional<Distribution> distribution,
        List<String> orderBy,
        Map<String, String> properties,
        String query) {

    public TableAsSelectSpec {
        requireNonNull(database, "database is null");
        requireNonNull(name, "table name is null");
        requireNonNull(keyType, "keyType is null");
        keyColumns = List.copyOf(requireNonNull(keyColumns, "keyColumns is null"));
        requireNonNull(comment, "comment is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(distribution, "distribution is null");
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        requireNonNull(properties, "properties is null");
        requireNonNull(query, "query is null");
        String where = "table " + database + "." + name;
        if (database.isBlank() || name.isBlank()) {
            throw new InvalidSpecException(where + ": database and table names must not be blank");
        }
        if (query.isBlank()) {
            throw new InvalidSpecException(where + ": query is empty");
        }
        if (keyType != KeyType.DUPLICATE && keyType != KeyType.PRIMARY) {
            throw new InvalidSpecException(
                    where + ": CREATE TABLE AS SELECT supports DUPLICATE and PRIMARY KEY tables, not " + keyType.sql());
        }
        if (keyType == KeyType.PRIMARY && keyColumns.isEmpty()) {
            throw new InvalidSpecException(where + ": a PRIMARY KEY table needs key columns");
        }
        Set<String> keys = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String k : keyColumns) {
            if (!keys.add(k)) {
                throw new InvalidSpecException(where + ": key column " + k + " is listed twice");
            }
        }
        if (distribution.isPresent()) {
            Distribution d = distribution.get();
            if (d instanceof Distribution.Random && keyType != KeyType.DUPLICATE) {
                throw new InvalidSpecException(where
                        + ": DISTRIBUTED BY RANDOM is only allowed on DUPLICATE KEY tables, not " + keyType.sql());
            }
            if (d instanceof Distribution.Hash hash && keyType == KeyType.PRIMARY) {
                for (String c : hash.columns()) {
                    if (!keys.contains(c)) {
                        throw new InvalidSpecException(
                                where + ": bucket column " + c + " must be a key column of a PRIMARY KEY table (key: "
                                        + String.join(", ", keyColumns) + ")");
                    }
                }
            }
        }
        if (partition.isPresent() && keyType == KeyType.PRIMARY) {
            for (String c : partition.get().columns()) {
                if (!keys.contains(c)) {
                    throw new InvalidSpecException(
                            where + ": partition column " + c + " must be a key column of a PRIMARY KEY table (key: "
                                    + String.join(", ", keyColumns) + ")");
                }
            }
        }
        Map<String, String> props = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            if (k == null || k.isBlank() || v == null) {
                throw new InvalidSpecException(where + ": property names must not be blank and values not null");
            }
            props.put(k, v);
        });
        properties = Collections.unmodifiableMap(props);
    }

    /** A DUPLICATE KEY table with StarRocks' defaults for everything but the query. */
    public static TableAsSelectSpec of(String database, String name, String query) {
        return new TableAsSelectSpec(
                database,
                name,
                KeyType.DUPLICATE,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Map.of(),
                query);
    }

    /** The same table layout as {@code table} (keys, partitioning, distribution, sort key, properties), filled by {@code query}. */
    public static TableAsSelectSpec like(TableSpec table, String query) {
        return new TableAsSelectSpec(
                table.database(),
                table.name(),
                table.keyType(),
                table.keyColumns(),
                table.comment(),
                table.partition(),
                table.distribution(),
                table.orderBy(),
                table.properties(),
                query);
    }

    public TableAsSelectSpec withKey(KeyType newKeyType, List<String> newKeyColumns) {
        return new TableAsSelectSpec(
                database,
                name,
                newKeyType,
                newKeyColumns,
                comment,
                partition,
                distribution,
                orderBy,
                properties,
                query);
    }

    public TableAsSelectSpec withDistribution(Distribution newDistribution) {
        return new TableAsSelectSpec(
                database,
                name,
                keyType,
                keyColumns,
                comment,
                partition,
                Optional.of(newDistribution),
                orderBy,
                properties,
                query);
    }

    public TableAsSelectSpec withPartition(PartitionSpec newPartition) {
        return new TableAsSelectSpec(
                database,
                name,
                keyType,
                keyColumns,
                comment,
                Optional.of(newPartition),
                distribution,
                orderBy,
                properties,
                query);
    }

    public TableAsSelectSpec withProperty(String key, String value) {
        Map<String, String> props = new LinkedHashMap<>(properties);
        props.put(key, value);
        return new TableAsSelectSpec(
                database, name, keyType, keyColumns, comment, partition, distribution, orderBy, props, query);
    }
}
