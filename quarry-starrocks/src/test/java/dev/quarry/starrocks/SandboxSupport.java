package dev.quarry.starrocks;

import dev.quarry.testing.TestingSandbox;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Stream Load clients for the testing sandbox, and results read back over its MySQL protocol. */
final class SandboxSupport {
    private SandboxSupport() {}

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
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
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
