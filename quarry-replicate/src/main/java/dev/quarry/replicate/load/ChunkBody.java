package dev.quarry.replicate.load;

import static java.util.Objects.requireNonNull;

import dev.quarry.starrocks.LoadBody;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * One chunk of COPY output as a Stream Load body that is sent while PostgreSQL is still producing it (as
 * {@code psql | curl} does) yet can be sent again: every byte read from the source is kept, so a retry or a
 * resend replays what was read and then continues from the source. Memory: the chunk read so far, at most one
 * chunk (file_max_bytes plus one row), in an array the next chunk can take over ({@link #buffer}) so a run of
 * chunks does not allocate and grow a fresh one each time. Only one opened stream is read at a time (the HTTP
 * client reads an attempt's body to its end or abandons it before the next attempt).
 */
final class ChunkBody implements LoadBody {
    static final int FIRST_CAPACITY = 64 * 1024;

    private final InputStream source;
    private byte[] kept;
    private int size;
    private boolean ended;

    ChunkBody(InputStream source) {
        this(source, new byte[FIRST_CAPACITY]);
    }

    /** A body keeping its bytes in {@code buffer} (grown when needed), which must no longer be in use elsewhere. */
    ChunkBody(InputStream source, byte[] buffer) {
        this.source = requireNonNull(source, "source is null");
        this.kept = requireNonNull(buffer, "buffer is null");
        if (buffer.length == 0) {
            throw new IllegalArgumentException("buffer is empty");
        }
    }

    /** The array holding this body, for the next chunk once this one is loaded (this body must not be opened again). */
    byte[] buffer() {
        return kept;
    }

    @Override
    public InputStream open() {
        return new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                // The source yields a row per read; gathering up to len bytes keeps HTTP chunks large.
                while (size - pos < len && fill()) {
                    // keep reading
                }
                if (pos == size) {
                    return -1;
                }
                int n = Math.min(len, size - pos);
                System.arraycopy(kept, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    /** Keeps more of the source; false at its end. */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        if (size == kept.length) {
            // Probe before growing, so a chunk that exactly fills the array does not double it.
            int b = source.read();
            if (b < 0) {
                ended = true;
                return false;
            }
            kept = Arrays.copyOf(kept, kept.length * 2);
            kept[size++] = (byte) b;
            return true;
        }
        int n = source.read(kept, size, kept.length - size);
        if (n < 0) {
            ended = true;
            return false;
        }
        size += n;
        return true;
    }
}
