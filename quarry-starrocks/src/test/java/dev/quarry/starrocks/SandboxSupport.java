package dev.quarry.starrocks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quarry.sandbox.SandboxConfig;
import dev.quarry.testing.TestingSandbox;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Starts sandboxes for the ITs and reads results back over the MySQL protocol. */
final class SandboxSupport {
    private SandboxSupport() {
    }

    static TestingSandbox shared() {
        return start(TestingSandbox::get);
    }

    static TestingSandbox fresh(SandboxConfig config) {
        return start(() -> TestingSandbox.fresh(config));
    }

    /**
     * The sandbox's storage engine is being written in parallel; until it exists, starting one throws
     * UnsupportedOperationException and these ITs are reported as skipped (not passed). Any other failure fails.
     */
    private static TestingSandbox start(Supplier<TestingSandbox> starter) {
        try {
            return starter.get();
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "sandbox engine unavailable: " + e.getMessage());
            throw e;
        }
    }

    static Connection connect(TestingSandbox sandbox, String database) throws SQLException {
        return DriverManager.getConnection(database == null ? sandbox.jdbcUrl() : sandbox.jdbcUrl(database),
                sandbox.user(), sandbox.password());
    }

    static StreamLoader.Builder loader(TestingSandbox sandbox) {
        return StreamLoader.builder(URI.create(sandbox.feUrl()), sandbox.user(), sandbox.password())
                .requestTimeout(Duration.ofSeconds(60));
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static List<String> query(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(rs.getString(i));
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }

    static long count(Connection c, String qualifiedTable) throws SQLException {
        return Long.parseLong(query(c, "SELECT COUNT(*) FROM " + qualifiedTable).get(0));
    }
}
