package dev.quarry.replicate.source.pg;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.source.Chunks;
import dev.quarry.replicate.source.ReadProgress;
import dev.quarry.replicate.source.ReadTotals;
import dev.quarry.replicate.source.Source;
import dev.quarry.replicate.source.SourceException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Streams {@code COPY (...) TO STDOUT} from PostgreSQL and cuts it into chunks of at most N rows or B bytes, each
 * handed to a consumer as an InputStream that reads straight from the connection: no temp files, memory of one
 * row. Rows and bytes are counted as they pass. PostgreSQL sends one CopyData message per row, so chunks always
 * end on a row boundary. Zero rows means the consumer is never called.
 */
final class PgRowReader {
    /** Output settings the COPY's text forms rely on; set on the session so no server default can change them. */
    private static final String[] SESSION = {
        "SET DateStyle = 'ISO, YMD'",
        "SET IntervalStyle = 'iso_8601'",
        "SET extra_float_digits = 1",
        "SET bytea_output = 'hex'",
        "SET TimeZone = 'UTC'",
        "SET client_encoding = 'UTF8'",
    };

    private final Connection connection;

    PgRowReader(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    static void prepareSession(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String set : SESSION) {
                st.execute(set);
            }
        }
    }

    /**
     * Runs the COPY and feeds the consumer chunk by chunk ({@code maxRows} rows or about {@code maxBytes} bytes,
     * whichever comes first; a single larger row still makes one chunk). {@code what} names the stream in errors;
     * {@code progress} counts every row.
     */
    ReadTotals read(
            String copySql,
            long maxRows,
            long maxBytes,
            String what,
            ReadProgress progress,
            Source.ChunkConsumer consumer) {
        if (maxRows < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("chunk limits must be positive");
        }
        CopyOut copy;
        try {
            prepareSession(connection);
            dev.quarry.core.Log.sql(copySql);
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copySql);
        } catch (SQLException e) {
            throw failure(what, e);
        }
        Rows rows = new Rows(copy, what, progress);
        int chunks;
        try {
            chunks = Chunks.feed(rows, maxRows, maxBytes, consumer);
        } catch (RuntimeException e) {
            rows.cancel(connection);
            throw e;
        } catch (IOException e) {
            rows.cancel(connection);
            if (e.getCause() instanceof SourceException) {
                throw (SourceException) e.getCause();
            }
            throw new SourceException("streaming " + what + " failed: " + e.getMessage(), e);
        }
        return new ReadTotals(rows.count, rows.bytes, chunks);
    }

    /** How much of an abandoned COPY is read and discarded rather than cancelled (see {@code Rows.cancel}). */
    private static final long DRAIN_LIMIT = 64L << 20;

    /** SQLSTATE query_canceled. */
    private static final String QUERY_CANCELED = "57014";

    /** Runs short probes until one is not hit by the cancel request that cancelCopy may still have in flight. */
    private static void absorbLateCancel(Connection connection) {
        for (int i = 0; i < 3; i++) {
            try (Statement st = connection.createStatement()) {
                st.execute("SELECT pg_catalog.pg_sleep(0.05)");
                return;
            } catch (SQLException e) {
                if (!QUERY_CANCELED.equals(e.getSQLState())) {
                    return;
                }
            }
        }
    }

    static SourceException failure(String what, SQLException e) {
        String message = String.valueOf(e.getMessage());
        int mark = message.indexOf(PgTypeMapping.FAILURE_MARK);
        if (mark >= 0) {
            // Our guard failed: the reason is the text PostgreSQL quotes after the mark.
            int end = message.lastIndexOf('"');
            String reason =
                    message.substring(mark + PgTypeMapping.FAILURE_MARK.length(), end > mark ? end : message.length());
            return new SourceException("reading " + what + " failed: " + reason, e);
        }
        return new SourceException(
                "reading " + what + " failed: " + message.strip().replaceAll("\\s*\\R\\s*", " "), e);
    }

    /** The row stream with one row of look-ahead. */
    private static final class Rows implements Chunks.Rows {
        private final CopyOut copy;
        private final String what;
        private byte[] next;
        private boolean done;
        long count;
        long bytes;
        private final ReadProgress progress;

        Rows(CopyOut copy, String what, ReadProgress progress) {
            this.copy = copy;
            this.what = what;
            this.progress = requireNonNull(progress, "progress is null");
        }

        @Override
        public boolean peek() {
            if (next == null && !done) {
                try {
                    next = copy.readFromCopy();
                } catch (SQLException e) {
                    done = true;
                    throw failure(what, e);
                }
                if (next == null) {
                    done = true;
                }
            }
            return next != null;
        }

        @Override
        public byte[] next() {
            return next;
        }

        @Override
        public int nextLength() {
            return next.length;
        }

        @Override
        public void take() {
            int length = next.length;
            next = null;
            count++;
            bytes += length;
            progress.add(length);
        }

        /**
         * Ends the COPY early so the session can run its next statement. The rest is read and discarded up to
         * {@link #DRAIN_LIMIT} bytes first: pgjdbc's cancelCopy sends an asynchronous cancel request, which can land
         * on the session's next statement ("canceling statement due to user request", seen in CrashSafetyIT after a
         * failed Stream Load of a small table). Only a larger remainder is cancelled, followed by a probe that
         * absorbs a late cancel.
         */
        void cancel(Connection connection) {
            if (!done && copy.isActive()) {
                try {
                    long drained = 0;
                    byte[] row;
                    while (drained < DRAIN_LIMIT && (row = copy.readFromCopy()) != null) {
                        drained += row.length;
                    }
                    if (copy.isActive()) {
                        copy.cancelCopy();
                        absorbLateCancel(connection);
                    }
                } catch (SQLException e) {
                    // The session is being abandoned after an earlier failure, which is the one to report.
                }
            }
            done = true;
        }
    }
}
