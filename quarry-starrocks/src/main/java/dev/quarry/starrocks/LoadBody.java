package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
     * thread, through a bounded pipe holding at most about {@code bufferBytes}. Each {@link #open()} runs the producer again from the
     * start, so it must be repeatable. A producer failure surfaces as an IOException to the HTTP client, which aborts
     * the request instead of sending a truncated body.
     */
    static LoadBody fromProducer(Producer producer, int bufferBytes) {
        requireNonNull(producer, "producer is null");
        if (bufferBytes < 4096) {
            throw new IllegalArgumentException("pipe buffer must be at least 4096 bytes, got " + bufferBytes);
        }
        return () -> ProducerStream.start(producer, bufferBytes);
    }

    /** Writes a body into a stream. */
    @FunctionalInterface
    interface Producer {
        void writeTo(OutputStream out) throws IOException;
    }
}

/**
 * A bounded pipe from a producer thread to the HTTP client: the producer's bytes travel in chunks through a queue
 * holding at most {@code bufferBytes}, so memory stays bounded however large the body is. (PipedInputStream is not
 * used: its reader polls once a second when the writer does not flush.)
 */
final class ProducerStream extends InputStream {
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;
    private byte[] current = new byte[0];
    private int offset;
    private boolean ended;

    private ProducerStream(int chunks) {
        this.queue = new ArrayBlockingQueue<>(chunks);
    }

    static InputStream start(LoadBody.Producer producer, int bufferBytes) {
        int chunkSize = Math.min(64 * 1024, Math.max(1024, bufferBytes / 4));
        ProducerStream s = new ProducerStream(Math.max(2, bufferBytes / chunkSize));
        Thread t = new Thread(
                () -> {
                    try (OutputStream out = s.new Sink(chunkSize)) {
                        producer.writeTo(out);
                    } catch (Throwable e) {
                        s.failure.compareAndSet(null, e);
                    } finally {
                        s.put(END);
                    }
                },
                "stream-load-body");
        t.setDaemon(true);
        t.start();
        return s;
    }

    private void put(byte[] chunk) {
        try {
            while (!closed) {
                if (queue.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean fill() throws IOException {
        while (offset >= current.length) {
            if (ended) {
                return false;
            }
            byte[] next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the load body");
            }
            if (next == END) {
                ended = true;
                Throwable f = failure.get();
                if (f != null) {
                    throw new IOException("the load body could not be produced: " + f.getMessage(), f);
                }
                return false;
            }
            current = next;
            offset = 0;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? current[offset++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - offset);
        System.arraycopy(current, offset, b, off, n);
        offset += n;
        return n;
    }

    /** Stops the producer: its next write fails with "load body reader closed". */
    @Override
    public void close() {
        closed = true;
        queue.clear();
    }

    /** The producer's end: buffers writes into chunks. */
    private final class Sink extends OutputStream {
        private final byte[] buffer;
        private int size;

        Sink(int chunkSize) {
            this.buffer = new byte[chunkSize];
        }

        @Override
        public void write(int b) throws IOException {
            if (size == buffer.length) {
                flushChunk();
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (size == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(len, buffer.length - size);
                System.arraycopy(b, off, buffer, size, n);
                size += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            if (size > 0) {
                flushChunk();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        private void flushChunk() throws IOException {
            if (closed) {
                throw new IOException("load body reader closed");
            }
            put(java.util.Arrays.copyOf(buffer, size));
            size = 0;
            if (closed) {
                throw new IOException("load body reader closed");
            }
        }
    }
}
