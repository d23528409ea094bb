package dev.quarry.replicate;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stream ready to run: defaults merged, wildcard expanded, variables rendered. {@code sql} keeps the runtime
 * placeholders {@code {incremental_where_cond}} / {@code {incremental_value}} for the reader to fill.
 */
public record StreamPlan(String name, String definedAt, Optional<SourceTable> sourceTable, TargetTable object, Mode mode,
                         List<String> primaryKey, Optional<String> updateKey, Optional<String> sql, Selection select,
                         Optional<String> where, Map<String, String> columns, OptionValues<SourceOption> sourceOptions,
                         OptionValues<TargetOption> targetOptions, String description) {
    public StreamPlan {
        requireNonNull(name, "name is null");
        requireNonNull(definedAt, "definedAt is null");
        requireNonNull(sourceTable, "sourceTable is null");
        requireNonNull(object, "object is null");
        requireNonNull(mode, "mode is null");
        primaryKey = List.copyOf(primaryKey);
        requireNonNull(updateKey, "updateKey is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(select, "select is null");
        requireNonNull(where, "where is null");
        columns = Map.copyOf(columns);
        requireNonNull(sourceOptions, "sourceOptions is null");
        requireNonNull(targetOptions, "targetOptions is null");
        if (sourceTable.isEmpty() && sql.isEmpty()) {
            throw new IllegalArgumentException("a stream reads a table or runs sql");
        }
    }

    /**
     * This stream in another mode (the command line's {@code --mode}), checked by the same key rules as a mode written in
     * the file.
     *
     * @throws ReplicationConfigException when the stream lacks the keys {@code newMode} needs
     */
    public StreamPlan withMode(Mode newMode) {
        requireNonNull(newMode, "newMode is null");
        String missing = newMode.missingKeys(!primaryKey.isEmpty(), updateKey.isPresent(), sourceOptions.isSet(SourceOption.RANGE));
        if (missing != null) {
            throw new ReplicationConfigException("--mode " + newMode + ": stream " + name + " (" + definedAt + "): " + missing);
        }
        return new StreamPlan(name, definedAt, sourceTable, object, newMode, primaryKey, updateKey, sql, select, where, columns,
                sourceOptions, targetOptions, description);
    }

    /** The target's database: StarRocks tables always live in one, and it is not created on load. */
    String targetDatabase() {
        return object.database().orElseThrow(() -> new ReplicationConfigException(
                "stream " + name + ": object " + object + " needs a database (db.table)"));
    }
}
