package dev.quarry.replicate.source;

import java.util.concurrent.atomic.LongAdder;

/**
 * Rows and bytes a stream has read from its source so far, for a live progress line: the source adds every row as
 * it passes ({@link Source#read}), and anyone may read the counters from any thread.
 */
public final class ReadProgress {
    private final LongAdder rows = new LongAdder();
    private final LongAdder bytes = new LongAdder();

    /** Counts one row of {@code rowBytes} bytes; called by sources as they read. */
    public void add(long rowBytes) {
        rows.increment();
        bytes.add(rowBytes);
    }

    public long rows() {
        return rows.sum();
    }

    /** Bytes of CSV read (the Stream Load body size). */
    public long bytes() {
        return bytes.sum();
    }
}
