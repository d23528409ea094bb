package dev.quarry.testing;

import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import dev.quarry.sandbox.engine.SqlError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox for integration tests: a per-JVM shared in-memory sandbox on free ports ({@link #get()}), or a fresh
 * one a test owns and closes ({@link #fresh()}). Tests talk to it over its real ports; each test should take its
 * own {@link #createDatabase(String)} so that tests never share tables.
 */
public final class TestingSandbox implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile TestingSandbox shared;

    private final Sandbox sandbox;
    private final boolean owned;

    private TestingSandbox(Sandbox sandbox, boolean owned) {
        this.sandbox = sandbox;
        this.owned = owned;
    }

    /** The JVM's shared sandbox, started on first use and stopped when the JVM exits. */
    public static TestingSandbox get() {
        TestingSandbox result = shared;
        if (result == null) {
            synchronized (TestingSandbox.class) {
                result = shared;
                if (result == null) {
                    Sandbox s = start(SandboxConfig.ephemeral());
                    Runtime.getRuntime().addShutdownHook(new Thread(s::close, "testing-sandbox-stop"));
                    result = new TestingSandbox(s, false);
                    shared = result;
                }
            }
        }
        return result;
    }

    /** A new in-memory sandbox on free ports, owned by the caller (close it). */
    public static TestingSandbox fresh() {
        return fresh(SandboxConfig.ephemeral());
    }

    /** A new sandbox with {@code config} (use port 0 for free ports), owned by the caller. */
    public static TestingSandbox fresh(SandboxConfig config) {
        return new TestingSandbox(start(config), true);
    }

    private static Sandbox start(SandboxConfig config) {
        try {
            return Sandbox.start(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the testing sandbox: " + e.getMessage(), e);
        }
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public String host() {
        return sandbox.host();
    }

    public int queryPort() {
        return sandbox.queryPort();
    }

    public String user() {
        return sandbox.config().user();
    }

    public String password() {
        return sandbox.config().password();
    }

    /** MySQL Connector/J URL with no database: {@code jdbc:mysql://127.0.0.1:<port>/?sslMode=DISABLED...}. */
    public String jdbcUrl() {
        return sandbox.jdbcUrl();
    }

    /** Connector/J URL with {@code database} selected. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + host() + ":" + queryPort() + "/" + database
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    /**
     * A session over the MySQL port with Connector/J (a test dependency of the caller), {@code database} selected
     * (none when null).
     */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(database == null ? jdbcUrl() : jdbcUrl(database), user(), password());
    }

    /** MariaDB Connector/J 3.x URL (no TLS option needed). */
    public String mariadbUrl(String database) {
        return "jdbc:mariadb://" + host() + ":" + queryPort() + "/" + (database == null ? "" : database);
    }

    /** {@code http://host:port} of the FE HTTP port (Stream Load answers 307 there). */
    public String feUrl() {
        return sandbox.feUrl();
    }

    /** {@code http://host:port} of the BE HTTP port. */
    public String beUrl() {
        return sandbox.beUrl();
    }

    /** Creates a database named {@code <prefix>_<n>_<random>} and returns its name. */
    public String createDatabase(String prefix) {
        String name = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet()
                + "_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE DATABASE `" + name + "`");
        return name;
    }

    /** Runs setup statements in one session, without a socket. */
    public void execute(String... statements) {
        try {
            sandbox.execute(statements);
        } catch (SqlError e) {
            throw new IllegalStateException("sandbox setup statement failed: " + e.getMessage(), e);
        }
    }

    /** Stops a {@link #fresh()} sandbox; the shared one stays up until the JVM exits. */
    @Override
    public void close() {
        if (owned) {
            sandbox.close();
        }
    }
}
