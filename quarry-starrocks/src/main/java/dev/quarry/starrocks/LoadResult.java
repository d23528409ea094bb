package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of a Stream Load that did not fail.
 *
 * @param label the load label
 * @param outcome what happened
 * @param txnId transaction id, when the server reported one
 * @param counts row and byte counts; empty when the label had already been loaded by an earlier attempt
 * @param message the server's message
 */
public record LoadResult(String label, Outcome outcome, OptionalLong txnId, Optional<Counts> counts, String message) {

    public LoadResult {
        requireNonNull(label, "label is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(txnId, "txnId is null");
        requireNonNull(counts, "counts is null");
        requireNonNull(message, "message is null");
    }

    /** How a load ended. */
    public enum Outcome {
        /** Loaded and visible. */
        LOADED,
        /** Committed but not yet visible ("Publish Timeout"); it becomes visible without a retry (docs/starrocks.md §1.4). */
        COMMITTED,
        /** An earlier load with this label already committed ("Label Already Exists" + FINISHED): nothing was loaded twice. */
        ALREADY_LOADED
    }

    /**
     * Counters of a load, as StarRocks reports them.
     *
     * @param totalRows rows read from the body
     * @param loadedRows rows written
     * @param filteredRows rows rejected as bad data
     * @param unselectedRows rows removed by a {@code where} filter
     * @param loadBytes body bytes
     * @param loadTimeMs server-side load time
     */
    public record Counts(
            long totalRows, long loadedRows, long filteredRows, long unselectedRows, long loadBytes, long loadTimeMs) {}
}
