package dev.quarry.models.apply;

import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import dev.quarry.starrocks.ColumnSpec;
import dev.quarry.starrocks.StarRocksType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where a plan's SQL goes: a StarRocks session that runs it, or, for {@code --dry-run}, a recorder that keeps
 * the statements in order and runs only reads (column types of a query) when it can.
 */
interface Warehouse extends AutoCloseable {

    /** Runs (or records) a statement that changes something. */
    void execute(String sql);

    /** The single number {@code SELECT COUNT(*) FROM (query)} gives; 0 when only recording. */
    long count(String query);

    /** The columns {@code query} returns with StarRocks types; empty when they cannot be known yet (dry run). */
    Optional<List<ColumnSpec>> columns(String query);

    /** Whether statements only get recorded. */
    boolean dryRun();

    @Override
    void close();

    /** A session on a JDBC connection. */
    static Warehouse of(Connection connection, AtomicInteger counter) {
        return new Jdbc(connection, counter);
    }

    /** A recorder appending to {@code out}; reads go to {@code reader} when it yields a connection. */
    static Warehouse recording(List<String> out, Supplier<Optional<Connection>> reader) {
        return new Recorder(out, reader);
    }

    /** Maps JDBC result metadata to StarRocks column types (what {@code DESC} of the query would show). */
    static List<ColumnSpec> columnsOf(ResultSetMetaData md) throws SQLException {
        List<ColumnSpec> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnLabel(i);
            if (name == null || name.isBlank()) {
                name = md.getColumnName(i);
            }
            out.add(ColumnSpec.of(name, StarRocksType.parse(typeName(md, i))));
        }
        return out;
    }

    private static String typeName(ResultSetMetaData md, int i) throws SQLException {
        String name = Optional.ofNullable(md.getColumnTypeName(i)).orElse("").toUpperCase(Locale.ROOT);
        boolean unsigned = name.contains("UNSIGNED");
        switch (md.getColumnType(i)) {
            case Types.BIGINT:
                return unsigned ? "LARGEINT" : "BIGINT";
            case Types.INTEGER:
                return unsigned ? "BIGINT" : "INT";
            case Types.SMALLINT:
                return "SMALLINT";
            case Types.TINYINT:
                return name.startsWith("BOOL") ? "BOOLEAN" : "TINYINT";
            case Types.BIT:
            case Types.BOOLEAN:
                return "BOOLEAN";
            case Types.DECIMAL:
            case Types.NUMERIC: {
                int p = Math.max(1, Math.min(38, md.getPrecision(i)));
                int s = Math.max(0, Math.min(p, md.getScale(i)));
                return "DECIMAL(" + p + "," + s + ")";
            }
            case Types.DOUBLE:
                return "DOUBLE";
            case Types.FLOAT:
            case Types.REAL:
                return name.startsWith("DOUBLE") ? "DOUBLE" : "FLOAT";
            case Types.DATE:
                return "DATE";
            case Types.TIMESTAMP:
            case Types.TIMESTAMP_WITH_TIMEZONE:
            case Types.TIME:
                return "DATETIME";
            default:
                if (name.startsWith("LARGEINT")) {
                    return "LARGEINT";
                }
                if (name.startsWith("JSON")) {
                    return "JSON";
                }
                // VARCHAR, CHAR, TEXT and anything else: the longest string StarRocks' STRING allows.
                return "VARCHAR(" + StarRocksType.STRING_LENGTH + ")";
        }
    }

    /** A live session. */
    final class Jdbc implements Warehouse {
        private final Connection connection;
        private final AtomicInteger counter;

        Jdbc(Connection connection, AtomicInteger counter) {
            this.connection = connection;
            this.counter = counter;
        }

        @Override
        public void execute(String sql) {
            Log.sql(sql);
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
                counter.incrementAndGet();
            } catch (SQLException e) {
                throw new RunException(firstLine(sql) + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public long count(String query) {
            String sql = "SELECT COUNT(*) FROM (\n" + query + "\n) AS __quarry_count";
            Log.sql(sql);
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                counter.incrementAndGet();
                return rs.next() ? rs.getLong(1) : 0;
            } catch (SQLException e) {
                throw new RunException(firstLine(query) + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public Optional<List<ColumnSpec>> columns(String query) {
            String sql = "SELECT * FROM (\n" + query + "\n) AS __quarry_probe LIMIT 0";
            Log.sql(sql);
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return Optional.of(columnsOf(rs.getMetaData()));
            } catch (SQLException e) {
                throw new RunException("cannot read the columns of the query (" + firstLine(query) + "): " + e.getMessage(), e);
            }
        }

        @Override
        public boolean dryRun() {
            return false;
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                Log.debug("closing a StarRocks session: " + e.getMessage());
            }
        }
    }

    /** A dry run: statements are kept, never sent. */
    final class Recorder implements Warehouse {
        private final List<String> out;
        private final Supplier<Optional<Connection>> reader;

        Recorder(List<String> out, Supplier<Optional<Connection>> reader) {
            this.out = out;
            this.reader = reader;
        }

        @Override
        public void execute(String sql) {
            out.add(sql.strip() + ";");
        }

        @Override
        public long count(String query) {
            out.add("SELECT COUNT(*) FROM (\n" + query + "\n) AS __quarry_count;");
            return 0;
        }

        @Override
        public Optional<List<ColumnSpec>> columns(String query) {
            Optional<Connection> c = reader.get();
            if (c.isEmpty()) {
                return Optional.empty();
            }
            try (Statement st = c.get().createStatement();
                    ResultSet rs = st.executeQuery("SELECT * FROM (\n" + query + "\n) AS __quarry_probe LIMIT 0")) {
                return Optional.of(columnsOf(rs.getMetaData()));
            } catch (SQLException e) {
                // An upstream table this dry run would have created does not exist yet.
                return Optional.empty();
            }
        }

        @Override
        public boolean dryRun() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static String firstLine(String sql) {
        String s = sql.strip();
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl) + " ...";
        return s.length() > 200 ? s.substring(0, 200) + " ..." : s;
    }
}
