package dev.quarry.sandbox.load;

import dev.quarry.sandbox.engine.SqlError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code columns} header: {@code a, b, tmp, c = expr, __op = ...}. Plain names are the source fields in order;
 * {@code name = expr} items derive a target column (or {@code __op}) from them.
 */
public record ColumnMapping(List<String> sourceColumns, Map<String, String> derived) {
    public ColumnMapping {
        sourceColumns = List.copyOf(sourceColumns);
        derived = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(derived));
    }

    public static ColumnMapping parse(String header) throws SqlError {
        List<String> source = new ArrayList<>();
        Map<String, String> derived = new LinkedHashMap<>();
        for (String item : splitTopLevel(header)) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                throw SqlError.of("Invalid columns header: empty item in '" + header + "'");
            }
            int eq = topLevelEquals(trimmed);
            if (eq < 0) {
                source.add(unquote(trimmed));
            } else {
                String target = unquote(trimmed.substring(0, eq).trim());
                String expr = trimmed.substring(eq + 1).trim();
                if (target.isEmpty() || expr.isEmpty()) {
                    throw SqlError.of("Invalid columns header: '" + trimmed + "'");
                }
                derived.put(target, expr);
            }
        }
        return new ColumnMapping(source, derived);
    }

    private static String unquote(String name) throws SqlError {
        String n = name;
        if (n.length() >= 2 && n.startsWith("`") && n.endsWith("`")) {
            n = n.substring(1, n.length() - 1);
        }
        if (n.isEmpty() || n.chars().anyMatch(ch -> ch == ' ' || ch == '(' || ch == '\'')) {
            throw SqlError.of("Invalid columns header: '" + name + "' is not a column name");
        }
        return n;
    }

    /** Index of the first '=' outside quotes and parentheses that is not part of a comparison operator. */
    private static int topLevelEquals(String s) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == '=' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
