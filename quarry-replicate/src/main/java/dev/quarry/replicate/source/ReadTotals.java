package dev.quarry.replicate.source;

import java.util.List;

/**
 * What passed through a read: rows, bytes of CSV, the chunks they came in, and warnings about values the source
 * changed on the way (each said once per column, such as MySQL zero dates read as NULL).
 */
public record ReadTotals(long rows, long bytes, int chunks, List<String> warnings) {
    public ReadTotals {
        if (rows < 0 || bytes < 0 || chunks < 0) {
            throw new IllegalArgumentException("read totals cannot be negative");
        }
        warnings = List.copyOf(warnings);
    }

    public ReadTotals(long rows, long bytes, int chunks) {
        this(rows, bytes, chunks, List.of());
    }
}
