package dev.quarry.models.project;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.ConfigException;
import dev.quarry.core.Location;

/**
 * A mistake in a model project, reported as {@code file:line:column: message} before anything touches a
 * database. These are configuration errors (exit code 2): callers print the message, not a stack trace.
 */
public final class ModelException extends ConfigException {
    private static final long serialVersionUID = 1L;

    public ModelException(Location location, String message) {
        super(requireNonNull(location, "location is null"), message);
    }

    /** Several errors at once: {@code details} lists each with its location; {@code location} is the first's. */
    public ModelException(Location location, String message, java.util.List<String> details) {
        super(requireNonNull(location, "location is null"), message, null, details, null);
    }
}
