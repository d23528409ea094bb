package dev.quarry.replicate.source;

import dev.quarry.core.RunException;
import java.sql.SQLException;

/**
 * Reading the source failed: discovery, the row stream, or a statement on a source connection. The message names the
 * table and the database's reason.
 */
public final class SourceException extends RunException {
    private static final long serialVersionUID = 1L;

    private final String firstLine;

    public SourceException(String message, Throwable cause) {
        super(message, cause);
        this.firstLine = getMessage();
    }

    public SourceException(String message) {
        super(message);
        this.firstLine = getMessage();
    }

    /** A statement the source refused: the server's message, and {@link #firstLine()} as a SQL console shows it. */
    public SourceException(SQLException cause) {
        super(text(cause), cause);
        String message = text(cause).strip();
        int newline = message.indexOf('\n');
        String line = newline >= 0 ? message.substring(0, newline).strip() : message;
        String state = cause.getSQLState();
        this.firstLine = state == null || line.contains(state) ? line : line + " (SQLSTATE " + state + ")";
    }

    private static String text(SQLException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * For a statement the source refused, the first line of the server's message followed by its SQLSTATE (unless the
     * line names it); otherwise the message.
     */
    public String firstLine() {
        return firstLine;
    }
}
