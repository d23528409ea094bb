package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The data of one Stream Load. It must be re-creatable: a retry, or a resend after the FE's 307, opens it again.
 * Bodies are streamed (chunked unless the length is known), never staged in memory or in files.
 */
public interface LoadBody {

    /** Opens a fresh stream over the whole body. */
    InputStream open() throws IOException;

    /** The body length in bytes, or -1 if unknown (then the request is sent chunked). */
    default long length() {
        return -1;
    }

    /** A body held in memory (small loads and tests). */
    static LoadBody of(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        return new LoadBody() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public long length() {
                return bytes.length;
            }
        };
    }

    /**
     * A body produced by {@code producer} writing into an output stream (e.g. PostgreSQL's COPY TO STDOUT) on its own
     * thread, through a bounded pipe of {@code bufferBytes}. Each {@link #open()} runs the producer again from the
     * start, so it must be repeatable. A producer failure surfaces as an IOException to the HTTP client, which aborts
     * the request instead of sending a truncated body.
     */
    static LoadBody fromProducer(Producer producer, int bufferBytes) {
        requireNonNull(producer, "producer is null");
        if (bufferBytes < 1024) {
            throw new IllegalArgumentException("pipe buffer must be at least 1024 bytes, got " + bufferBytes);
        }
        return () -> ProducerStream.start(producer, bufferBytes);
    }

    /** Writes a body into a stream. */
    @FunctionalInterface
    interface Producer {
        void writeTo(OutputStream out) throws IOException;
    }
}

/** The reading end of a pipe fed by a producer thread; rethrows the producer's failure at end of data. */
final class ProducerStream extends InputStream {
    private final PipedInputStream in;
    private final AtomicReference<Throwable> failure;
    private final Thread thread;

    private ProducerStream(PipedInputStream in, AtomicReference<Throwable> failure, Thread thread) {
        this.in = in;
        this.failure = failure;
        this.thread = thread;
    }

    static InputStream start(LoadBody.Producer producer, int bufferBytes) throws IOException {
        PipedInputStream in = new PipedInputStream(bufferBytes);
        PipedOutputStream out = new PipedOutputStream(in);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try (OutputStream o = out) {
                producer.writeTo(o);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "stream-load-body");
        t.setDaemon(true);
        ProducerStream s = new ProducerStream(in, failure, t);
        t.start();
        return s;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            checkFailure();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            checkFailure();
            throw e;
        }
        if (n < 0) {
            checkFailure();
        }
        return n;
    }

    private void checkFailure() throws IOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the body producer");
        }
        Throwable f = failure.get();
        if (f != null) {
            throw new IOException("the load body could not be produced: " + f.getMessage(), f);
        }
    }

    @Override
    public void close() throws IOException {
        // Closing the reading end makes a still-running producer fail with "Pipe closed" and end.
        in.close();
    }
}
