package dev.quarry.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at top-level semicolons. Quoted strings ('...', "...", `...`),
 * PostgreSQL dollar quotes ($tag$...$tag$), line and block comments are skipped over, so a semicolon
 * inside them does not split. Statements that are only comments are dropped. MySQL and StarRocks also
 * treat {@code #} as a line comment and backslash as an escape inside quotes; in PostgreSQL {@code #} is
 * an operator and {@code 'C:\'} is a whole string, so the caller says which dialect family applies.
 */
public final class SqlScript {
    private SqlScript() {}

    public static List<String> split(String sql, boolean mysqlFamily) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'' || c == '"' || c == '`') {
                end = closingQuote(sql, i, c, mysqlFamily);
            } else if ((c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') || (c == '#' && mysqlFamily)) {
                end = lineEnd(sql, i);
                current.append(sql, i, end);
                i = end;
                continue;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
                current.append(sql, i, end);
                i = end;
                continue;
            } else if (c == '$' && (end = dollarQuoteEnd(sql, i)) > 0) {
                // end already set
            } else if (c == ';') {
                if (hasCode) {
                    statements.add(current.toString().strip());
                }
                current.setLength(0);
                hasCode = false;
                i++;
                continue;
            } else {
                end = i + 1;
            }
            if (!Character.isWhitespace(c)) {
                hasCode = true;
            }
            current.append(sql, i, end);
            i = end;
        }
        if (hasCode) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static int closingQuote(String sql, int start, char quote, boolean mysqlFamily) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && mysqlFamily && quote != '`') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int lineEnd(String sql, int start) {
        int newline = sql.indexOf('\n', start);
        return newline < 0 ? sql.length() : newline;
    }

    /** End (exclusive) of a $tag$...$tag$ string starting at {@code start}, or -1 if none starts there. */
    private static int dollarQuoteEnd(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i >= sql.length() || sql.charAt(i) != '$' || (i > start + 1 && Character.isDigit(sql.charAt(start + 1)))) {
            return -1;
        }
        String tag = sql.substring(start, i + 1);
        int close = sql.indexOf(tag, i + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }
}
