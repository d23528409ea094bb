package dev.quarry.replicate;

/** Reading the source failed: discovery or the row stream. The message names the table and the database's reason. */
public final class SourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SourceException(String message, Throwable cause) {
        super(message, cause);
    }

    SourceException(String message) {
        super(message);
    }
}
