package dev.quarry.replicate.source;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.config.Names;
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
    public static SourceTable parse(String text) {
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
    public String name() {
        return schema + "." + table;
    }

    public String nameLower() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code "schema"."table"}: both parts double-quoted (inner quotes doubled), as standard SQL reads them. */
    public String quoted() {
        return quote(schema) + "." + quote(table);
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return name();
    }
}
