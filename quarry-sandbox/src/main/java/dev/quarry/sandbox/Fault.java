package dev.quarry.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Test aid: a failure {@link Sandbox#failNextLoads(int, Fault)} injects into the next Stream Loads, for
 * reliability tests of clients (retries, timeouts, idempotent labels). Nothing of the failed load is stored.
 *
 * @param kind what goes wrong
 * @param stall how long a {@link Kind#STALL} waits before the load proceeds normally (zero otherwise)
 */
public record Fault(Kind kind, Duration stall) {
    public Fault {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(stall, "stall is null");
        if (stall.isNegative()) {
            throw new IllegalArgumentException("stall is negative: " + stall);
        }
        if (kind != Kind.STALL && !stall.isZero()) {
            throw new IllegalArgumentException(kind + " takes no stall duration");
        }
    }

    /** The kinds of injected failure. */
    public enum Kind {
        /** The BE answers HTTP 500 before reading the body. */
        HTTP_500,
        /** The BE accepts the body, reads part of it, then resets the connection. */
        DROP_CONNECTION,
        /** The BE waits before handling the load (then loads normally), to exercise client timeouts. */
        STALL
    }

    public static Fault http500() {
        return new Fault(Kind.HTTP_500, Duration.ZERO);
    }

    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, Duration.ZERO);
    }

    public static Fault stall(Duration duration) {
        return new Fault(Kind.STALL, duration);
    }
}
