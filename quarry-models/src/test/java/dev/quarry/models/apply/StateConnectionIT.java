package dev.quarry.models.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.RunException;
import dev.quarry.models.Workspace;
import dev.quarry.models.plan.Plan;
import dev.quarry.models.plan.Planner;
import dev.quarry.models.project.Project;
import dev.quarry.models.state.StateStore;
import dev.quarry.testing.TestingPostgres;
import dev.quarry.testing.TestingSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Projects whose config.yaml keeps the state in PostgreSQL or DuckDB (state_connection) plan and apply on the sandbox. */
class StateConnectionIT {
    private static TestingSandbox sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sandbox = TestingSandbox.fresh();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Workspace open() {
        return Workspace.open(Project.load(dir, Map.of()), Optional.empty(), n -> {
            throw new AssertionError("no named connections here: " + n);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "duckdb"})
    void planAndApplyKeepTheStateWhereConfigSays(String type) throws Exception {
        TestingPostgres.Database state =
                type.equals("postgres") ? TestingPostgres.get().createDatabase() : null;
        String stateConfig = type.equals("postgres")
                ? """
                    state_connection:
                      type: postgres
                      host: %s
                      port: %d
                      user: %s
                      password: '%s'
                      database: %s
                    state_schema: team_state
                """.formatted(
                                state.server().host(),
                                state.server().port(),
                                state.server().user(),
                                state.server().password().replace("'", "''"),
                                state.name())
                : """
                    state_connection:
                      type: duckdb
                      database: state/team.duckdb
                """;
        write(
                "config.yaml",
                ApplyIT.config(sandbox).replace("default_gateway: local", stateConfig + "default_gateway: local"));
        String raw = "raw_" + type;
        String models = "models_" + type;
        sandbox.execute(
                "CREATE DATABASE IF NOT EXISTS " + raw,
                "CREATE TABLE " + raw + ".orders (id BIGINT NOT NULL, ds DATE, amount DOUBLE) PRIMARY KEY (id) "
                        + "DISTRIBUTED BY HASH(id) PROPERTIES ('replication_num' = '1')",
                "INSERT INTO " + raw
                        + ".orders VALUES (1, '2024-01-01', 10), (2, '2024-01-02', 5), (3, '2024-01-03', 7)");
        write("models/daily.sql", """
                MODEL (name %s.daily, kind INCREMENTAL_BY_TIME_RANGE (time_column ds, batch_size 1), partitioned_by ds);
                SELECT ds, SUM(amount) AS revenue FROM %s.orders WHERE ds BETWEEN @start_ds AND @end_ds GROUP BY ds
                """.formatted(models, raw));

        try (Workspace ws = open()) {
            Plan plan = ws.plan("prod", Planner.Options.defaults(), ApplyIT.JAN_4);
            assertThat(plan.isEmpty()).isFalse();
            try (StateStore.Lock lock = ws.lock("plan prod")) {
                ws.executor(line -> {}).apply(plan);
                // A second workspace on the same state (as another machine would be) cannot take the lock meanwhile.
                try (Workspace other = open()) {
                    assertThatThrownBy(() -> other.lock("plan dev"))
                            .isInstanceOf(RunException.class)
                            .hasMessageContaining((type.equals("postgres") ? "schema team_state" : "team.duckdb")
                                    + " (plan prod by pid "
                                    + ProcessHandle.current().pid());
                }
            }
        }
        assertThat(ApplyIT.rows(sandbox, "SELECT ds, revenue FROM " + models + ".daily ORDER BY ds"))
                .containsExactly("2024-01-01|10.0", "2024-01-02|5.0", "2024-01-03|7.0");
        // The state is where config.yaml says, not in the default SQLite file, and a fresh workspace finds nothing to
        // do.
        assertThat(dir.resolve(".quarry/state.db")).doesNotExist();
        String prefix = type.equals("postgres") ? "team_state." : "";
        try (Connection c = type.equals("postgres")
                        ? state.connect()
                        : DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("state/team.duckdb"));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT e.name, s.name FROM " + prefix + "environments e JOIN " + prefix
                        + "environment_snapshots s ON s.environment = e.name")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2));
            }
            assertThat(rows).containsExactly("prod|" + models + ".daily");
        }
        try (Workspace ws = open()) {
            assertThat(ws.plan("prod", Planner.Options.defaults(), ApplyIT.JAN_4)
                            .isEmpty())
                    .isTrue();
        }
    }
}
