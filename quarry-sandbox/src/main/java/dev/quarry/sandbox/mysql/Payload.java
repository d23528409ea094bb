package dev.quarry.sandbox.mysql;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a client packet's payload: little-endian integers, length-encoded and NUL-terminated strings. */
final class Payload {
    private final byte[] p;
    private int pos;

    Payload(byte[] p, int start) {
        this.p = p;
        this.pos = start;
    }

    int remaining() {
        return p.length - pos;
    }

    void skip(int n) {
        pos = Math.min(p.length, pos + n);
    }

    int int1() {
        return pos < p.length ? p[pos++] & 0xff : 0;
    }

    int int2() {
        return int1() | int1() << 8;
    }

    long int4() {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) int1() << (8 * i);
        }
        return v;
    }

    long int8() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) int1() << (8 * i);
        }
        return v;
    }

    long lenenc() {
        int first = int1();
        if (first < 0xfb) {
            return first;
        }
        int n = first == 0xfc ? 2 : first == 0xfd ? 3 : 8;
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) int1() << (8 * i);
        }
        return v;
    }

    byte[] bytes(int n) {
        int end = Math.min(p.length, pos + Math.max(0, n));
        byte[] b = Arrays.copyOfRange(p, pos, end);
        pos = end;
        return b;
    }

    /** A length-encoded byte string. */
    byte[] lenencBytes() {
        long n = lenenc();
        return bytes((int) Math.min(n, Integer.MAX_VALUE));
    }

    /** The rest of the payload. */
    byte[] rest() {
        return bytes(remaining());
    }

    byte[] nulBytes() {
        int end = pos;
        while (end < p.length && p[end] != 0) {
            end++;
        }
        byte[] b = Arrays.copyOfRange(p, pos, end);
        pos = Math.min(p.length, end + 1);
        return b;
    }

    String nulStr() {
        return new String(nulBytes(), StandardCharsets.UTF_8);
    }
}
