package dev.quarry.sandbox.load;

import java.io.IOException;

/**
 * A load body the server cannot read (e.g. declared gzip but not gzip). Unlike other I/O errors the client is still
 * there: the load fails with this message in its JSON answer instead of a dropped connection.
 */
public final class BadBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    public BadBodyException(String message) {
        super(message);
    }
}
