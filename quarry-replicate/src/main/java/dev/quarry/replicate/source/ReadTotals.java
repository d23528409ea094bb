package dev.quarry.replicate.source;

/** What passed through a read: rows, bytes of CSV, and the chunks they came in. */
public record ReadTotals(long rows, long bytes, int chunks) {
    public ReadTotals {
        if (rows < 0 || bytes < 0 || chunks < 0) {
            throw new IllegalArgumentException("read totals cannot be negative");
        }
    }
}
