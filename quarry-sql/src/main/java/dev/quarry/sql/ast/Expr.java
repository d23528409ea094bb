package dev.quarry.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** An expression of StarRocks SQL (docs/sql.md §3). */
public sealed interface Expr {

    /** A literal as written: NULL, TRUE/FALSE, a number, a string (unescaped), DATE/DATETIME, a binary string. */
    record Literal(LiteralKind kind, String value) implements Expr {
        public Literal {
            requireNonNull(kind, "kind is null");
            requireNonNull(value, "value is null");
        }
    }

    enum LiteralKind {
        NULL,
        BOOLEAN,
        INTEGER,
        DECIMAL,
        DOUBLE,
        STRING,
        DATE,
        DATETIME
    }

    /** A column or a field path: {@code c}, {@code t.c}, {@code db.t.c}, {@code s.field}. */
    record Name(List<String> parts) implements Expr {
        public Name {
            parts = List.copyOf(parts);
        }
    }

    /** {@code *} or {@code t.*} in a select list or COUNT(*). */
    record Star(List<String> qualifier) implements Expr {
        public Star {
            qualifier = List.copyOf(qualifier);
        }
    }

    /** {@code @name} (user variable) or {@code @@[scope.]name} (system variable, scope may be empty). */
    record Variable(boolean system, String scope, String name) implements Expr {
        public Variable {
            requireNonNull(scope, "scope is null");
            requireNonNull(name, "name is null");
        }
    }

    /** A prepared statement's {@code ?}, numbered from 0 in order of appearance. */
    record Parameter(int index) implements Expr {}

    /**
     * A function call; {@code name} is upper-cased for StarRocks' keyword functions and kept as written otherwise.
     * {@code orderBy} and {@code separator} belong to aggregates such as {@code group_concat}; {@code ignoreNulls} to
     * LEAD/LAG/FIRST_VALUE/LAST_VALUE.
     */
    record Call(
            List<String> name,
            boolean distinct,
            List<Expr> args,
            List<OrderItem> orderBy,
            Optional<Expr> separator,
            boolean ignoreNulls,
            Optional<Window> over)
            implements Expr {
        public Call {
            name = List.copyOf(name);
            args = List.copyOf(args);
            orderBy = List.copyOf(orderBy);
            requireNonNull(separator, "separator is null");
            requireNonNull(over, "over is null");
        }

        public static Call of(String name, List<Expr> args) {
            return new Call(List.of(name), false, args, List.of(), Optional.empty(), false, Optional.empty());
        }
    }

    /** {@code OVER (PARTITION BY ... ORDER BY ... frame)}. */
    record Window(List<Expr> partitionBy, List<OrderItem> orderBy, Optional<Frame> frame) {
        public Window {
            partitionBy = List.copyOf(partitionBy);
            orderBy = List.copyOf(orderBy);
            requireNonNull(frame, "frame is null");
        }
    }

    /** {@code ROWS|RANGE start} or {@code ROWS|RANGE BETWEEN start AND end}. */
    record Frame(String unit, Bound start, Optional<Bound> end) {
        public Frame {
            requireNonNull(unit, "unit is null");
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
        }
    }

    /** A frame bound: {@code UNBOUNDED PRECEDING}, {@code CURRENT ROW}, {@code n FOLLOWING}, ... */
    record Bound(String kind, Optional<Expr> offset) {
        public Bound {
            requireNonNull(kind, "kind is null");
            requireNonNull(offset, "offset is null");
        }
    }

    /** A sort key with its direction and NULLS FIRST/LAST (empty when not written). */
    record OrderItem(Expr expr, boolean descending, Optional<Boolean> nullsFirst) {
        public OrderItem {
            requireNonNull(expr, "expr is null");
            requireNonNull(nullsFirst, "nullsFirst is null");
        }
    }

    /** A binary operator: arithmetic, comparison, AND/OR/XOR, bit operators. */
    record Binary(String op, Expr left, Expr right) implements Expr {
        public Binary {
            requireNonNull(op, "op is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    /** A prefix operator: {@code -}, {@code +}, {@code ~}, {@code !}, {@code NOT}. */
    record Unary(String op, Expr operand) implements Expr {
        public Unary {
            requireNonNull(op, "op is null");
            requireNonNull(operand, "operand is null");
        }
    }

    record IsNull(Expr operand, boolean negated) implements Expr {
        public IsNull {
            requireNonNull(operand, "operand is null");
        }
    }

    record Between(Expr operand, Expr low, Expr high, boolean negated) implements Expr {
        public Between {
            requireNonNull(operand, "operand is null");
            requireNonNull(low, "low is null");
            requireNonNull(high, "high is null");
        }
    }

    record InList(Expr operand, List<Expr> values, boolean negated) implements Expr {
        public InList {
            requireNonNull(operand, "operand is null");
            values = List.copyOf(values);
        }
    }

    /** {@code x [NOT] IN (query)}; the operand may be a {@link Row} (tuple IN subquery). */
    record InQuery(Expr operand, Query query, boolean negated) implements Expr {
        public InQuery {
            requireNonNull(operand, "operand is null");
            requireNonNull(query, "query is null");
        }
    }

    /** {@code LIKE}, {@code RLIKE} or {@code REGEXP}. */
    record Like(String op, Expr operand, Expr pattern, boolean negated) implements Expr {
        public Like {
            requireNonNull(op, "op is null");
            requireNonNull(operand, "operand is null");
            requireNonNull(pattern, "pattern is null");
        }
    }

    record Exists(Query query) implements Expr {
        public Exists {
            requireNonNull(query, "query is null");
        }
    }

    /** A scalar subquery. */
    record Subquery(Query query) implements Expr {
        public Subquery {
            requireNonNull(query, "query is null");
        }
    }

    /** A parenthesised list of two or more expressions, only before {@code IN (subquery)}. */
    record Row(List<Expr> items) implements Expr {
        public Row {
            items = List.copyOf(items);
        }
    }

    /** {@code CASE [operand] WHEN ... THEN ... [ELSE ...] END}. */
    record Case(Optional<Expr> operand, List<When> whens, Optional<Expr> otherwise) implements Expr {
        public Case {
            requireNonNull(operand, "operand is null");
            whens = List.copyOf(whens);
            requireNonNull(otherwise, "otherwise is null");
        }
    }

    record When(Expr condition, Expr result) {
        public When {
            requireNonNull(condition, "condition is null");
            requireNonNull(result, "result is null");
        }
    }

    /** {@code CAST(x AS type)} and {@code CONVERT(x, type)}. */
    record Cast(Expr operand, DataType type) implements Expr {
        public Cast {
            requireNonNull(operand, "operand is null");
            requireNonNull(type, "type is null");
        }
    }

    /** {@code INTERVAL value unit}; the unit is upper case. */
    record Interval(Expr value, String unit) implements Expr {
        public Interval {
            requireNonNull(value, "value is null");
            requireNonNull(unit, "unit is null");
        }
    }

    /** {@code x -> body} or {@code (x, y) -> body}. */
    record Lambda(List<String> params, Expr body) implements Expr {
        public Lambda {
            params = List.copyOf(params);
            requireNonNull(body, "body is null");
        }
    }

    /** {@code [a, b]} or {@code ARRAY<T>[a, b]}. */
    record ArrayLiteral(Optional<DataType> type, List<Expr> items) implements Expr {
        public ArrayLiteral {
            requireNonNull(type, "type is null");
            items = List.copyOf(items);
        }
    }

    /** {@code MAP{k: v, ...}}, {@code {k: v}} or {@code MAP<K, V>{...}}. */
    record MapLiteral(Optional<DataType> type, List<Expr> keys, List<Expr> values) implements Expr {
        public MapLiteral {
            requireNonNull(type, "type is null");
            keys = List.copyOf(keys);
            values = List.copyOf(values);
        }
    }

    /** {@code base[index]}. */
    record Subscript(Expr base, Expr index) implements Expr {
        public Subscript {
            requireNonNull(base, "base is null");
            requireNonNull(index, "index is null");
        }
    }

    /** {@code base[start:end]}, either bound may be absent. */
    record Slice(Expr base, Optional<Expr> start, Optional<Expr> end) implements Expr {
        public Slice {
            requireNonNull(base, "base is null");
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
        }
    }

    /** {@code base.field} on an expression that is not a plain name (e.g. a call or subscript). */
    record Field(Expr base, String field) implements Expr {
        public Field {
            requireNonNull(base, "base is null");
            requireNonNull(field, "field is null");
        }
    }

    /** The JSON arrow {@code json -> 'path'}. */
    record JsonArrow(Expr base, String path) implements Expr {
        public JsonArrow {
            requireNonNull(base, "base is null");
            requireNonNull(path, "path is null");
        }
    }

    /** {@code expr COLLATE name}. */
    record Collate(Expr operand, String collation) implements Expr {
        public Collate {
            requireNonNull(operand, "operand is null");
            requireNonNull(collation, "collation is null");
        }
    }

    /** {@code DEFAULT} in an INSERT row or SET value. */
    record Default() implements Expr {}
}
