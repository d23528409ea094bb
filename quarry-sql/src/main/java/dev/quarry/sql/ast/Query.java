package dev.quarry.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** A query: {@code [WITH ...] body [ORDER BY ...] [LIMIT ...]} (docs/sql.md §3). */
public record Query(List<Cte> with, Body body, List<Expr.OrderItem> orderBy, Optional<Limit> limit) {
    public Query {
        with = List.copyOf(with);
        requireNonNull(body, "body is null");
        orderBy = List.copyOf(orderBy);
        requireNonNull(limit, "limit is null");
    }

    /** {@code name [(columns)] AS (query)}. */
    public record Cte(String name, List<String> columns, Query query) {
        public Cte {
            requireNonNull(name, "name is null");
            columns = List.copyOf(columns);
            requireNonNull(query, "query is null");
        }
    }

    /** {@code LIMIT count [OFFSET offset]} or {@code LIMIT offset, count}; offset 0 when absent. */
    public record Limit(long count, long offset) {}

    /** What a query computes before ORDER BY and LIMIT. */
    public sealed interface Body {}

    /** A SELECT block. */
    public record Select(
            List<String> hints,
            boolean distinct,
            List<SelectItem> items,
            List<Relation> from,
            Optional<Expr> where,
            Optional<GroupBy> groupBy,
            Optional<Expr> having,
            Optional<Expr> qualify)
            implements Body {
        public Select {
            hints = List.copyOf(hints);
            items = List.copyOf(items);
            from = List.copyOf(from);
            requireNonNull(where, "where is null");
            requireNonNull(groupBy, "groupBy is null");
            requireNonNull(having, "having is null");
            requireNonNull(qualify, "qualify is null");
        }
    }

    /** UNION, INTERSECT or EXCEPT (MINUS is read as EXCEPT); {@code all} for the ALL quantifier. */
    public record SetOperation(String op, boolean all, Body left, Body right) implements Body {
        public SetOperation {
            requireNonNull(op, "op is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    /** A parenthesised query used as a set operand. */
    public record Nested(Query query) implements Body {
        public Nested {
            requireNonNull(query, "query is null");
        }
    }

    /** An item of a select list; the alias is empty when not written. */
    public record SelectItem(Expr expr, Optional<String> alias) {
        public SelectItem {
            requireNonNull(expr, "expr is null");
            requireNonNull(alias, "alias is null");
        }
    }

    /** GROUP BY: plain ({@code sets} has one list), ROLLUP, CUBE or GROUPING SETS. */
    public record GroupBy(String kind, List<List<Expr>> sets) {
        public GroupBy {
            requireNonNull(kind, "kind is null");
            sets = sets.stream().map(List::copyOf).toList();
        }
    }

    /** Something FROM reads. */
    public sealed interface Relation {}

    /** A table or view, with the partitions it is restricted to and optimizer hints in brackets. */
    public record TableRef(
            List<String> name, List<String> partitions, boolean temporary, Optional<String> alias, List<String> hints)
            implements Relation {
        public TableRef {
            name = List.copyOf(name);
            partitions = List.copyOf(partitions);
            requireNonNull(alias, "alias is null");
            hints = List.copyOf(hints);
        }
    }

    /** {@code (query) [AS] alias [(columns)]}. */
    public record SubqueryRelation(Query query, Optional<String> alias, List<String> columns) implements Relation {
        public SubqueryRelation {
            requireNonNull(query, "query is null");
            requireNonNull(alias, "alias is null");
            columns = List.copyOf(columns);
        }
    }

    /** {@code (VALUES (...), ...) [AS] alias [(columns)]}. */
    public record ValuesRelation(List<List<Expr>> rows, Optional<String> alias, List<String> columns)
            implements Relation {
        public ValuesRelation {
            rows = rows.stream().map(List::copyOf).toList();
            requireNonNull(alias, "alias is null");
            columns = List.copyOf(columns);
        }
    }

    /** A table function: {@code unnest(a) [AS] t(x)} or {@code TABLE(generate_series(1, 3))}. */
    public record TableFunction(Expr.Call call, Optional<String> alias, List<String> columns) implements Relation {
        public TableFunction {
            requireNonNull(call, "call is null");
            requireNonNull(alias, "alias is null");
            columns = List.copyOf(columns);
        }
    }

    /**
     * A join: kind is INNER, CROSS, LEFT, RIGHT, FULL, LEFT SEMI, RIGHT SEMI, LEFT ANTI or RIGHT ANTI; a comma is
     * CROSS. {@code lateral} when the right side may refer to the left.
     */
    public record Join(
            String kind,
            Relation left,
            Relation right,
            boolean lateral,
            List<String> hints,
            Optional<Expr> on,
            List<String> using)
            implements Relation {
        public Join {
            requireNonNull(kind, "kind is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            hints = List.copyOf(hints);
            requireNonNull(on, "on is null");
            using = List.copyOf(using);
        }
    }
}
