package dev.quarry.models.project;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** How a model is materialized (docs/sqlmesh.md §2.3), and what each kind demands of the model. */
public enum ModelKind {
    FULL,
    VIEW,
    INCREMENTAL_BY_TIME_RANGE,
    INCREMENTAL_BY_UNIQUE_KEY,
    INCREMENTAL_UNMANAGED,
    SEED,
    EMBEDDED,
    EXTERNAL;

    /** The options this kind accepts in {@code kind NAME (...)}. */
    Set<String> options() {
        return switch (this) {
            case FULL -> Set.of();
            case VIEW -> Set.of("materialized");
            case INCREMENTAL_BY_TIME_RANGE ->
                Set.of(
                        "time_column",
                        "format",
                        "batch_size",
                        "batch_concurrency",
                        "lookback",
                        "partition_by_time_column",
                        "forward_only",
                        "disable_restatement",
                        "on_destructive_change",
                        "on_additive_change",
                        "auto_restatement_cron",
                        "auto_restatement_intervals");
            case INCREMENTAL_BY_UNIQUE_KEY ->
                Set.of(
                        "unique_key",
                        "when_matched",
                        "merge_filter",
                        "batch_size",
                        "lookback",
                        "forward_only",
                        "disable_restatement",
                        "on_destructive_change",
                        "on_additive_change");
            case INCREMENTAL_UNMANAGED ->
                Set.of(
                        "insert_overwrite",
                        "forward_only",
                        "disable_restatement",
                        "on_destructive_change",
                        "on_additive_change");
            case SEED -> Set.of("path", "batch_size", "csv_settings");
            case EMBEDDED -> Set.of();
            case EXTERNAL -> Set.of();
        };
    }

    static Optional<ModelKind> parse(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(upper)).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    /** Whether the model file carries a query; SEED reads a CSV and EXTERNAL only describes a table. */
    public boolean hasQuery() {
        return this != SEED && this != EXTERNAL;
    }

    /**
     * Whether the kind rewrites existing rows (DELETE of an interval, upsert by key). StarRocks supports both
     * fully only on PRIMARY KEY tables (docs/sqlmesh.md §3.9). Append-only
     * INCREMENTAL_UNMANAGED and kinds that replace the whole table do not.
     */
    public boolean rewritesRows() {
        return this == INCREMENTAL_BY_TIME_RANGE || this == INCREMENTAL_BY_UNIQUE_KEY;
    }

    /** Whether the kind processes time intervals from {@code start} (and so needs a time column). */
    public boolean isTimeRange() {
        return this == INCREMENTAL_BY_TIME_RANGE;
    }

    /** Whether Quarry creates a physical object for the model at all. */
    public boolean isMaterialized() {
        return this != EMBEDDED && this != EXTERNAL;
    }
}
