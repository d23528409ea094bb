package dev.quarry.sandbox.http;

import dev.quarry.sandbox.engine.LoadBatch;
import dev.quarry.sandbox.engine.LoadTxn;
import dev.quarry.sandbox.engine.ResultColumn;
import dev.quarry.sandbox.engine.SqlError;
import dev.quarry.sandbox.load.BadBodyException;
import dev.quarry.sandbox.load.LoadOptions;
import dev.quarry.sandbox.load.RowReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Streams one request body into a load transaction, a bounded batch of rows at a time. */
final class BodyLoader {
    /** Rows per engine append: large enough to amortise the engine's per-batch cost, small enough to bound memory. */
    static final int BATCH_ROWS = 4096;

    private BodyLoader() {}

    static void append(LoadTxn txn, LoadOptions options, InputStream body, LoadCounters counters)
            throws IOException, SqlError {
        append(txn, options, body, counters, Long.MAX_VALUE);
    }

    /**
     * As {@link #append(LoadTxn, LoadOptions, InputStream, LoadCounters)}, failing with StarRocks' "timeout by txn
     * manager" once {@code System.nanoTime()} passes {@code deadlineNanos} (the load's {@code timeout} header,
     * docs/starrocks.md §1.8); {@code Long.MAX_VALUE} means no deadline.
     */
    static void append(LoadTxn txn, LoadOptions options, InputStream body, LoadCounters counters, long deadlineNanos)
            throws IOException, SqlError {
        List<String> source;
        Map<String, String> derived;
        if (options.columns() != null && !options.columns().sourceColumns().isEmpty()) {
            source = options.columns().sourceColumns();
            derived = options.columns().derived();
        } else {
            // `columns: __op='delete'` alone names no fields: the body still holds the table's columns in order.
            source = txn.targetColumns().stream().map(ResultColumn::name).toList();
            derived = options.columns() == null ? Map.of() : options.columns().derived();
        }
        Counting counting = new Counting(body);
        RowReader reader;
        try {
            reader = RowReader.open(options, counting, source);
        } catch (BadBodyException e) {
            throw SqlError.of(e.getMessage());
        }
        // Parsing runs one chunk ahead of the engine on its own thread: on two cores this overlaps the two
        // costs instead of adding them. The queue bounds memory to a few chunks.
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
        AtomicLong readNanos = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Thread parser = new Thread(() -> produce(reader, queue, readNanos, stop), "sandbox-load-parser");
        parser.setDaemon(true);
        parser.start();
        try {
            while (true) {
                Object next = take(queue, parser, deadlineNanos);
                if (next == END) {
                    break;
                }
                if (next instanceof Failure f) {
                    f.rethrow();
                }
                RowReader.Chunk chunk = (RowReader.Chunk) next;
                long t0 = System.nanoTime();
                counters.addParserRejects(chunk.rejected());
                if (!chunk.rows().isEmpty()) {
                    counters.addEngine(txn.append(new LoadBatch(
                            source,
                            derived,
                            options.where(),
                            options.strictMode(),
                            options.timezone(),
                            options.partialUpdate(),
                            options.mergeCondition(),
                            chunk.rows(),
                            chunk.rawRows())));
                }
                counters.writeNanos += System.nanoTime() - t0;
                checkDeadline(deadlineNanos);
            }
        } finally {
            stop.set(true);
            queue.clear();
            counters.readNanos += readNanos.get();
            counters.bytes += counting.count.get();
        }
    }

    private static final Object END = new Object();

    private static void produce(
            RowReader reader, BlockingQueue<Object> queue, AtomicLong readNanos, AtomicBoolean stop) {
        Object last;
        try {
            while (!stop.get()) {
                long t0 = System.nanoTime();
                RowReader.Chunk chunk = reader.next(BATCH_ROWS);
                readNanos.addAndGet(System.nanoTime() - t0);
                if (chunk == null) {
                    break;
                }
                if (!offer(queue, chunk, stop)) {
                    return;
                }
            }
            last = END;
        } catch (Throwable e) {
            // Everything, Errors included, must reach the loading thread: a parser that died silently left the
            // request handler waiting on the queue forever and the client without an answer.
            last = new Failure(e);
        }
        offer(queue, last, stop);
    }

    private static boolean offer(BlockingQueue<Object> queue, Object item, AtomicBoolean stop) {
        try {
            while (!stop.get()) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The parser's next item; fails instead of waiting forever if the parser thread ended without one. */
    private static Object take(BlockingQueue<Object> queue, Thread parser, long deadlineNanos)
            throws IOException, SqlError {
        try {
            while (true) {
                Object next = queue.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    return next;
                }
                checkDeadline(deadlineNanos);
                if (!parser.isAlive()) {
                    next = queue.poll();
                    if (next != null) {
                        return next;
                    }
                    throw new IOException("the load parser stopped without a result");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while loading");
        }
    }

    private static void checkDeadline(long deadlineNanos) throws SqlError {
        if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
            // The Message StarRocks' FE gives a load whose transaction outlives its timeout.
            throw SqlError.of("timeout by txn manager");
        }
    }

    /** A parser failure handed to the loading thread. */
    private record Failure(Throwable error) {
        void rethrow() throws IOException, SqlError {
            if (error instanceof BadBodyException bad) {
                // The client is still there: the load fails with a JSON answer (docs/starrocks.md §1.2).
                throw SqlError.of(bad.getMessage());
            }
            if (error instanceof IOException io) {
                throw io;
            }
            if (error instanceof SqlError sql) {
                throw sql;
            }
            if (error instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("load parser failed: " + error, error);
        }
    }

    private static final class Counting extends FilterInputStream {
        // Counted on the parser thread, read by the loading thread, possibly while the parser still runs.
        final AtomicLong count = new AtomicLong();

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
