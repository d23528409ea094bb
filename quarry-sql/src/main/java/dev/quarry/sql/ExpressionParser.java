package dev.quarry.sql;

import dev.quarry.sql.ast.DataType;
import dev.quarry.sql.ast.Expr;
import dev.quarry.sql.ast.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Expressions and types, by StarRocks' precedence (docs/sql.md §2): OR and {@code ||}, XOR, AND and {@code &&}, NOT,
 * IS NULL and comparisons, IN/BETWEEN/LIKE, then the value operators (shifts, {@code |}, {@code &}, {@code + -},
 * {@code * / % DIV MOD}, {@code ^}), then prefix operators and primaries with their suffixes.
 */
abstract class ExpressionParser extends ParserBase {
    private int parameters;

    ExpressionParser(String sql) {
        super(sql);
    }

    /** A full query; implemented by {@link QueryParser}. */
    abstract Query query();

    /** Whether a query starts here (SELECT or WITH, or parentheses around one). */
    boolean atQueryStart() {
        int i = 0;
        while (peek(i).isSymbol("(")) {
            i++;
        }
        return peek(i).isWord("SELECT") || peek(i).isWord("WITH");
    }

    Expr expression() {
        Expr left = xorExpression();
        while (true) {
            if (accept("OR") || acceptSymbol("||")) {
                left = new Expr.Binary("OR", left, xorExpression());
            } else {
                return left;
            }
        }
    }

    private Expr xorExpression() {
        Expr left = andExpression();
        while (accept("XOR")) {
            left = new Expr.Binary("XOR", left, andExpression());
        }
        return left;
    }

    private Expr andExpression() {
        Expr left = notExpression();
        while (accept("AND") || acceptSymbol("&&")) {
            left = new Expr.Binary("AND", left, notExpression());
        }
        return left;
    }

    private Expr notExpression() {
        if (accept("NOT")) {
            return new Expr.Unary("NOT", notExpression());
        }
        return booleanExpression();
    }

    private Expr booleanExpression() {
        Expr left = predicate();
        while (true) {
            if (at("IS")) {
                next();
                boolean not = accept("NOT");
                if (!accept("NULL")) {
                    throw unexpected(not ? "'NULL'" : "'NOT', 'NULL'");
                }
                left = new Expr.IsNull(left, not);
                continue;
            }
            String op = comparison();
            if (op == null) {
                return left;
            }
            next();
            if (atSymbol("(") && atQueryStartAfterParen()) {
                expectSymbol("(");
                Query q = query();
                expectSymbol(")");
                left = new Expr.Binary(op, left, new Expr.Subquery(q));
            } else {
                left = new Expr.Binary(op, left, predicate());
            }
        }
    }

    private boolean atQueryStartAfterParen() {
        return peek(1).isWord("SELECT") || peek(1).isWord("WITH");
    }

    private String comparison() {
        Token t = peek();
        if (t.kind() != Token.Kind.SYMBOL) {
            return null;
        }
        return switch (t.text()) {
            case "=", "<=>", "!=", "<>", "<", "<=", ">", ">=" -> t.text();
            default -> null;
        };
    }

    private Expr predicate() {
        Expr value = valueExpression();
        if (value instanceof Expr.Row row) {
            return rowIn(row);
        }
        boolean not = at("NOT")
                && (peek(1).isWord("IN")
                        || peek(1).isWord("BETWEEN")
                        || peek(1).isWord("LIKE")
                        || peek(1).isWord("RLIKE")
                        || peek(1).isWord("REGEXP"));
        if (not) {
            next();
        }
        if (accept("IN")) {
            expectSymbol("(");
            if (atQueryStart()) {
                Query q = query();
                expectSymbol(")");
                return new Expr.InQuery(value, q, not);
            }
            List<Expr> items = expressionList();
            expectSymbol(")");
            return new Expr.InList(value, items, not);
        }
        if (accept("BETWEEN")) {
            Expr low = valueExpression();
            expect("AND");
            return new Expr.Between(value, low, predicate(), not);
        }
        for (String op : new String[] {"LIKE", "RLIKE", "REGEXP"}) {
            if (accept(op)) {
                return new Expr.Like(op, value, valueExpression(), not);
            }
        }
        if (not) {
            throw unexpected("'IN', 'BETWEEN', 'LIKE', 'RLIKE', 'REGEXP'");
        }
        return value;
    }

    /** A parenthesised row is only allowed before {@code [NOT] IN (subquery)}. */
    private Expr rowIn(Expr.Row row) {
        Token in = peek();
        boolean not = accept("NOT");
        if (!(at("IN") && peek(1).isSymbol("(") && (peek(2).isWord("SELECT") || peek(2).isWord("WITH")))) {
            throw unexpectedAt(in.isWord("NOT") || in.isWord("IN") ? in : peek(), "a subquery");
        }
        next();
        expectSymbol("(");
        Query q = query();
        expectSymbol(")");
        return new Expr.InQuery(row, q, not);
    }

    List<Expr> expressionList() {
        List<Expr> items = new ArrayList<>();
        do {
            items.add(expression());
        } while (acceptSymbol(","));
        return items;
    }

    Expr valueExpression() {
        return shift();
    }

    private Expr shift() {
        Expr left = bitOr();
        while (atSymbol("<<") || atSymbol(">>") || atSymbol(">>>")) {
            String op = next().text();
            left = new Expr.Binary(op, left, bitOr());
        }
        return left;
    }

    private Expr bitOr() {
        Expr left = bitAnd();
        while (atSymbol("|")) {
            next();
            left = new Expr.Binary("|", left, bitAnd());
        }
        return left;
    }

    private Expr bitAnd() {
        Expr left = additive();
        while (atSymbol("&")) {
            next();
            left = new Expr.Binary("&", left, additive());
        }
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (atSymbol("+") || atSymbol("-")) {
            String op = next().text();
            left = new Expr.Binary(op, left, multiplicative());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = bitXor();
        while (true) {
            if (atSymbol("*") || atSymbol("/") || atSymbol("%")) {
                String op = next().text();
                left = new Expr.Binary(op, left, bitXor());
            } else if (at("DIV") || at("MOD")) {
                String op = next().upper();
                left = new Expr.Binary(op, left, bitXor());
            } else {
                return left;
            }
        }
    }

    private Expr bitXor() {
        Expr left = unary();
        while (atSymbol("^")) {
            next();
            left = new Expr.Binary("^", left, unary());
        }
        return left;
    }

    private Expr unary() {
        if (atSymbol("-") || atSymbol("+") || atSymbol("~") || atSymbol("!")) {
            String op = next().text();
            return new Expr.Unary(op, unary());
        }
        return postfix(primary());
    }

    private Expr postfix(Expr base) {
        Expr e = base;
        while (true) {
            if (atSymbol("[")) {
                next();
                Optional<Expr> start = atSymbol(":") ? Optional.empty() : Optional.of(valueExpression());
                if (acceptSymbol(":")) {
                    Optional<Expr> end = atSymbol("]") ? Optional.empty() : Optional.of(valueExpression());
                    expectSymbol("]");
                    e = new Expr.Slice(e, start, end);
                } else {
                    expectSymbol("]");
                    e = new Expr.Subscript(e, start.orElseThrow());
                }
            } else if (atSymbol(".") && isIdentifier(peek(1))) {
                next();
                String field = identifier();
                e = e instanceof Expr.Name n ? name(n, field) : new Expr.Field(e, field);
            } else if (atSymbol("->") && peek(1).kind() == Token.Kind.STRING) {
                next();
                e = new Expr.JsonArrow(e, string());
            } else if (accept("COLLATE")) {
                e = new Expr.Collate(e, identifierOrString());
            } else {
                return e;
            }
        }
    }

    private static Expr.Name name(Expr.Name base, String field) {
        List<String> parts = new ArrayList<>(base.parts());
        parts.add(field);
        return new Expr.Name(parts);
    }

    private Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case INTEGER -> {
                next();
                return new Expr.Literal(Expr.LiteralKind.INTEGER, t.text());
            }
            case DECIMAL -> {
                next();
                return new Expr.Literal(Expr.LiteralKind.DECIMAL, t.text());
            }
            case DOUBLE -> {
                next();
                return new Expr.Literal(Expr.LiteralKind.DOUBLE, t.text());
            }
            case STRING -> {
                next();
                return new Expr.Literal(Expr.LiteralKind.STRING, t.value());
            }
            case SYMBOL -> {
                return symbolPrimary(t);
            }
            case QUOTED -> {
                if (peek(1).isSymbol("->") && peek(2).kind() != Token.Kind.STRING) {
                    return lambda(List.of(identifier()));
                }
                return nameOrCall();
            }
            case WORD -> {
                return wordPrimary(t);
            }
            default -> throw unexpected("an expression");
        }
    }

    private Expr symbolPrimary(Token t) {
        switch (t.text()) {
            case "(" -> {
                return parenthesised();
            }
            case "[" -> {
                return arrayLiteral(Optional.empty());
            }
            case "{" -> {
                return mapLiteral(Optional.empty());
            }
            case "?" -> {
                next();
                return new Expr.Parameter(parameters++);
            }
            case "@" -> {
                next();
                return new Expr.Variable(false, "", identifierOrString());
            }
            case "@@" -> {
                next();
                String scope = "";
                if ((at("GLOBAL") || at("SESSION") || at("LOCAL")) && peek(1).isSymbol(".")) {
                    scope = next().upper();
                    next();
                }
                return new Expr.Variable(true, scope, identifier());
            }
            default -> throw unexpected("an expression");
        }
    }

    private Expr parenthesised() {
        if (lambdaParamsAhead()) {
            List<String> params = identifierList();
            return lambda(params);
        }
        expectSymbol("(");
        if (atQueryStart()) {
            Query q = query();
            expectSymbol(")");
            return new Expr.Subquery(q);
        }
        Expr first = expression();
        if (atSymbol(",")) {
            Token comma = peek();
            List<Expr> items = new ArrayList<>();
            items.add(first);
            while (acceptSymbol(",")) {
                items.add(expression());
            }
            expectSymbol(")");
            if (!(at("IN") || (at("NOT") && peek(1).isWord("IN")))) {
                throw unexpectedAt(comma, "')'");
            }
            return new Expr.Row(items);
        }
        expectSymbol(")");
        return first;
    }

    /** {@code (a, b) ->}: a parenthesised list of plain names followed by an arrow. */
    private boolean lambdaParamsAhead() {
        int i = 1;
        while (true) {
            if (!isIdentifier(peek(i))) {
                return false;
            }
            Token after = peek(i + 1);
            if (after.isSymbol(")")) {
                return peek(i + 2).isSymbol("->");
            }
            if (!after.isSymbol(",")) {
                return false;
            }
            i += 2;
        }
    }

    /** A lambda's body is an expression, or a parenthesised list of them (for map_apply and the like). */
    private Expr lambda(List<String> params) {
        expectSymbol("->");
        if (atSymbol("(") && !atQueryStart()) {
            int mark = pos;
            next();
            List<Expr> items = expressionList();
            if (items.size() > 1) {
                expectSymbol(")");
                return new Expr.Lambda(params, new Expr.Row(items));
            }
            pos = mark;
        }
        return new Expr.Lambda(params, expression());
    }

    private Expr wordPrimary(Token t) {
        String w = t.upper();
        switch (w) {
            case "NULL" -> {
                next();
                return new Expr.Literal(Expr.LiteralKind.NULL, "NULL");
            }
            case "TRUE", "FALSE" -> {
                next();
                return new Expr.Literal(Expr.LiteralKind.BOOLEAN, w);
            }
            case "DATE", "DATETIME" -> {
                if (peek(1).kind() == Token.Kind.STRING) {
                    next();
                    return new Expr.Literal(
                            w.equals("DATE") ? Expr.LiteralKind.DATE : Expr.LiteralKind.DATETIME, string());
                }
            }
            case "INTERVAL" -> {
                if (intervalAhead()) {
                    return interval();
                }
            }
            case "CASE" -> {
                return caseExpression();
            }
            case "CAST" -> {
                if (peek(1).isSymbol("(")) {
                    next();
                    expectSymbol("(");
                    Expr operand = expression();
                    expect("AS");
                    DataType type = type();
                    expectSymbol(")");
                    return new Expr.Cast(operand, type);
                }
            }
            case "CONVERT" -> {
                next();
                expectSymbol("(");
                Expr operand = expression();
                expectSymbol(",");
                DataType type = type();
                expectSymbol(")");
                return new Expr.Cast(operand, type);
            }
            case "EXISTS" -> {
                next();
                expectSymbol("(");
                Query q = query();
                expectSymbol(")");
                return new Expr.Exists(q);
            }
            case "ARRAY" -> {
                if (peek(1).isSymbol("<")) {
                    DataType type = type();
                    return arrayLiteral(Optional.of(type));
                }
                throw unexpectedAt(peek(1), "'<'");
            }
            case "MAP" -> {
                if (peek(1).isSymbol("<")) {
                    DataType type = type();
                    return mapLiteral(Optional.of(type));
                }
                if (peek(1).isSymbol("{")) {
                    next();
                    return mapLiteral(Optional.empty());
                }
            }
            default -> {}
        }
        if (Types.KEYWORD_FUNCTIONS.contains(w)) {
            if (peek(1).isSymbol("(")) {
                next();
                return FunctionCalls.call(this, List.of(w));
            }
            if (Types.NILADIC.contains(w)) {
                next();
                return Expr.Call.of(w, List.of());
            }
        }
        if (!isIdentifier(t)) {
            throw unexpected("an expression");
        }
        if (peek(1).isSymbol("->") && peek(2).kind() != Token.Kind.STRING) {
            return lambda(List.of(identifier()));
        }
        return nameOrCall();
    }

    private Expr nameOrCall() {
        List<String> parts = new ArrayList<>();
        parts.add(identifier());
        while (atSymbol(".") && isIdentifier(peek(1)) && !peek(2).isSymbol("->")) {
            next();
            parts.add(identifier());
        }
        if (atSymbol("(")) {
            return FunctionCalls.call(this, parts);
        }
        return new Expr.Name(parts);
    }

    private boolean intervalAhead() {
        Token v = peek(1);
        return switch (v.kind()) {
            case INTEGER, DECIMAL, DOUBLE, STRING -> true;
            case SYMBOL -> v.isSymbol("(") || v.isSymbol("-") || v.isSymbol("+") || v.isSymbol("?");
            case WORD, QUOTED -> isIdentifier(v) || Types.KEYWORD_FUNCTIONS.contains(v.upper());
            default -> false;
        };
    }

    /** {@code INTERVAL value unit}. */
    Expr.Interval interval() {
        expect("INTERVAL");
        Expr value = additive();
        return new Expr.Interval(value, unit());
    }

    /** A time unit: YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND or MICROSECOND. */
    String unit() {
        Token t = peek();
        if (t.kind() == Token.Kind.WORD && Types.UNITS.contains(t.upper())) {
            next();
            return t.upper();
        }
        throw unexpected("'YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND'");
    }

    private Expr caseExpression() {
        expect("CASE");
        Optional<Expr> operand = at("WHEN") ? Optional.empty() : Optional.of(expression());
        List<Expr.When> whens = new ArrayList<>();
        while (accept("WHEN")) {
            Expr cond = expression();
            expect("THEN");
            whens.add(new Expr.When(cond, expression()));
        }
        if (whens.isEmpty()) {
            throw unexpected("'WHEN'");
        }
        Optional<Expr> otherwise = accept("ELSE") ? Optional.of(expression()) : Optional.empty();
        expect("END");
        return new Expr.Case(operand, whens, otherwise);
    }

    private Expr arrayLiteral(Optional<DataType> type) {
        expectSymbol("[");
        List<Expr> items = atSymbol("]") ? List.of() : expressionList();
        expectSymbol("]");
        return new Expr.ArrayLiteral(type, items);
    }

    private Expr mapLiteral(Optional<DataType> type) {
        expectSymbol("{");
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        if (!atSymbol("}")) {
            do {
                keys.add(expression());
                expectSymbol(":");
                values.add(expression());
            } while (acceptSymbol(","));
        }
        expectSymbol("}");
        return new Expr.MapLiteral(type, keys, values);
    }

    /** A StarRocks type (docs/sql.md §2). */
    DataType type() {
        return TypeReader.type(this);
    }
}
