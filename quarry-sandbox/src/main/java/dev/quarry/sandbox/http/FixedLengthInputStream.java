package dev.quarry.sandbox.http;

import java.io.IOException;
import java.io.InputStream;

/** Exactly Content-Length bytes of a request body; a short body is an error (the BE checks it too). */
final class FixedLengthInputStream extends InputStream {
    private final InputStream in;
    private long remaining;

    FixedLengthInputStream(InputStream in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            // stream_load.cpp wording for a body shorter than its Content-Length
            throw new ShortBodyException("receive body don't equal with body bytes");
        }
        remaining -= n;
        return n;
    }

    /** The connection ended before the announced body did. */
    static final class ShortBodyException extends IOException {
        ShortBodyException(String message) {
            super(message);
        }
    }
}
