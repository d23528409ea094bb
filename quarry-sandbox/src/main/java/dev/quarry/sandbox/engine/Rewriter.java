package dev.quarry.sandbox.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Token-level translation of StarRocks query SQL into DuckDB SQL: quoting, session values, function names and
 * argument shapes, {@code LIMIT a, b}, MySQL operators. Refuses what StarRocks refuses (tuple IN, FOR UPDATE).
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
    }

    /**
     * A context with no client session behind it (load expressions, materialized-view queries): no variables, the
     * root user, connection 0, and the given zone and database.
     */
    record Sessionless(java.time.ZoneId zone, String currentDatabase) implements Context {
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
            return zone.getRules().getOffset(java.time.Instant.now()).getTotalSeconds();
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
    private static final Set<String> DUCK_ONLY_KEYWORDS = Set.of("AT", "PIVOT", "UNPIVOT", "PIVOT_WIDER", "PIVOT_LONGER",
            "SUMMARIZE", "PLACING", "VARIADIC", "SYMMETRIC", "ASYMMETRIC", "ANALYSE", "DO", "RETURNING",
            "ASOF", "POSITIONAL", "LAMBDA");
    private static final Set<String> NOT_ALIASES = Set.of("END", "NULL", "TRUE", "FALSE", "DESC", "ASC");
    private static final Set<String> LIST_ENDS = Set.of("FROM", "WHERE", "GROUP", "ORDER", "LIMIT", "UNION", "HAVING",
            "INTO", "WINDOW", "EXCEPT", "INTERSECT", "QUALIFY");

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
        while (start < to && (tokens.get(start).isWord("DISTINCT") || tokens.get(start).isWord("ALL"))) {
            start++;
        }
        int itemStart = start;
        depth = 0;
        for (int i = start; i <= to; i++) {
            Token t = i < to ? tokens.get(i) : null;
            boolean end = t == null || t.kind() == Token.Kind.END
                    || (depth == 0 && (t.isSymbol(",") || (t.kind() == Token.Kind.WORD && LIST_ENDS.contains(t.upper()))));
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
        if (n == 3 && tokens.get(from).isIdentifier() && tokens.get(from + 1).isSymbol(".")
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
            boolean prevEndsExpr = prev.isSymbol(")") || prev.isIdentifier() || prev.kind() == Token.Kind.NUMBER
                    || prev.kind() == Token.Kind.STRING || prev.kind() == Token.Kind.VARIABLE;
            if (lastIsName && prevEndsExpr && !prev.isWord("CASE") && !prev.isWord("INTERVAL")) {
                return;
            }
            if (last.kind() == Token.Kind.STRING && prev.isSymbol(")") ) {
                // `expr 'alias'` is a string alias in MySQL only after AS; leave it to DuckDB.
                return;
            }
        }
        String text = sql.substring(tokens.get(from).start(), last.end());
        aliasAfter.put(to - 1, text.replaceAll("\\s+", " "));
    }

    private String range(int from, int to) throws SqlError {
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
                            boolean call = i > 0 && tokens.get(i - 1).isIdentifier() && !isOperatorWord(tokens.get(i - 1));
                            if (in && !call && hasTopLevelComma(i + 1, close) && !tokens.get(i + 1).isWord("SELECT")) {
                                Token bad = after.isWord("IN") ? after : after2;
                                throw Lexer.syntax(bad.line(), bad.column(), "Unexpected input '" + bad.text()
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
        return t.kind() == Token.Kind.WORD && switch (t.upper()) {
            case "WHERE", "AND", "OR", "NOT", "ON", "WHEN", "THEN", "ELSE", "HAVING", "SELECT", "BY", "IN", "EXISTS", "RETURN" -> true;
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
                String fn = function(t.value().toLowerCase(Locale.ROOT), i + 2, close);
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
                        throw Lexer.syntax(t.line(), t.column(),
                                "Unexpected input 'FOR', the most similar input is {<EOF>, ';'}.");
                    }
                }
                case "LIMIT" -> {
                    // MySQL `LIMIT offset, count`.
                    if (i + 3 < to && next.kind() == Token.Kind.NUMBER && tokens.get(i + 2).isSymbol(",")
                            && tokens.get(i + 3).kind() == Token.Kind.NUMBER) {
                        out.add("LIMIT " + tokens.get(i + 3).text() + " OFFSET " + next.text());
                        return i + 3;
                    }
                }
                default -> { }
            }
            if (upper.equals("COLLATE") && next.isIdentifier()) {
                // MySQL collations: *_ci compare case-insensitively (DuckDB's NOCASE); others are binary.
                if (next.value().toLowerCase(Locale.ROOT).endsWith("_ci")) {
                    out.add("COLLATE NOCASE");
                }
                return i + 1;
            }
            if (prev != null && prev.isWord("AS") && (upper.equals("SIGNED") || upper.equals("UNSIGNED"))
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

    /** A rewritten call of {@code name} with arguments in tokens [from, close), or null to keep it as is. */
    private String function(String name, int from, int close) throws SqlError {
        List<int[]> args = arguments(from, close);
        switch (name) {
            case "now", "current_timestamp", "localtime", "localtimestamp", "sysdate":
                return nowSql(ctx.zone());
            case "utc_timestamp":
                return nowSql(java.time.ZoneOffset.UTC);
            case "curdate", "current_date":
                return "CAST(" + nowSql(ctx.zone()) + " AS DATE)";
            case "curtime", "current_time":
                return "strftime(" + nowSql(ctx.zone()) + ", '%H:%M:%S')";
            case "version":
                return "'8.0.33'";
            case "database", "schema":
                return ctx.currentDatabase() == null ? "CAST(NULL AS VARCHAR)" : Sql.quoteString(ctx.currentDatabase());
            case "user", "current_user", "session_user", "system_user":
                return Sql.quoteString("'" + ctx.user() + "'@'%'");
            case "connection_id":
                return Long.toString(ctx.connectionId());
            case "last_insert_id":
                return "0";
            case "unix_timestamp":
                if (args.isEmpty()) {
                    return Long.toString(System.currentTimeMillis() / 1000);
                }
                return "sr_unix_timestamp(" + arg(args.get(0)) + ", " + ctx.zoneOffsetSeconds() + ")";
            case "from_unixtime":
                if (args.size() == 1) {
                    return "sr_from_unixtime(" + arg(args.get(0)) + ", " + ctx.zoneOffsetSeconds() + ")";
                }
                return null;
            case "date_format":
                if (args.size() == 2) {
                    return "strftime(CAST(" + arg(args.get(0)) + " AS TIMESTAMP), " + format(args.get(1)) + ")";
                }
                return null;
            case "str_to_date":
                if (args.size() == 2) {
                    return "strptime(" + arg(args.get(0)) + ", " + format(args.get(1)) + ")";
                }
                return null;
            case "str2date":
                if (args.size() == 2) {
                    return "CAST(strptime(" + arg(args.get(0)) + ", " + format(args.get(1)) + ") AS DATE)";
                }
                return null;
            case "date_add", "adddate", "date_sub", "subdate", "days_sub", "months_sub", "years_sub", "hours_sub",
                    "minutes_sub", "seconds_sub", "weeks_sub":
                if (args.size() == 2) {
                    boolean sub = name.contains("sub");
                    int[] second = args.get(1);
                    if (tokens.get(second[0]).isWord("INTERVAL")) {
                        return "(CAST(" + arg(args.get(0)) + " AS TIMESTAMP) " + (sub ? "-" : "+") + " " + arg(second) + ")";
                    }
                    String unit = name.startsWith("date") || name.startsWith("adddate") || name.startsWith("subdate")
                            ? "days" : name.substring(0, name.indexOf('_'));
                    String n = sub ? "-(" + arg(second) + ")" : arg(second);
                    return "sr_" + unit + "_add(" + arg(args.get(0)) + ", " + n + ")";
                }
                return null;
            case "group_concat": {
                // GROUP_CONCAT([DISTINCT] x [ORDER BY ...] [SEPARATOR 'sep']): default separator ',' (MySQL).
                if (args.size() != 1) {
                    return null;
                }
                int[] a = args.get(0);
                int sepAt = -1;
                for (int k = a[0]; k < a[1]; k++) {
                    if (tokens.get(k).isWord("SEPARATOR")) {
                        sepAt = k;
                    }
                }
                String sep = sepAt < 0 ? "','" : range(sepAt + 1, a[1]);
                int end = sepAt < 0 ? a[1] : sepAt;
                int orderAt = -1;
                for (int k = a[0]; k < end; k++) {
                    if (tokens.get(k).isWord("ORDER") && k + 1 < end && tokens.get(k + 1).isWord("BY")) {
                        orderAt = k;
                    }
                }
                boolean distinct = tokens.get(a[0]).isWord("DISTINCT");
                String value = range(distinct ? a[0] + 1 : a[0], orderAt < 0 ? end : orderAt);
                String order = orderAt < 0 ? "" : " " + range(orderAt, end);
                return "string_agg(" + (distinct ? "DISTINCT " : "") + "CAST(" + value + " AS VARCHAR), " + sep + order + ")";
            }
            case "timestampdiff":
                if (args.size() == 3) {
                    return "date_diff(" + Sql.quoteString(tokens.get(args.get(0)[0]).value().toLowerCase(Locale.ROOT)) + ", CAST("
                            + arg(args.get(1)) + " AS TIMESTAMP), CAST(" + arg(args.get(2)) + " AS TIMESTAMP))";
                }
                return null;
            case "timestampadd":
                if (args.size() == 3) {
                    return "(CAST(" + arg(args.get(2)) + " AS TIMESTAMP) + to_" + tokens.get(args.get(0)[0]).value()
                            .toLowerCase(Locale.ROOT) + "s(CAST(" + arg(args.get(1)) + " AS BIGINT)))";
                }
                return null;
            case "years_diff", "months_diff", "weeks_diff", "days_diff", "hours_diff", "minutes_diff", "seconds_diff":
                if (args.size() == 2) {
                    return "date_diff(" + Sql.quoteString(name.substring(0, name.indexOf('s'))) + ", CAST(" + arg(args.get(1))
                            + " AS TIMESTAMP), CAST(" + arg(args.get(0)) + " AS TIMESTAMP))";
                }
                return null;
            case "convert": {
                // CONVERT(x USING charset) is a no-op (UTF-8 only, docs/starrocks.md §4.2); CONVERT(x, type) is CAST(x AS type).
                if (args.size() == 1) {
                    int[] a = args.get(0);
                    for (int k = a[0]; k < a[1]; k++) {
                        if (tokens.get(k).isWord("USING")) {
                            return "(" + range(a[0], k) + ")";
                        }
                    }
                    return null;
                }
                if (args.size() == 2) {
                    int[] t = args.get(1);
                    String type = castType(t[0], t[1]);
                    return "CAST(" + arg(args.get(0)) + " AS " + type + ")";
                }
                return null;
            }
            case "array_map", "transform", "array_filter", "any_match", "all_match": {
                // StarRocks writes the lambda first (x -> expr, arr); DuckDB wants (arr, lambda x: expr).
                if (args.size() == 2) {
                    String lambda = lambda(args.get(0));
                    if (lambda != null) {
                        String fn = switch (name) {
                            case "array_filter" -> "list_filter";
                            case "any_match" -> "list_bool_or";
                            case "all_match" -> "list_bool_and";
                            default -> "list_transform";
                        };
                        if (fn.startsWith("list_bool")) {
                            return fn + "(list_transform(" + arg(args.get(1)) + ", " + lambda + "))";
                        }
                        return fn + "(" + arg(args.get(1)) + ", " + lambda + ")";
                    }
                    if (name.equals("array_filter")) {
                        return "list_where(" + arg(args.get(0)) + ", " + arg(args.get(1)) + ")";
                    }
                }
                return null;
            }
            case "regexp_replace":
                // StarRocks replaces every match; DuckDB only the first unless told 'g'.
                if (args.size() == 3) {
                    return "regexp_replace(" + arg(args.get(0)) + ", " + arg(args.get(1)) + ", " + arg(args.get(2)) + ", 'g')";
                }
                return null;
            case "concat":
                if (args.isEmpty()) {
                    return null;
                }
                StringBuilder b = new StringBuilder("(");
                for (int k = 0; k < args.size(); k++) {
                    if (k > 0) {
                        b.append(" || ");
                    }
                    b.append("CAST(").append(arg(args.get(k))).append(" AS VARCHAR)");
                }
                return b.append(')').toString();
            default:
                String renamed = Functions.rename(name);
                if (renamed == null) {
                    return null;
                }
                StringBuilder call = new StringBuilder(renamed).append('(');
                for (int k = 0; k < args.size(); k++) {
                    if (k > 0) {
                        call.append(", ");
                    }
                    call.append(arg(args.get(k)));
                }
                return call.append(')').toString();
        }
    }

    /** {@code x -> expr} or {@code (x, y) -> expr} as DuckDB's {@code lambda x, y: expr}, or null if not a lambda. */
    private String lambda(int[] a) throws SqlError {
        int arrow = -1;
        int depth = 0;
        for (int k = a[0]; k < a[1]; k++) {
            Token t = tokens.get(k);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isSymbol("->")) {
                arrow = k;
                break;
            }
        }
        if (arrow < 0) {
            return null;
        }
        List<String> params = new ArrayList<>();
        for (int k = a[0]; k < arrow; k++) {
            Token t = tokens.get(k);
            if (t.isIdentifier()) {
                params.add(Sql.quoteIdent(t.value()));
            } else if (!t.isSymbol("(") && !t.isSymbol(")") && !t.isSymbol(",")) {
                return null;
            }
        }
        return "lambda " + String.join(", ", params) + ": " + range(arrow + 1, a[1]);
    }

    /** A MySQL cast target as DuckDB names it. */
    private String castType(int from, int to) throws SqlError {
        String first = tokens.get(from).upper();
        return switch (first) {
            case "SIGNED", "UNSIGNED" -> "BIGINT";
            case "CHAR", "STRING", "TEXT" -> "VARCHAR";
            case "DATETIME" -> "TIMESTAMP";
            case "LARGEINT" -> "HUGEINT";
            default -> range(from, to);
        };
    }

    private String format(int[] arg) throws SqlError {
        if (arg[1] - arg[0] == 1 && tokens.get(arg[0]).kind() == Token.Kind.STRING) {
            return Sql.quoteString(Functions.strftimeFormat(tokens.get(arg[0]).value()));
        }
        return arg(arg);
    }

    private String arg(int[] range) throws SqlError {
        Rewriter nested = new Rewriter(tokens, ctx);
        return nested.range(range[0], range[1]);
    }

    private List<int[]> arguments(int from, int close) {
        List<int[]> out = new ArrayList<>();
        if (from >= close) {
            return out;
        }
        int depth = 0;
        int start = from;
        for (int i = from; i < close; i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(") || t.isSymbol("[") || t.isSymbol("{")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]") || t.isSymbol("}")) {
                depth--;
            } else if (depth == 0 && t.isSymbol(",")) {
                out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        out.add(new int[] {start, close});
        return out;
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
     * as an expression, not a literal, so views and materialized views stay live.
     */
    static String nowSql(java.time.ZoneId zone) {
        if (zone instanceof java.time.ZoneOffset offset) {
            return "(date_trunc('second', timezone('UTC', now())) + to_seconds(" + offset.getTotalSeconds() + "))";
        }
        return "date_trunc('second', timezone(" + Sql.quoteString(zone.getId()) + ", now()))";
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
