package dev.quarry.replicate.config;

import java.util.List;

/** The keys of a stream (and of {@code defaults}), docs/sling.md §1.2. */
public enum StreamKey implements Option {
    OBJECT(
            "object",
            ValueType.STRING,
            null,
            "Target table as db.table; may use runtime variables such as {stream_table}."),
    MODE(
            "mode",
            ValueType.STRING,
            null,
            "full-refresh, incremental, truncate, snapshot or backfill; inferred when absent (incremental with a key, else full-refresh).") {
        @Override
        public String check(Object value) {
            return Mode.parse((String) value) == null ? Mode.unknownMessage((String) value) : null;
        }
    },
    PRIMARY_KEY(
            "primary_key",
            ValueType.NAME_LIST,
            null,
            "Key columns: a name, a list, or \"a,b\"; makes the target a PRIMARY KEY table."),
    UPDATE_KEY(
            "update_key", ValueType.STRING, null, "Column whose maximum on the target is the incremental checkpoint."),
    SQL(
            "sql",
            ValueType.SQL,
            null,
            "Custom source query, inline or file://path.sql; incremental with update_key needs {incremental_where_cond} or {incremental_value}."),
    SELECT(
            "select",
            ValueType.NAME_LIST,
            null,
            "Columns to read; -col excludes a column (globs allowed); mixing both needs '*'."),
    WHERE("where", ValueType.STRING, null, "Extra filter added to the source query."),
    COLUMNS(
            "columns",
            ValueType.STRING_MAP,
            null,
            "Target type overrides per column (StarRocks or Sling type names, optional 'not_null'); '*' applies to all; '+col' merges with defaults."),
    DISABLED(
            "disabled",
            ValueType.BOOLEAN,
            false,
            "Skip the stream; on a table a wildcard matched, removes it from the expansion."),
    SOURCE_OPTIONS("source_options", null, null, "Source read options (see source options)."),
    TARGET_OPTIONS("target_options", null, null, "Target table and load options (see target options)."),
    DESCRIPTION("description", ValueType.STRING, null, "Free text, shown in --dry-run."),
    TAGS("tags", ValueType.NAME_LIST, List.of(), "Free labels, shown in --dry-run."),

    TRANSFORMS("transforms", "Sling transforms are not supported; use sql: to transform in the source query"),
    HOOKS("hooks", "hooks are not supported; use target_options.pre_sql / post_sql"),
    SINGLE("single", "single is not supported: a wildcard always expands to one stream per table"),
    FILES("files", "file sources are not supported"),
    CHANGE_CAPTURE_OPTIONS("change_capture_options", "change-capture is not supported"),
    SCHEDULE("schedule", "schedule is a Sling Platform key; Quarry runs when invoked");

    private final Declaration declaration;

    StreamKey(String key, ValueType type, Object defaultValue, String description) {
        this.declaration = Declaration.of(key, type, defaultValue, description);
    }

    StreamKey(String key, String unsupported) {
        this.declaration = Declaration.unsupported(key, unsupported);
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }
}
