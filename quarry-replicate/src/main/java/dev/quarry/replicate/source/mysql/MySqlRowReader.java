package dev.quarry.replicate.source.mysql;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Log;
import dev.quarry.replicate.source.Chunks;
import dev.quarry.replicate.source.ReadProgress;
import dev.quarry.replicate.source.ReadTotals;
import dev.quarry.replicate.source.Source;
import dev.quarry.replicate.source.SourceException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Streams a SELECT from MySQL or MariaDB and cuts it into CSV chunks of at most N rows or B bytes, each handed to a
 * consumer as an InputStream fed row by row from the result set: no temp files, memory of one row. Connector/J streams
 * a result set row by row when the fetch size is {@link Integer#MIN_VALUE} (docs/dependencies.md §5.3); values come
 * as the text the server prints, copied as bytes.
 */
final class MySqlRowReader {
    private final Connection connection;

    MySqlRowReader(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** The session settings the text forms rely on: TIMESTAMP values print in UTC (docs/type-mapping.md §7.5). */
    static void prepareSession(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET time_zone = '+00:00'");
        }
    }

    ReadTotals read(
            MySqlSource.ReadPlan plan,
            long maxRows,
            long maxBytes,
            String what,
            ReadProgress progress,
            Source.ChunkConsumer consumer) {
        if (maxRows < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("chunk limits must be positive");
        }
        Statement statement = null;
        ResultSet rs;
        try {
            prepareSession(connection);
            statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(Integer.MIN_VALUE);
            Log.sql(plan.statement());
            rs = statement.executeQuery(plan.statement());
        } catch (SQLException e) {
            close(statement, false);
            throw new SourceException("reading " + what + " failed: " + oneLine(e), e);
        }
        Rows rows = new Rows(
                rs,
                new CsvLine(plan.columns(), plan.zone(), what),
                plan.columns().size(),
                what,
                progress);
        int chunks;
        boolean complete = false;
        try {
            chunks = Chunks.feed(rows, maxRows, maxBytes, consumer);
            complete = true;
        } catch (IOException e) {
            if (e.getCause() instanceof SourceException) {
                throw (SourceException) e.getCause();
            }
            throw new SourceException("streaming " + what + " failed: " + e.getMessage(), e);
        } finally {
            close(statement, !complete);
        }
        return new ReadTotals(rows.count, rows.bytes, chunks, rows.line.warnings());
    }

    /**
     * Ends the statement. An abandoned streaming result set is cancelled first: closing it would otherwise read every
     * remaining row from the server.
     */
    private static void close(Statement statement, boolean abandon) {
        if (statement == null) {
            return;
        }
        try {
            if (abandon) {
                statement.cancel();
            }
            statement.close();
        } catch (SQLException e) {
            // The read already failed, or finished; the session's next statement reports a broken connection.
        }
    }

    static String oneLine(SQLException e) {
        return String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The row stream with one row of look-ahead, each row already written as a CSV line. */
    private static final class Rows implements Chunks.Rows {
        private final ResultSet rs;
        final CsvLine line;
        private final int columns;
        private final String what;
        private final ReadProgress progress;
        private boolean ready;
        private boolean done;
        long count;
        long bytes;

        Rows(ResultSet rs, CsvLine line, int columns, String what, ReadProgress progress) {
            this.rs = rs;
            this.line = line;
            this.columns = columns;
            this.what = what;
            this.progress = requireNonNull(progress, "progress is null");
        }

        @Override
        public boolean peek() {
            if (!ready && !done) {
                try {
                    if (rs.next()) {
                        line.start();
                        for (int i = 0; i < columns; i++) {
                            line.value(i, rs.getBytes(i + 1));
                        }
                        line.end();
                        ready = true;
                    } else {
                        done = true;
                    }
                } catch (SQLException e) {
                    done = true;
                    throw new SourceException("reading " + what + " failed: " + oneLine(e), e);
                }
            }
            return ready;
        }

        @Override
        public byte[] next() {
            return line.buffer();
        }

        @Override
        public int nextLength() {
            return line.length();
        }

        @Override
        public void take() {
            ready = false;
            count++;
            bytes += line.length();
            progress.add(line.length());
        }
    }
}
