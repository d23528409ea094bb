package dev.quarry.replicate.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.config.ColumnCasing;
import dev.quarry.replicate.config.Hooks;
import dev.quarry.replicate.config.Mode;
import dev.quarry.replicate.config.OptionValues;
import dev.quarry.replicate.config.ReplicationConfigException;
import dev.quarry.replicate.config.SourceOption;
import dev.quarry.replicate.config.TargetOption;
import dev.quarry.replicate.source.KeyRange;
import dev.quarry.replicate.source.MappedColumn;
import dev.quarry.replicate.source.ReadSpec;
import dev.quarry.replicate.source.SourceRead;
import dev.quarry.replicate.source.SourceTable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stream ready to run: defaults merged, wildcard expanded, variables rendered. {@code sql} keeps the runtime
 * placeholders {@code {incremental_where_cond}} / {@code {incremental_value}} for the reader to fill. {@code hooks}
 * holds its {@code pre}/{@code post} hooks with their queries rendered (docs/sling.md §1.8).
 */
public record StreamPlan(
        String name,
        String definedAt,
        Optional<SourceTable> sourceTable,
        TargetTable object,
        Mode mode,
        List<String> primaryKey,
        Optional<String> updateKey,
        Optional<String> sql,
        Selection select,
        Optional<String> where,
        Map<String, String> columns,
        OptionValues<SourceOption> sourceOptions,
        OptionValues<TargetOption> targetOptions,
        String description,
        Hooks hooks) {
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
        requireNonNull(hooks, "hooks is null");
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
        String missing = newMode.missingKeys(
                !primaryKey.isEmpty(), updateKey.isPresent(), sourceOptions.isSet(SourceOption.RANGE));
        if (missing != null) {
            throw new ReplicationConfigException(
                    "--mode " + newMode + ": stream " + name + " (" + definedAt + "): " + missing);
        }
        return new StreamPlan(
                name,
                definedAt,
                sourceTable,
                object,
                newMode,
                primaryKey,
                updateKey,
                sql,
                select,
                where,
                columns,
                sourceOptions,
                targetOptions,
                description,
                hooks);
    }

    /** {@code column_casing} of this stream (docs/sling.md §3.2). */
    public String columnCasing() {
        return targetOptions.string(TargetOption.COLUMN_CASING);
    }

    /** {@code read} with its columns named as {@code column_casing} says; the data is positional, so only names change. */
    public SourceRead cased(SourceRead read) {
        String casing = columnCasing();
        List<MappedColumn> columns = read.columns().stream()
                .map(c -> new MappedColumn(ColumnCasing.apply(casing, c.name()), c.type(), c.nullable()))
                .toList();
        java.util.Map<String, String> seen = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < columns.size(); i++) {
            String before = seen.putIfAbsent(
                    columns.get(i).name(), read.columns().get(i).name());
            if (before != null) {
                // StarRocks column names ignore case, so two source columns may not end up with one name.
                throw new ReplicationConfigException("stream " + name + ": column_casing " + casing + " names both "
                        + before + " and " + read.columns().get(i).name() + " '"
                        + columns.get(i).name()
                        + "'; choose another casing or leave one out with select");
            }
        }
        return new SourceRead(read.stream(), columns, ColumnCasing.apply(casing, read.primaryKey()), read.statement());
    }

    /** The target's database: StarRocks tables always live in one, and it is not created on load. */
    public String targetDatabase() {
        return object.database()
                .orElseThrow(() -> new ReplicationConfigException(
                        "stream " + name + ": object " + object + " needs a database (db.table)"));
    }

    /**
     * What one read of this stream asks of its source. {@code checkpoint} is the target's MAX(update_key) as StarRocks
     * prints it (empty on a first run); only an incremental stream with an update_key reads past it. A backfill reads
     * {@code piece} of its range, or the whole range. A snapshot adds the column {@link ReadSpec#LOADED_AT} holding
     * {@code loadedAt}.
     */
    public ReadSpec readSpec(Optional<String> checkpoint, Optional<KeyRange> piece, Instant loadedAt) {
        boolean inclusive = sourceOptions.bool(SourceOption.INCREMENTAL_GTE);
        Optional<ReadSpec.Checkpoint> after = mode.readsFromCheckpoint() && updateKey.isPresent()
                ? checkpoint.map(value -> new ReadSpec.Checkpoint(value, inclusive))
                : Optional.empty();
        Optional<KeyRange> range = Optional.empty();
        if (mode == Mode.BACKFILL) {
            String[] bounds = sourceOptions.string(SourceOption.RANGE).split(",", -1);
            range = Optional.of(piece.orElse(new KeyRange(bounds[0].trim(), bounds[1].trim(), true)));
        }
        Optional<Long> limit = Optional.ofNullable(sourceOptions.integer(SourceOption.LIMIT));
        Optional<Long> offset =
                limit.isPresent() ? Optional.ofNullable(sourceOptions.integer(SourceOption.OFFSET)) : Optional.empty();
        ZoneId zone = ZoneId.of(targetOptions.string(TargetOption.TIMEZONE));
        Optional<Instant> snapshotAt = mode == Mode.SNAPSHOT ? Optional.of(loadedAt) : Optional.empty();
        return new ReadSpec(
                name,
                sourceTable,
                sql,
                columns -> select.apply(columns, name),
                this.columns,
                updateKey,
                primaryKey,
                after,
                range,
                where,
                limit,
                offset,
                sourceOptions.bool(SourceOption.EMPTY_AS_NULL),
                zone,
                snapshotAt);
    }
}
