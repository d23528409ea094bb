package dev.quarry.models.project;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Location;
import java.util.Locale;

/**
 * One SQL statement of a model file, without its terminating semicolon.
 *
 * @param sql the statement as written (comments inside are kept)
 * @param location where it starts
 */
public record Statement(String sql, Location location) {
    public Statement {
        requireNonNull(sql, "sql is null");
        requireNonNull(location, "location is null");
    }

    /** Whether this is a query (SELECT, WITH, VALUES or a parenthesized query) rather than a command. */
    public boolean isQuery() {
        String s = sql.stripLeading();
        if (s.startsWith("(")) {
            return true;
        }
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        String word = s.substring(0, end).toUpperCase(Locale.ROOT);
        return word.equals("SELECT") || word.equals("WITH") || word.equals("VALUES");
    }
}
