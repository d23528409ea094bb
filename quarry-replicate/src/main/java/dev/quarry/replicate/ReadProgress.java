package dev.quarry.replicate;

import java.util.concurrent.atomic.LongAdder;

/**
 * Rows and bytes read from the source so far by the streams a thread runs, for a live progress line. A caller that wants
 * one calls {@link #track()} on the thread that runs {@link Replicator#run}, reads the counters from any thread, and
 * calls {@link #close()} when the stream is done. Without a tracker, reading costs nothing extra.
 */
public final class ReadProgress implements AutoCloseable {
    private static final ThreadLocal<ReadProgress> CURRENT = new ThreadLocal<>();

    private final LongAdder rows = new LongAdder();
    private final LongAdder bytes = new LongAdder();

    private ReadProgress() {
    }

    /** Starts counting what this thread reads, replacing any earlier tracker of the thread. */
    public static ReadProgress track() {
        ReadProgress progress = new ReadProgress();
        CURRENT.set(progress);
        return progress;
    }

    /** The current thread's tracker, or null. */
    static ReadProgress current() {
        return CURRENT.get();
    }

    void add(long rowBytes) {
        rows.increment();
        bytes.add(rowBytes);
    }

    public long rows() {
        return rows.sum();
    }

    /** Bytes of COPY text read (the Stream Load body size, before any framing). */
    public long bytes() {
        return bytes.sum();
    }

    /** Stops counting on this thread (only when this tracker is still the thread's). */
    @Override
    public void close() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
    }
}
