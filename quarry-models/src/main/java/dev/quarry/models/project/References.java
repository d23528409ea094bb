package dev.quarry.models.project;

import dev.quarry.starrocks.StarRocksDialect;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the tables a query reads: the targets of FROM and JOIN (including comma joins) in query context, minus
 * the query's own CTE names. FROM inside a function call ({@code EXTRACT(YEAR FROM ts)}) is not a table
 * reference, and neither is a table function ({@code FROM unnest(...)}) or a macro ({@code FROM @this_model}).
 */
public final class References {
    private static final Set<String> CLAUSE_ENDS = Set.of(
            "where",
            "group",
            "having",
            "order",
            "limit",
            "union",
            "except",
            "intersect",
            "on",
            "using",
            "join",
            "inner",
            "left",
            "right",
            "full",
            "cross",
            "natural",
            "window",
            "qualify",
            "lateral",
            "select",
            "set");

    private References() {}

    /**
     * One table reference in a query.
     *
     * @param name the name, lower case, unquoted
     * @param start offset of its first character
     * @param end offset after its last character
     * @param aliased whether an alias follows it
     * @param table its last part as written, unquoted ({@code orders} of {@code sales.orders})
     */
    record Ref(String name, int start, int end, boolean aliased, String table) {}

    /** Referenced table names, lower case, unquoted, in order of first appearance. */
    static List<String> of(String sql) {
        Set<String> out = new LinkedHashSet<>();
        scan(sql).forEach(r -> out.add(r.name()));
        return List.copyOf(out);
    }

    /**
     * {@code sql} with table references replaced: {@code target} maps a referenced name to what to read instead (a
     * physical table, an environment view, a parenthesized query). A reference without an alias gets its table
     * name as alias, so columns qualified with it ({@code orders.id}) still resolve.
     */
    public static String rewrite(String sql, java.util.function.Function<String, java.util.Optional<String>> target) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int copied = 0;
        for (Ref r : scan(sql)) {
            java.util.Optional<String> replacement = target.apply(r.name());
            if (replacement.isEmpty()) {
                continue;
            }
            out.append(sql, copied, r.start()).append(replacement.get());
            if (!r.aliased()) {
                out.append(" AS ").append(StarRocksDialect.quote(r.table()));
            }
            copied = r.end();
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    /** FROM-clause state of one query level: whether it is a query, and whether a comma there starts a table. */
    private static final class Level {
        final boolean query;
        boolean inFrom;

        Level(boolean query) {
            this.query = query;
        }
    }

    private static final Set<String> FROM_ENDS = Set.of(
            "where",
            "group",
            "having",
            "order",
            "limit",
            "union",
            "except",
            "intersect",
            "window",
            "qualify",
            "select",
            "values",
            "set");

    static List<Ref> scan(String sql) {
        List<Token> tokens = Lexer.tokenize("<query>", sql).tokens();
        Set<String> ctes = cteNames(tokens);
        List<Ref> out = new ArrayList<>();
        Deque<Level> levels = new ArrayDeque<>();
        levels.push(new Level(true));
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Level level = levels.peek();
            switch (t.type()) {
                case LPAREN -> {
                    Token next = tokens.get(i + 1);
                    levels.push(new Level(next.isWord("select")
                            || next.isWord("with")
                            || (next.is(Token.Type.LPAREN) && level.query)));
                }
                case RPAREN -> {
                    if (levels.size() > 1) {
                        levels.pop();
                    }
                }
                case COMMA -> {
                    // FROM a, b and FROM a JOIN b ON ..., c: a comma at the level of a FROM clause starts a table.
                    if (level.query && level.inFrom) {
                        i = tableRef(tokens, i + 1, ctes, out);
                    }
                }
                case IDENT -> {
                    if (!level.query) {
                        break;
                    }
                    if (t.isWord("from") || t.isWord("join")) {
                        level.inFrom = true;
                        i = tableRef(tokens, i + 1, ctes, out);
                    } else if (FROM_ENDS.contains(t.text().toLowerCase(Locale.ROOT))) {
                        level.inFrom = false;
                    }
                }
                default -> {}
            }
        }
        return out;
    }

    /** Reads {@code name [[AS] alias]} at {@code i}; returns the index of the last token consumed. */
    private static int tableRef(List<Token> tokens, int i, Set<String> ctes, List<Ref> out) {
        int end = name(tokens, i);
        if (end < 0) {
            return i - 1;
        }
        int first = i;
        i = end + 1;
        boolean aliased = false;
        if (tokens.get(i).isWord("as")) {
            i++;
        }
        Token alias = tokens.get(i);
        if ((alias.is(Token.Type.IDENT) && !CLAUSE_ENDS.contains(alias.text().toLowerCase(Locale.ROOT)))
                || alias.is(Token.Type.QUOTED)) {
            aliased = true;
            i++;
        }
        StringBuilder name = new StringBuilder();
        for (int k = first; k <= end; k += 2) {
            name.append(k == first ? "" : ".").append(tokens.get(k).text());
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        if (!(n.indexOf('.') < 0 && ctes.contains(n))) {
            out.add(new Ref(
                    n,
                    tokens.get(first).start(),
                    tokens.get(end).end(),
                    aliased,
                    tokens.get(end).text()));
        }
        return i - 1;
    }

    /** The index of the last token of a dotted table name starting at {@code i}, or -1 if none is there. */
    private static int name(List<Token> tokens, int i) {
        Token first = tokens.get(i);
        if (!(first.is(Token.Type.IDENT) || first.is(Token.Type.QUOTED))
                || (first.is(Token.Type.IDENT)
                        && CLAUSE_ENDS.contains(first.text().toLowerCase(Locale.ROOT)))) {
            return -1;
        }
        int j = i;
        while (tokens.get(j + 1).is(Token.Type.DOT)
                && (tokens.get(j + 2).is(Token.Type.IDENT) || tokens.get(j + 2).is(Token.Type.QUOTED))) {
            j += 2;
        }
        if (tokens.get(j + 1).is(Token.Type.LPAREN)) {
            return -1;
        }
        return j;
    }

    /** Names defined as {@code name [(cols)] AS (} right after WITH, RECURSIVE or a comma. */
    private static Set<String> cteNames(List<Token> tokens) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i + 2 < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token before = tokens.get(i - 1);
            if (!(t.is(Token.Type.IDENT) || t.is(Token.Type.QUOTED))
                    || !(before.isWord("with") || before.isWord("recursive") || before.is(Token.Type.COMMA))) {
                continue;
            }
            int j = i + 1;
            if (tokens.get(j).is(Token.Type.LPAREN)) {
                while (j < tokens.size() && !tokens.get(j).is(Token.Type.RPAREN)) {
                    j++;
                }
                j++;
            }
            if (j + 1 < tokens.size()
                    && tokens.get(j).isWord("as")
                    && tokens.get(j + 1).is(Token.Type.LPAREN)) {
                names.add(t.text().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Helper for callers that keep references as a list without duplicates. */
    static List<String> merge(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
