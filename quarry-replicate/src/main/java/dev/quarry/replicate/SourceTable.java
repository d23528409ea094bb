package dev.quarry.replicate;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/** A source table: schema and name as stored in the catalog (already case-folded). */
public record SourceTable(String schema, String table) {
    public SourceTable {
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        if (schema.isEmpty() || table.isEmpty()) {
            throw new IllegalArgumentException("schema and table must not be empty");
        }
    }

    /**
     * Reads {@code schema.table}, {@code table} (schema {@code public}) or double-quoted parts. Unquoted parts
     * fold to lower case as PostgreSQL does; quoted parts keep their case. Null when the text is not a name.
     */
    static SourceTable parse(String text) {
        List<String> parts = Names.split(text.trim(), '"', true);
        if (parts == null) {
            return null;
        }
        if (parts.size() == 1) {
            return new SourceTable("public", parts.get(0));
        }
        return parts.size() == 2 ? new SourceTable(parts.get(0), parts.get(1)) : null;
    }

    /** {@code schema.table} as the stream variables and the output show it. */
    String name() {
        return schema + "." + table;
    }

    String nameLower() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The PostgreSQL-quoted name, for SQL. */
    String quoted() {
        return PgSql.ident(schema) + "." + PgSql.ident(table);
    }

    @Override
    public String toString() {
        return name();
    }
}
