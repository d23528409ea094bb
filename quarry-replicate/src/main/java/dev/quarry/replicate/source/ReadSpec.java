package dev.quarry.replicate.source;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.config.ConfigErrors;
import dev.quarry.replicate.config.ReplicationConfigException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What one read of a stream asks of a source, in terms every source understands (a stream plan turns into one per
 * read). The checks shared by all sources ({@link #chooseColumns}, {@link #checkKeys}) live here so that each source
 * reports a stream's mistakes with the same words.
 *
 * @param stream names the stream in messages
 * @param table the table or view to read, or empty for {@code sql}
 * @param sql a custom query, with the placeholders {@code {incremental_where_cond}}, {@code {incremental_value}} and
 *     {@code {update_key}} left for the source to fill
 * @param select chooses a table's columns from the names it has, in the order to read them (the stream's
 *     {@code select:}); a custom query's columns are all read
 * @param columnTypes {@code columns:} type overrides by column name ({@code *} for all)
 * @param updateKey the column incremental reads continue from
 * @param primaryKey the stream's primary key; empty means the table's own
 * @param checkpoint an incremental read: only rows past this update_key value
 * @param range a backfill read (or one piece of it): only rows in this update_key range
 * @param where an extra filter, in the source's SQL
 * @param limit at most this many rows (the oldest first when there is an update_key)
 * @param offset rows skipped before the limit
 * @param emptyAsNull read empty strings as NULL
 * @param zone the target zone: timestamptz values become wall time in it, and their checkpoints are read back through it
 * @param snapshotAt a snapshot read adds the column {@link #LOADED_AT} holding this instant (wall time in {@code zone})
 */
public record ReadSpec(
        String stream,
        Optional<SourceTable> table,
        Optional<String> sql,
        UnaryOperator<List<String>> select,
        Map<String, String> columnTypes,
        Optional<String> updateKey,
        List<String> primaryKey,
        Optional<Checkpoint> checkpoint,
        Optional<KeyRange> range,
        Optional<String> where,
        Optional<Long> limit,
        Optional<Long> offset,
        boolean emptyAsNull,
        ZoneId zone,
        Optional<Instant> snapshotAt) {
    /** Sling's name for the column snapshot mode adds (docs/sling.md §2.4). */
    public static final String LOADED_AT = "_sling_loaded_at";

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    public ReadSpec {
        requireNonNull(stream, "stream is null");
        requireNonNull(table, "table is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(select, "select is null");
        columnTypes = Map.copyOf(columnTypes);
        requireNonNull(updateKey, "updateKey is null");
        primaryKey = List.copyOf(primaryKey);
        requireNonNull(checkpoint, "checkpoint is null");
        requireNonNull(range, "range is null");
        requireNonNull(where, "where is null");
        requireNonNull(limit, "limit is null");
        requireNonNull(offset, "offset is null");
        requireNonNull(zone, "zone is null");
        requireNonNull(snapshotAt, "snapshotAt is null");
        if (table.isPresent() == sql.isPresent()) {
            throw new IllegalArgumentException("a read reads a table or runs sql");
        }
        if ((checkpoint.isPresent() || range.isPresent()) && updateKey.isEmpty()) {
            throw new IllegalArgumentException("a checkpoint or a range needs an update_key");
        }
    }

    /** The rows past {@code value} of the update_key ({@code >}), or from it on ({@code >=}) when {@code inclusive}. */
    public record Checkpoint(String value, boolean inclusive) {
        public Checkpoint {
            requireNonNull(value, "value is null");
        }
    }

    /**
     * The columns to read of a source whose table or query has {@code available} columns: all of a query's, else the
     * stream's choice; checks that every {@code columns:} override names one of them.
     */
    public List<String> chooseColumns(List<String> available) {
        List<String> chosen = sql.isPresent() ? available : select.apply(available);
        for (String name : columnTypes.keySet()) {
            if (!name.equals("*") && !available.contains(name)) {
                throw new ReplicationConfigException(
                        "stream " + stream + ": columns: names '" + name + "', which the source does not have");
            }
        }
        return chosen;
    }

    /** The {@code columns:} override of {@code column}, or of {@code *}. */
    public Optional<String> columnType(String column) {
        return Optional.ofNullable(columnTypes.getOrDefault(column, columnTypes.get("*")));
    }

    /**
     * Checks the keys and the snapshot column against the source's columns: update_key and primary_key name columns it
     * has, and a snapshot does not clash with one it has.
     */
    public void checkKeys(List<String> available) {
        if (snapshotAt.isPresent() && available.contains(LOADED_AT)) {
            throw new ReplicationConfigException(
                    "stream " + stream + ": snapshot adds column " + LOADED_AT + ", which the source already has");
        }
        updateKey.ifPresent(key -> {
            if (!available.contains(key)) {
                throw new ReplicationConfigException("stream " + stream + ": update_key '" + key
                        + "' is not a column of the source" + suggestion(key, available));
            }
        });
        for (String key : primaryKey) {
            if (!available.contains(key)) {
                throw new ReplicationConfigException("stream " + stream + ": primary_key column '" + key
                        + "' is not a column of the source" + suggestion(key, available));
            }
        }
    }

    /** The snapshot column's value, {@code yyyy-MM-dd HH:mm:ss.ffffff} wall time in {@link #zone()}. */
    public Optional<String> snapshotValue() {
        return snapshotAt.map(at -> DATETIME.format(at.atZone(zone).toLocalDateTime()));
    }

    private static String suggestion(String name, List<String> names) {
        String close = ConfigErrors.closest(name, names);
        return close == null ? "" : "; did you mean '" + close + "'?";
    }
}
