package dev.quarry.sandbox.load;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * A gzip-compressed load body, decompressed as it is read. A body that is not gzip fails with the BE's message
 * ({@code Failed to inflate. return code: -3}, docs/starrocks.md §1.2) as a {@link BadBodyException}, which the load
 * answers with a JSON {@code Fail}; a client that went away is still an ordinary I/O error.
 */
final class GzipBody extends FilterInputStream {
    /** zlib's Z_DATA_ERROR, the code StarRocks' decompressor reports for data that is not gzip. */
    static final String NOT_GZIP = "Failed to inflate. return code: -3";

    private final Raw raw;

    private GzipBody(Raw raw, InputStream gzip) {
        super(gzip);
        this.raw = raw;
    }

    static InputStream open(InputStream body) throws IOException {
        Raw raw = new Raw(body);
        try {
            return new GzipBody(raw, new GZIPInputStream(raw, 1 << 16));
        } catch (ZipException e) {
            throw new BadBodyException(NOT_GZIP);
        } catch (EOFException e) {
            throw raw.ended ? new BadBodyException(NOT_GZIP) : e;
        }
    }

    /** A zlib-wrapped deflate body ({@code compression: deflate}). */
    static InputStream openDeflate(InputStream body) {
        Raw raw = new Raw(body);
        return new GzipBody(raw, new InflaterInputStream(raw, new Inflater(), 1 << 16));
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (ZipException e) {
            throw new BadBodyException(NOT_GZIP);
        } catch (EOFException e) {
            throw truncatedOr(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (ZipException e) {
            throw new BadBodyException(NOT_GZIP);
        } catch (EOFException e) {
            throw truncatedOr(e);
        }
    }

    /** The body ended cleanly inside a gzip member: the client sent a cut-off file. */
    private IOException truncatedOr(EOFException e) {
        return raw.ended ? new BadBodyException("the gzip body ends inside its compressed data: was it cut off?") : e;
    }

    /** The request body; remembers whether it ended normally (as opposed to failing). */
    private static final class Raw extends FilterInputStream {
        boolean ended;

        Raw(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            ended |= n < 0;
            return n;
        }
    }
}
