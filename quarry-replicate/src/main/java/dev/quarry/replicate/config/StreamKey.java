package dev.quarry.replicate.config;

import java.util.List;

/** The keys of a stream (and of {@code defaults}), docs/sling.md §1.2; what each does on StarRocks, §7. */
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

    /** Run by the planner's stream (docs/sling.md §1.8); read by {@link Hooks#read}. */
    HOOKS(
            "hooks",
            null,
            null,
            "pre / post hooks: query hooks run on the target, log hooks print; other types and pre_merge / post_merge warn."),

    TRANSFORMS(Declaration.ignored(
            "transforms", "Sling's value transforms are not applied; transform in the source query with sql:")),
    SINGLE(Declaration.ignored(
            "single", "a wildcard always expands to one stream per table, each with its own object")),
    FILES(Declaration.ignored("files", "it lists files of a file source; Quarry reads database tables")),
    CHANGE_CAPTURE_OPTIONS("change_capture_options", "change-capture is not supported"),
    SCHEDULE(Declaration.ignored("schedule", "it is for the Sling Platform's scheduler; Quarry runs when invoked")),
    ID(Declaration.ignored("id", "it names a Sling Platform stream; Quarry names a stream by its key"));

    private final Declaration declaration;

    StreamKey(String key, ValueType type, Object defaultValue, String description) {
        this.declaration = Declaration.of(key, type, defaultValue, description);
    }

    StreamKey(String key, String unsupported) {
        this.declaration = Declaration.unsupported(key, unsupported);
    }

    /** A Sling key accepted with a warning saying why it has no effect (docs/sling.md §7). */
    StreamKey(Declaration declaration) {
        this.declaration = declaration;
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }
}
