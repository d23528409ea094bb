package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** A dry run's {@link StatementSink}: statements are kept, never sent; only column probes are read. */
final class RecordingSink implements StatementSink {
    private final List<String> out;
    private final Supplier<Optional<Connection>> reader;

    RecordingSink(List<String> out, Supplier<Optional<Connection>> reader) {
        this.out = requireNonNull(out, "out is null");
        this.reader = requireNonNull(reader, "reader is null");
    }

    @Override
    public void execute(String sql) {
        out.add(sql.strip() + ";");
    }

    @Override
    public long count(String query) {
        out.add(StarRocksQueries.countRows(query) + ";");
        return 0;
    }

    @Override
    public Optional<List<ColumnSpec>> columns(String query) {
        Optional<Connection> c = reader.get();
        if (c.isEmpty()) {
            return Optional.empty();
        }
        try (Statement st = c.get().createStatement();
                ResultSet rs = st.executeQuery(StarRocksQueries.noRows(query))) {
            return Optional.of(ResultColumns.of(rs.getMetaData()));
        } catch (SQLException e) {
            // An upstream table this dry run would have created does not exist yet.
            return Optional.empty();
        }
    }

    @Override
    public List<Map<String, String>> rows(String query) {
        out.add(query.strip() + ";");
        return List.of();
    }

    @Override
    public boolean dryRun() {
        return true;
    }

    @Override
    public void close() {}
}
