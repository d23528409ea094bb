package dev.quarry.sandbox.engine;

import java.util.Objects;

/**
 * A column of a StarRocks table as declared.
 *
 * @param defaultValue the DEFAULT literal, {@code CURRENT_TIMESTAMP}, or {@code null} for none
 * @param defaultIsExpression true for {@code DEFAULT CURRENT_TIMESTAMP} / {@code DEFAULT (expr)}
 * @param aggType AGGREGATE KEY value column function, or {@code null}
 */
record ColumnDef(
        String name,
        ColumnType type,
        boolean nullable,
        boolean key,
        AggType aggType,
        String defaultValue,
        boolean defaultIsExpression,
        boolean autoIncrement,
        String comment) {
    ColumnDef {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        comment = comment == null ? "" : comment;
    }

    ColumnDef withKey(boolean isKey, boolean isNullable) {
        return new ColumnDef(
                name, type, isNullable, isKey, aggType, defaultValue, defaultIsExpression, autoIncrement, comment);
    }

    ColumnDef withComment(String newComment) {
        return new ColumnDef(
                name, type, nullable, key, aggType, defaultValue, defaultIsExpression, autoIncrement, newComment);
    }

    ColumnDef withName(String newName) {
        return new ColumnDef(
                newName, type, nullable, key, aggType, defaultValue, defaultIsExpression, autoIncrement, comment);
    }

    boolean named(String other) {
        // Column names are case-insensitive in StarRocks (docs/starrocks.md §7.4).
        return name.equalsIgnoreCase(other);
    }
}
