package dev.quarry.core;

/**
 * The only exceptions meant to reach a user. The message is one line saying what went wrong and where;
 * it is scrubbed of known secrets on construction, so callers may include driver messages verbatim.
 */
public abstract class QuarryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    QuarryException(String message, Throwable cause) {
        super(Secrets.scrub(oneLine(message)), cause);
    }

    /** The process exit code this failure maps to: 2 for bad usage or configuration, 1 for a failed run. */
    public abstract int exitCode();

    private static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
