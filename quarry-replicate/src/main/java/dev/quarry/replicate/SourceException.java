package dev.quarry.replicate;

import dev.quarry.core.RunException;

/** Reading the source failed: discovery or the row stream. The message names the table and the database's reason. */
public final class SourceException extends RunException {
    private static final long serialVersionUID = 1L;

    SourceException(String message, Throwable cause) {
        super(message, cause);
    }

    SourceException(String message) {
        super(message);
    }
}
