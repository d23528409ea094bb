package dev.quarry.sandbox.mysql;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ?} placeholders of a prepared statement's text: every {@code ?} outside string literals ('…' and
 * "…", with backslash escapes and doubled quotes), backquoted names and comments ({@code -- }, {@code #},
 * {@code /* *\/}).
 */
final class Placeholders {
    private Placeholders() {}

    /** Offsets of the placeholders in {@code sql}, in order. */
    static List<Integer> positions(String sql) {
        List<Integer> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(sql, i, c);
            } else if (c == '#' || (c == '-' && startsDashComment(sql, i))) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else {
                if (c == '?') {
                    out.add(i);
                }
                i++;
            }
        }
        return out;
    }

    /** MySQL starts a comment with {@code --} only when a blank or the end of the text follows. */
    private static boolean startsDashComment(String sql, int i) {
        if (i + 1 >= sql.length() || sql.charAt(i + 1) != '-') {
            return false;
        }
        return i + 2 >= sql.length() || Character.isWhitespace(sql.charAt(i + 2));
    }

    /** The offset after the quoted text that starts at {@code start}; an unclosed quote runs to the end. */
    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** {@code sql} with the placeholder at {@code positions.get(k)} replaced by {@code literals.get(k)}. */
    static String bind(String sql, List<Integer> positions, List<String> literals) {
        StringBuilder b = new StringBuilder(sql.length() + 16 * literals.size());
        int from = 0;
        for (int k = 0; k < positions.size(); k++) {
            int at = positions.get(k);
            b.append(sql, from, at).append(literals.get(k));
            from = at + 1;
        }
        return b.append(sql, from, sql.length()).toString();
    }
}
