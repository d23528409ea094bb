package dev.quarry.replicate.source;

import java.util.concurrent.atomic.LongAdder;

/**
 * Rows and bytes a stream has read from its source so far, for a live progress line: the source adds every row as
 * it passes ({@link Source#read}), and anyone may read the counters from any thread.
 */
public final class ReadProgress {
    private final LongAdder rows = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private volatile long expectedRows = -1;

    /** Counts one row of {@code rowBytes} bytes; called by sources as they read. */
    public void add(long rowBytes) {
        rows.increment();
        bytes.add(rowBytes);
    }

    public long rows() {
        return rows.sum();
    }

    /**
     * How many rows the read is expected to yield, when the source can tell (PostgreSQL's table statistics): an
     * estimate, for an ETA only. Negative when unknown.
     */
    public long expectedRows() {
        return expectedRows;
    }

    /** Sets {@link #expectedRows()}; a source calls it before reading when it has an estimate. */
    public void expect(long rows) {
        this.expectedRows = rows;
    }

    /** Bytes of CSV read (the Stream Load body size). */
    public long bytes() {
        return bytes.sum();
    }
}
