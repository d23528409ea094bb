package dev.quarry.replicate.config;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Location;

/**
 * One Sling hook Quarry runs (docs/sling.md §1.8): a {@code query} on the target, or a {@code log} line.
 *
 * @param kind what it does
 * @param text the SQL of a query (variables rendered by the planner), or the message of a log hook
 * @param warnOnly whether a failure is only a warning ({@code on_failure: warn}, {@code quiet}, {@code skip}) instead
 *     of failing the stream (Sling's default {@code abort})
 * @param at where the hook is written
 */
public record Hook(Kind kind, String text, boolean warnOnly, Location at) {
    public Hook {
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
        requireNonNull(at, "at is null");
    }

    /** The hook types Quarry runs. */
    public enum Kind {
        QUERY,
        LOG
    }

    public Hook withText(String newText) {
        return new Hook(kind, newText, warnOnly, at);
    }
}
