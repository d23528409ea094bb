package dev.quarry.replicate.config;

/** {@code source_options} keys, docs/sling.md §3.1 (the database subset Quarry implements). */
public enum SourceOption implements Option {
    RANGE("range", ValueType.STRING, null, "\"start,end\" on the update_key, for backfill (both ends inclusive).") {
        @Override
        public String check(Object value) {
            String[] parts = ((String) value).split(",", -1);
            return parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()
                    ? null
                    : "range must be \"start,end\", got '" + value + "'";
        }
    },
    CHUNK_SIZE(
            "chunk_size",
            ValueType.STRING,
            null,
            "Split the range into pieces: a row count of the update_key (200) or a duration (12h, 7d).") {
        @Override
        public String check(Object value) {
            return ((String) value).trim().matches("[1-9][0-9]*[smhdw]?")
                    ? null
                    : "chunk_size must be a number or a duration like 12h or 7d, got '" + value + "'";
        }
    },
    LIMIT("limit", ValueType.INTEGER, null, "Read at most this many rows (ordered by update_key when there is one).") {
        @Override
        public String check(Object value) {
            return (Long) value >= 0 ? null : "limit must not be negative";
        }
    },
    OFFSET("offset", ValueType.INTEGER, null, "Skip this many rows (with limit).") {
        @Override
        public String check(Object value) {
            return (Long) value >= 0 ? null : "offset must not be negative";
        }
    },
    EMPTY_AS_NULL("empty_as_null", ValueType.BOOLEAN, false, "Read empty strings as NULL."),
    /** Quarry addition: Sling's strict '>' misses rows that share the checkpoint value (docs/sling.md §2.3). */
    INCREMENTAL_GTE(
            "incremental_gte",
            ValueType.BOOLEAN,
            false,
            "Read update_key >= checkpoint instead of >; safe with a primary key (re-read rows upsert)."),

    DATETIME_FORMAT("datetime_format", "datetime_format is for file sources; PostgreSQL values are read typed"),
    MAX_DECIMALS(
            "max_decimals", "max_decimals would round values; Quarry never rounds (use columns: to choose a type)"),
    CHUNK_COUNT("chunk_count", "chunk_count is not supported yet; use chunk_size"),
    CHUNK_EXPR("chunk_expr", "chunk_expr is not supported; use chunk_size");

    private final Declaration declaration;

    SourceOption(String key, ValueType type, Object defaultValue, String description) {
        this.declaration = Declaration.of(key, type, defaultValue, description);
    }

    SourceOption(String key, String unsupported) {
        this.declaration = Declaration.unsupported(key, unsupported);
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }
}
