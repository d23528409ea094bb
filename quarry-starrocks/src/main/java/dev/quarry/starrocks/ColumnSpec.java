package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One column of a table. Build with {@link #of(String, StarRocksType)} and the {@code with...} methods.
 *
 * @param name column name (quoted when rendered)
 * @param type StarRocks type
 * @param nullable whether NULL is allowed; PRIMARY KEY columns are always rendered NOT NULL
 * @param defaultValue column default, if any
 * @param comment column comment, if any
 * @param aggregate aggregation, only for value columns of AGGREGATE KEY tables
 * @param autoIncrement AUTO_INCREMENT (BIGINT only, docs/starrocks.md §3.1)
 */
public record ColumnSpec(
        String name,
        StarRocksType type,
        boolean nullable,
        Optional<Default> defaultValue,
        Optional<String> comment,
        Optional<AggregateType> aggregate,
        boolean autoIncrement) {

    public ColumnSpec {
        requireNonNull(name, "column name is null");
        requireNonNull(type, "type of column " + name + " is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(comment, "comment is null");
        requireNonNull(aggregate, "aggregate is null");
        if (name.isBlank()) {
            throw new InvalidSpecException("column name is blank");
        }
        if (name.equalsIgnoreCase("__op") || name.equalsIgnoreCase("__row")) {
            throw new InvalidSpecException(
                    "Column name [" + name + "] is a system reserved name. Please choose a different one.");
        }
        if (autoIncrement && type != StarRocksType.Scalar.BIGINT) {
            throw new InvalidSpecException("column " + name + ": AUTO_INCREMENT needs BIGINT, not " + type.sql());
        }
        if (autoIncrement && defaultValue.isPresent()) {
            throw new InvalidSpecException("column " + name + ": an AUTO_INCREMENT column cannot have a default");
        }
        aggregate.ifPresent(a -> {
            if (!a.accepts(type)) {
                throw new InvalidSpecException(
                        "column " + name + ": aggregate type " + a + " does not apply to " + type.sql());
            }
        });
        defaultValue.ifPresent(d -> {
            if (d.isCurrentTimestamp() && type != StarRocksType.Scalar.DATETIME) {
                throw new InvalidSpecException(
                        "column " + name + ": DEFAULT CURRENT_TIMESTAMP needs DATETIME, not " + type.sql());
            }
        });
    }

    /** A nullable column without default, comment or aggregation. */
    public static ColumnSpec of(String name, StarRocksType type) {
        return new ColumnSpec(name, type, true, Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public ColumnSpec notNull() {
        return new ColumnSpec(name, type, false, defaultValue, comment, aggregate, autoIncrement);
    }

    public ColumnSpec withNullable(boolean newNullable) {
        return new ColumnSpec(name, type, newNullable, defaultValue, comment, aggregate, autoIncrement);
    }

    public ColumnSpec withComment(String newComment) {
        return new ColumnSpec(name, type, nullable, defaultValue, Optional.of(newComment), aggregate, autoIncrement);
    }

    public ColumnSpec withDefault(Default newDefault) {
        return new ColumnSpec(name, type, nullable, Optional.of(newDefault), comment, aggregate, autoIncrement);
    }

    public ColumnSpec withAggregate(AggregateType newAggregate) {
        return new ColumnSpec(name, type, nullable, defaultValue, comment, Optional.of(newAggregate), autoIncrement);
    }

    /** AUTO_INCREMENT; such columns hold generated values and are NOT NULL. */
    public ColumnSpec withAutoIncrement() {
        return new ColumnSpec(name, type, false, defaultValue, comment, aggregate, true);
    }

    /**
     * A column default: a constant (rendered as a string literal, which StarRocks casts to the column type) or
     * CURRENT_TIMESTAMP.
     *
     * @param value the constant, empty for CURRENT_TIMESTAMP
     */
    public record Default(Optional<String> value) {
        public Default {
            requireNonNull(value, "value is null");
        }

        public static Default constant(String value) {
            return new Default(Optional.of(requireNonNull(value, "default value is null")));
        }

        public static Default currentTimestamp() {
            return new Default(Optional.empty());
        }

        boolean isCurrentTimestamp() {
            return value.isEmpty();
        }

        String sql() {
            return value.map(Sql::doubleQuoted).orElse("CURRENT_TIMESTAMP");
        }
    }
}
