package dev.quarry.replicate.source;

import dev.quarry.core.RunException;

/** Reading the source failed: discovery or the row stream. The message names the table and the database's reason. */
public final class SourceException extends RunException {
    private static final long serialVersionUID = 1L;

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }

    public SourceException(String message) {
        super(message);
    }
}
