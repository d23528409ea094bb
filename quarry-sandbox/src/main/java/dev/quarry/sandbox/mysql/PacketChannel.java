package dev.quarry.sandbox.mysql;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * MySQL packet framing: 3-byte length + sequence id. Payloads of 0xFFFFFF bytes or more are split over several
 * packets and joined again on read.
 */
final class PacketChannel {
    static final int MAX_PAYLOAD = 0xFFFFFF;

    private final InputStream in;
    private final OutputStream out;
    private final byte[] header = new byte[4];
    private int sequence;

    PacketChannel(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** Each command starts a new sequence. */
    void resetSequence() {
        sequence = 0;
    }

    /** The next logical packet's payload, or {@code null} when the client closed the connection before one. */
    byte[] read() throws IOException {
        ByteArrayOutputStream joined = null;
        while (true) {
            if (!readFully(header, 0, 4, joined == null)) {
                return null;
            }
            int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
            sequence = (header[3] + 1) & 0xff;
            byte[] payload = new byte[length];
            readFully(payload, 0, length, false);
            if (length < MAX_PAYLOAD && joined == null) {
                return payload;
            }
            if (joined == null) {
                joined = new ByteArrayOutputStream(length * 2);
            }
            joined.write(payload);
            if (length < MAX_PAYLOAD) {
                return joined.toByteArray();
            }
        }
    }

    private boolean readFully(byte[] b, int off, int len, boolean eofAllowed) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(b, off + done, len - done);
            if (n < 0) {
                if (eofAllowed && done == 0) {
                    return false;
                }
                throw new EOFException("client closed the connection inside a packet");
            }
            done += n;
        }
        return true;
    }

    void write(Buf payload) throws IOException {
        write(payload.array(), payload.size());
    }

    void write(byte[] payload, int length) throws IOException {
        int offset = 0;
        while (true) {
            int chunk = Math.min(MAX_PAYLOAD, length - offset);
            out.write(chunk & 0xff);
            out.write((chunk >>> 8) & 0xff);
            out.write((chunk >>> 16) & 0xff);
            out.write(sequence);
            sequence = (sequence + 1) & 0xff;
            out.write(payload, offset, chunk);
            offset += chunk;
            // A payload of exactly a multiple of 0xFFFFFF ends with an empty packet.
            if (chunk < MAX_PAYLOAD) {
                return;
            }
        }
    }

    void flush() throws IOException {
        out.flush();
    }
}
