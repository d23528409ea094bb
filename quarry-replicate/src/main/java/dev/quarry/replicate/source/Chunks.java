package dev.quarry.replicate.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a source's row stream into the chunks {@link Source#read} hands out: at most {@code maxRows} rows or about
 * {@code maxBytes} bytes each (a single larger row still makes one chunk), each an InputStream fed row by row, so
 * memory holds about one row. Shared by the source implementations, which differ only in where rows come from.
 */
public final class Chunks {
    private Chunks() {}

    /** A row stream with one row of look-ahead, each row already in the CSV form of {@link Source#read}. */
    public interface Rows {
        /** Whether a row is ready, reading the next one from the source if none is. */
        boolean peek();

        /** The ready row: its first {@link #nextLength()} bytes, valid until the row after it is peeked. */
        byte[] next();

        /** The ready row's length in bytes. */
        int nextLength();

        /** Counts the ready row as read; the next {@link #peek()} reads another. */
        void take();
    }

    /**
     * Hands {@code rows} to {@code consumer} chunk by chunk and returns how many chunks there were; zero rows means
     * the consumer is never called. What a consumer leaves unread of its chunk is skipped.
     */
    public static int feed(Rows rows, long maxRows, long maxBytes, Source.ChunkConsumer consumer) throws IOException {
        int chunks = 0;
        while (rows.peek()) {
            chunks++;
            ChunkStream chunk = new ChunkStream(rows, maxRows, maxBytes);
            consumer.chunk(chunks, chunk);
            chunk.skipRest();
        }
        return chunks;
    }

    /** One chunk's rows as a stream, ending at the chunk limits. */
    private static final class ChunkStream extends InputStream {
        private final Rows rows;
        private final long maxRows;
        private final long maxBytes;
        private long rowsTaken;
        private long bytesTaken;
        private byte[] current;
        private int end;
        private int pos;

        ChunkStream(Rows rows, long maxRows, long maxBytes) {
            this.rows = rows;
            this.maxRows = maxRows;
            this.maxBytes = maxBytes;
        }

        private boolean advance() {
            while (current == null || pos == end) {
                if (rowsTaken >= maxRows || (rowsTaken > 0 && bytesTaken >= maxBytes) || !rows.peek()) {
                    return false;
                }
                // A row that would push this chunk past maxBytes starts the next chunk instead.
                if (rowsTaken > 0 && bytesTaken + rows.nextLength() > maxBytes) {
                    return false;
                }
                current = rows.next();
                end = rows.nextLength();
                pos = 0;
                rows.take();
                rowsTaken++;
                bytesTaken += end;
            }
            return true;
        }

        @Override
        public int read() {
            if (!advance()) {
                return -1;
            }
            return current[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!advance()) {
                return -1;
            }
            int n = Math.min(len, end - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        void skipRest() {
            current = null;
            while (advance()) {
                current = null;
            }
        }
    }
}
