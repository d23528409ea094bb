package dev.quarry.core;

import java.util.List;

/** The configuration was acceptable but the run failed: a server was unreachable, a statement failed. Exit 1. */
public class RunException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public RunException(String message) {
        this(message, null, null);
    }

    public RunException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** A failure with what the user can do about it. */
    public RunException(String message, String hint, Throwable cause) {
        super(Kind.RUN, null, message, hint, List.of(), cause);
    }
}
