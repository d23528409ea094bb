package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A native StarRocks table, checked on construction against the rules StarRocks enforces in CREATE TABLE
 * (docs/starrocks.md §3.2–§3.8), so a bad spec fails here with a message naming the table and column instead
 * of as a server error later.
 *
 * <p>{@link #columns()} is in DDL order: key columns first, in key order (StarRocks requires the key to be an
 * ordered prefix of the schema), then the other columns in the order given. PRIMARY KEY columns are NOT NULL.
 *
 * @param database database name
 * @param name table name
 * @param columns columns, key columns first
 * @param keyType table type; DUPLICATE with no key columns lets StarRocks choose the sort key
 * @param keyColumns key columns in key order
 * @param comment table comment
 * @param partition partitioning, if any
 * @param distribution distribution; when empty StarRocks picks random bucketing
 * @param orderBy sort key (ORDER BY), empty for none
 * @param properties PROPERTIES in the given order
 */
public record TableSpec(
        String database,
        String name,
        List<ColumnSpec> columns,
        KeyType keyType,
        List<String> keyColumns,
        Optional<String> comment,
        Optional<PartitionSpec> partition,
        Optional<Distribution> distribution,
        List<String> orderBy,
        Map<String, String> properties) {

    public TableSpec {
        requireNonNull(database, "database is null");
        requireNonNull(name, "table name is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(keyType, "keyType is null");
        requireNonNull(keyColumns, "keyColumns is null");
        requireNonNull(comment, "comment is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(distribution, "distribution is null");
        requireNonNull(orderBy, "orderBy is null");
        requireNonNull(properties, "properties is null");
        if (database.isBlank() || name.isBlank()) {
            throw new InvalidSpecException(
                    "table " + database + "." + name + ": database and table names must not be blank");
        }
        String table = database + "." + name;
        Map<String, ColumnSpec> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ColumnSpec c : columns) {
            if (byName.put(c.name(), c) != null) {
                throw new InvalidSpecException("table " + table + ": Duplicate column name '" + c.name() + "'");
            }
        }
        if (columns.isEmpty()) {
            throw new InvalidSpecException("table " + table + " has no columns");
        }
        keyColumns = List.copyOf(keyColumns);
        Set<String> keys = distinct(keyColumns, table, "key");
        for (String k : keyColumns) {
            if (!byName.containsKey(k)) {
                throw new InvalidSpecException("table " + table + ": Key column(" + k + ") doesn't exist.");
            }
        }
        if (keyType != KeyType.DUPLICATE && keyColumns.isEmpty()) {
            throw new InvalidSpecException("table " + table + ": a " + keyType.sql() + " table needs key columns");
        }

        // Key columns first, in key order; the rest keep their order.
        List<ColumnSpec> ordered = new ArrayList<>(columns.size());
        for (String k : keyColumns) {
            ColumnSpec c = byName.get(k);
            ordered.add(keyType == KeyType.PRIMARY ? c.notNull() : c);
        }
        for (ColumnSpec c : columns) {
            if (!keys.contains(c.name())) {
                ordered.add(c);
            }
        }
        columns = List.copyOf(ordered);

        int autoIncrements = 0;
        for (ColumnSpec c : columns) {
            String col = "table " + table + ": ";
            boolean isKey = keys.contains(c.name());
            if (c.autoIncrement()) {
                autoIncrements++;
            }
            if (isKey) {
                if (keyType == KeyType.PRIMARY && !c.type().primaryKeyCapable()) {
                    throw new InvalidSpecException(col + "primary key column[" + c.name() + "] type not supported: "
                            + c.type().sql());
                }
                if (!c.type().keyCapable()) {
                    throw new InvalidSpecException(col + "key column[" + c.name() + "] type not supported: "
                            + c.type().sql());
                }
                if (c.aggregate().isPresent()) {
                    throw new InvalidSpecException(
                            col + "Key column[" + c.name() + "] should not specify aggregate type.");
                }
            } else if (keyType == KeyType.AGGREGATE && c.aggregate().isEmpty()) {
                throw new InvalidSpecException(
                        col + "AGG_KEYS table should specify aggregate type for non-key column[" + c.name() + "]");
            } else if (keyType != KeyType.AGGREGATE && c.aggregate().isPresent()) {
                throw new InvalidSpecException(col + keyType.internalName()
                        + " table should not specify aggregate type for non-key column[" + c.name() + "]");
            }
            StarRocksType t = c.type();
            if (keyType == KeyType.AGGREGATE
                    && (t == StarRocksType.Scalar.JSON || t instanceof StarRocksType.Varbinary)) {
                throw new InvalidSpecException(
                        col + "column " + c.name() + ": " + t.sql() + " is not supported in AGGREGATE KEY tables");
            }
            if (keyType == KeyType.DUPLICATE
                    && (t == StarRocksType.Scalar.BITMAP
                            || t == StarRocksType.Scalar.HLL
                            || t == StarRocksType.Scalar.PERCENTILE)) {
                throw new InvalidSpecException(
                        col + "column " + c.name() + ": " + t.sql() + " is not supported in DUPLICATE KEY tables");
            }
        }
        if (autoIncrements > 1) {
            throw new InvalidSpecException("table " + table + ": at most one AUTO_INCREMENT column is allowed");
        }

        if (distribution.isPresent()) {
            Distribution d = distribution.get();
            if (d instanceof Distribution.Random && keyType != KeyType.DUPLICATE) {
                throw new InvalidSpecException("table " + table
                        + ": DISTRIBUTED BY RANDOM is only allowed on DUPLICATE KEY tables, not " + keyType.sql());
            }
            if (d instanceof Distribution.Hash hash) {
                for (String c : hash.columns()) {
                    checkColumn(byName, keys, keyColumns, keyType, table, c, "bucket");
                }
            }
        }
        if (partition.isPresent()) {
            PartitionSpec p = partition.get();
            for (String c : p.columns()) {
                checkColumn(byName, keys, keyColumns, keyType, table, c, "partition");
                StarRocksType t = byName.get(c).type();
                if (p instanceof PartitionSpec.ByRange && !rangeType(t)) {
                    throw new InvalidSpecException("table " + table + ": RANGE partition column " + c
                            + " must be an integer, DATE or DATETIME, not " + t.sql());
                }
                if (p instanceof PartitionSpec.ByExpressions byExpressions) {
                    boolean function = byExpressions.expressions().stream()
                            .anyMatch(e -> !(e instanceof PartitionSpec.PartitionExpr.Column)
                                    && e.column().equalsIgnoreCase(c));
                    if (function && t != StarRocksType.Scalar.DATE && t != StarRocksType.Scalar.DATETIME) {
                        throw new InvalidSpecException("table " + table
                                + ": date_trunc/time_slice partitioning needs a DATE or DATETIME column; " + c + " is "
                                + t.sql());
                    }
                }
            }
        }
        orderBy = List.copyOf(orderBy);
        Set<String> sortKeys = distinct(orderBy, table, "ORDER BY");
        for (String c : orderBy) {
            ColumnSpec col = byName.get(c);
            if (col == null) {
                throw new InvalidSpecException("table " + table + ": ORDER BY column " + c + " doesn't exist");
            }
            if (!col.type().keyCapable()) {
                throw new InvalidSpecException("table " + table + ": sort key column[" + c + "] type not supported: "
                        + col.type().sql());
            }
        }
        if (!orderBy.isEmpty()
                && (keyType == KeyType.AGGREGATE || keyType == KeyType.UNIQUE)
                && !sortKeys.equals(keys)) {
            throw new InvalidSpecException("table " + table + ": the ORDER BY of a " + keyType.sql()
                    + " table must list exactly its key columns " + keyColumns + ", got " + orderBy);
        }

        Map<String, String> props = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            requireNonNull(k, "property name is null");
            requireNonNull(v, "value of property " + k + " is null");
            if (k.isBlank()) {
                throw new InvalidSpecException("table " + table + ": property name is blank");
            }
            props.put(k, v);
        });
        String replication = props.get("replication_num");
        if (replication != null) {
            try {
                if (Integer.parseInt(replication.trim()) < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new InvalidSpecException(
                        "table " + table + ": replication_num must be a positive integer, got '" + replication + "'");
            }
        }
        properties = Collections.unmodifiableMap(props);
    }

    public static Builder builder(String database, String name) {
        return new Builder(database, name);
    }

    /** The same table under another name, e.g. a staging table. */
    public TableSpec withName(String newDatabase, String newName) {
        return new TableSpec(
                newDatabase,
                newName,
                columns,
                keyType,
                keyColumns,
                comment,
                partition,
                distribution,
                orderBy,
                properties);
    }

    /** The same table with one more (or a replaced) property. */
    public TableSpec withProperty(String key, String value) {
        Map<String, String> props = new LinkedHashMap<>(properties);
        props.put(key, value);
        return new TableSpec(
                database, name, columns, keyType, keyColumns, comment, partition, distribution, orderBy, props);
    }

    /**
     * Sets {@code replication_num} when the caller gave none, e.g. to {@link ClusterProbe#defaultReplicationNum()},
     * so single-backend clusters work without ADMIN SET FRONTEND CONFIG (docs/starrocks.md §3.8).
     */
    public TableSpec withDefaultReplicationNum(int replicationNum) {
        if (replicationNum < 1) {
            throw new IllegalArgumentException("replication_num must be positive, got " + replicationNum);
        }
        return properties.containsKey("replication_num")
                ? this
                : withProperty("replication_num", Integer.toString(replicationNum));
    }

    /** The column called {@code columnName} (case-insensitive, as StarRocks treats column names). */
    public Optional<ColumnSpec> column(String columnName) {
        return columns.stream()
                .filter(c -> c.name().equalsIgnoreCase(columnName))
                .findFirst();
    }

    private static boolean rangeType(StarRocksType t) {
        return t == StarRocksType.Scalar.TINYINT
                || t == StarRocksType.Scalar.SMALLINT
                || t == StarRocksType.Scalar.INT
                || t == StarRocksType.Scalar.BIGINT
                || t == StarRocksType.Scalar.LARGEINT
                || t == StarRocksType.Scalar.DATE
                || t == StarRocksType.Scalar.DATETIME;
    }

    private static void checkColumn(
            Map<String, ColumnSpec> byName,
            Set<String> keys,
            List<String> keyOrder,
            KeyType keyType,
            String table,
            String column,
            String role) {
        ColumnSpec c = byName.get(column);
        if (c == null) {
            throw new InvalidSpecException("table " + table + ": " + role + " column " + column + " doesn't exist");
        }
        if (!c.type().keyCapable()) {
            throw new InvalidSpecException("table " + table + ": " + role + " column " + column + " cannot be "
                    + c.type().sql());
        }
        if (keyType.partitionAndBucketColumnsMustBeKeys() && !keys.contains(column)) {
            throw new InvalidSpecException(
                    "table " + table + ": " + role + " column " + column + " must be a key column of a " + keyType.sql()
                            + " table (key: " + String.join(", ", keyOrder) + ")");
        }
    }

    private static Set<String> distinct(List<String> names, String table, String what) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String n : names) {
            requireNonNull(n, what + " column is null");
            if (!seen.add(n)) {
                throw new InvalidSpecException("table " + table + ": " + what + " column " + n + " is listed twice");
            }
        }
        return seen;
    }

    /** Collects the optional parts of a {@link TableSpec}. */
    public static final class Builder {
        private final String database;
        private final String name;
        private final List<ColumnSpec> columns = new ArrayList<>();
        private KeyType keyType = KeyType.DUPLICATE;
        private List<String> keyColumns = List.of();
        private Optional<String> comment = Optional.empty();
        private Optional<PartitionSpec> partition = Optional.empty();
        private Optional<Distribution> distribution = Optional.empty();
        private List<String> orderBy = List.of();
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder(String database, String name) {
            this.database = database;
            this.name = name;
        }

        public Builder column(ColumnSpec column) {
            columns.add(requireNonNull(column, "column is null"));
            return this;
        }

        public Builder column(String columnName, StarRocksType type) {
            return column(ColumnSpec.of(columnName, type));
        }

        public Builder columns(List<ColumnSpec> more) {
            more.forEach(this::column);
            return this;
        }

        public Builder key(KeyType type, List<String> columnNames) {
            this.keyType = requireNonNull(type, "key type is null");
            this.keyColumns = List.copyOf(columnNames);
            return this;
        }

        public Builder primaryKey(String... columnNames) {
            return key(KeyType.PRIMARY, List.of(columnNames));
        }

        public Builder duplicateKey(String... columnNames) {
            return key(KeyType.DUPLICATE, List.of(columnNames));
        }

        public Builder uniqueKey(String... columnNames) {
            return key(KeyType.UNIQUE, List.of(columnNames));
        }

        public Builder aggregateKey(String... columnNames) {
            return key(KeyType.AGGREGATE, List.of(columnNames));
        }

        public Builder comment(String text) {
            this.comment = Optional.of(text);
            return this;
        }

        public Builder partition(PartitionSpec spec) {
            this.partition = Optional.of(spec);
            return this;
        }

        public Builder distribution(Distribution spec) {
            this.distribution = Optional.of(spec);
            return this;
        }

        public Builder orderBy(String... columnNames) {
            this.orderBy = List.of(columnNames);
            return this;
        }

        public Builder orderBy(List<String> columnNames) {
            this.orderBy = List.copyOf(columnNames);
            return this;
        }

        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public TableSpec build() {
            return new TableSpec(
                    database,
                    name,
                    columns,
                    keyType,
                    keyColumns,
                    comment,
                    partition,
                    distribution,
                    orderBy,
                    properties);
        }
    }
}
