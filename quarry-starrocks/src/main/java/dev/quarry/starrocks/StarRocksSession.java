package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.core.conn.SqlConsole;
import dev.quarry.core.output.ResultTable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A MySQL-protocol session on StarRocks: runs the statements {@link StarRocksDialect} and {@link StarRocksQueries}
 * render (and a user's own SQL), and hands out the {@link StarRocksCatalog} and {@link ClusterProbe} over the same
 * session. Every statement is logged ({@link Log#sql}); a statement that fails throws
 * {@link StarRocksSqlException} with the server's message. Not thread-safe: one session per thread.
 */
public final class StarRocksSession implements AutoCloseable {
    private final Connection connection;
    private final boolean ownsConnection;
    private final StarRocksCatalog catalog;

    private StarRocksSession(Connection connection, boolean ownsConnection) {
        this.connection = requireNonNull(connection, "connection is null");
        this.ownsConnection = ownsConnection;
        this.catalog = new StarRocksCatalog(connection);
    }

    /**
     * Connects to {@code spec} (a StarRocks connection); closing the session closes the connection.
     *
     * @throws RunException when connecting fails, naming the connection and host:port
     */
    public static StarRocksSession open(ConnectionSpec spec) {
        return new StarRocksSession(spec.open(), true);
    }

    /** A session over a JDBC connection the caller owns: closing the session leaves it open. */
    public static StarRocksSession of(Connection connection) {
        return new StarRocksSession(connection, false);
    }

    public StarRocksCatalog catalog() {
        return catalog;
    }

    /** The cluster's release, backends and FE configuration, read over this session. */
    public ClusterProbe probe() {
        return ClusterProbe.of(connection);
    }

    /** Runs one statement that returns no rows (DDL, DML, SET). */
    public void execute(String sql) {
        Log.sql(sql);
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new StarRocksSqlException(e);
        }
    }

    /** The first column of a query's first row; empty when there is no row or the value is NULL. */
    public Optional<String> queryValue(String sql) {
        Log.sql(sql);
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new StarRocksSqlException(e);
        }
    }

    /** A query's result: at most {@code limit} rows (0 = all); {@link ResultTable#truncated()} says if more came. */
    public ResultTable query(String sql, int limit) {
        Log.sql(sql);
        // execute, not executeQuery: the driver refuses text it does not take for a query (a typo such as "selec")
        // before the server sees it, with a sentence of its own instead of StarRocks' syntax error.
        try (Statement st = connection.createStatement()) {
            if (!st.execute(sql)) {
                return ResultTable.of(List.of("rows affected"), List.of(List.of((Object) (long) st.getUpdateCount())));
            }
            try (ResultSet rs = st.getResultSet()) {
                return ResultTable.read(rs, limit);
            }
        } catch (SQLException e) {
            throw new StarRocksSqlException(e);
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
            throw new StarRocksSqlException(e);
        }
    }

    /** Runs a trivial query: the session works. */
    public void ping() {
        queryValue(StarRocksQueries.selectOne());
    }

    /** The server's {@code @@version_comment} ({@code StarRocks version 3.3.5-...}), which is what Sling shows. */
    public Optional<String> versionComment() {
        return queryValue(StarRocksQueries.selectVersionComment());
    }

    /**
     * Checks that the FE HTTP endpoint of {@code spec} ({@code fe_url}, used by Stream Load) answers; any HTTP answer
     * counts. Logs the status it got.
     *
     * @throws RunException when nothing answers within the connection's connect timeout
     */
    public static void checkFrontendHttp(ConnectionSpec spec) {
        URI probe = URI.create(spec.feUrl() + "/api/bootstrap");
        Duration timeout = Duration.ofSeconds(spec.connectTimeoutSeconds());
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
        HttpRequest request =
                HttpRequest.newBuilder(probe).timeout(timeout).GET().build();
        Log.http("GET", probe);
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            Log.info("StarRocks FE HTTP endpoint " + spec.feUrl() + " answered " + response.statusCode());
        } catch (IOException e) {
            throw new RunException(
                    "StarRocks FE HTTP endpoint " + spec.feUrl() + " (fe_url of " + spec.name() + ") is not reachable: "
                            + httpReason(e, timeout),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunException("interrupted while checking " + spec.feUrl(), e);
        }
    }

    private static String httpReason(IOException e, Duration timeout) {
        if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Ends the session, closing its connection when the session opened it. */
    @Override
    public void close() {
        if (ownsConnection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new StarRocksSqlException(e);
            }
        }
    }
}
