package dev.quarry.starrocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.quarry.sandbox.SandboxConfig;
import dev.quarry.testing.TestingSandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every golden statement, rendered for the sandbox's release and run in order over the MySQL protocol. */
class DdlGoldenIT {
    private static TestingSandbox sandbox;
    private static Connection connection;

    @BeforeAll
    static void start() throws SQLException {
        sandbox = TestingSandbox.fresh(SandboxConfig.ephemeral()); // owns the fixed database name "golden"
        connection = sandbox.connect(null);
    }

    @AfterAll
    static void stop() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenStatementsRunOnTheSandbox() throws SQLException {
        StarRocksDialect dialect =
                StarRocksDialect.forVersion(ClusterProbe.of(connection).version());
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenDdl.Case c : GoldenDdl.CASES) {
            tests.add(dynamicTest(c.name(), () -> {
                String sql = c.render().apply(dialect);
                assertThat(sql).isEqualTo(c.expected());
                try (Statement st = connection.createStatement()) {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new AssertionError(
                            "sandbox refused golden statement '" + c.name() + "': " + e.getMessage() + "\n" + sql, e);
                }
            }));
        }
        tests.add(dynamicTest(
                "the swapped-in table holds the staging rows",
                () -> assertThat(query("SELECT order_id, amount FROM golden.orders"))
                        .containsExactly("1|9.99")));
        tests.add(dynamicTest(
                "the overwrite then the >=/<= delete leave the incremental table empty",
                () -> assertThat(query("SELECT COUNT(*) FROM golden.user_events_inc"))
                        .containsExactly("0")));
        tests.add(dynamicTest(
                "the renamed table exists under its new name only",
                () -> assertThat(query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'golden' "
                                + "AND table_name LIKE 'my_table_%' ORDER BY table_name"))
                        .containsExactly("my_table_renamed")));
        tests.add(dynamicTest(
                "added column is visible with its default",
                () -> assertThat(query(
                                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'golden' "
                                        + "AND table_name = 'events' ORDER BY ordinal_position"))
                        .containsExactly("occurred_at", "event_id", "kind", "payload", "source")));
        return tests.stream();
    }

    private static List<String> query(String sql) throws SQLException {
        return SandboxSupport.query(connection, sql);
    }
}
