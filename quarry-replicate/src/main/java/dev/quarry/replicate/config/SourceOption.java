package dev.quarry.replicate.config;

/**
 * {@code source_options} keys, docs/sling.md §3.1: those Quarry honours, and Sling's others, accepted with a warning
 * (docs/sling.md §7).
 */
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

    DATETIME_FORMAT("datetime_format", "it parses text dates of file sources; PostgreSQL values are read typed"),
    MAX_DECIMALS(
            "max_decimals",
            "Quarry never rounds decimals; choose a narrower type with columns: if you want fewer places"),
    CHUNK_COUNT("chunk_count", "the range is read in one piece; split it with chunk_size (a row count or a duration)"),
    CHUNK_EXPR("chunk_expr", "the range is read in one piece; split it with chunk_size (a row count or a duration)"),
    NULL_IF("null_if", Reasons.FILE_SOURCE),
    HEADER("header", Reasons.FILE_SOURCE),
    DELIMITER("delimiter", Reasons.FILE_SOURCE),
    ESCAPE("escape", Reasons.FILE_SOURCE),
    QUOTE("quote", Reasons.FILE_SOURCE),
    SKIP_LINES("skip_lines", Reasons.FILE_SOURCE),
    SKIP_BLANK_LINES("skip_blank_lines", Reasons.FILE_SOURCE),
    FIELDS_PER_REC("fields_per_rec", Reasons.FILE_SOURCE),
    COMPRESSION("compression", Reasons.FILE_SOURCE),
    FORMAT("format", Reasons.FILE_SOURCE),
    ENCODING("encoding", Reasons.FILE_SOURCE),
    FLATTEN("flatten", Reasons.FILE_SOURCE),
    JMESPATH("jmespath", Reasons.FILE_SOURCE),
    JQ("jq", Reasons.FILE_SOURCE),
    SHEET("sheet", Reasons.FILE_SOURCE),
    COLUMNS("columns", "Sling moved it to the stream; write columns: on the stream"),
    TRANSFORMS("transforms", "Sling moved it to the stream, and its value transforms are not applied (use sql:)");

    private final Declaration declaration;

    SourceOption(String key, ValueType type, Object defaultValue, String description) {
        this.declaration = Declaration.of(key, type, defaultValue, description);
    }

    /** A Sling key accepted with a warning saying why it has no effect (docs/sling.md §7). */
    SourceOption(String key, String ignored) {
        this.declaration = Declaration.ignored(key, ignored);
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }

    /** Reasons shared by several keys (an enum cannot refer to its own static fields in constant arguments). */
    private static final class Reasons {
        static final String FILE_SOURCE = "it configures reading files; Quarry reads database tables";
    }
}
