package dev.quarry.starrocks;

import dev.quarry.core.RunException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A statement StarRocks refused or a session that failed (exit code 1): the message is the server's (or the
 * driver's) on one line; {@link #firstLine()} is its first line with the SQLSTATE, as a SQL console shows it.
 */
public final class StarRocksSqlException extends RunException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final String firstLine;

    StarRocksSqlException(SQLException cause) {
        super(text(cause), cause);
        this.sqlState = cause.getSQLState();
        String message = text(cause).strip();
        int newline = message.indexOf('\n');
        String line = newline >= 0 ? message.substring(0, newline).strip() : message;
        this.firstLine = sqlState == null || line.contains(sqlState) ? line : line + " (SQLSTATE " + sqlState + ")";
    }

    private static String text(SQLException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The SQLSTATE the server sent, if any. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /** The server's message's first line, followed by {@code (SQLSTATE x)} unless the line already names it. */
    public String firstLine() {
        return firstLine;
    }
}
