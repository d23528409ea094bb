package dev.quarry.models.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.quarry.starrocks.ClusterProbe;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.testing.TestingSandbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every golden statement of {@link ModelGolden}, rendered for the sandbox's release and run on it over the MySQL protocol. */
class ModelDdlGoldenIT {
    private static TestingSandbox sandbox;
    private static Connection connection;

    @BeforeAll
    static void start() throws SQLException {
        sandbox = TestingSandbox.fresh();
        connection = DriverManager.getConnection(sandbox.jdbcUrl(), sandbox.user(), sandbox.password());
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
        for (ModelGolden.Case c : ModelGolden.CASES) {
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
        tests.add(dynamicTest("every table, view and materialized view exists", () -> {
            List<String> names = new ArrayList<>();
            try (Statement st = connection.createStatement();
                    ResultSet rs =
                            st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                                    + ModelGolden.DB + "' ORDER BY table_name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            assertThat(names)
                    .contains(
                            "pk_structured",
                            "partition_by_list",
                            "generic_properties",
                            "user_summary",
                            "daily_mv",
                            "manual_mv");
        }));
        tests.add(dynamicTest("the primary key table keeps the last row per key", () -> {
            try (Statement st = connection.createStatement()) {
                st.execute(
                        "INSERT INTO `mgolden`.`pk_structured` (user_id, event_date, amount) VALUES (1, '2024-01-01', 1.0)");
                st.execute(
                        "INSERT INTO `mgolden`.`pk_structured` (user_id, event_date, amount) VALUES (1, '2024-01-01', 2.0)");
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*), MAX(amount) FROM `mgolden`.`pk_structured`")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                    assertThat(rs.getDouble(2)).isEqualTo(2.0);
                }
            }
        }));
        return tests.stream();
    }
}
