package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A live {@link StatementSink} on a JDBC connection. */
final class JdbcSink implements StatementSink {
    private final Connection connection;
    private final AtomicInteger counter;

    JdbcSink(Connection connection, AtomicInteger counter) {
        this.connection = requireNonNull(connection, "connection is null");
        this.counter = requireNonNull(counter, "counter is null");
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
        String sql = StarRocksQueries.countRows(query);
        Log.sql(sql);
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            counter.incrementAndGet();
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new RunException(firstLine(query) + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<List<ColumnSpec>> columns(String query) {
        String sql = StarRocksQueries.noRows(query);
        Log.sql(sql);
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return Optional.of(ResultColumns.of(rs.getMetaData()));
        } catch (SQLException e) {
            throw new RunException(
                    "cannot read the columns of the query (" + firstLine(query) + "): " + e.getMessage(), e);
        }
    }

    @Override
    public List<Map<String, String>> rows(String query) {
        Log.sql(query);
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            counter.incrementAndGet();
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<Map<String, String>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(md.getColumnLabel(i), rs.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new RunException(firstLine(query) + " failed: " + e.getMessage(), e);
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

    private static String firstLine(String sql) {
        String s = sql.strip();
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl) + " ...";
        return s.length() > 200 ? s.substring(0, 200) + " ..." : s;
    }
}
