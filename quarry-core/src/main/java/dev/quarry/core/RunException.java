package dev.quarry.core;

/** The configuration was acceptable but the run failed: a server was unreachable, a statement failed. Exit 1. */
public class RunException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public RunException(String message) {
        super(message, null);
    }

    public RunException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final int exitCode() {
        return 1;
    }
}
