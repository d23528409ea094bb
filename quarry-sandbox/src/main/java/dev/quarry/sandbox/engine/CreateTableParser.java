package dev.quarry.sandbox.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses StarRocks' CREATE TABLE clauses (docs/starrocks.md §3.1) after {@code CREATE TABLE [IF NOT EXISTS] name}. */
final class CreateTableParser {
    private CreateTableParser() {}

    /** Everything the statement says, before validation and defaults. */
    static final class Parsed {
        final List<ColumnDef> columns = new ArrayList<>();
        final List<String> columnAliases = new ArrayList<>();
        /** Whether each column said NULL or NOT NULL (PK key columns default to NOT NULL, others to NULL). */
        final List<Boolean> nullableGiven = new ArrayList<>();

        KeysType keysType;
        List<String> keys = List.of();
        String comment;
        String partitionDesc;
        List<String> partitionColumns = List.of();
        boolean partitionIsExpression;
        Boolean random;
        List<String> distributionColumns = List.of();
        int buckets;
        List<String> orderBy = List.of();
        Map<String, String> properties = new LinkedHashMap<>();
        int asQueryFrom = -1;
    }

    static Parsed parse(Cursor c, boolean allowNoColumns) throws SqlError {
        Parsed p = new Parsed();
        if (c.peek().isSymbol("(") && !(c.peek(1).isWord("SELECT") || c.peek(1).isWord("WITH"))) {
            c.expectSymbol("(");
            do {
                if (c.isWord("INDEX")) {
                    skipIndex(c);
                    continue;
                }
                if ((allowNoColumns && c.peek(1).isSymbol(","))
                        || (allowNoColumns && c.peek(1).isSymbol(")"))) {
                    p.columnAliases.add(c.identifier());
                    continue;
                }
                p.columns.add(column(c, p.nullableGiven));
            } while (c.acceptSymbol(","));
            c.expectSymbol(")");
        } else if (!allowNoColumns) {
            throw c.unexpected("'('");
        }
        while (!c.atEnd()) {
            if (c.acceptWord("ENGINE")) {
                c.acceptSymbol("=");
                String engine = c.identifier();
                if (!engine.equalsIgnoreCase("olap")) {
                    throw SqlError.analysis("Unknown engine name: " + engine);
                }
            } else if (c.isWord("DUPLICATE", "KEY")
                    || c.isWord("AGGREGATE", "KEY")
                    || c.isWord("UNIQUE", "KEY")
                    || c.isWord("PRIMARY", "KEY")) {
                String kind = c.next().upper();
                c.next();
                p.keysType = switch (kind) {
                    case "DUPLICATE" -> KeysType.DUPLICATE;
                    case "AGGREGATE" -> KeysType.AGGREGATE;
                    case "UNIQUE" -> KeysType.UNIQUE;
                    default -> KeysType.PRIMARY;
                };
                p.keys = c.identifierList();
            } else if (c.acceptWord("COMMENT")) {
                c.acceptSymbol("=");
                p.comment = c.string();
            } else if (c.isWord("PARTITION", "BY")) {
                partition(c, p);
            } else if (c.acceptWord("DISTRIBUTED", "BY")) {
                if (c.acceptWord("RANDOM")) {
                    p.random = true;
                } else {
                    c.expectWord("HASH");
                    p.random = false;
                    p.distributionColumns = c.identifierList();
                }
                if (c.acceptWord("BUCKETS")) {
                    if (c.acceptWord("AUTO")) {
                        p.buckets = 0;
                    } else {
                        long n = c.integer();
                        if (n <= 0) {
                            throw SqlError.analysis("Number of hash distribution should be greater than zero.");
                        }
                        p.buckets = (int) n;
                    }
                }
            } else if (c.isWord("ORDER", "BY")) {
                c.next();
                c.next();
                p.orderBy = c.identifierList();
            } else if (c.acceptWord("PROPERTIES")) {
                p.properties.putAll(properties(c));
            } else if (c.acceptWord("AS")) {
                p.asQueryFrom = c.index();
                return p;
            } else if (c.isWord("SELECT") || c.isWord("WITH")) {
                p.asQueryFrom = c.index();
                return p;
            } else if (c.isWord("ROLLUP")) {
                c.next();
                c.skipParens();
            } else {
                throw c.unexpected("ENGINE, KEY, COMMENT, PARTITION, DISTRIBUTED, ORDER, PROPERTIES");
            }
        }
        return p;
    }

    static Map<String, String> properties(Cursor c) throws SqlError {
        Map<String, String> out = new LinkedHashMap<>();
        c.expectSymbol("(");
        if (c.acceptSymbol(")")) {
            return out;
        }
        do {
            String key = c.string();
            c.expectSymbol("=");
            out.put(key, c.string());
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        return out;
    }

    private static void skipIndex(Cursor c) throws SqlError {
        c.expectWord("INDEX");
        c.identifier();
        c.skipParens();
        while (!c.peek().isSymbol(",") && !c.peek().isSymbol(")") && !c.atEnd()) {
            c.next();
        }
    }

    static ColumnDef column(Cursor c, List<Boolean> nullableGiven) throws SqlError {
        String name = c.identifier();
        ColumnType type = ColumnType.parse(c);
        Boolean nullable = null;
        AggType agg = null;
        String dflt = null;
        boolean dfltExpr = false;
        boolean autoIncrement = false;
        String comment = "";
        while (true) {
            Token t = c.peek();
            if (t.kind() != Token.Kind.WORD) {
                break;
            }
            String w = t.upper();
            if (w.equals("NOT") && c.peek(1).isWord("NULL")) {
                c.next();
                c.next();
                nullable = false;
            } else if (w.equals("NULL")) {
                c.next();
                nullable = true;
            } else if (w.equals("DEFAULT")) {
                c.next();
                Token v = c.peek();
                if (v.isWord("CURRENT_TIMESTAMP")) {
                    c.next();
                    if (c.acceptSymbol("(")) {
                        c.expectSymbol(")");
                    }
                    dflt = "CURRENT_TIMESTAMP";
                    dfltExpr = true;
                } else if (v.isWord("NULL")) {
                    c.next();
                    dflt = null;
                } else if (v.isSymbol("(")) {
                    int from = c.index();
                    c.skipParens();
                    dflt = c.textFrom(from);
                    dfltExpr = true;
                } else if (v.kind() == Token.Kind.STRING || v.kind() == Token.Kind.NUMBER) {
                    c.next();
                    dflt = v.value();
                } else if (v.isSymbol("-") && c.peek(1).kind() == Token.Kind.NUMBER) {
                    c.next();
                    dflt = "-" + c.next().text();
                } else {
                    throw c.unexpected("a default value");
                }
            } else if (w.equals("AUTO_INCREMENT")) {
                c.next();
                autoIncrement = true;
            } else if (w.equals("COMMENT")) {
                c.next();
                comment = c.string();
            } else if (w.equals("CHARACTER") || w.equals("CHARSET") || w.equals("COLLATE")) {
                c.next();
                c.acceptWord("SET");
                c.identifier();
            } else if (w.equals("AS")) {
                throw SqlError.analysis("Generated columns are not supported by the sandbox");
            } else {
                AggType a = agg(w);
                if (a == null) {
                    break;
                }
                c.next();
                agg = a;
            }
        }
        if (autoIncrement && type.base() != SqlType.BIGINT) {
            throw SqlError.analysis("The AUTO_INCREMENT column must be BIGINT");
        }
        nullableGiven.add(nullable != null);
        return new ColumnDef(
                name, type, nullable == null || nullable, false, agg, dflt, dfltExpr, autoIncrement, comment);
    }

    static AggType agg(String word) {
        try {
            return AggType.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void partition(Cursor c, Parsed p) throws SqlError {
        int from = c.index();
        c.expectWord("PARTITION", "BY");
        List<String> cols = new ArrayList<>();
        if (c.acceptWord("RANGE") || c.acceptWord("LIST")) {
            cols.addAll(c.identifierList());
            if (c.peek().isSymbol("(")) {
                c.skipParens();
            }
        } else {
            // Expression partitioning: date_trunc('day', c), time_slice(c, ...), or a column list (docs/starrocks.md
            // §3.5).
            boolean parens = c.acceptSymbol("(");
            do {
                if (c.peek().isIdentifier() && c.peek(1).isSymbol("(")) {
                    p.partitionIsExpression = true;
                    c.next();
                    int depth = 0;
                    do {
                        Token t = c.next();
                        if (t.isSymbol("(")) {
                            depth++;
                        } else if (t.isSymbol(")")) {
                            depth--;
                        } else if (t.isIdentifier() && depth == 1 && !t.isWord("INTERVAL") && !isUnit(t)) {
                            cols.add(t.value());
                        }
                    } while (depth > 0 && !c.atEnd());
                } else {
                    cols.add(c.identifier());
                }
            } while (c.acceptSymbol(","));
            if (parens) {
                c.expectSymbol(")");
            }
        }
        p.partitionColumns = cols;
        p.partitionDesc = c.textFrom(from);
    }

    private static boolean isUnit(Token t) {
        return switch (t.upper()) {
            case "DAY", "HOUR", "MINUTE", "SECOND", "MONTH", "YEAR", "WEEK", "QUARTER", "FLOOR", "CEIL" -> true;
            default -> false;
        };
    }
}
