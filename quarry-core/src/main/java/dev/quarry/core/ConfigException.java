package dev.quarry.core;

import java.util.List;

/** The user asked for something that cannot work as written: bad arguments, bad env.yaml, unknown names. Exit 2. */
public class ConfigException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        this(null, message, null, List.of(), null);
    }

    public ConfigException(String message, Throwable cause) {
        this(null, message, null, List.of(), cause);
    }

    /** A mistake at a place in a file the user wrote. */
    public ConfigException(Location location, String message) {
        this(location, message, null, List.of(), null);
    }

    /** A mistake at a place in a file (or nowhere in particular: {@code null}), with what to do about it. */
    public ConfigException(Location location, String message, String hint) {
        this(location, message, hint, List.of(), null);
    }

    /**
     * One failure made of several errors (each a full one-line error, usually {@code file:line:column: message}),
     * with {@code message} summing them up.
     */
    public ConfigException(String message, List<String> errors) {
        this(null, message, null, errors, null);
    }

    protected ConfigException(Location location, String message, String hint, List<String> details, Throwable cause) {
        super(Kind.CONFIG, location, message, hint, List.copyOf(details), cause);
    }
}
