package dev.quarry.models.render;

import dev.quarry.core.Location;
import dev.quarry.models.project.Lexer;
import dev.quarry.models.project.ModelException;
import dev.quarry.models.project.Token;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates {@code @IF} conditions after macro substitution: literals (strings, numbers, TRUE/FALSE, NULL),
 * comparisons ({@code = == != <> < > <= >=}), {@code IS [NOT] NULL}, NOT, AND, OR and parentheses.
 * Anything else cannot be decided before the query runs and is an error.
 */
final class Conditions {
    private final List<Token> tokens;
    private final String text;
    private final Location at;
    private int i;

    private Conditions(String text, Location at) {
        this.tokens = Lexer.tokens(at.file(), text);
        this.text = text;
        this.at = at;
    }

    static boolean evaluate(String condition, Location at) {
        Conditions c = new Conditions(condition, at);
        Object v = c.or();
        if (!c.tokens.get(c.i).is(Token.Type.EOF)) {
            throw c.fail();
        }
        return truth(v);
    }

    private ModelException fail() {
        return new ModelException(
                at,
                "cannot evaluate @IF condition '" + text.strip()
                        + "': only literals, comparisons, IS NULL, NOT, AND and OR can be decided before the query runs");
    }

    private static boolean truth(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof BigDecimal d) {
            return d.signum() != 0;
        }
        return !v.toString().isEmpty();
    }

    private Token peek() {
        return tokens.get(i);
    }

    private Object or() {
        Object left = and();
        while (peek().isWord("or")) {
            i++;
            Object right = and();
            left = truth(left) || truth(right);
        }
        return left;
    }

    private Object and() {
        Object left = not();
        while (peek().isWord("and")) {
            i++;
            Object right = not();
            left = truth(left) && truth(right);
        }
        return left;
    }

    private Object not() {
        if (peek().isWord("not")) {
            i++;
            return !truth(not());
        }
        return comparison();
    }

    private Object comparison() {
        Object left = primary();
        Token t = peek();
        if (t.isWord("is")) {
            i++;
            boolean negate = false;
            if (peek().isWord("not")) {
                negate = true;
                i++;
            }
            if (!peek().isWord("null")) {
                throw fail();
            }
            i++;
            return negate == (left != null);
        }
        String op = t.is(Token.Type.EQ) ? "=" : t.is(Token.Type.OP) ? t.text() : null;
        if (op == null || !List.of("=", "==", "!=", "<>", "<", ">", "<=", ">=").contains(op)) {
            return left;
        }
        i++;
        if (op.equals("=") && peek().is(Token.Type.EQ)) {
            i++;
        }
        Object right = primary();
        if (left == null || right == null) {
            return null;
        }
        int cmp = compare(left, right);
        return switch (op) {
            case "=", "==" -> cmp == 0;
            case "!=", "<>" -> cmp != 0;
            case "<" -> cmp < 0;
            case ">" -> cmp > 0;
            case "<=" -> cmp <= 0;
            default -> cmp >= 0;
        };
    }

    private int compare(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        throw fail();
    }

    private Object primary() {
        Token t = peek();
        i++;
        switch (t.type()) {
            case STRING -> {
                return t.text();
            }
            case NUMBER -> {
                return new BigDecimal(t.text());
            }
            case OP -> {
                if (t.text().equals("-") && peek().is(Token.Type.NUMBER)) {
                    return new BigDecimal(tokens.get(i++).text()).negate();
                }
                throw fail();
            }
            case LPAREN -> {
                Object v = or();
                if (!peek().is(Token.Type.RPAREN)) {
                    throw fail();
                }
                i++;
                return v;
            }
            case IDENT -> {
                String w = t.text().toLowerCase(Locale.ROOT);
                if (w.equals("true") || w.equals("false")) {
                    return w.equals("true");
                }
                if (w.equals("null")) {
                    return null;
                }
                throw fail();
            }
            default -> throw fail();
        }
    }
}
