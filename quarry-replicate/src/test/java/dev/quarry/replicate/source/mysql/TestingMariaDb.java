package dev.quarry.replicate.source.mysql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A uniquely named database on the machine's MariaDB (127.0.0.1:3306, root without a password), dropped when closed.
 * Test classes take one each, so they never share tables.
 */
final class TestingMariaDb implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final int PORT = 3306;
    static final String USER = "root";

    private final String name;

    private TestingMariaDb(String name) {
        this.name = name;
    }

    static TestingMariaDb create(String prefix) {
        String name = "quarry_" + prefix.toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        TestingMariaDb db = new TestingMariaDb(name);
        executeIn("", "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        return db;
    }

    String name() {
        return name;
    }

    /** A Connector/J session on this database (UTF-8, so emoji arrive intact). */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mysql://" + HOST + ":" + PORT + "/" + name + "?characterEncoding=UTF-8&sslMode=DISABLED",
                USER,
                "");
    }

    /** The connection as an env.yaml entry in inline JSON, with {@code extra} keys appended ({@code , "k": "v"}). */
    String connectionJson(String extra) {
        return "{\"type\": \"mysql\", \"host\": \"" + HOST + "\", \"port\": " + PORT + ", \"user\": \"" + USER
                + "\", \"database\": \"" + name + "\", \"sslmode\": \"disable\"" + extra + "}";
    }

    void execute(String... statements) {
        executeIn(name, statements);
    }

    private static void executeIn(String database, String... statements) {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:mysql://" + HOST + ":" + PORT + "/" + database
                                + "?characterEncoding=UTF-8&sslMode=DISABLED&allowPublicKeyRetrieval=true",
                        USER,
                        "");
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB statement failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        executeIn("", "DROP DATABASE IF EXISTS `" + name + "`");
    }
}
