package dev.quarry.models.project;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A model kind with its options.
 *
 * @param kind the kind
 * @param timeColumn INCREMENTAL_BY_TIME_RANGE's time column
 * @param timeColumnFormat its format, when the column holds text ({@code time_column (ds, '%Y-%m-%d')})
 * @param batchSize intervals (or, for SEED, rows) per batch
 * @param lookback extra interval units processed before the missing ones
 * @param uniqueKey INCREMENTAL_BY_UNIQUE_KEY's key columns
 * @param materialized VIEW only: a StarRocks asynchronous materialized view
 * @param seedPath SEED only: the CSV path as written, relative to the model file
 * @param csvSettings SEED only: delimiter, quotechar, ...
 * @param insertOverwrite INCREMENTAL_UNMANAGED only
 * @param otherOptions the remaining options SQLMesh accepts (forward_only, on_destructive_change, ...), as written
 */
public record Kind(
        ModelKind kind,
        Optional<String> timeColumn,
        Optional<String> timeColumnFormat,
        OptionalInt batchSize,
        int lookback,
        List<String> uniqueKey,
        boolean materialized,
        Optional<String> seedPath,
        Map<String, String> csvSettings,
        boolean insertOverwrite,
        Map<String, String> otherOptions) {

    public Kind {
        requireNonNull(kind, "kind is null");
        requireNonNull(timeColumn, "timeColumn is null");
        requireNonNull(timeColumnFormat, "timeColumnFormat is null");
        requireNonNull(batchSize, "batchSize is null");
        requireNonNull(seedPath, "seedPath is null");
        uniqueKey = List.copyOf(uniqueKey);
        csvSettings = Collections.unmodifiableMap(new LinkedHashMap<>(csvSettings));
        otherOptions = Collections.unmodifiableMap(new LinkedHashMap<>(otherOptions));
        if (kind.isTimeRange() != timeColumn.isPresent()) {
            throw new IllegalArgumentException(
                    "a time column belongs to INCREMENTAL_BY_TIME_RANGE and that kind needs one");
        }
        if ((kind == ModelKind.INCREMENTAL_BY_UNIQUE_KEY) == uniqueKey.isEmpty()) {
            throw new IllegalArgumentException(
                    "a unique key belongs to INCREMENTAL_BY_UNIQUE_KEY and that kind needs one");
        }
        if ((kind == ModelKind.SEED) != seedPath.isPresent()) {
            throw new IllegalArgumentException("a path belongs to SEED and that kind needs one");
        }
        if (materialized && kind != ModelKind.VIEW) {
            throw new IllegalArgumentException("only a VIEW can be materialized");
        }
        if (lookback < 0) {
            throw new IllegalArgumentException("lookback must not be negative");
        }
        if (batchSize.isPresent() && batchSize.getAsInt() < 1) {
            throw new IllegalArgumentException("batch_size must be positive");
        }
    }

    /** A kind without options. */
    public static Kind of(ModelKind kind) {
        return new Kind(
                kind,
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                0,
                List.of(),
                false,
                Optional.empty(),
                Map.of(),
                false,
                Map.of());
    }

    /** Whether this is a StarRocks materialized view. */
    public boolean isMaterializedView() {
        return kind == ModelKind.VIEW && materialized;
    }

    /** Whether Quarry keeps this model in a table (not a view, not embedded). */
    public boolean isTable() {
        return kind.isMaterialized() && kind != ModelKind.VIEW;
    }
}
