package dev.quarry.replicate.source.pg;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.source.SourceCatalog;
import dev.quarry.replicate.source.SourceException;
import dev.quarry.replicate.source.SourceTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Discovery on a PostgreSQL source through pg_catalog: the tables of a schema (for wildcards) and a table's
 * columns with exact types. information_schema would lose typmods of arrays and domains, so pg_catalog it is.
 */
final class PgCatalog implements SourceCatalog {
    /** Ordinary, partitioned and foreign tables, views and materialized views: everything a SELECT can read. */
    private static final String TABLES =
            "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition ORDER BY c.relname";

    private static final String COLUMNS =
            "SELECT a.attname, a.atttypid, a.atttypmod, a.attnotnull, pg_catalog.format_type(a.atttypid, a.atttypmod)"
                    + " FROM pg_catalog.pg_attribute a WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
    private static final String PRIMARY_KEY = "SELECT a.attname FROM pg_catalog.pg_index i"
            + " CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
            + " WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY k.ord";
    private static final String TYPE =
            "SELECT t.typname, t.typtype, t.typcategory, t.typelem, t.typbasetype, t.typtypmod"
                    + " FROM pg_catalog.pg_type t WHERE t.oid = ?::oid";

    private final Connection connection;
    private final Map<Long, TypeRow> types = new HashMap<>();

    PgCatalog(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    @Override
    public List<SourceTable> tables(String schema) {
        try (PreparedStatement st = connection.prepareStatement(TABLES)) {
            st.setString(1, schema);
            List<SourceTable> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tables.add(new SourceTable(schema, rs.getString(1)));
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new SourceException("listing the tables of schema " + schema + " failed: " + e.getMessage(), e);
        }
    }

    /** The table's columns and primary key; empty when there is no such table or view. */
    Optional<PgTable> describe(SourceTable table) {
        if (!exists(table)) {
            return Optional.empty();
        }
        try {
            List<PgColumn> columns = new ArrayList<>();
            try (PreparedStatement st = connection.prepareStatement(COLUMNS)) {
                st.setString(1, table.quoted());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        PgType type = resolve(rs.getLong(2), rs.getInt(3), rs.getString(5));
                        columns.add(new PgColumn(rs.getString(1), type, rs.getBoolean(4)));
                    }
                }
            }
            List<String> key = new ArrayList<>();
            try (PreparedStatement st = connection.prepareStatement(PRIMARY_KEY)) {
                st.setString(1, table.quoted());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        key.add(rs.getString(1));
                    }
                }
            }
            return Optional.of(new PgTable(table, columns, key));
        } catch (SQLException e) {
            throw new SourceException("reading the columns of " + table + " failed: " + e.getMessage(), e);
        }
    }

    private boolean exists(SourceTable table) {
        try (PreparedStatement st = connection.prepareStatement("SELECT pg_catalog.to_regclass(?) IS NOT NULL")) {
            st.setString(1, table.quoted());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new SourceException("looking up " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** Resolves domains to their base type (a domain's own typmod applies when the column has none) and arrays to elements. */
    private PgType resolve(long oid, int modifier, String declared) throws SQLException {
        TypeRow t = type(oid);
        if (t.typtype == 'd') {
            PgType base = resolve(t.baseType, modifier >= 0 ? modifier : t.baseModifier, declared);
            return new PgType(base.name(), base.kind(), base.modifier(), base.element(), declared);
        }
        if (t.category == 'A' && t.element != 0) {
            PgType element = resolve(t.element, modifier, declared.replace("[]", ""));
            return new PgType(t.name, PgType.Kind.ARRAY, modifier, Optional.of(element), declared);
        }
        PgType.Kind kind =
                t.typtype == 'e' ? PgType.Kind.ENUM : t.typtype == 'b' ? PgType.Kind.BASE : PgType.Kind.OTHER;
        return new PgType(t.name, kind, modifier, Optional.empty(), declared);
    }

    private TypeRow type(long oid) throws SQLException {
        TypeRow cached = types.get(oid);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement st = connection.prepareStatement(TYPE)) {
            st.setLong(1, oid);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("type oid " + oid + " not found");
                }
                TypeRow row = new TypeRow(
                        rs.getString(1),
                        rs.getString(2).charAt(0),
                        rs.getString(3).charAt(0),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getInt(6));
                types.put(oid, row);
                return row;
            }
        }
    }

    private record TypeRow(String name, char typtype, char category, long element, long baseType, int baseModifier) {}
}
