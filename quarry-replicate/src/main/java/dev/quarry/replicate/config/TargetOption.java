package dev.quarry.replicate.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * {@code target_options} keys: Sling's (docs/sling.md §3.2) plus Quarry's StarRocks table settings; Sling's keys that
 * have no effect on StarRocks are accepted with a warning (docs/sling.md §7).
 */
public enum TargetOption implements Option {
    TABLE_KEYS(
            "table_keys",
            ValueType.NAME_LIST_MAP,
            null,
            "Key columns by kind: primary, duplicate, unique, aggregate (the StarRocks table type), hash (distribution), sort (ORDER BY), partition (PARTITION BY columns); cluster, index and update warn.") {
        @Override
        public String check(Object value) {
            for (String kind :
                    ((Map<?, ?>) value).keySet().stream().map(String::valueOf).toList()) {
                if (!KEY_KINDS.contains(kind) && !NO_EFFECT_KEY_KINDS.contains(kind)) {
                    List<String> all = new java.util.ArrayList<>(KEY_KINDS);
                    all.addAll(NO_EFFECT_KEY_KINDS);
                    String close = ConfigErrors.closest(kind, all);
                    return "unknown table_keys kind '" + kind + "'"
                            + (close == null
                                    ? " (known: " + String.join(", ", all) + ")"
                                    : "; did you mean '" + close + "'?");
                }
            }
            return null;
        }

        @Override
        public String noEffect(Object value) {
            List<String> kinds = ((Map<?, ?>) value)
                    .keySet().stream()
                            .map(String::valueOf)
                            .filter(NO_EFFECT_KEY_KINDS::contains)
                            .toList();
            return kinds.isEmpty()
                    ? null
                    : "table_keys " + String.join(", ", kinds)
                            + " has no effect on StarRocks: its tables have no clustering, secondary index or update"
                            + " keys (use primary, duplicate, unique, aggregate, hash, sort or partition)";
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
            "Target column names: normalize (all-upper names become lower case), source (as read), target or lower, upper, snake (camelCase to snake_case).") {
        @Override
        public String check(Object value) {
            return CASINGS.contains(value)
                    ? null
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
    USE_BULK("use_bulk", ValueType.BOOLEAN, true, "Quarry always loads through Stream Load; false warns.") {
        @Override
        public String noEffect(Object value) {
            return Boolean.TRUE.equals(value)
                    ? null
                    : "use_bulk: false has no effect on StarRocks: Quarry always loads through Stream Load"
                            + " (row-by-row INSERT is what Sling falls back to without fe_url)";
        }
    },
    ADJUST_COLUMN_TYPE(
            "adjust_column_type",
            ValueType.BOOLEAN,
            false,
            "Before an incremental load, widen target columns the source outgrew (VARCHAR length, integer size, DECIMAL digits, FLOAT to DOUBLE)."),
    IGNORE_EXISTING(
            "ignore_existing", ValueType.BOOLEAN, false, "Skip the stream when its target table already exists."),
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
            "full-refresh always loads a staging table and swaps it in atomically, and incremental loads go straight"
                    + " into the target in one transaction"),
    COLUMN_TYPING("column_typing", "Quarry maps types exactly instead of sizing them; use columns: to choose a type"),
    TABLE_TMP("table_tmp", "staging tables get generated collision-safe names"),
    MERGE_STRATEGY(
            "merge_strategy",
            "with a primary key every load upserts (a StarRocks PRIMARY KEY table replaces the row with the same"
                    + " key, as Sling's default 'insert' does there); without one rows are appended"),
    DELETE_MISSING(
            "delete_missing", "rows deleted in the source stay in the target; Quarry does not compare key sets yet"),
    BATCH_LIMIT(
            "batch_limit",
            "StarRocks commits whole Stream Load requests; size them with file_max_rows / file_max_bytes"),
    BATCH_MAX_DURATION(
            "batch_max_duration",
            "StarRocks commits whole Stream Load requests; size them with file_max_rows / file_max_bytes"),
    ISOLATION_LEVEL(
            "isolation_level", "each Stream Load commits atomically; StarRocks has no isolation levels to choose"),
    DATETIME_FORMAT("datetime_format", Reasons.FILE_TARGET),
    MAX_DECIMALS("max_decimals", Reasons.FILE_TARGET),
    FORMAT("format", Reasons.FILE_TARGET),
    COMPRESSION("compression", Reasons.FILE_TARGET),
    HEADER("header", Reasons.FILE_TARGET),
    DELIMITER("delimiter", Reasons.FILE_TARGET),
    CONCURRENCY("concurrency", Reasons.FILE_TARGET),
    ENCODING("encoding", Reasons.FILE_TARGET);

    static final List<String> KEY_KINDS =
            List.of("primary", "duplicate", "unique", "aggregate", "hash", "sort", "partition");
    /** Sling's other key kinds (docs/sling.md §3.2): accepted, with a warning. */
    static final List<String> NO_EFFECT_KEY_KINDS = List.of("cluster", "index", "update");

    static final List<String> CASINGS = List.of("normalize", "source", "target", "snake", "upper", "lower");

    private final Declaration declaration;

    TargetOption(String key, ValueType type, Object defaultValue, String description) {
        this.declaration = Declaration.of(key, type, defaultValue, description);
    }

    /** A Sling key accepted with a warning saying why it has no effect (docs/sling.md §7). */
    TargetOption(String key, String ignored) {
        this.declaration = Declaration.ignored(key, ignored);
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }

    /** Reasons shared by several keys. */
    private static final class Reasons {
        static final String FILE_TARGET =
                "it formats files Sling writes; Quarry loads StarRocks tables by Stream Load with its own CSV framing";
    }
}
