package dev.quarry.sandbox.engine;

import java.util.List;

/**
 * Row counts of one append (or totals over a transaction), as Stream Load reports them.
 *
 * @param rejected filtered rows with their reasons, for the ErrorURL (may be capped)
 */
public record AppendResult(
        long totalRows,
        long loadedRows,
        long filteredRows,
        long unselectedRows,
        long loadBytes,
        List<RejectedRow> rejected) {
    public AppendResult {
        rejected = List.copyOf(rejected);
    }

    public static final AppendResult EMPTY = new AppendResult(0, 0, 0, 0, 0, List.of());

    /** A row the load filtered out, with StarRocks' reason text. */
    public record RejectedRow(String row, String reason) {}
}
