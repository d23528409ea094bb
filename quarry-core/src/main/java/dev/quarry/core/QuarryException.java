package dev.quarry.core;

import java.util.List;
import java.util.Optional;

/**
 * The only exceptions meant to reach a user: one family with a {@link Kind} (which decides the exit code), an
 * optional {@link Location} (file:line:column of the mistake), the message saying what is wrong, and an optional
 * hint saying what to do about it. The rendered message is one line, scrubbed of known secrets on construction,
 * so callers may include driver messages verbatim. When one failure has several causes that are all worth
 * reporting (every error of a configuration file), they travel as {@link #details()}, printed before the message.
 */
public abstract class QuarryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is; the kind alone decides the process exit code. */
    public enum Kind {
        /** The user asked for something that cannot work as written: arguments, files, names. */
        CONFIG(2),
        /** The request was acceptable but running it failed: a server, a statement, a load. */
        RUN(1);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;
    private final transient Location location;
    private final String problem;
    private final String hint;
    private final List<String> details;

    QuarryException(Kind kind, Location location, String message, String hint, List<String> details, Throwable cause) {
        super(render(location, message, hint), cause);
        this.kind = kind;
        this.location = location;
        this.problem = Secrets.scrub(oneLine(message));
        this.hint = hint == null ? null : Secrets.scrub(oneLine(hint));
        this.details = details.stream().map(d -> Secrets.scrub(oneLine(d))).toList();
    }

    public final Kind kind() {
        return kind;
    }

    /** The process exit code this failure maps to: 2 for bad usage or configuration, 1 for a failed run. */
    public final int exitCode() {
        return kind.exitCode();
    }

    /** Where the mistake is, when it is in a file the user wrote. */
    public final Optional<Location> location() {
        return Optional.ofNullable(location);
    }

    /** What is wrong, without the location and the hint. */
    public final String problem() {
        return problem;
    }

    /** What the user can do about it, when we know. */
    public final Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /** Further errors of the same failure, each one line, in the order found (empty for a single error). */
    public final List<String> details() {
        return details;
    }

    private static String render(Location location, String message, String hint) {
        String text = (location == null ? "" : location + ": ") + oneLine(message);
        if (hint != null) {
            text += " (" + oneLine(hint) + ")";
        }
        return Secrets.scrub(text);
    }

    static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
