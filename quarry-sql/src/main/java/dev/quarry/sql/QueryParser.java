package dev.quarry.sql;

import dev.quarry.sql.ast.Expr;
import dev.quarry.sql.ast.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Queries (docs/sql.md §2): WITH, set operations (INTERSECT binds tighter than UNION, EXCEPT and MINUS), SELECT
 * with FROM/WHERE/GROUP BY/HAVING/QUALIFY, relations and joins, ORDER BY and LIMIT.
 */
abstract class QueryParser extends ExpressionParser {
    QueryParser(String sql) {
        super(sql);
    }

    @Override
    Query query() {
        List<Query.Cte> with = accept("WITH") ? ctes() : List.of();
        return queryNoWith(with);
    }

    List<Query.Cte> ctes() {
        List<Query.Cte> ctes = new ArrayList<>();
        do {
            String name = identifier();
            List<String> columns = atSymbol("(") ? identifierList() : List.of();
            expect("AS");
            expectSymbol("(");
            Query q = query();
            expectSymbol(")");
            ctes.add(new Query.Cte(name, columns, q));
        } while (acceptSymbol(","));
        return ctes;
    }

    Query queryNoWith(List<Query.Cte> with) {
        Query.Body body = setExpression();
        List<Expr.OrderItem> orderBy = List.of();
        if (accept("ORDER")) {
            expect("BY");
            orderBy = FunctionCalls.orderItems(this);
        }
        return new Query(with, body, orderBy, limit());
    }

    Optional<Query.Limit> limit() {
        if (!accept("LIMIT")) {
            return Optional.empty();
        }
        long first = integer();
        if (acceptSymbol(",")) {
            return Optional.of(new Query.Limit(integer(), first));
        }
        long offset = accept("OFFSET") ? integer() : 0;
        return Optional.of(new Query.Limit(first, offset));
    }

    private Query.Body setExpression() {
        Query.Body left = intersectTerm();
        while (at("UNION") || at("EXCEPT") || at("MINUS")) {
            String op = next().upper();
            boolean all = quantifier();
            left = new Query.SetOperation(op.equals("MINUS") ? "EXCEPT" : op, all, left, intersectTerm());
        }
        return left;
    }

    private Query.Body intersectTerm() {
        Query.Body left = queryPrimary();
        while (accept("INTERSECT")) {
            boolean all = quantifier();
            left = new Query.SetOperation("INTERSECT", all, left, queryPrimary());
        }
        return left;
    }

    private boolean quantifier() {
        if (accept("ALL")) {
            return true;
        }
        accept("DISTINCT");
        return false;
    }

    private Query.Body queryPrimary() {
        if (at("SELECT")) {
            return select();
        }
        if (atSymbol("(")) {
            next();
            Query q = query();
            expectSymbol(")");
            return new Query.Nested(q);
        }
        throw unexpected("'SELECT', '('");
    }

    private Query.Select select() {
        expect("SELECT");
        List<String> hints = new ArrayList<>();
        while (peek().kind() == Token.Kind.HINT) {
            hints.add(next().value());
        }
        boolean distinct = false;
        if (accept("DISTINCT")) {
            distinct = true;
        } else {
            accept("ALL");
        }
        List<Query.SelectItem> items = new ArrayList<>();
        do {
            items.add(selectItem());
        } while (acceptSymbol(","));
        List<Query.Relation> from = List.of();
        if (accept("FROM")) {
            if (!accept("DUAL")) {
                from = List.of(relations());
            }
        }
        Optional<Expr> where = accept("WHERE") ? Optional.of(expression()) : Optional.empty();
        Optional<Query.GroupBy> groupBy = Optional.empty();
        if (accept("GROUP")) {
            expect("BY");
            groupBy = Optional.of(groupBy());
        }
        Optional<Expr> having = accept("HAVING") ? Optional.of(expression()) : Optional.empty();
        Optional<Expr> qualify = accept("QUALIFY") ? Optional.of(expression()) : Optional.empty();
        return new Query.Select(hints, distinct, items, from, where, groupBy, having, qualify);
    }

    private Query.SelectItem selectItem() {
        if (acceptSymbol("*")) {
            return new Query.SelectItem(new Expr.Star(List.of()), Optional.empty());
        }
        int i = 0;
        while (isIdentifier(peek(i)) && peek(i + 1).isSymbol(".")) {
            i += 2;
        }
        if (i > 0 && peek(i).isSymbol("*")) {
            List<String> qualifier = new ArrayList<>();
            while (!atSymbol("*")) {
                qualifier.add(identifier());
                expectSymbol(".");
            }
            next();
            return new Query.SelectItem(new Expr.Star(qualifier), Optional.empty());
        }
        Expr e = expression();
        return new Query.SelectItem(e, alias(true));
    }

    /** {@code [AS] alias}; a select item's alias may also be a string. */
    private Optional<String> alias(boolean stringAllowed) {
        if (accept("AS")) {
            return Optional.of(stringAllowed && atString() ? string() : identifier());
        }
        if (atIdentifier() || (stringAllowed && atString())) {
            return Optional.of(next().value());
        }
        return Optional.empty();
    }

    private Query.GroupBy groupBy() {
        if ((at("ROLLUP") && peek(1).isSymbol("(")) || at("CUBE")) {
            String kind = next().upper();
            expectSymbol("(");
            List<Expr> items = atSymbol(")") ? List.of() : expressionList();
            expectSymbol(")");
            return new Query.GroupBy(kind, List.of(items));
        }
        if (accept("GROUPING")) {
            expect("SETS");
            expectSymbol("(");
            List<List<Expr>> sets = new ArrayList<>();
            do {
                expectSymbol("(");
                sets.add(atSymbol(")") ? List.of() : expressionList());
                expectSymbol(")");
            } while (acceptSymbol(","));
            expectSymbol(")");
            return new Query.GroupBy("GROUPING SETS", sets);
        }
        return new Query.GroupBy("PLAIN", List.of(expressionList()));
    }

    /** {@code relation [, [LATERAL] relation ...]}, commas read as cross joins. */
    Query.Relation relations() {
        Query.Relation left = relation();
        while (acceptSymbol(",")) {
            boolean lateral = accept("LATERAL");
            left = new Query.Join("CROSS", left, relation(), lateral, List.of(), Optional.empty(), List.of());
        }
        return left;
    }

    private Query.Relation relation() {
        Query.Relation left = relationPrimary();
        while (true) {
            String kind = joinKind();
            if (kind == null) {
                return left;
            }
            List<String> hints = bracketHint();
            boolean lateral = accept("LATERAL");
            Query.Relation right = relationPrimary();
            Optional<Expr> on = Optional.empty();
            List<String> using = List.of();
            if (accept("ON")) {
                on = Optional.of(expression());
            } else if (accept("USING")) {
                using = identifierList();
            } else if (!kind.equals("INNER") && !kind.equals("CROSS")) {
                throw unexpected("'ON', 'USING'");
            }
            left = new Query.Join(kind, left, right, lateral, hints, on, using);
        }
    }

    private String joinKind() {
        if (accept("JOIN") || accept("INNER", "JOIN")) {
            return "INNER";
        }
        if (accept("CROSS")) {
            accept("JOIN");
            return "CROSS";
        }
        for (String side : new String[] {"LEFT", "RIGHT", "FULL"}) {
            if (at(side) && !peek(1).isSymbol("(")) {
                next();
                if (!side.equals("FULL") && (accept("SEMI") || accept("ANTI"))) {
                    String kind = side + " " + tokens.get(pos - 1).upper();
                    expect("JOIN");
                    return kind;
                }
                accept("OUTER");
                expect("JOIN");
                return side;
            }
        }
        return null;
    }

    private List<String> bracketHint() {
        List<String> hints = new ArrayList<>();
        if (acceptSymbol("[")) {
            do {
                hints.add(identifier());
            } while (acceptSymbol(","));
            expectSymbol("]");
        }
        return hints;
    }

    private Query.Relation relationPrimary() {
        if (atSymbol("(")) {
            if (peek(1).isWord("VALUES")) {
                next();
                next();
                List<List<Expr>> rows = new ArrayList<>();
                do {
                    expectSymbol("(");
                    rows.add(expressionList());
                    expectSymbol(")");
                } while (acceptSymbol(","));
                expectSymbol(")");
                Optional<String> alias = alias(false);
                return new Query.ValuesRelation(rows, alias, columnAliases(alias));
            }
            if (atQueryStart()) {
                next();
                Query q = query();
                expectSymbol(")");
                Optional<String> alias = alias(false);
                return new Query.SubqueryRelation(q, alias, columnAliases(alias));
            }
            next();
            Query.Relation inner = relations();
            expectSymbol(")");
            return inner;
        }
        if (at("TABLE") && peek(1).isSymbol("(")) {
            next();
            expectSymbol("(");
            List<String> name = qualifiedName();
            if (!(FunctionCalls.call(this, name) instanceof Expr.Call call)) {
                throw unexpected("a table function");
            }
            expectSymbol(")");
            Optional<String> alias = alias(false);
            return new Query.TableFunction(call, alias, columnAliases(alias));
        }
        List<String> name = qualifiedName();
        if (atSymbol("(")) {
            Expr.Call call = (Expr.Call) FunctionCalls.call(this, name);
            Optional<String> alias = alias(false);
            return new Query.TableFunction(call, alias, columnAliases(alias));
        }
        boolean temporary = false;
        List<String> partitions = List.of();
        if (at("TEMPORARY") && (peek(1).isWord("PARTITION") || peek(1).isWord("PARTITIONS"))) {
            next();
            temporary = true;
        }
        if (accept("PARTITION") || accept("PARTITIONS")) {
            partitions = partitionNames();
        }
        if (at("TABLET") && peek(1).isSymbol("(")) {
            next();
            expectSymbol("(");
            do {
                integer();
            } while (acceptSymbol(","));
            expectSymbol(")");
        }
        Optional<String> alias = alias(false);
        return new Query.TableRef(name, partitions, temporary, alias, bracketHint());
    }

    /** After PARTITION: {@code (p1, p2)} or one name. */
    List<String> partitionNames() {
        List<String> names = new ArrayList<>();
        if (acceptSymbol("(")) {
            do {
                names.add(identifierOrString());
            } while (acceptSymbol(","));
            expectSymbol(")");
        } else {
            names.add(identifierOrString());
        }
        return names;
    }

    private List<String> columnAliases(Optional<String> alias) {
        return alias.isPresent() && atSymbol("(") ? identifierList() : List.of();
    }
}
