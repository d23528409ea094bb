package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Log;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a StarRocks cluster holds, read from {@code information_schema} and SHOW statements over a session
 * ({@link StarRocksSession#catalog()}): databases, tables and views, columns with their types, a table's keys and
 * partitions. Names are compared as StarRocks stores them (table names are case-sensitive). A query that fails throws
 * {@link StarRocksSqlException} with the server's message.
 */
public final class StarRocksCatalog {
    private static final String DATABASES = "SELECT schema_name FROM information_schema.schemata ORDER BY schema_name";
    private static final String TABLES =
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?" + " ORDER BY table_name";
    private static final String TABLE_EXISTS =
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?" + " AND table_name = ?";
    private static final String COLUMN_NAMES = "SELECT column_name FROM information_schema.columns"
            + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";
    private static final String KEYS = "SELECT table_model, primary_key, partition_key, distribute_key, sort_key"
            + " FROM information_schema.tables_config WHERE table_schema = ? AND table_name = ?";
    // Every schema at once, in one statement each, like the other connection types' discovery (conns discover).
    private static final String RELATIONS = "SELECT table_schema, table_name, table_type FROM information_schema.tables"
            + " ORDER BY table_schema, table_name";
    private static final String ALL_COLUMNS = "SELECT table_schema, table_name, ordinal_position, column_name,"
            + " data_type, is_nullable FROM information_schema.columns ORDER BY table_schema, table_name, ordinal_position";

    private final Connection connection;

    StarRocksCatalog(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** Every database, system ones included, in name order. */
    public List<String> databases() {
        return strings(DATABASES);
    }

    /** The tables, views and materialized views of {@code database}, in name order. */
    public List<String> tables(String database) {
        return strings(TABLES, database);
    }

    public boolean tableExists(String database, String table) {
        return Long.parseLong(strings(TABLE_EXISTS, database, table).get(0)) > 0;
    }

    /** The column names of a table in schema order; empty when there is no such table. */
    public List<String> columnNames(String database, String table) {
        return strings(COLUMN_NAMES, database, table);
    }

    /**
     * The columns of a table in schema order with their types, nullability and comments; empty when there is no such
     * table.
     *
     * @throws dev.quarry.core.RunException when a column type cannot be read
     */
    public Optional<List<ColumnSpec>> columns(String database, String table) {
        return ClusterProbe.of(connection).tableColumns(database, table);
    }

    /**
     * A table's type and key, partition, distribution and sort columns (from {@code information_schema.tables_config});
     * empty for a view or a missing table.
     */
    public Optional<TableKeys> keys(String database, String table) {
        List<List<String>> rows = rows(KEYS, database, table);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> r = rows.get(0);
        return Optional.of(
                new TableKeys(keyType(r.get(0)), names(r.get(1)), names(r.get(2)), names(r.get(3)), names(r.get(4))));
    }

    /** The names of a table's partitions ({@code SHOW PARTITIONS}), in the order StarRocks lists them. */
    public List<String> partitions(String database, String table) {
        String sql = StarRocksQueries.showPartitions(database, table);
        Log.sql(sql);
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int name = column(rs.getMetaData(), "PartitionName");
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(name));
            }
            return names;
        } catch (SQLException e) {
            throw new StarRocksSqlException(e);
        }
    }

    /** Every table and view of the cluster, system ones included, by database and name. */
    public List<Relation> relations() {
        return rows(RELATIONS).stream()
                .map(r -> new Relation(r.get(0), r.get(1), r.get(2)))
                .toList();
    }

    /** Every column of the cluster, by database, table and position. */
    public List<Column> allColumns() {
        return rows(ALL_COLUMNS).stream()
                .map(r -> new Column(r.get(0), r.get(1), Integer.parseInt(r.get(2)), r.get(3), r.get(4), r.get(5)))
                .toList();
    }

    /** A table or view: its database, name and {@code information_schema} type ({@code BASE TABLE}, {@code VIEW}). */
    public record Relation(String database, String name, String type) {
        public Relation {
            requireNonNull(name, "name is null");
        }
    }

    /** A column as {@code information_schema.columns} lists it; {@code nullable} is {@code YES} or {@code NO}. */
    public record Column(String database, String table, int position, String name, String dataType, String nullable) {
        public Column {
            requireNonNull(table, "table is null");
            requireNonNull(name, "name is null");
        }
    }

    /** A table's type and the columns of its key, partitioning, distribution and sort order. */
    public record TableKeys(
            KeyType keyType,
            List<String> keyColumns,
            List<String> partitionColumns,
            List<String> distributionColumns,
            List<String> sortColumns) {
        public TableKeys {
            requireNonNull(keyType, "keyType is null");
            keyColumns = List.copyOf(keyColumns);
            partitionColumns = List.copyOf(partitionColumns);
            distributionColumns = List.copyOf(distributionColumns);
            sortColumns = List.copyOf(sortColumns);
        }
    }

    private static KeyType keyType(String model) {
        return switch (String.valueOf(model).toUpperCase(Locale.ROOT)) {
            case "PRI_KEYS", "PRIMARY_KEYS" -> KeyType.PRIMARY;
            case "UNQ_KEYS", "UNIQUE_KEYS" -> KeyType.UNIQUE;
            case "AGG_KEYS" -> KeyType.AGGREGATE;
            default -> KeyType.DUPLICATE;
        };
    }

    /** {@code `a`, `b`} (how tables_config lists columns) as names. */
    private static List<String> names(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .map(StarRocksCatalog::unquote)
                .filter(n -> !n.isEmpty())
                .toList();
    }

    private static String unquote(String name) {
        boolean quoted = name.length() > 1 && name.startsWith("`") && name.endsWith("`");
        return quoted ? name.substring(1, name.length() - 1).replace("``", "`") : name;
    }

    private List<String> strings(String sql, String... parameters) {
        return rows(sql, parameters).stream().map(r -> r.get(0)).toList();
    }

    private List<List<String>> rows(String sql, String... parameters) {
        Log.sql(sql);
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StarRocksSqlException(e);
        }
    }

    private static int column(ResultSetMetaData md, String name) throws SQLException {
        for (int i = 1; i <= md.getColumnCount(); i++) {
            if (name.equalsIgnoreCase(md.getColumnLabel(i))) {
                return i;
            }
        }
        throw new SQLException("no column " + name + " in the result");
    }
}
