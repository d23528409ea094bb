package dev.quarry.sandbox.http;

import dev.quarry.sandbox.load.BadBodyException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes {@code Transfer-Encoding: chunked}; trailers are read and ignored. Broken framing from a client that is
 * still connected is a {@link BadBodyException}, so the load answers with a JSON {@code Fail} instead of dropping the
 * connection.
 */
final class ChunkedInputStream extends InputStream {
    private final InputStream in;
    private long chunkRemaining;
    private boolean done;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (chunkRemaining == 0) {
            long size = chunkSize();
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailer fields
                }
                done = true;
                return -1;
            }
            chunkRemaining = size;
        }
        int n = in.read(b, off, (int) Math.min(len, chunkRemaining));
        if (n < 0) {
            throw new EOFException("client closed inside a chunk");
        }
        chunkRemaining -= n;
        if (chunkRemaining == 0) {
            String crlf = line();
            if (!crlf.isEmpty()) {
                throw new BadBodyException("malformed chunked body: missing CRLF after a chunk");
            }
        }
        return n;
    }

    private long chunkSize() throws IOException {
        String line = line();
        int semi = line.indexOf(';');
        String hex = (semi < 0 ? line : line.substring(0, semi)).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new BadBodyException("malformed chunk size: " + line);
            }
            return size;
        } catch (NumberFormatException e) {
            throw new BadBodyException("malformed chunk size: " + line);
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("client closed inside the chunked framing");
            }
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            if (sb.length() > 4096) {
                throw new BadBodyException("chunk framing line too long");
            }
            sb.append((char) c);
        }
    }
}
