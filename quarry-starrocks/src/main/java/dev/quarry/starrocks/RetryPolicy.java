package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** How Stream Load waits: a doubling backoff between attempts, and polling a label an earlier attempt still holds. */
record RetryPolicy(
        int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration pollInterval, Duration pollTimeout) {
    RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        requireNonNull(initialBackoff, "initialBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        requireNonNull(pollInterval, "pollInterval is null");
        requireNonNull(pollTimeout, "pollTimeout is null");
    }

    /** Waits before retry number {@code retry} (1 for the first), or fails when the thread is interrupted. */
    void pauseBefore(int retry, String where) {
        pause(backoff(retry), where);
    }

    private Duration backoff(int retry) {
        long ms = initialBackoff.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
    }

    /**
     * Polls {@code state} while an earlier attempt under {@code label} is still running, until it is final; fails
     * (retryable) when it is not final after the poll timeout.
     */
    LoadState awaitFinalState(Supplier<LoadState> state, String label, String where, Consumer<String> debug) {
        long deadline = System.nanoTime() + pollTimeout.toNanos();
        while (true) {
            LoadState current = state.get();
            debug.accept(where + ": label state " + current);
            if (current.isFinal()) {
                return current;
            }
            if (System.nanoTime() > deadline) {
                throw new StreamLoadException(
                        where + ": an earlier load with this label is still " + current + " after "
                                + pollTimeout.toSeconds() + " s",
                        label,
                        "Label Already Exists",
                        Optional.of("RUNNING"),
                        List.of(),
                        true,
                        null);
            }
            pause(pollInterval, where);
        }
    }

    private static void pause(Duration d, String where) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamLoadException(
                    where + ": interrupted", null, "INTERRUPTED", Optional.empty(), List.of(), false, e);
        }
    }
}
