package dev.quarry.starrocks;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where generated SQL goes: a StarRocks session that runs it, or, for a dry run, a recorder that keeps the
 * statements in order and runs only reads (the column types of a query) when it can. A statement that fails is a
 * {@link dev.quarry.core.RunException} naming its first line, with the driver's {@link java.sql.SQLException} as cause.
 */
public interface StatementSink extends AutoCloseable {

    /** Runs (or records) a statement that changes something. */
    void execute(String sql);

    /** The single number {@code SELECT COUNT(*) FROM (query)} gives; 0 when only recording. */
    long count(String query);

    /** The columns {@code query} returns with StarRocks types; empty when they cannot be known yet (dry run). */
    Optional<List<ColumnSpec>> columns(String query);

    /**
     * The rows of {@code query}, each a map from column label to the value as text ({@code null} for NULL), in column
     * order; a repeated label keeps the last value. Empty when only recording.
     */
    List<Map<String, String>> rows(String query);

    /** Whether statements only get recorded. */
    boolean dryRun();

    @Override
    void close();

    /** A session on a JDBC connection to StarRocks; closing it closes the connection; {@code counter} counts statements. */
    static StatementSink of(Connection connection, AtomicInteger counter) {
        return new JdbcSink(connection, counter);
    }

    /** A recorder appending to {@code out}; reads go to {@code reader} when it yields a connection. */
    static StatementSink recording(List<String> out, Supplier<Optional<Connection>> reader) {
        return new RecordingSink(out, reader);
    }
}
