package dev.quarry.sql;

import dev.quarry.sql.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Function calls (docs/sql.md §2): {@code COUNT(*)}, DISTINCT in aggregates, ORDER BY and SEPARATOR inside
 * aggregates such as group_concat, EXTRACT(unit FROM x), TIMESTAMPADD/TIMESTAMPDIFF(unit, a, b), IGNORE NULLS, and
 * the OVER clause with its frame.
 */
final class FunctionCalls {
    private FunctionCalls() {}

    /** The call whose name was read; the parser stands on its opening parenthesis. */
    static Expr call(ExpressionParser p, List<String> name) {
        String upper = name.size() == 1 ? name.get(0).toUpperCase(Locale.ROOT) : "";
        p.expectSymbol("(");
        boolean distinct = false;
        boolean ignoreNulls = false;
        List<Expr> args = new ArrayList<>();
        List<Expr.OrderItem> orderBy = List.of();
        Optional<Expr> separator = Optional.empty();
        if (upper.equals("EXTRACT")) {
            String unit = p.unit();
            p.expect("FROM");
            args.add(new Expr.Literal(Expr.LiteralKind.STRING, unit));
            args.add(p.valueExpression());
        } else if (upper.equals("TIMESTAMPADD") || upper.equals("TIMESTAMPDIFF")) {
            args.add(new Expr.Literal(Expr.LiteralKind.STRING, p.unit()));
            p.expectSymbol(",");
            args.add(p.expression());
            p.expectSymbol(",");
            args.add(p.expression());
        } else if (upper.equals("COUNT") && p.atSymbol("*")) {
            p.next();
            args.add(new Expr.Star(List.of()));
        } else if (!p.atSymbol(")")) {
            if (p.accept("DISTINCT")) {
                distinct = true;
            } else {
                p.accept("ALL");
            }
            args.add(p.expression());
            ignoreNulls = p.accept("IGNORE", "NULLS");
            while (p.acceptSymbol(",")) {
                args.add(p.expression());
            }
            if (p.accept("ORDER")) {
                p.expect("BY");
                orderBy = orderItems(p);
            }
            if (p.accept("SEPARATOR")) {
                separator = Optional.of(p.expression());
            }
        }
        p.expectSymbol(")");
        ignoreNulls |= p.accept("IGNORE", "NULLS");
        Optional<Expr.Window> over = p.accept("OVER") ? Optional.of(window(p)) : Optional.empty();
        List<String> shown = name.size() == 1 && Types.KEYWORD_FUNCTIONS.contains(upper) ? List.of(upper) : name;
        return new Expr.Call(shown, distinct, args, orderBy, separator, ignoreNulls, over);
    }

    /** {@code expr [ASC | DESC] [NULLS FIRST | NULLS LAST]}, comma-separated. */
    static List<Expr.OrderItem> orderItems(ExpressionParser p) {
        List<Expr.OrderItem> items = new ArrayList<>();
        do {
            Expr e = p.expression();
            boolean desc = false;
            if (p.accept("DESC")) {
                desc = true;
            } else {
                p.accept("ASC");
            }
            Optional<Boolean> nullsFirst = Optional.empty();
            if (p.accept("NULLS")) {
                nullsFirst = Optional.of(p.expectOneOf("FIRST", "LAST").equals("FIRST"));
            }
            items.add(new Expr.OrderItem(e, desc, nullsFirst));
        } while (p.acceptSymbol(","));
        return items;
    }

    private static Expr.Window window(ExpressionParser p) {
        p.expectSymbol("(");
        if (p.atSymbol("[")) {
            p.next();
            do {
                p.identifier();
            } while (p.acceptSymbol(","));
            p.expectSymbol("]");
        }
        List<Expr> partitionBy = List.of();
        if (p.accept("PARTITION")) {
            p.expect("BY");
            partitionBy = p.expressionList();
        }
        List<Expr.OrderItem> orderBy = List.of();
        if (p.accept("ORDER")) {
            p.expect("BY");
            orderBy = orderItems(p);
        }
        Optional<Expr.Frame> frame = Optional.empty();
        if (p.at("ROWS") || p.at("RANGE")) {
            String unit = p.next().upper();
            if (p.accept("BETWEEN")) {
                Expr.Bound start = bound(p);
                p.expect("AND");
                frame = Optional.of(new Expr.Frame(unit, start, Optional.of(bound(p))));
            } else {
                frame = Optional.of(new Expr.Frame(unit, bound(p), Optional.empty()));
            }
        }
        p.expectSymbol(")");
        return new Expr.Window(partitionBy, orderBy, frame);
    }

    private static Expr.Bound bound(ExpressionParser p) {
        if (p.accept("UNBOUNDED")) {
            return new Expr.Bound("UNBOUNDED " + p.expectOneOf("PRECEDING", "FOLLOWING"), Optional.empty());
        }
        if (p.accept("CURRENT")) {
            p.expect("ROW");
            return new Expr.Bound("CURRENT ROW", Optional.empty());
        }
        Expr offset = p.valueExpression();
        return new Expr.Bound(p.expectOneOf("PRECEDING", "FOLLOWING"), Optional.of(offset));
    }
}
