package dev.quarry.cli;

import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.core.conn.ConnectionType;
import dev.quarry.core.output.ResultTable;
import dev.quarry.replicate.source.SourceException;
import dev.quarry.replicate.source.jdbc.SourceConsole;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StarRocksSqlException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * What {@code conns test}, {@code exec} and {@code discover} need of a connection, whatever its type: a StarRocks
 * session for a StarRocks connection, a source console for the others. A failing statement throws
 * {@link StarRocksSqlException} or {@link SourceException}; {@link #firstLine} shows either.
 */
interface ConnectionConsole extends AutoCloseable {
    /**
     * Opens a console on {@code conn}: StarRocks through quarry-starrocks, other databases through the source console.
     *
     * @throws dev.quarry.core.RunException when connecting fails
     */
    static ConnectionConsole open(ConnectionSpec conn) {
        return conn.type() == ConnectionType.STARROCKS
                ? starRocks(StarRocksSession.open(conn))
                : source(SourceConsole.open(conn));
    }

    /** The server's message's first line with its SQLSTATE, as a SQL console shows a failed statement. */
    static String firstLine(RuntimeException e) {
        return e instanceof StarRocksSqlException sr ? sr.firstLine() : ((SourceException) e).firstLine();
    }

    /** Runs a trivial query, then reads the server's version. */
    Optional<String> version();

    /** Runs one statement; each result set goes to {@code results}, each update count to {@code updates}. */
    void run(String sql, int limit, Consumer<ResultTable> results, IntConsumer updates);

    /** schema, name and type of every table and view. */
    List<List<Object>> relations();

    /** schema, table, position, column, type and nullable of every column. */
    List<List<Object>> columns();

    @Override
    void close();

    private static ConnectionConsole starRocks(StarRocksSession session) {
        return new ConnectionConsole() {
            @Override
            public Optional<String> version() {
                session.ping();
                return session.versionComment();
            }

            @Override
            public void run(String sql, int limit, Consumer<ResultTable> results, IntConsumer updates) {
                session.run(sql, limit, results, updates);
            }

            @Override
            public List<List<Object>> relations() {
                return session.catalog().relations().stream()
                        .map(r -> Arrays.<Object>asList(r.database(), r.name(), r.type()))
                        .toList();
            }

            @Override
            public List<List<Object>> columns() {
                return session.catalog().allColumns().stream()
                        .map(c -> Arrays.<Object>asList(
                                c.database(), c.table(), c.position(), c.name(), c.dataType(), c.nullable()))
                        .toList();
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    private static ConnectionConsole source(SourceConsole console) {
        return new ConnectionConsole() {
            @Override
            public Optional<String> version() {
                return console.version();
            }

            @Override
            public void run(String sql, int limit, Consumer<ResultTable> results, IntConsumer updates) {
                console.run(sql, limit, results, updates);
            }

            @Override
            public List<List<Object>> relations() {
                return console.relations().stream()
                        .map(r -> Arrays.<Object>asList(r.schema(), r.name(), r.type()))
                        .toList();
            }

            @Override
            public List<List<Object>> columns() {
                return console.columns().stream()
                        .map(c -> Arrays.<Object>asList(
                                c.schema(), c.table(), c.position(), c.name(), c.dataType(), c.nullable()))
                        .toList();
            }

            @Override
            public void close() {
                console.close();
            }
        };
    }
}
