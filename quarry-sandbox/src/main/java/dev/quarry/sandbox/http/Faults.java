package dev.quarry.sandbox.http;

import dev.quarry.sandbox.Fault;

/** Test aid: the fault the next N loads suffer. */
final class Faults {
    private Fault fault;
    private int remaining;

    synchronized void failNext(int n, Fault f) {
        if (n < 0) {
            throw new IllegalArgumentException("number of loads to fail must be >= 0, got " + n);
        }
        this.fault = f;
        this.remaining = n;
    }

    /** The fault for this load, or null; each call uses up one. */
    synchronized Fault take() {
        if (remaining == 0) {
            return null;
        }
        remaining--;
        return fault;
    }
}
