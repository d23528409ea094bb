package dev.quarry.models;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.ConfigException;

/**
 * A mistake in a model project, reported as {@code file:line:column: message} before anything touches a
 * database. These are configuration errors (exit code 2): callers print the message, not a stack trace.
 */
public final class ModelException extends ConfigException {
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
