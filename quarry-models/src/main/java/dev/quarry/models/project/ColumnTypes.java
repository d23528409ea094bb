package dev.quarry.models.project;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Type names SQLMesh projects write in {@code columns} (sqlglot's generic names) as the StarRocks types they stand
 * for (docs/sqlmesh.md §2.2): {@code TEXT} is StarRocks' {@code STRING}, {@code TIMESTAMP} its {@code DATETIME}.
 */
final class ColumnTypes {
    private static final Map<String, String> NAMES = Map.of(
            "TEXT", "STRING",
            "TIMESTAMP", "DATETIME",
            "TIMESTAMPNTZ", "DATETIME",
            "BOOL", "BOOLEAN",
            "REAL", "FLOAT",
            "NUMERIC", "DECIMAL",
            "INT4", "INT",
            "INT8", "BIGINT");
    private static final Pattern WORD = Pattern.compile("(?i)\\bDOUBLE\\s+PRECISION\\b|\\b[A-Z_][A-Z0-9_]*\\b");

    private ColumnTypes() {}

    /** {@code type} with generic names replaced by StarRocks ones, nested types included. */
    static String starRocks(String type) {
        Matcher m = WORD.matcher(type);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group().toUpperCase(Locale.ROOT);
            String replacement = word.startsWith("DOUBLE ") ? "DOUBLE" : NAMES.getOrDefault(word, m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
