package dev.quarry.sandbox.mysql;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable packet payload with the protocol's integer and string encodings (little endian). */
final class Buf {
    private byte[] bytes;
    private int size;

    Buf(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    Buf reset() {
        size = 0;
        return this;
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    Buf int1(int v) {
        ensure(1);
        bytes[size++] = (byte) v;
        return this;
    }

    Buf int2(int v) {
        ensure(2);
        bytes[size++] = (byte) v;
        bytes[size++] = (byte) (v >>> 8);
        return this;
    }

    Buf int3(int v) {
        ensure(3);
        bytes[size++] = (byte) v;
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) (v >>> 16);
        return this;
    }

    Buf int4(long v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            bytes[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    Buf int8(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    /** Length-encoded integer. */
    Buf lenenc(long v) {
        if (v < 251) {
            return int1((int) v);
        } else if (v < (1 << 16)) {
            return int1(0xfc).int2((int) v);
        } else if (v < (1 << 24)) {
            return int1(0xfd).int3((int) v);
        }
        return int1(0xfe).int8(v);
    }

    Buf bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    Buf bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
        return this;
    }

    Buf zeros(int n) {
        ensure(n);
        Arrays.fill(bytes, size, size + n, (byte) 0);
        size += n;
        return this;
    }

    /** NUL-terminated string. */
    Buf nulStr(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8)).int1(0);
    }

    /** Length-encoded string. */
    Buf lenencStr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return lenenc(b.length).bytes(b);
    }

    /** String to the end of the packet. */
    Buf eofStr(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
