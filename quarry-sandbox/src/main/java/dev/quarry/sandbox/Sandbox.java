package dev.quarry.sandbox;

import dev.quarry.sandbox.engine.Engine;
import dev.quarry.sandbox.engine.EngineConfig;
import dev.quarry.sandbox.engine.EngineSession;
import dev.quarry.sandbox.engine.SqlError;
import dev.quarry.sandbox.http.StreamLoadServer;
import dev.quarry.sandbox.mysql.MysqlServer;
import java.io.IOException;
import java.util.Objects;

/**
 * A running StarRocks-compatible sandbox in this JVM: the FE MySQL port, the FE HTTP port (Stream Load answered
 * with a 307) and a BE HTTP port (where loads happen), over one engine. The {@code quarry sandbox} command is a
 * thin wrapper around this class.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxConfig.ephemeral())) {
 *     String jdbc = sandbox.jdbcUrl();
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
    private final SandboxConfig config;
    private final Engine engine;
    private final QueryLog queryLog;
    private final MysqlServer mysql;
    private final StreamLoadServer http;

    private Sandbox(SandboxConfig config, Engine engine, QueryLog queryLog, MysqlServer mysql, StreamLoadServer http) {
        this.config = config;
        this.engine = engine;
        this.queryLog = queryLog;
        this.mysql = mysql;
        this.http = http;
    }

    /**
     * Opens the engine (recovering {@code config.dataDir()} if it holds a sandbox), binds all ports, tells the engine
     * the real ports, then starts accepting connections.
     *
     * @throws IOException a port cannot be bound or the query log cannot be opened
     * @throws IllegalStateException the engine cannot open the data directory
     */
    public static Sandbox start(SandboxConfig config) throws IOException {
        Objects.requireNonNull(config, "config is null");
        QueryLog log =
                config.queryLog() == null ? QueryLog.disabled() : QueryLog.open(config.queryLog(), config.clock());
        Engine engine = null;
        MysqlServer mysql = null;
        StreamLoadServer http = null;
        try {
            engine = Engine.open(new EngineConfig(
                    config.dataDir(),
                    config.backends(),
                    config.blackhole(),
                    config.starRocksVersion(),
                    config.clock()));
            mysql = MysqlServer.bind(config.host(), config.queryPort(), engine, config.user(), config.password(), log);
            http = StreamLoadServer.bind(
                    config.host(),
                    config.httpPort(),
                    config.beHttpPort(),
                    engine,
                    config.user(),
                    config.password(),
                    config.backends(),
                    config.starRocksVersion(),
                    log);
            engine.advertise(new Engine.Addresses(config.host(), mysql.port(), http.fePort(), http.bePort()));
            mysql.start();
            http.start(config.host(), mysql.port());
            return new Sandbox(config, engine, log, mysql, http);
        } catch (SqlError e) {
            closeAll(log, engine, mysql, http);
            throw new IllegalStateException(
                    "cannot open the sandbox engine" + (config.dataDir() == null ? "" : " at " + config.dataDir())
                            + ": " + e.getMessage(),
                    e);
        } catch (IOException | RuntimeException e) {
            closeAll(log, engine, mysql, http);
            throw e;
        }
    }

    private static void closeAll(QueryLog log, Engine engine, MysqlServer mysql, StreamLoadServer http) {
        if (http != null) {
            http.close();
        }
        if (mysql != null) {
            mysql.close();
        }
        if (engine != null) {
            engine.close();
        }
        log.close();
    }

    public SandboxConfig config() {
        return config;
    }

    public String host() {
        return config.host();
    }

    /** The MySQL protocol (FE query) port actually bound. */
    public int queryPort() {
        return mysql.port();
    }

    /** The FE HTTP port actually bound: Stream Loads sent here are redirected to {@link #beHttpPort()}. */
    public int httpPort() {
        return http.fePort();
    }

    /** The BE HTTP port actually bound. */
    public int beHttpPort() {
        return http.bePort();
    }

    /** {@code mysql://user@host:port/} — what to show a user (never carries the password). */
    public String mysqlUrl() {
        return "mysql://" + config.user() + "@" + config.host() + ":" + queryPort() + "/";
    }

    /** A MySQL Connector/J URL for this sandbox (no TLS: the sandbox does not offer it). */
    public String jdbcUrl() {
        return "jdbc:mysql://" + config.host() + ":" + queryPort() + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    /** {@code http://host:httpPort}: the FE URL Stream Load clients use. */
    public String feUrl() {
        return "http://" + config.host() + ":" + httpPort();
    }

    /** {@code http://host:beHttpPort}. */
    public String beUrl() {
        return "http://" + config.host() + ":" + beHttpPort();
    }

    /**
     * A ready {@code quarry conns set} line for this sandbox, e.g.
     * {@code quarry conns set SR url=starrocks://root:@127.0.0.1:9030/ fe_url=http://127.0.0.1:8030}. A non-empty
     * password is not printed: the line then names the user only.
     */
    public String connsSetLine(String connectionName) {
        String userInfo = config.password().isEmpty() ? config.user() + ":" : config.user();
        return "quarry conns set " + connectionName + " url=starrocks://" + userInfo + "@" + config.host() + ":"
                + queryPort() + "/ fe_url=" + feUrl();
    }

    /**
     * Runs statements in order as the configured user, in one fresh session, without a socket: a setup convenience
     * for tests, the demo and the quickstart (clients should use the MySQL port).
     *
     * @throws SqlError the first statement that fails, with StarRocks' message
     */
    public void execute(String... statements) throws SqlError {
        try (EngineSession session = engine.openSession(config.user())) {
            for (String sql : statements) {
                session.execute(sql);
            }
        }
    }

    /**
     * Test aid for reliability tests: the next {@code n} Stream Loads (plain, or the transaction interface's
     * {@code load}) fail with {@code fault}. {@code n = 0} clears it.
     */
    public void failNextLoads(int n, Fault fault) {
        http.failNextLoads(n, Objects.requireNonNull(fault, "fault is null"));
    }

    /** Test aid: how many loads are waiting out a {@link Fault#stall} right now, so a test can wait for one. */
    public int stalledLoads() {
        return http.stalledLoads();
    }

    /** Test aid: how many HTTP requests (loads, transaction calls, label queries) are being handled right now. */
    public int requestsInFlight() {
        return http.requestsInFlight();
    }

    /** Stops accepting, closes every connection and the engine (a data directory keeps committed loads). */
    @Override
    public void close() {
        closeAll(queryLog, engine, mysql, http);
    }
}
