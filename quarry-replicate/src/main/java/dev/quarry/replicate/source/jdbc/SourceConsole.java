package dev.quarry.replicate.source.jdbc;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Log;
import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.core.conn.ConnectionType;
import dev.quarry.core.conn.SqlConsole;
import dev.quarry.core.output.ResultTable;
import dev.quarry.replicate.source.SourceException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A session on a source-side connection (PostgreSQL, MySQL/MariaDB, DuckDB) for the connection tools: test it, run a
 * user's SQL, list tables and columns. StarRocks connections have {@code dev.quarry.starrocks.StarRocksSession}
 * instead. Every statement is logged; one that fails throws {@link SourceException} with the server's message
 * ({@link SourceException#firstLine()} for a console).
 */
public final class SourceConsole implements AutoCloseable {
    private static final String PING = "SELECT 1";
    // information_schema exists on PostgreSQL, MySQL/MariaDB and DuckDB alike, unlike the drivers' DatabaseMetaData,
    // which disagree on catalog vs schema.
    private static final String TABLES = "SELECT table_schema, table_name, table_type FROM information_schema.tables"
            + " ORDER BY table_schema, table_name";
    private static final String COLUMNS = "SELECT table_schema, table_name, ordinal_position, column_name, data_type,"
            + " is_nullable FROM information_schema.columns ORDER BY table_schema, table_name, ordinal_position";
    // data_type drops what a user needs to see (numeric(12,2), integer[]): PostgreSQL spells the full type with
    // format_type, MySQL and MariaDB in column_type.
    private static final String POSTGRES_COLUMNS = "SELECT c.table_schema, c.table_name, c.ordinal_position,"
            + " c.column_name, pg_catalog.format_type(a.atttypid, a.atttypmod), c.is_nullable"
            + " FROM information_schema.columns c JOIN pg_catalog.pg_attribute a"
            + " ON a.attrelid = (pg_catalog.quote_ident(c.table_schema) || '.' || pg_catalog.quote_ident(c.table_name))"
            + "::pg_catalog.regclass AND a.attname = c.column_name"
            + " ORDER BY c.table_schema, c.table_name, c.ordinal_position";
    private static final String MYSQL_COLUMNS = "SELECT table_schema, table_name, ordinal_position, column_name,"
            + " column_type, is_nullable FROM information_schema.columns"
            + " ORDER BY table_schema, table_name, ordinal_position";

    private final ConnectionSpec spec;
    private final Connection connection;

    private SourceConsole(ConnectionSpec spec, Connection connection) {
        this.spec = spec;
        this.connection = connection;
    }

    /**
     * Connects to {@code spec}.
     *
     * @throws IllegalArgumentException for a StarRocks connection
     * @throws dev.quarry.core.RunException when connecting fails, naming the connection and host:port
     */
    public static SourceConsole open(ConnectionSpec spec) {
        requireNonNull(spec, "spec is null");
        if (spec.type() == ConnectionType.STARROCKS) {
            throw new IllegalArgumentException("a StarRocks connection has a StarRocksSession, not a SourceConsole");
        }
        return new SourceConsole(spec, spec.open());
    }

    /** Runs a trivial query, then reads the server's version ({@code PostgreSQL 18.6}); empty for no row. */
    public Optional<String> version() {
        try (Statement st = connection.createStatement()) {
            Log.sql(PING);
            try (ResultSet rs = st.executeQuery(PING)) {
                rs.next();
            }
            String versionQuery = versionQuery(spec.type());
            Log.sql(versionQuery);
            try (ResultSet rs = st.executeQuery(versionQuery)) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new SourceException(e);
        }
    }

    /** One row, one column: a human-readable server version ({@code PostgreSQL 18.6}). */
    private static String versionQuery(ConnectionType type) {
        return switch (type) {
            case POSTGRES -> "SELECT 'PostgreSQL ' || current_setting('server_version')";
            case MYSQL -> "SELECT VERSION()";
            case DUCKDB -> "SELECT 'DuckDB ' || version()";
            // StarRocks connections are consoled through quarry-starrocks' StarRocksSession.
            case STARROCKS -> throw new IllegalStateException("a StarRocks connection is not a source console");
        };
    }

    /** Runs statements that return no rows (DDL, inserts), in order, stopping at the first failure. */
    public void execute(List<String> statements) {
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                Log.sql(sql);
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new SourceException(e);
        }
    }

    /**
     * Runs one statement of any kind, as a SQL console does: each result set (at most {@code limit} rows, 0 = all)
     * goes to {@code results}, each update count to {@code updates}, in the order the server sends them.
     */
    public void run(String sql, int limit, Consumer<ResultTable> results, IntConsumer updates) {
        try {
            SqlConsole.run(connection, sql, limit, results, updates);
        } catch (SQLException e) {
            throw new SourceException(e);
        }
    }

    /** Every table and view the connection sees, system ones included, by schema and name. */
    public List<Relation> relations() {
        List<Relation> relations = new ArrayList<>();
        query(TABLES, rs -> relations.add(new Relation(rs.getString(1), rs.getString(2), rs.getString(3))));
        return relations;
    }

    /** Every column the connection sees, by schema, table and position. */
    public List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        query(
                switch (spec.type()) {
                    case POSTGRES -> POSTGRES_COLUMNS;
                    case MYSQL -> MYSQL_COLUMNS;
                    default -> COLUMNS;
                },
                rs -> columns.add(new Column(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6))));
        return columns;
    }

    private void query(String sql, RowReader reader) {
        Log.sql(sql);
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new SourceException(e);
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new SourceException(e);
        }
    }

    /** A table or view: its schema (null where the database has none), name and type ({@code BASE TABLE}, ...). */
    public record Relation(String schema, String name, String type) {
        public Relation {
            requireNonNull(name, "name is null");
        }
    }

    /** A column as {@code information_schema.columns} lists it; {@code nullable} is {@code YES} or {@code NO}. */
    public record Column(String schema, String table, int position, String name, String dataType, String nullable) {
        public Column {
            requireNonNull(table, "table is null");
            requireNonNull(name, "name is null");
        }
    }
}
