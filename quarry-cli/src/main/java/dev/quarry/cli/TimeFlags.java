package dev.quarry.cli;

import dev.quarry.core.ConfigException;
import dev.quarry.models.project.Times;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * {@code --start} and {@code --end} as the user typed them, checked before anything runs: each must be a time
 * {@link Times} reads, and the end must come after the start. Errors name the flag, not a model (exit 2).
 */
final class TimeFlags {
    private TimeFlags() {}

    /** Checks the flags given ({@code null} when absent): each reads as a time, and the end is after the start. */
    static void check(String start, String end, Instant now) {
        Instant s = start == null ? null : parse("--start", start, now, false);
        Instant e = end == null ? null : parse("--end", end, now, true);
        if (s != null && e != null && !e.isAfter(s)) {
            throw new ConfigException("--end " + end + " must be after --start " + start);
        }
    }

    /** The flag's time; a date alone as an end ({@code inclusiveEnd}) includes that whole day. */
    static Instant parse(String flag, String text, Instant now, boolean inclusiveEnd) {
        try {
            return inclusiveEnd ? Times.inclusiveEnd(text, now) : Times.parse(text, now);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ConfigException(
                    flag + " " + text + " is not a date (YYYY-MM-DD) or timestamp (YYYY-MM-DD HH:MM:SS)", e);
        }
    }
}
