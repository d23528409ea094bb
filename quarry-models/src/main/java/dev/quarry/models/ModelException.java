package dev.quarry.models;

import static java.util.Objects.requireNonNull;

/**
 * A mistake in a model project, reported as {@code file:line:column: message} before anything touches a
 * database. These are user errors: callers print the message, not a stack trace.
 */
public final class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Location location;

    ModelException(Location location, String message) {
        super(requireNonNull(location, "location is null") + ": " + message);
        this.location = location;
    }

    /** Where the mistake is. */
    public Location location() {
        return location;
    }
}
