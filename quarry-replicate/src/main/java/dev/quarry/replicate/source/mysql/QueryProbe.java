package dev.quarry.replicate.source.mysql;

import dev.quarry.replicate.source.ReadSpec;
import dev.quarry.replicate.source.SourceException;
import dev.quarry.replicate.source.SourceTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A custom SQL stream's result columns, with their exact declared types: the query (its filter matching nothing)
 * creates an empty temporary table, which SHOW FULL COLUMNS describes like any table. The query goes into the probe
 * with no line break before it, so the line numbers in the server's syntax errors are lines of the user's SQL, and
 * the error names that line and the column where the server's quoted text starts.
 */
final class QueryProbe {
    /** The server's pointer into a statement: {@code near 'text' at line N}. */
    private static final Pattern NEAR = Pattern.compile("near '(.*)' at line (\\d+)", Pattern.DOTALL);

    private QueryProbe() {}

    static MySqlTable describe(Connection connection, ReadSpec spec) {
        String sql = fill(spec.sql().orElseThrow(), "1=0", "NULL", Optional.empty());
        String probe = "quarry_probe_" + Long.toHexString(System.nanoTime());
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE " + MySqlSql.ident(probe) + " AS SELECT * FROM (" + sql
                    + ") AS `quarry_probe` LIMIT 0");
            try {
                List<MySqlColumn> columns = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SHOW FULL COLUMNS FROM " + MySqlSql.ident(probe))) {
                    while (rs.next()) {
                        String type = rs.getString("Type");
                        columns.add(new MySqlColumn(
                                rs.getString("Field"),
                                type,
                                MySqlColumn.charsetOfCollation(rs.getString("Collation")),
                                "NO".equals(rs.getString("Null")),
                                type.toLowerCase(Locale.ROOT).equals("json")));
                    }
                }
                return new MySqlTable(new SourceTable("sql", spec.stream()), columns, List.of(), 0);
            } finally {
                st.execute("DROP TEMPORARY TABLE IF EXISTS " + MySqlSql.ident(probe));
            }
        } catch (SQLException e) {
            throw new SourceException(
                    "stream " + spec.stream() + ": its sql does not run: " + MySqlRowReader.oneLine(e)
                            + position(sql, e.getMessage()),
                    e);
        }
    }

    /** {@code (line L, column C of the sql)} for a server message pointing into {@code sql}; empty otherwise. */
    static String position(String sql, String message) {
        if (message == null) {
            return "";
        }
        Matcher m = NEAR.matcher(message);
        if (!m.find()) {
            return "";
        }
        int line = Integer.parseInt(m.group(2));
        String near = m.group(1);
        int start = 0;
        for (int l = 1; l < line && start >= 0; l++) {
            int newline = sql.indexOf('\n', start);
            start = newline < 0 ? -1 : newline + 1;
        }
        if (start < 0) {
            return " (line " + line + " of the sql)";
        }
        // The quoted text is the rest of the statement from the error on; our own suffix may follow the user's SQL.
        String suffix = ") AS `quarry_probe` LIMIT 0";
        String mine = near.endsWith(suffix) ? near.substring(0, near.length() - suffix.length()) : near;
        int at = mine.isEmpty() ? -1 : sql.indexOf(mine, start);
        if (at < 0) {
            return " (line " + line + " of the sql)";
        }
        int lineStart = sql.lastIndexOf('\n', at - 1) + 1;
        int lineNumber = 1;
        for (int i = 0; i < lineStart; i++) {
            if (sql.charAt(i) == '\n') {
                lineNumber++;
            }
        }
        return " (line " + lineNumber + ", column " + (at - lineStart + 1) + " of the sql)";
    }

    /** The custom SQL with the incremental placeholders filled, and a trailing semicolon dropped. */
    static String fill(String sql, String predicate, String value, Optional<MySqlColumn> updateKey) {
        String trimmed = sql.stripTrailing();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).stripTrailing();
        }
        String filled = trimmed.replace("{incremental_where_cond}", predicate).replace("{incremental_value}", value);
        return updateKey
                .map(k -> filled.replace("{update_key}", MySqlSql.ident(k.name())))
                .orElse(filled);
    }
}
