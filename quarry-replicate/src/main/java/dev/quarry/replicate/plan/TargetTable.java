package dev.quarry.replicate.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.config.Names;
import java.util.List;
import java.util.Optional;

/** A StarRocks target: {@code db.table}, or a bare table in the connection's database. */
public record TargetTable(Optional<String> database, String table) {
    public TargetTable {
        requireNonNull(database, "database is null");
        requireNonNull(table, "table is null");
        if (table.isEmpty()) {
            throw new IllegalArgumentException("table must not be empty");
        }
    }

    /** Reads {@code db.table}, {@code table} or backquoted parts; null when the text is not a name. */
    public static TargetTable parse(String text) {
        List<String> parts = Names.split(text.trim(), '`', false);
        if (parts == null) {
            return null;
        }
        if (parts.size() == 1) {
            return new TargetTable(Optional.empty(), parts.get(0));
        }
        return parts.size() == 2 ? new TargetTable(Optional.of(parts.get(0)), parts.get(1)) : null;
    }

    @Override
    public String toString() {
        return database.map(d -> d + "." + table).orElse(table);
    }
}
