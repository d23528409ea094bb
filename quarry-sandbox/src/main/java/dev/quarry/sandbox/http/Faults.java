package dev.quarry.sandbox.http;

import dev.quarry.sandbox.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/** Test aid: the fault the next N loads suffer. */
final class Faults {
    private final AtomicInteger stalled = new AtomicInteger();
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

    /** {@link Fault.Kind#DROP_CONNECTION}: reads some of the body, then resets the connection. */
    static void dropMidBody(Exchange ex, InputStream body) {
        byte[] sink = new byte[8192];
        try {
            int read = 0;
            while (read < 16 * 1024) {
                int n = body.read(sink);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (IOException e) {
            // the fault is the point; the client side sees the reset
        }
        ex.reset();
    }

    /** {@link Fault.Kind#STALL}: the load waits this long before it is handled (a slow server, on purpose). */
    void stall(long millis) {
        stalled.incrementAndGet();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stalled.decrementAndGet();
        }
    }

    /** Loads waiting out a {@link Fault.Kind#STALL} right now. */
    int stalled() {
        return stalled.get();
    }
}
