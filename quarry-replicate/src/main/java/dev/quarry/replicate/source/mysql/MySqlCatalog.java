package dev.quarry.replicate.source.mysql;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.source.SourceCatalog;
import dev.quarry.replicate.source.SourceException;
import dev.quarry.replicate.source.SourceTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Discovery on MySQL and MariaDB through information_schema: a schema is a database. Stream names fold to lower case
 * (docs/sling.md §1.4) while MySQL table names are case-sensitive on most systems, so a name is looked up exactly
 * first and then ignoring case; a bare table name ({@code public.t} after parsing) reads the connection's database
 * (docs/type-mapping.md §7.1).
 */
final class MySqlCatalog implements SourceCatalog {
    private static final String TABLES =
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED')";
    private static final String FIND = "SELECT TABLE_SCHEMA, TABLE_NAME, COALESCE(TABLE_ROWS, 0)"
            + " FROM information_schema.TABLES WHERE LOWER(TABLE_SCHEMA) = LOWER(?) AND LOWER(TABLE_NAME) = LOWER(?)";
    private static final String COLUMNS = "SELECT COLUMN_NAME, COLUMN_TYPE, COLLATION_NAME, IS_NULLABLE"
            + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";
    private static final String PRIMARY_KEY = "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION";
    /** MariaDB's JSON is LONGTEXT with a json_valid check named after the column (MySQL's table has no TABLE_NAME). */
    private static final String JSON_CHECKS = "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
            + " WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?";

    private final Connection connection;
    private final boolean mariadb;

    MySqlCatalog(Connection connection, boolean mariadb) {
        this.connection = requireNonNull(connection, "connection is null");
        this.mariadb = mariadb;
    }

    @Override
    public List<SourceTable> tables(String schema) {
        String database = resolveSchema(schema);
        try (PreparedStatement st = connection.prepareStatement(TABLES)) {
            st.setString(1, database);
            List<SourceTable> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tables.add(new SourceTable(database, rs.getString(1)));
                }
            }
            tables.sort((a, b) -> a.table().compareTo(b.table()));
            return tables;
        } catch (SQLException e) {
            throw new SourceException("listing the tables of database " + schema + " failed: " + e.getMessage(), e);
        }
    }

    /** The table's columns and primary key; empty when there is no such table or view. */
    Optional<MySqlTable> describe(SourceTable table) {
        try {
            Optional<Found> found = find(table);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            SourceTable name = found.get().table();
            Set<String> json = mariadb ? jsonColumns(name) : Set.of();
            List<MySqlColumn> columns = new ArrayList<>();
            try (PreparedStatement st = connection.prepareStatement(COLUMNS)) {
                st.setString(1, name.schema());
                st.setString(2, name.table());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String column = rs.getString(1);
                        String type = rs.getString(2);
                        columns.add(new MySqlColumn(
                                column,
                                type,
                                MySqlColumn.charsetOfCollation(rs.getString(3)),
                                "NO".equals(rs.getString(4)),
                                type.toLowerCase(Locale.ROOT).equals("json") || json.contains(column)));
                    }
                }
            }
            List<String> key = new ArrayList<>();
            try (PreparedStatement st = connection.prepareStatement(PRIMARY_KEY)) {
                st.setString(1, name.schema());
                st.setString(2, name.table());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        key.add(rs.getString(1));
                    }
                }
            }
            return Optional.of(new MySqlTable(name, columns, key, found.get().rows()));
        } catch (SQLException e) {
            throw new SourceException("reading the columns of " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** The database a stream's schema part names: {@code public} (no schema given) is the connection's database. */
    String resolveSchema(String schema) {
        if (!schema.equals("public")) {
            return schema;
        }
        try {
            if (databaseExists("public")) {
                return schema;
            }
            String current = connection.getCatalog();
            return current == null || current.isEmpty() ? schema : current;
        } catch (SQLException e) {
            throw new SourceException("reading the connection's database failed: " + e.getMessage(), e);
        }
    }

    private boolean databaseExists(String name) throws SQLException {
        try (PreparedStatement st =
                connection.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Optional<Found> find(SourceTable table) throws SQLException {
        String schema = resolveSchema(table.schema());
        List<Found> matches = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(FIND)) {
            st.setString(1, schema);
            st.setString(2, table.table());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    matches.add(new Found(new SourceTable(rs.getString(1), rs.getString(2)), rs.getLong(3)));
                }
            }
        }
        for (Found f : matches) {
            if (f.table().schema().equals(schema) && f.table().table().equals(table.table())) {
                return Optional.of(f);
            }
        }
        // Only an unambiguous case-insensitive match stands in for the name as written.
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private Set<String> jsonColumns(SourceTable table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement st = connection.prepareStatement(JSON_CHECKS)) {
            st.setString(1, table.schema());
            st.setString(2, table.table());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String clause = rs.getString(1).strip();
                    if (clause.startsWith("json_valid(`") && clause.endsWith("`)")) {
                        columns.add(clause.substring("json_valid(`".length(), clause.length() - 2)
                                .replace("``", "`"));
                    }
                }
            }
        }
        return columns;
    }

    private record Found(SourceTable table, long rows) {}
}
