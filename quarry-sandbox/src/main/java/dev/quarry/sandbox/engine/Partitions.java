package dev.quarry.sandbox.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named partitions of explicitly partitioned tables (RANGE with LESS THAN or fixed ranges, LIST), as row predicates
 * over the partition column, so TRUNCATE/INSERT OVERWRITE ... PARTITION(p) touch only those rows (spec §3.4).
 */
final class Partitions {
    private final TableDef table;
    private final Map<String, String> predicates;

    private Partitions(TableDef table, Map<String, String> predicates) {
        this.table = table;
        this.predicates = predicates;
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
            return new Partitions(t, preds);
        }
        c.identifierList();
        if (!c.acceptSymbol("(")) {
            return new Partitions(t, preds);
        }
        String col = Sql.quoteIdent(t.partitionColumns().get(0));
        String previousUpper = null;
        while (!c.atEnd() && !c.peek().isSymbol(")")) {
            if (!c.acceptWord("PARTITION")) {
                // START ... END ... EVERY batches: names are generated; not addressable here.
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
                // NULL goes to the lowest partition (spec §3.4).
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
            String p = predicates.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(n)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            if (p == null) {
                throw SqlError.analysis("Unknown partition '" + n + "' in table '" + table.name() + "'");
            }
            parts.add("(" + p + ")");
        }
        return String.join(" OR ", parts);
    }
}
