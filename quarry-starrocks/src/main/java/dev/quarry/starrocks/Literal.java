package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** A constant in generated SQL, escaped by construction. Dates are written as strings, which StarRocks casts. */
public final class Literal {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final String sql;

    private Literal(String sql) {
        this.sql = sql;
    }

    public static Literal string(String value) {
        return new Literal(Sql.literal(value));
    }

    public static Literal number(long value) {
        return new Literal(Long.toString(value));
    }

    public static Literal number(BigDecimal value) {
        return new Literal(requireNonNull(value, "value is null").toPlainString());
    }

    public static Literal date(LocalDate value) {
        return new Literal(Sql.literal(requireNonNull(value, "value is null").toString()));
    }

    /** A DATETIME with microseconds, e.g. {@code '2024-01-01 23:59:59.999999'}; DATETIME has no time zone (docs/starrocks.md §4.3). */
    public static Literal dateTime(LocalDateTime value) {
        return new Literal(Sql.literal(DATETIME.format(requireNonNull(value, "value is null"))));
    }

    String sql() {
        return sql;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Literal literal && literal.sql.equals(sql);
    }

    @Override
    public int hashCode() {
        return sql.hashCode();
    }

    @Override
    public String toString() {
        return sql;
    }
}
