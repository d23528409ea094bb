package dev.quarry.sandbox.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * StarRocks catalog metadata (databases; tables, views and MVs as {@link TableDef}) kept in DuckDB tables of the
 * hidden schema {@value #SCHEMA}, so that a catalog change commits or rolls back with the data change it belongs
 * to (SWAP, CTAS...). An in-memory copy serves lookups; {@link #reload} resynchronises it after a rollback.
 */
final class Catalog {
    static final String SCHEMA = "__quarry";

    /** Databases every StarRocks cluster shows (docs/starrocks.md §5.8). */
    static final List<String> SYSTEM_DATABASES = List.of("_statistics_", "information_schema", "sys");

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Map<String, Long> databases = new ConcurrentHashMap<>();
    private final Map<String, Map<String, TableDef>> tables = new ConcurrentHashMap<>();

    static void createSchema(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            s.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".dbs (name VARCHAR, id BIGINT, created TIMESTAMP)");
            s.execute(
                    "CREATE TABLE IF NOT EXISTS " + SCHEMA + ".tbls (db VARCHAR, name VARCHAR, kind VARCHAR, id BIGINT,"
                            + " created TIMESTAMP, def VARCHAR, model VARCHAR, primary_key VARCHAR, partition_key VARCHAR,"
                            + " distribute_key VARCHAR, distribute_type VARCHAR, buckets BIGINT, sort_key VARCHAR, properties VARCHAR,"
                            + " comment VARCHAR, view_def VARCHAR, refresh VARCHAR)");
            s.execute(
                    "CREATE TABLE IF NOT EXISTS " + SCHEMA
                            + ".cols (db VARCHAR, tbl VARCHAR, ord INTEGER, name VARCHAR,"
                            + " data_type VARCHAR, column_type VARCHAR, nullable BOOLEAN, is_key BOOLEAN, dflt VARCHAR,"
                            + " comment VARCHAR, char_len BIGINT, num_precision BIGINT, num_scale BIGINT, dt_precision BIGINT)");
            s.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".labels (db VARCHAR, label VARCHAR, txn_id BIGINT,"
                    + " state VARCHAR, tbl VARCHAR, created TIMESTAMP)");
            s.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".counters (name VARCHAR, value BIGINT)");
        }
    }

    void reload(Connection conn) throws SQLException {
        databases.clear();
        tables.clear();
        try (Statement s = conn.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT name, id FROM " + SCHEMA + ".dbs")) {
                while (rs.next()) {
                    databases.put(rs.getString(1), rs.getLong(2));
                    tables.put(rs.getString(1), new ConcurrentHashMap<>());
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT def FROM " + SCHEMA + ".tbls")) {
                while (rs.next()) {
                    TableDef def = JSON.readValue(rs.getString(1), TableDef.class);
                    tables.computeIfAbsent(def.db(), k -> new ConcurrentHashMap<>())
                            .put(def.name(), def);
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("catalog entry unreadable: " + e.getOriginalMessage(), e);
            }
        }
    }

    boolean hasDatabase(String db) {
        return databases.containsKey(db);
    }

    /** User databases, sorted. */
    List<String> databases() {
        return new ArrayList<>(new TreeMap<>(databases).keySet());
    }

    long databaseId(String db) {
        return databases.getOrDefault(db, 0L);
    }

    Optional<TableDef> table(String db, String name) {
        Map<String, TableDef> m = tables.get(db);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(name));
    }

    List<TableDef> tables(String db) {
        Map<String, TableDef> m = tables.get(db);
        return m == null ? List.of() : new ArrayList<>(new TreeMap<>(m).values());
    }

    List<TableDef> allTables() {
        List<TableDef> out = new ArrayList<>();
        for (String db : databases()) {
            out.addAll(tables(db));
        }
        return out;
    }

    void createDatabase(Connection conn, String db, long id, long createdMillis) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.quoteIdent(db));
        }
        try (PreparedStatement p = conn.prepareStatement(
                "INSERT INTO " + SCHEMA + ".dbs VALUES (?, ?, make_timestamp(CAST(? AS BIGINT) * 1000))")) {
            p.setString(1, db);
            p.setLong(2, id);
            p.setLong(3, createdMillis);
            p.executeUpdate();
        }
        databases.put(db, id);
        tables.put(db, new ConcurrentHashMap<>());
    }

    void dropDatabase(Connection conn, String db) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + Sql.quoteIdent(db) + " CASCADE");
        }
        for (String t : new String[] {"tbls", "cols", "labels"}) {
            try (PreparedStatement p = conn.prepareStatement("DELETE FROM " + SCHEMA + "." + t + " WHERE db = ?")) {
                p.setString(1, db);
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = conn.prepareStatement("DELETE FROM " + SCHEMA + ".dbs WHERE name = ?")) {
            p.setString(1, db);
            p.executeUpdate();
        }
        databases.remove(db);
        tables.remove(db);
    }

    /** Inserts or replaces the metadata of {@code def}. */
    void put(Connection conn, TableDef def) throws SQLException {
        remove(conn, def.db(), def.name());
        String json;
        try {
            json = JSON.writeValueAsString(def);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot serialise catalog entry: " + e.getOriginalMessage(), e);
        }
        try (PreparedStatement p = conn.prepareStatement("INSERT INTO " + SCHEMA
                + ".tbls VALUES (?, ?, ?, ?, make_timestamp(? * 1000), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, def.db());
            p.setString(2, def.name());
            p.setString(3, def.kind().name());
            p.setLong(4, def.id());
            p.setLong(5, def.createdMillis());
            p.setString(6, json);
            p.setString(7, def.keysType() == null ? null : def.keysType().model());
            p.setString(8, backquoted(def.keys()));
            p.setString(9, backquoted(def.partitionColumns()));
            p.setString(10, backquoted(def.distributionColumns()));
            p.setString(11, def.randomDistribution() ? "RANDOM" : "HASH");
            p.setLong(12, def.buckets());
            p.setString(13, backquoted(def.orderBy().isEmpty() ? def.keys() : def.orderBy()));
            p.setString(14, propertiesJson(def));
            p.setString(15, def.comment());
            p.setString(16, def.query());
            p.setString(17, def.refresh());
            p.executeUpdate();
        }
        try (PreparedStatement p = conn.prepareStatement(
                "INSERT INTO " + SCHEMA + ".cols VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int ord = 1;
            for (ColumnDef c : def.columns()) {
                ColumnType t = c.type();
                p.setString(1, def.db());
                p.setString(2, def.name());
                p.setInt(3, ord++);
                p.setString(4, c.name());
                p.setString(5, t.dataType());
                p.setString(6, t.showCreate());
                p.setBoolean(7, c.nullable());
                p.setBoolean(8, c.key());
                p.setString(9, c.defaultValue());
                p.setString(10, c.comment());
                boolean text = t.base() == SqlType.VARCHAR || t.base() == SqlType.CHAR;
                p.setObject(11, text ? (Object) (long) t.length() : null);
                p.setObject(12, numericPrecision(t));
                p.setObject(13, numericScale(t));
                p.setObject(14, t.base() == SqlType.DATETIME ? (Object) (long) t.length() : null);
                p.addBatch();
            }
            if (!def.columns().isEmpty()) {
                p.executeBatch();
            }
        }
        tables.computeIfAbsent(def.db(), k -> new ConcurrentHashMap<>()).put(def.name(), def);
    }

    private static String backquoted(List<String> names) {
        return String.join(", ", names.stream().map(Sql::backquote).toList());
    }

    private static String propertiesJson(TableDef def) throws SQLException {
        try {
            return JSON.writeValueAsString(def.properties());
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot serialise properties: " + e.getOriginalMessage(), e);
        }
    }

    private static Object numericPrecision(ColumnType t) {
        return switch (t.base()) {
            case TINYINT -> 3L;
            case SMALLINT -> 5L;
            case INT -> 10L;
            case BIGINT -> 19L;
            case LARGEINT -> 39L;
            case FLOAT -> 12L;
            case DOUBLE -> 22L;
            case DECIMAL -> (long) t.length();
            default -> null;
        };
    }

    private static Object numericScale(ColumnType t) {
        return switch (t.base()) {
            case TINYINT, SMALLINT, INT, BIGINT, LARGEINT -> 0L;
            case DECIMAL -> (long) t.scale();
            default -> null;
        };
    }

    void remove(Connection conn, String db, String name) throws SQLException {
        for (String t : new String[] {"tbls", "cols"}) {
            String col = t.equals("tbls") ? "name" : "tbl";
            try (PreparedStatement p =
                    conn.prepareStatement("DELETE FROM " + SCHEMA + "." + t + " WHERE db = ? AND " + col + " = ?")) {
                p.setString(1, db);
                p.setString(2, name);
                p.executeUpdate();
            }
        }
        Map<String, TableDef> m = tables.get(db);
        if (m != null) {
            m.remove(name);
        }
    }

    long nextCounter(Connection conn, String name, long start) throws SQLException {
        long value;
        try (PreparedStatement p = conn.prepareStatement("SELECT value FROM " + SCHEMA + ".counters WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                value = rs.next() ? rs.getLong(1) + 1 : start;
            }
        }
        try (PreparedStatement p = conn.prepareStatement("DELETE FROM " + SCHEMA + ".counters WHERE name = ?")) {
            p.setString(1, name);
            p.executeUpdate();
        }
        try (PreparedStatement p = conn.prepareStatement("INSERT INTO " + SCHEMA + ".counters VALUES (?, ?)")) {
            p.setString(1, name);
            p.setLong(2, value);
            p.executeUpdate();
        }
        return value;
    }
}
