package dev.quarry.sandbox.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Token-level translation of StarRocks query SQL into DuckDB SQL: quoting, session values, function names and
 * argument shapes, {@code LIMIT a, b}, MySQL operators. Refuses what StarRocks refuses (tuple IN, FOR UPDATE).
 * Function calls are rewritten by {@link FunctionCalls}.
 */
final class Rewriter {

    /** What rewriting needs from the session. */
    interface Context {
        /** The SQL literal of {@code @@name} (scope already stripped). */
        String systemVariable(String name) throws SqlError;

        String userVariable(String name);

        /** The session's time zone: now(), curdate() and friends read the wall clock there (docs/starrocks.md §4.5). */
        java.time.ZoneId zone();

        int zoneOffsetSeconds();

        String currentDatabase();

        String user();

        long connectionId();

        /** Where "now" is read (the engine's clock). */
        java.time.Clock clock();
    }

    /**
     * A context with no client session behind it (load expressions, materialized-view queries): no variables, the
     * root user, connection 0, and the given zone, database and clock.
     */
    record Sessionless(java.time.ZoneId zone, String currentDatabase, java.time.Clock clock) implements Context {
        @Override
        public String systemVariable(String name) throws SqlError {
            throw SessionVariables.unknown(name);
        }

        @Override
        public String userVariable(String name) {
            return "NULL";
        }

        @Override
        public int zoneOffsetSeconds() {
            return zone.getRules().getOffset(clock.instant()).getTotalSeconds();
        }

        @Override
        public String user() {
            return "root";
        }

        @Override
        public long connectionId() {
            return 0;
        }
    }

    /** Words DuckDB reserves that StarRocks lets users name columns with: always quoted. */
    private static final Set<String> DUCK_ONLY_KEYWORDS = Set.of(
            "AT",
            "PIVOT",
            "UNPIVOT",
            "PIVOT_WIDER",
            "PIVOT_LONGER",
            "SUMMARIZE",
            "PLACING",
            "VARIADIC",
            "SYMMETRIC",
            "ASYMMETRIC",
            "ANALYSE",
            "DO",
            "RETURNING",
            "ASOF",
            "POSITIONAL",
            "LAMBDA");

    private static final Set<String> NOT_ALIASES = Set.of("END", "NULL", "TRUE", "FALSE", "DESC", "ASC");
    private static final Set<String> LIST_ENDS = Set.of(
            "FROM",
            "WHERE",
            "GROUP",
            "ORDER",
            "LIMIT",
            "UNION",
            "HAVING",
            "INTO",
            "WINDOW",
            "EXCEPT",
            "INTERSECT",
            "QUALIFY");

    private final List<Token> tokens;
    private final Context ctx;
    private final Map<Integer, String> aliasAfter = new HashMap<>();

    private Rewriter(List<Token> tokens, Context ctx) {
        this.tokens = tokens;
        this.ctx = ctx;
    }

    /** Rewrites tokens [from, to) of a statement; {@code sql} is the statement text (for select-list aliases). */
    static String rewrite(String sql, List<Token> tokens, int from, int to, Context ctx) throws SqlError {
        Rewriter r = new Rewriter(tokens, ctx);
        r.planAliases(sql, from, to);
        return r.range(from, to);
    }

    /** MySQL names an unaliased select item after its text; DuckDB would not, so alias it explicitly. */
    private void planAliases(String sql, int from, int to) {
        int depth = 0;
        int start = -1;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isWord("SELECT")) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) {
            return;
        }
        while (start < to
                && (tokens.get(start).isWord("DISTINCT") || tokens.get(start).isWord("ALL"))) {
            start++;
        }
        int itemStart = start;
        depth = 0;
        for (int i = start; i <= to; i++) {
            Token t = i < to ? tokens.get(i) : null;
            boolean end = t == null
                    || t.kind() == Token.Kind.END
                    || (depth == 0
                            && (t.isSymbol(",") || (t.kind() == Token.Kind.WORD && LIST_ENDS.contains(t.upper()))));
            if (end) {
                planItem(sql, itemStart, i);
                itemStart = i + 1;
                if (t == null || !t.isSymbol(",")) {
                    return;
                }
                continue;
            }
            if (t.isSymbol("(") || t.isSymbol("[") || t.isSymbol("{")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]") || t.isSymbol("}")) {
                depth--;
            }
        }
    }

    private void planItem(String sql, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        Token last = tokens.get(to - 1);
        if (n == 1 && (last.isIdentifier() || last.isSymbol("*"))) {
            return;
        }
        if (n == 3
                && tokens.get(from).isIdentifier()
                && tokens.get(from + 1).isSymbol(".")
                && (last.isIdentifier() || last.isSymbol("*"))) {
            return;
        }
        if (n == 5 && tokens.get(from + 1).isSymbol(".") && tokens.get(from + 3).isSymbol(".")) {
            return;
        }
        if (n >= 2) {
            Token prev = tokens.get(to - 2);
            if (prev.isWord("AS")) {
                return;
            }
            boolean lastIsName = last.kind() == Token.Kind.QUOTED_IDENT
                    || (last.kind() == Token.Kind.WORD && !NOT_ALIASES.contains(last.upper()));
            boolean prevEndsExpr = prev.isSymbol(")")
                    || prev.isIdentifier()
                    || prev.kind() == Token.Kind.NUMBER
                    || prev.kind() == Token.Kind.STRING
                    || prev.kind() == Token.Kind.VARIABLE;
            if (lastIsName && prevEndsExpr && !prev.isWord("CASE") && !prev.isWord("INTERVAL")) {
                return;
            }
            if (last.kind() == Token.Kind.STRING && prev.isSymbol(")")) {
                // `expr 'alias'` is a string alias in MySQL only after AS; leave it to DuckDB.
                return;
            }
        }
        String text = sql.substring(tokens.get(from).start(), last.end());
        aliasAfter.put(to - 1, text.replaceAll("\\s+", " "));
    }

    String range(int from, int to) throws SqlError {
        Out out = new Out();
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.END) {
                break;
            }
            switch (t.kind()) {
                case QUOTED_IDENT -> out.add(quotedName(t.value()));
                case STRING -> out.add(Sql.quoteString(t.value()));
                case NUMBER -> out.add(t.text());
                case VARIABLE -> out.add(variable(t));
                case SYMBOL -> {
                    if (t.isSymbol("(")) {
                        int close = matching(i);
                        if (close > 0 && close + 1 < tokens.size()) {
                            Token after = tokens.get(close + 1);
                            Token after2 = tokens.get(Math.min(close + 2, tokens.size() - 1));
                            boolean in = after.isWord("IN") || (after.isWord("NOT") && after2.isWord("IN"));
                            boolean call =
                                    i > 0 && tokens.get(i - 1).isIdentifier() && !isOperatorWord(tokens.get(i - 1));
                            if (in
                                    && !call
                                    && hasTopLevelComma(i + 1, close)
                                    && !tokens.get(i + 1).isWord("SELECT")) {
                                Token bad = after.isWord("IN") ? after : after2;
                                throw Lexer.syntax(
                                        bad.line(),
                                        bad.column(),
                                        "Unexpected input '" + bad.text()
                                                + "', the most similar input is {<EOF>, ';'}.");
                            }
                        }
                        depth++;
                        out.add("(");
                    } else if (t.isSymbol(")")) {
                        depth--;
                        out.add(")");
                    } else if (t.isSymbol(".")) {
                        out.glue(".");
                    } else if (t.isSymbol("<=>")) {
                        out.add("IS NOT DISTINCT FROM");
                    } else if (t.isSymbol("&&")) {
                        out.add("AND");
                    } else if (t.isSymbol("||")) {
                        out.add("OR");
                    } else {
                        out.add(t.text());
                    }
                }
                case WORD -> i = word(i, to, depth, out);
                default -> out.add(t.text());
            }
            String alias = aliasAfter.get(i);
            if (alias != null) {
                out.add("AS " + Sql.quoteIdent(alias));
            }
        }
        return out.toString();
    }

    /** Words after which '(' opens an expression, not a function's argument list. */
    private static boolean isOperatorWord(Token t) {
        return t.kind() == Token.Kind.WORD
                && switch (t.upper()) {
                    case "WHERE",
                            "AND",
                            "OR",
                            "NOT",
                            "ON",
                            "WHEN",
                            "THEN",
                            "ELSE",
                            "HAVING",
                            "SELECT",
                            "BY",
                            "IN",
                            "EXISTS",
                            "RETURN" -> true;
                    default -> false;
                };
    }

    /** A MySQL LIKE pattern for DuckDB's {@code ESCAPE '\\'}: a trailing lone backslash matches itself in MySQL. */
    private static String likePattern(String pattern) {
        StringBuilder b = new StringBuilder(pattern.length() + 1);
        for (int k = 0; k < pattern.length(); k++) {
            char c = pattern.charAt(k);
            b.append(c);
            if (c == '\\') {
                b.append(k + 1 < pattern.length() ? pattern.charAt(++k) : '\\');
            }
        }
        return b.toString();
    }

    private static String quotedName(String name) {
        if (name.equalsIgnoreCase("information_schema")) {
            return InformationSchema.SCHEMA;
        }
        return Sql.quoteIdent(name);
    }

    private int word(int i, int to, int depth, Out out) throws SqlError {
        Token t = tokens.get(i);
        String upper = t.upper();
        Token next = i + 1 < to ? tokens.get(i + 1) : tokens.get(tokens.size() - 1);
        Token prev = i > 0 ? tokens.get(i - 1) : null;
        boolean qualified = prev != null && prev.isSymbol(".");
        if (!qualified && next.isSymbol("(")) {
            int close = matching(i + 1);
            if (close > 0) {
                FunctionCalls calls = new FunctionCalls(this, tokens, ctx);
                String fn = calls.function(t.value().toLowerCase(Locale.ROOT), i + 2, close);
                if (fn != null) {
                    out.add(fn);
                    return close;
                }
            }
        }
        if (DUCK_ONLY_KEYWORDS.contains(upper)) {
            out.add(Sql.quoteIdent(t.value()));
            return i;
        }
        if (!qualified) {
            switch (upper) {
                case "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP" -> {
                    out.add(nowSql(ctx.zone()));
                    return i;
                }
                case "CURRENT_DATE" -> {
                    out.add("CAST(" + nowSql(ctx.zone()) + " AS DATE)");
                    return i;
                }
                case "INFORMATION_SCHEMA" -> {
                    out.add(InformationSchema.SCHEMA);
                    return i;
                }
                case "DEFAULT_CATALOG" -> {
                    if (next.isSymbol(".")) {
                        return i + 1;
                    }
                }
                case "DIV" -> {
                    out.add("//");
                    return i;
                }
                case "REGEXP", "RLIKE" -> {
                    // MySQL's REGEXP matches anywhere in the string, as DuckDB's ~ does.
                    out.add("~");
                    return i;
                }
                case "NOT" -> {
                    if (next.isWord("REGEXP") || next.isWord("RLIKE")) {
                        out.add("!~");
                        return i + 1;
                    }
                }
                case "LIKE" -> {
                    // MySQL and StarRocks make backslash LIKE's default escape ('gen\_%' matches a literal '_');
                    // DuckDB has no default escape, so name it for literal patterns.
                    Token after = i + 2 < to ? tokens.get(i + 2) : tokens.get(tokens.size() - 1);
                    if (next.kind() == Token.Kind.STRING && !after.isWord("ESCAPE")) {
                        out.add("LIKE " + Sql.quoteString(likePattern(next.value())) + " ESCAPE '\\'");
                        return i + 1;
                    }
                }
                case "FOR" -> {
                    if (depth == 0 && next.isWord("UPDATE")) {
                        throw Lexer.syntax(
                                t.line(),
                                t.column(),
                                "Unexpected input 'FOR', the most similar input is {<EOF>, ';'}.");
                    }
                }
                case "LIMIT" -> {
                    // MySQL `LIMIT offset, count`.
                    if (i + 3 < to
                            && next.kind() == Token.Kind.NUMBER
                            && tokens.get(i + 2).isSymbol(",")
                            && tokens.get(i + 3).kind() == Token.Kind.NUMBER) {
                        out.add("LIMIT " + tokens.get(i + 3).text() + " OFFSET " + next.text());
                        return i + 3;
                    }
                }
                default -> {}
            }
            if (upper.equals("COLLATE") && next.isIdentifier()) {
                // MySQL collations: *_ci compare case-insensitively (DuckDB's NOCASE); others are binary.
                if (next.value().toLowerCase(Locale.ROOT).endsWith("_ci")) {
                    out.add("COLLATE NOCASE");
                }
                return i + 1;
            }
            if (prev != null
                    && prev.isWord("AS")
                    && (upper.equals("SIGNED") || upper.equals("UNSIGNED"))
                    && next.isWord("INTEGER")) {
                out.add("BIGINT");
                return i + 1;
            }
            if (prev != null && prev.isWord("AS") && (next.isSymbol(")") || next.isSymbol("("))) {
                String mapped = switch (upper) {
                    case "DATETIME" -> "TIMESTAMP";
                    case "STRING", "CHAR", "TEXT" -> "VARCHAR";
                    case "LARGEINT" -> "HUGEINT";
                    case "SIGNED", "UNSIGNED" -> "BIGINT";
                    default -> null;
                };
                if (mapped != null) {
                    out.add(mapped);
                    if (next.isSymbol("(") && !mapped.equals("VARCHAR")) {
                        return matching(i + 1);
                    }
                    if (next.isSymbol("(")) {
                        return matching(i + 1);
                    }
                    return i;
                }
            }
        }
        out.add(t.text());
        return i;
    }

    String arg(int[] range) throws SqlError {
        Rewriter nested = new Rewriter(tokens, ctx);
        return nested.range(range[0], range[1]);
    }

    private boolean hasTopLevelComma(int from, int close) {
        int depth = 0;
        for (int i = from; i < close; i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isSymbol(",")) {
                return true;
            }
        }
        return false;
    }

    private int matching(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private String variable(Token t) throws SqlError {
        String v = t.value();
        if (v.startsWith("@@")) {
            String name = v.substring(2);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("session.") || lower.startsWith("global.") || lower.startsWith("local.")) {
                name = name.substring(name.indexOf('.') + 1);
            }
            return ctx.systemVariable(name);
        }
        return ctx.userVariable(v.substring(1));
    }

    /**
     * DuckDB SQL for the current wall-clock DATETIME (seconds precision, as StarRocks' now()) in {@code zone}. Kept
     * as an expression, not a literal, so views and materialized views stay live. It calls {@code sr_now()}, the
     * engine clock registered as a DuckDB function ({@link Functions#registerNow}), not DuckDB's system-clock now().
     */
    static String nowSql(java.time.ZoneId zone) {
        String now = Functions.NOW + "()";
        if (zone instanceof java.time.ZoneOffset offset) {
            return "(date_trunc('second', timezone('UTC', " + now + ")) + to_seconds(" + offset.getTotalSeconds()
                    + "))";
        }
        return "date_trunc('second', timezone(" + Sql.quoteString(zone.getId()) + ", " + now + "))";
    }

    /** Output with MySQL-insensitive spacing: tokens separated by spaces, dots glued. */
    private static final class Out {
        private final StringBuilder b = new StringBuilder();
        private boolean glueNext;

        void add(String s) {
            if (b.length() > 0 && !glueNext) {
                b.append(' ');
            }
            b.append(s);
            glueNext = false;
        }

        void glue(String s) {
            b.append(s);
            glueNext = true;
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }
}
