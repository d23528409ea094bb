package dev.quarry.replicate.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** {@code target_options} keys: Sling's (docs/sling.md §3.2) plus Quarry's StarRocks table settings. */
public enum TargetOption implements Option {
    TABLE_KEYS(
            "table_keys",
            ValueType.NAME_LIST_MAP,
            null,
            "Key columns by kind: primary, duplicate, unique, aggregate, hash (distribution), sort (ORDER BY).") {
        @Override
        public String check(Object value) {
            for (String kind :
                    ((Map<?, ?>) value).keySet().stream().map(String::valueOf).toList()) {
                if (!KEY_KINDS.contains(kind)) {
                    String close = ConfigErrors.closest(kind, KEY_KINDS);
                    return "unknown table_keys kind '" + kind + "'"
                            + (close == null
                                    ? " (known: " + String.join(", ", KEY_KINDS) + ")"
                                    : "; did you mean '" + close + "'?");
                }
            }
            return null;
        }
    },
    TABLE_DDL(
            "table_ddl",
            ValueType.SQL,
            null,
            "Full CREATE TABLE for the target (inline or file://); must name the object."),
    PRE_SQL("pre_sql", ValueType.SQL, null, "SQL run on the target before the load (';'-separated)."),
    POST_SQL("post_sql", ValueType.SQL, null, "SQL run on the target after the load (';'-separated)."),
    ADD_NEW_COLUMNS(
            "add_new_columns",
            ValueType.BOOLEAN,
            true,
            "Add source columns missing on the target (ALTER TABLE ADD COLUMN)."),
    COLUMN_CASING(
            "column_casing",
            ValueType.STRING,
            "normalize",
            "normalize or source: target columns keep the source names (PostgreSQL folds unquoted names to lower case).") {
        @Override
        public String check(Object value) {
            if (value.equals("normalize") || value.equals("source")) {
                return null;
            }
            return CASINGS.contains(value)
                    ? "column_casing '" + value + "' is not supported yet; use normalize or source"
                    : "column_casing must be one of " + String.join(", ", CASINGS) + ", got '" + value + "'";
        }
    },
    MAX_FILTER_RATIO(
            "max_filter_ratio",
            ValueType.NUMBER,
            0.0,
            "Share of rows Stream Load may reject (0..1); 0 fails on any rejected row.") {
        @Override
        public String check(Object value) {
            double v = (Double) value;
            return v >= 0 && v <= 1 ? null : "max_filter_ratio must be between 0 and 1, got " + value;
        }
    },
    /**
     * Quarry defaults to true, unlike StarRocks (docs/starrocks.md §1.2: default false): without it a value that
     * fails conversion is loaded as NULL instead of failing the load.
     */
    STRICT_MODE(
            "strict_mode",
            ValueType.BOOLEAN,
            true,
            "Stream Load strict_mode: a value that does not convert fails the load."),
    USE_BULK(
            "use_bulk", ValueType.BOOLEAN, true, "Accepted for Sling files; Quarry always loads through Stream Load.") {
        @Override
        public String check(Object value) {
            return Boolean.TRUE.equals(value)
                    ? null
                    : "use_bulk: false is not supported; Quarry always loads through Stream Load";
        }
    },
    PARTITION_BY(
            "partition_by", ValueType.STRING, null, "PARTITION BY expression, e.g. date_trunc('month', created_at)."),
    DISTRIBUTED_BY(
            "distributed_by", ValueType.NAME_LIST, null, "Hash distribution columns (default: the key columns)."),
    BUCKETS("buckets", ValueType.INTEGER, null, "Bucket count (default: StarRocks chooses).") {
        @Override
        public String check(Object value) {
            return (Long) value >= 1 ? null : "buckets must be at least 1";
        }
    },
    ORDER_BY("order_by", ValueType.NAME_LIST, null, "Sort key columns (ORDER BY)."),
    REPLICATION_NUM(
            "replication_num", ValueType.INTEGER, null, "Replicas per tablet (default: min(3, alive backends)).") {
        @Override
        public String check(Object value) {
            return (Long) value >= 1 ? null : "replication_num must be at least 1";
        }
    },
    PROPERTIES("properties", ValueType.STRING_MAP, Map.of(), "Extra table PROPERTIES."),
    TIMEZONE(
            "timezone",
            ValueType.STRING,
            "UTC",
            "Zone timestamptz values are converted to before they land in DATETIME columns.") {
        @Override
        public String check(Object value) {
            try {
                ZoneId.of((String) value);
                return null;
            } catch (DateTimeException e) {
                return "timezone '" + value + "' is not a zone id (use e.g. UTC or Europe/Berlin)";
            }
        }
    },
    FILE_MAX_ROWS("file_max_rows", ValueType.INTEGER, 1_000_000L, "Rows per Stream Load request (a chunk).") {
        @Override
        public String check(Object value) {
            return (Long) value >= 1 ? null : "file_max_rows must be at least 1";
        }
    },
    FILE_MAX_BYTES(
            "file_max_bytes",
            ValueType.INTEGER,
            32L << 20,
            "Bytes per Stream Load request (a chunk ends at whichever limit comes first); a chunk is held in memory for retries.") {
        @Override
        public String check(Object value) {
            return (Long) value >= 1024 ? null : "file_max_bytes must be at least 1024";
        }
    },

    DIRECT_INSERT(
            "direct_insert",
            "direct_insert is not supported: full-refresh always loads a staging table and swaps it in"),
    ADJUST_COLUMN_TYPE("adjust_column_type", "adjust_column_type is not supported; Quarry maps types exactly"),
    COLUMN_TYPING("column_typing", "column_typing is not supported; use columns: to override a type"),
    TABLE_TMP("table_tmp", "table_tmp is not supported: staging names are generated collision-safe"),
    MERGE_STRATEGY(
            "merge_strategy",
            "merge_strategy is not supported: incremental with a primary key upserts, without one appends"),
    DELETE_MISSING("delete_missing", "delete_missing is not supported"),
    IGNORE_EXISTING("ignore_existing", "ignore_existing is not supported"),
    BATCH_LIMIT("batch_limit", "batch_limit is not supported; use file_max_rows / file_max_bytes");

    static final List<String> KEY_KINDS = List.of("primary", "duplicate", "unique", "aggregate", "hash", "sort");
    static final List<String> CASINGS = List.of("normalize", "source", "target", "snake", "upper", "lower");

    private final Declaration declaration;

    TargetOption(String key, ValueType type, Object defaultValue, String description) {
        this.declaration = Declaration.of(key, type, defaultValue, description);
    }

    TargetOption(String key, String unsupported) {
        this.declaration = Declaration.unsupported(key, unsupported);
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }
}
