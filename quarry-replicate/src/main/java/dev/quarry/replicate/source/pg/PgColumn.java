package dev.quarry.replicate.source.pg;

import static java.util.Objects.requireNonNull;

/** A source column: name, resolved type and nullability, in table order. */
record PgColumn(String name, PgType type, boolean notNull) {
    PgColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
