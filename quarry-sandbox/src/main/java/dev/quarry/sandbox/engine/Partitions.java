package dev.quarry.sandbox.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named partitions of explicitly partitioned tables (RANGE with LESS THAN or fixed ranges, LIST), as row predicates
 * over the partition column, so TRUNCATE/INSERT OVERWRITE ... PARTITION(p) touch only those rows (docs/starrocks.md §3.5).
 */
final class Partitions {
    private final TableDef table;
    private final Map<String, String> predicates;
    /** For {@code date_trunc('unit', col)} partitioning and START/END/EVERY ranges: the time unit, else null. */
    private final String unit;

    private Partitions(TableDef table, Map<String, String> predicates) {
        this(table, predicates, null);
    }

    private Partitions(TableDef table, Map<String, String> predicates, String unit) {
        this.table = table;
        this.predicates = predicates;
        this.unit = unit;
    }

    static Partitions of(TableDef t) throws SqlError {
        Map<String, String> preds = new LinkedHashMap<>();
        if (t.partitionDesc() == null || t.partitionColumns().size() != 1) {
            return new Partitions(t, preds);
        }
        Cursor c = new Cursor(t.partitionDesc());
        c.expectWord("PARTITION", "BY");
        boolean range = c.acceptWord("RANGE");
        boolean list = !range && c.acceptWord("LIST");
        if (!range && !list) {
            // Expression partitioning (docs/starrocks.md §3.5): date_trunc('unit', col) names partitions
            // p<yyyyMMdd...>.
            if (c.acceptWord("DATE_TRUNC")) {
                c.expectSymbol("(");
                return new Partitions(t, preds, c.string().toLowerCase(java.util.Locale.ROOT));
            }
            return new Partitions(t, preds);
        }
        c.identifierList();
        if (!c.acceptSymbol("(")) {
            return new Partitions(t, preds);
        }
        String col = Sql.quoteIdent(t.partitionColumns().get(0));
        String previousUpper = null;
        while (!c.atEnd() && !c.peek().isSymbol(")")) {
            if (c.acceptWord("START")) {
                // START ("a") END ("b") EVERY (INTERVAL 1 unit): partitions named p<yyyyMMdd...> per unit step.
                while (!c.atEnd() && !c.isWord("INTERVAL")) {
                    c.next();
                }
                if (c.acceptWord("INTERVAL")) {
                    c.integer();
                    return new Partitions(t, preds, c.identifier().toLowerCase(java.util.Locale.ROOT));
                }
                return new Partitions(t, new LinkedHashMap<>());
            }
            if (!c.acceptWord("PARTITION")) {
                return new Partitions(t, new LinkedHashMap<>());
            }
            c.acceptWord("IF", "NOT", "EXISTS");
            String name = c.identifier();
            c.expectWord("VALUES");
            if (list) {
                c.expectWord("IN");
                c.expectSymbol("(");
                List<String> values = new ArrayList<>();
                do {
                    if (c.acceptSymbol("(")) {
                        values.add(literal(c));
                        c.expectSymbol(")");
                    } else {
                        values.add(literal(c));
                    }
                } while (c.acceptSymbol(","));
                c.expectSymbol(")");
                preds.put(name, col + " IN (" + String.join(", ", values) + ")");
            } else if (c.acceptWord("LESS", "THAN")) {
                String upper;
                if (c.acceptWord("MAXVALUE")) {
                    upper = null;
                } else {
                    c.expectSymbol("(");
                    upper = c.acceptWord("MAXVALUE") ? null : literal(c);
                    c.expectSymbol(")");
                }
                List<String> parts = new ArrayList<>();
                if (previousUpper != null) {
                    parts.add(col + " >= " + previousUpper);
                }
                if (upper != null) {
                    parts.add(col + " < " + upper);
                }
                String p = parts.isEmpty() ? "TRUE" : String.join(" AND ", parts);
                // NULL goes to the lowest partition (docs/starrocks.md §3.5).
                preds.put(name, previousUpper == null ? "(" + p + " OR " + col + " IS NULL)" : p);
                previousUpper = upper;
            } else {
                c.expectSymbol("[");
                c.expectSymbol("(");
                String lo = literal(c);
                c.expectSymbol(")");
                c.expectSymbol(",");
                c.expectSymbol("(");
                String hi = literal(c);
                c.expectSymbol(")");
                c.expectSymbol(")");
                preds.put(name, col + " >= " + lo + " AND " + col + " < " + hi);
            }
            c.acceptSymbol(",");
        }
        return new Partitions(t, preds);
    }

    private static String literal(Cursor c) throws SqlError {
        Token t = c.next();
        if (t.kind() == Token.Kind.STRING) {
            return Sql.quoteString(t.value());
        }
        if (t.kind() == Token.Kind.NUMBER) {
            return t.text();
        }
        if (t.isSymbol("-") && c.peek().kind() == Token.Kind.NUMBER) {
            return "-" + c.next().text();
        }
        throw c.unexpected("a partition value");
    }

    /** Rows of a time partition named like StarRocks names them (p2024, p202401, p20240101, p2024010100). */
    private String timePartition(String name) {
        if (unit == null || table.partitionColumns().size() != 1) {
            return null;
        }
        String digits = name.length() > 1 && (name.charAt(0) == 'p' || name.charAt(0) == 'P') ? name.substring(1) : "";
        if (!digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int expected = switch (unit) {
            case "year" -> 4;
            case "month" -> 6;
            case "day" -> 8;
            case "hour" -> 10;
            default -> -1;
        };
        if (digits.length() != expected) {
            return null;
        }
        String start = digits.substring(0, 4) + "-" + (expected >= 6 ? digits.substring(4, 6) : "01") + "-"
                + (expected >= 8 ? digits.substring(6, 8) : "01") + " "
                + (expected >= 10 ? digits.substring(8, 10) : "00")
                + ":00:00";
        if (Dates.parse(start, false) == Long.MIN_VALUE) {
            return null;
        }
        return "date_trunc('" + unit + "', CAST("
                + Sql.quoteIdent(table.partitionColumns().get(0)) + " AS TIMESTAMP)) = TIMESTAMP '" + start + "'";
    }

    /**
     * Dynamic overwrite (session variable dynamic_overwrite, docs/starrocks.md §5.2, since 3.4): a predicate over the
     * target's rows selecting the partitions that rows of {@code stage} fall into, or null when the table has no
     * partitioning the sandbox can evaluate.
     */
    String touchedBy(String stage) {
        if (table.partitionColumns().size() != 1) {
            return null;
        }
        String col = Sql.quoteIdent(table.partitionColumns().get(0));
        if (unit != null) {
            String key = "date_trunc('" + unit + "', CAST(%s AS TIMESTAMP))";
            return String.format(key, col) + " IN (SELECT " + String.format(key, col) + " FROM " + stage + ")";
        }
        if (predicates.isEmpty()) {
            if (table.partitionDesc() != null
                    && !table.partitionDesc().toUpperCase(java.util.Locale.ROOT).contains("RANGE")
                    && !table.partitionDesc().toUpperCase(java.util.Locale.ROOT).contains("LIST")) {
                // PARTITION BY (col): one partition per value.
                return col + " IN (SELECT " + col + " FROM " + stage + ")";
            }
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String p : predicates.values()) {
            parts.add("((" + p + ") AND EXISTS (SELECT 1 FROM " + stage + " WHERE " + p + "))");
        }
        return String.join(" OR ", parts);
    }

    /** The partition clause without the named PARTITION item (its text up to the next item or the closing paren). */
    static String without(String desc, String name) throws SqlError {
        Cursor c = new Cursor(desc);
        List<Token> tokens = c.tokens();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
                if (start >= 0 && depth == 0) {
                    return cut(desc, tokens, start, i);
                }
            } else if (depth == 1
                    && t.isWord("PARTITION")
                    && i + 1 < tokens.size()
                    && tokens.get(i + 1).value().equalsIgnoreCase(name)) {
                start = i;
            } else if (start >= 0 && depth == 1 && t.isSymbol(",")) {
                return cut(desc, tokens, start, i + 1);
            }
        }
        return desc;
    }

    private static String cut(String desc, List<Token> tokens, int from, int to) {
        String before = desc.substring(0, tokens.get(from).start());
        String after = desc.substring(tokens.get(to).start());
        if (tokens.get(to).isSymbol(")")) {
            before = before.replaceFirst(",\\s*$", "");
        }
        return before + after;
    }

    /** DuckDB SQL of the time bucket a row falls in (unit partitioning), or null. */
    String timeKeySql() {
        if (unit == null || table.partitionColumns().size() != 1 || timeNameDigits() < 0) {
            return null;
        }
        return "date_trunc('" + unit + "', CAST("
                + Sql.quoteIdent(table.partitionColumns().get(0)) + " AS TIMESTAMP))";
    }

    /** Digits after 'p' in StarRocks' names of unit partitions: 4 (year) … 10 (hour). */
    int timeNameDigits() {
        return unit == null
                ? -1
                : switch (unit) {
                    case "year" -> 4;
                    case "month" -> 6;
                    case "day" -> 8;
                    case "hour" -> 10;
                    default -> -1;
                };
    }

    /** Predicate true for rows some explicit partition accepts, or null when every row has a partition. */
    String coverage() {
        if (predicates.isEmpty() || unit != null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String p : predicates.values()) {
            parts.add("(" + p + ")");
        }
        return String.join(" OR ", parts);
    }

    List<String> names() {
        return new ArrayList<>(predicates.keySet());
    }

    /** Predicate selecting rows of the named partitions, or {@code null} for "all rows" when none are named. */
    String predicateFor(List<String> names) throws SqlError {
        if (names.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String n : names) {
            String p = predicates.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(n))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            if (p == null) {
                p = timePartition(n);
            }
            if (p == null) {
                throw SqlError.analysis("Unknown partition '" + n + "' in table '" + table.name() + "'");
            }
            parts.add("(" + p + ")");
        }
        return String.join(" OR ", parts);
    }
}
