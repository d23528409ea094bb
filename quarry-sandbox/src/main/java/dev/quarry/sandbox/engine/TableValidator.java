package dev.quarry.sandbox.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a parsed CREATE TABLE into a {@link TableDef}, applying StarRocks' defaults and refusing what its analyzer
 * refuses, with its messages (docs/starrocks.md §3.2, §3.6, §3.8; texts as in StarRocks' CreateTableAnalyzer).
 */
final class TableValidator {
    private TableValidator() {}

    /** Short key defaults (FeConstants.SHORTKEY_MAX_COLUMN_COUNT / SHORTKEY_MAXSIZE_BYTES, docs/starrocks.md §3.3). */
    private static final int SHORT_KEY_COLUMNS = 3;

    private static final int SHORT_KEY_BYTES = 36;

    static TableDef build(DuckEngine engine, String db, String name, CreateTableParser.Parsed p, long id)
            throws SqlError {
        List<ColumnDef> cols = new ArrayList<>(p.columns);
        if (cols.isEmpty()) {
            throw SqlError.analysis("Empty schema");
        }
        Set<String> seen = new HashSet<>();
        boolean allowReserved = engine.fe.bool("allow_system_reserved_names");
        long autoIncrements = 0;
        for (ColumnDef c : cols) {
            if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new SqlError(
                        1060,
                        "42S21",
                        "Getting analyzing error. Detail message: Duplicate column name '" + c.name() + "'.");
            }
            // docs/starrocks.md §1.7: __op and __row are reserved for loads.
            if (!allowReserved && (c.name().equalsIgnoreCase("__op") || c.name().equalsIgnoreCase("__row"))) {
                throw SqlError.analysis(
                        "Column name [" + c.name() + "] is a system reserved name. Please choose a different one.");
            }
            if (c.autoIncrement()) {
                autoIncrements++;
            }
        }
        if (autoIncrements > 1) {
            throw SqlError.analysis("More than one AUTO_INCREMENT column defined in CREATE TABLE Statement");
        }
        KeysType keysType = p.keysType;
        List<String> keys = p.keys;
        if (keysType == null) {
            keys = new ArrayList<>();
            if (cols.stream().anyMatch(c -> c.aggType() != null)) {
                keysType = KeysType.AGGREGATE;
                for (ColumnDef c : cols) {
                    if (c.aggType() == null) {
                        keys.add(c.name());
                    }
                }
            } else {
                keysType = KeysType.DUPLICATE;
                int bytes = 0;
                for (ColumnDef c : cols) {
                    bytes += indexSize(c.type());
                    if (keys.size() >= SHORT_KEY_COLUMNS || bytes > SHORT_KEY_BYTES) {
                        if (keys.isEmpty()
                                && (c.type().base() == SqlType.VARCHAR
                                        || c.type().base() == SqlType.CHAR)) {
                            keys.add(c.name());
                        }
                        break;
                    }
                    if (!c.type().allowedInKey() || c.type().string()) {
                        break;
                    }
                    keys.add(c.name());
                    if (c.type().base() == SqlType.VARCHAR) {
                        break;
                    }
                }
                if (keys.isEmpty()) {
                    throw SqlError.analysis("Data type of first column cannot be "
                            + cols.get(0).type().errorName());
                }
            }
        }
        if (keys.isEmpty()) {
            throw SqlError.analysis("The number of key columns is 0.");
        }
        if (keys.size() > cols.size()) {
            throw SqlError.analysis("The number of key columns should be less than the number of columns.");
        }
        List<String> canonicalKeys = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            ColumnDef c = cols.get(i);
            String key = keys.get(i);
            if (!key.equalsIgnoreCase(c.name())) {
                if (cols.stream().noneMatch(x -> x.named(key))) {
                    throw SqlError.analysis("Key column(" + key + ") doesn't exist.");
                }
                throw SqlError.analysis("Key columns must be the first few columns of the schema and the order "
                        + " of the key columns must be consistent with the order of the schema");
            }
            if (c.aggType() != null) {
                throw SqlError.analysis("Key column[" + c.name() + "] should not specify aggregate type.");
            }
            boolean nullable = c.nullable();
            if (keysType == KeysType.PRIMARY) {
                boolean explicit = i < p.nullableGiven.size() && p.nullableGiven.get(i);
                if (explicit && c.nullable()) {
                    throw SqlError.analysis("primary key column[" + c.name() + "] cannot be nullable");
                }
                nullable = false;
                if (!c.type().allowedInPrimaryKey() || c.type().base() == SqlType.CHAR) {
                    throw SqlError.analysis("primary key column[" + c.name() + "] type not supported: "
                            + c.type().errorName());
                }
            } else if (!c.type().allowedInKey()) {
                throw SqlError.analysis("Invalid data type of key column '" + c.name() + "': '"
                        + c.type().errorName() + "'");
            }
            cols.set(i, c.withKey(true, nullable));
            canonicalKeys.add(c.name());
        }
        for (int i = keys.size(); i < cols.size(); i++) {
            ColumnDef c = cols.get(i);
            if (keysType == KeysType.AGGREGATE) {
                if (c.aggType() == null) {
                    throw SqlError.analysis(keysType.errorName()
                            + " table should specify aggregate type for non-key column[" + c.name() + "]");
                }
            } else if (c.aggType() != null && c.aggType() != AggType.REPLACE) {
                throw SqlError.analysis(keysType.errorName()
                        + " table should not specify aggregate type for non-key column[" + c.name() + "]");
            }
        }
        boolean hasReplace = cols.stream()
                .anyMatch(c -> c.aggType() == AggType.REPLACE || c.aggType() == AggType.REPLACE_IF_NOT_NULL);
        // Sort keys (docs/starrocks.md §3.4).
        List<String> orderBy = new ArrayList<>();
        for (String s : p.orderBy) {
            ColumnDef c =
                    find(cols, s).orElseThrow(() -> SqlError.analysis("Unknown column '" + s + "' does not exist"));
            if (keysType == KeysType.PRIMARY && !c.type().allowedInPrimaryKey()) {
                throw SqlError.analysis("sort key column[" + c.name() + "] type not supported: "
                        + c.type().errorName());
            }
            orderBy.add(c.name());
        }
        if (!orderBy.isEmpty() && (keysType == KeysType.AGGREGATE || keysType == KeysType.UNIQUE)) {
            Set<String> a = lower(orderBy);
            if (!a.equals(lower(canonicalKeys))) {
                throw SqlError.analysis(
                        "The sort columns of " + keysType.sql() + " table must be same with key columns");
            }
        }
        // Distribution (docs/starrocks.md §3.6).
        Boolean random = p.random;
        List<String> distCols = new ArrayList<>();
        if (random == null) {
            if (keysType == KeysType.PRIMARY) {
                random = false;
                distCols.addAll(canonicalKeys);
            } else if (keysType == KeysType.DUPLICATE) {
                random = true;
            } else {
                throw SqlError.analysis("Currently not support default distribution in " + keysType.errorName());
            }
        }
        if (random && keysType != KeysType.DUPLICATE && !(keysType == KeysType.AGGREGATE && !hasReplace)) {
            throw SqlError.analysis(
                    keysType.sql() + (hasReplace ? " with replace " : "") + " must use hash distribution");
        }
        for (String d : p.distributionColumns) {
            ColumnDef c =
                    find(cols, d).orElseThrow(() -> SqlError.analysis("Distribution column(" + d + ") doesn't exist."));
            if (!c.key() && keysType != KeysType.DUPLICATE) {
                throw SqlError.analysis("Distribution column[" + c.name() + "] is not key column");
            }
            if (!c.type().allowedInKey()) {
                throw SqlError.analysis(c.type().errorName() + " column can not be distribution column");
            }
            distCols.add(c.name());
        }
        int maxBuckets = engine.fe.integer("max_bucket_number_per_partition");
        if (p.buckets > maxBuckets) {
            throw SqlError.analysis(String.format(
                    "The number of buckets is too large, the maximum is %d. Please reduce the "
                            + "number of buckets or increase frontend config max_bucket_number_per_partition.",
                    maxBuckets));
        }
        // Partitioning (docs/starrocks.md §3.5): columns exist; for PK/UNIQUE/AGG they are key columns.
        List<String> partCols = new ArrayList<>();
        for (String pc : p.partitionColumns) {
            ColumnDef c =
                    find(cols, pc).orElseThrow(() -> SqlError.analysis("Partition column[" + pc + "] does not exist."));
            if (keysType != KeysType.DUPLICATE && !c.key()) {
                throw SqlError.analysis("The partition expr should base on key column.");
            }
            partCols.add(c.name());
        }
        Map<String, String> props = new TreeMap<>(p.properties);
        checkReplication(engine, name, props);
        return new TableDef(
                db,
                name,
                TableDef.Kind.TABLE,
                id,
                cols,
                keysType,
                canonicalKeys,
                p.comment == null ? "" : p.comment,
                p.partitionDesc,
                partCols,
                random,
                distCols,
                p.buckets,
                orderBy,
                props,
                null,
                null,
                engine.clock().millis());
    }

    /** replication_num (property, else FE default_replication_num) against alive backends (docs/starrocks.md §3.8, newer text). */
    static void checkReplication(DuckEngine engine, String table, Map<String, String> props) throws SqlError {
        String given = props.get("replication_num");
        int replicas;
        if (given != null) {
            try {
                replicas = Integer.parseInt(given.trim());
            } catch (NumberFormatException e) {
                throw SqlError.analysis("Invalid replication_num format: " + given);
            }
            if (replicas <= 0) {
                throw SqlError.analysis("Replication num should larger than 0");
            }
        } else {
            replicas = engine.fe.integer("default_replication_num");
        }
        int backends = engine.config.backends();
        if (backends == 0) {
            throw SqlError.of("No alive nodes");
        }
        if (replicas > backends) {
            StringBuilder ids = new StringBuilder();
            for (int i = 0; i < backends; i++) {
                if (i > 0) {
                    ids.append(", ");
                }
                ids.append(DuckEngine.FIRST_BACKEND_ID + i);
            }
            throw SqlError.of("Table replication num should be less than or equal to the number of available BE nodes. "
                    + "You can change this default by setting the replication_num table properties. Current alive backend is ["
                    + ids + "]. , table=" + table + ", default_replication_num="
                    + engine.fe.get("default_replication_num"));
        }
        props.putIfAbsent("replication_num", Integer.toString(replicas));
    }

    static java.util.Optional<ColumnDef> find(List<ColumnDef> cols, String name) {
        return cols.stream().filter(c -> c.named(name)).findFirst();
    }

    private static Set<String> lower(List<String> names) {
        Set<String> out = new HashSet<>();
        for (String n : names) {
            out.add(n.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static int indexSize(ColumnType t) {
        return switch (t.base()) {
            case BOOLEAN, TINYINT -> 1;
            case SMALLINT -> 2;
            case INT, FLOAT -> 4;
            case BIGINT, DOUBLE, DATETIME -> 8;
            case DATE -> 3;
            case LARGEINT, DECIMAL -> 16;
            case CHAR -> t.length();
            case VARCHAR -> 20;
            default -> 8;
        };
    }
}
