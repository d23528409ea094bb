package dev.quarry.sandbox.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The function-call part of {@link Rewriter}: StarRocks/MySQL calls whose DuckDB spelling differs in name or
 * argument shape. Works on the calling rewriter's tokens; argument text is rewritten by that rewriter.
 */
final class FunctionCalls {
    private final Rewriter rewriter;
    private final List<Token> tokens;
    private final Rewriter.Context ctx;

    FunctionCalls(Rewriter rewriter, List<Token> tokens, Rewriter.Context ctx) {
        this.rewriter = rewriter;
        this.tokens = tokens;
        this.ctx = ctx;
    }

    private String range(int from, int to) throws SqlError {
        return rewriter.range(from, to);
    }

    private String arg(int[] range) throws SqlError {
        return rewriter.arg(range);
    }

    /** A rewritten call of {@code name} with arguments in tokens [from, close), or null to keep it as is. */
    String function(String name, int from, int close) throws SqlError {
        List<int[]> args = arguments(from, close);
        switch (name) {
            case "now", "current_timestamp", "localtime", "localtimestamp", "sysdate" -> {
                return Rewriter.nowSql(ctx.zone());
            }
            case "utc_timestamp" -> {
                return Rewriter.nowSql(java.time.ZoneOffset.UTC);
            }
            case "curdate", "current_date" -> {
                return "CAST(" + Rewriter.nowSql(ctx.zone()) + " AS DATE)";
            }
            case "curtime", "current_time" -> {
                return "strftime(" + Rewriter.nowSql(ctx.zone()) + ", '%H:%M:%S')";
            }
            case "to_binary" -> {
                // StarRocks' to_binary(str[, 'hex' | 'encode64' | 'utf8']), hex by default (docs/starrocks.md §4.2).
                String kind = args.size() == 2
                                && args.get(1)[1] - args.get(1)[0] == 1
                                && tokens.get(args.get(1)[0]).kind() == Token.Kind.STRING
                        ? tokens.get(args.get(1)[0]).value().toLowerCase(Locale.ROOT)
                        : args.size() == 1 ? "hex" : "";
                return switch (kind) {
                    case "hex" -> "unhex(" + arg(args.get(0)) + ")";
                    case "encode64" -> "from_base64(" + arg(args.get(0)) + ")";
                    case "utf8" -> "encode(" + arg(args.get(0)) + ")";
                    default -> null;
                };
            }
            case "version" -> {
                return "'8.0.33'";
            }
            case "database", "schema" -> {
                return ctx.currentDatabase() == null ? "CAST(NULL AS VARCHAR)" : Sql.quoteString(ctx.currentDatabase());
            }
            case "user", "current_user", "session_user", "system_user" -> {
                return Sql.quoteString("'" + ctx.user() + "'@'%'");
            }
            case "connection_id" -> {
                return Long.toString(ctx.connectionId());
            }
            case "last_insert_id" -> {
                return "0";
            }
            case "unix_timestamp" -> {
                if (args.isEmpty()) {
                    return Long.toString(ctx.clock().millis() / 1000);
                }
                return "sr_unix_timestamp(" + arg(args.get(0)) + ", " + ctx.zoneOffsetSeconds() + ")";
            }
            case "from_unixtime" -> {
                if (args.size() == 1) {
                    return "sr_from_unixtime(" + arg(args.get(0)) + ", " + ctx.zoneOffsetSeconds() + ")";
                }
                return null;
            }
            case "date_format" -> {
                if (args.size() == 2) {
                    return "strftime(CAST(" + arg(args.get(0)) + " AS TIMESTAMP), " + format(args.get(1)) + ")";
                }
                return null;
            }
            case "str_to_date" -> {
                if (args.size() == 2) {
                    return "strptime(" + arg(args.get(0)) + ", " + format(args.get(1)) + ")";
                }
                return null;
            }
            case "str2date" -> {
                if (args.size() == 2) {
                    return "CAST(strptime(" + arg(args.get(0)) + ", " + format(args.get(1)) + ") AS DATE)";
                }
                return null;
            }
            case "date_add",
                    "adddate",
                    "date_sub",
                    "subdate",
                    "days_sub",
                    "months_sub",
                    "years_sub",
                    "hours_sub",
                    "minutes_sub",
                    "seconds_sub",
                    "weeks_sub" -> {
                if (args.size() == 2) {
                    boolean sub = name.contains("sub");
                    int[] second = args.get(1);
                    if (tokens.get(second[0]).isWord("INTERVAL")) {
                        return "(CAST(" + arg(args.get(0)) + " AS TIMESTAMP) " + (sub ? "-" : "+") + " " + arg(second)
                                + ")";
                    }
                    String unit = name.startsWith("date") || name.startsWith("adddate") || name.startsWith("subdate")
                            ? "days"
                            : name.substring(0, name.indexOf('_'));
                    String n = sub ? "-(" + arg(second) + ")" : arg(second);
                    return "sr_" + unit + "_add(" + arg(args.get(0)) + ", " + n + ")";
                }
                return null;
            }
            case "group_concat" -> {
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
                    if (tokens.get(k).isWord("ORDER")
                            && k + 1 < end
                            && tokens.get(k + 1).isWord("BY")) {
                        orderAt = k;
                    }
                }
                boolean distinct = tokens.get(a[0]).isWord("DISTINCT");
                String value = range(distinct ? a[0] + 1 : a[0], orderAt < 0 ? end : orderAt);
                String order = orderAt < 0 ? "" : " " + range(orderAt, end);
                return "string_agg(" + (distinct ? "DISTINCT " : "") + "CAST(" + value + " AS VARCHAR), " + sep + order
                        + ")";
            }
            case "timestampdiff" -> {
                if (args.size() == 3) {
                    return "date_diff("
                            + Sql.quoteString(tokens.get(args.get(0)[0]).value().toLowerCase(Locale.ROOT)) + ", CAST("
                            + arg(args.get(1)) + " AS TIMESTAMP), CAST(" + arg(args.get(2)) + " AS TIMESTAMP))";
                }
                return null;
            }
            case "timestampadd" -> {
                if (args.size() == 3) {
                    return "(CAST(" + arg(args.get(2)) + " AS TIMESTAMP) + to_"
                            + tokens.get(args.get(0)[0]).value().toLowerCase(Locale.ROOT) + "s(CAST(" + arg(args.get(1))
                            + " AS BIGINT)))";
                }
                return null;
            }
            case "years_diff",
                    "months_diff",
                    "weeks_diff",
                    "days_diff",
                    "hours_diff",
                    "minutes_diff",
                    "seconds_diff" -> {
                if (args.size() == 2) {
                    return "date_diff(" + Sql.quoteString(name.substring(0, name.indexOf('s'))) + ", CAST("
                            + arg(args.get(1)) + " AS TIMESTAMP), CAST(" + arg(args.get(0)) + " AS TIMESTAMP))";
                }
                return null;
            }
            case "convert" -> {
                // CONVERT(x USING charset) is a no-op (UTF-8 only, docs/starrocks.md §4.2); CONVERT(x, type) is CAST(x
                // AS type).
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
            case "array_map", "transform", "array_filter", "any_match", "all_match" -> {
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
            case "regexp_replace" -> {
                // StarRocks replaces every match; DuckDB only the first unless told 'g'.
                if (args.size() == 3) {
                    return "regexp_replace(" + arg(args.get(0)) + ", " + arg(args.get(1)) + ", " + arg(args.get(2))
                            + ", 'g')";
                }
                return null;
            }
            case "concat" -> {
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
            }
            default -> {
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
}
