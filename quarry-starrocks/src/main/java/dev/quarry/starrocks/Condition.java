package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A simple predicate {@code column op constant}, the only form DELETE accepts on every table type
 * (docs/starrocks.md §5.3: DUPLICATE/UNIQUE/AGGREGATE tables reject BETWEEN, subqueries and {@code WHERE TRUE}).
 *
 * @param column column name
 * @param op comparison
 * @param value constant
 */
public record Condition(String column, Op op, Literal value) {

    public Condition {
        requireNonNull(column, "column is null");
        requireNonNull(op, "op is null");
        requireNonNull(value, "value is null");
    }

    public static Condition eq(String column, Literal value) {
        return new Condition(column, Op.EQ, value);
    }

    public static Condition atLeast(String column, Literal value) {
        return new Condition(column, Op.GE, value);
    }

    public static Condition atMost(String column, Literal value) {
        return new Condition(column, Op.LE, value);
    }

    public static Condition lessThan(String column, Literal value) {
        return new Condition(column, Op.LT, value);
    }

    /** {@code low <= column <= high} written as two conditions, never BETWEEN. */
    public static List<Condition> between(String column, Literal low, Literal high) {
        return List.of(atLeast(column, low), atMost(column, high));
    }

    String sql() {
        return Sql.quote(column) + " " + op.symbol + " " + value.sql();
    }

    /** Comparison operators. */
    public enum Op {
        EQ("="),
        NE("!="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }
}
