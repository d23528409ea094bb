package dev.quarry.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.RunException;
import dev.quarry.testing.TestingPostgres;
import dev.quarry.testing.TestingSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project whose config.yaml keeps its state in PostgreSQL (state_connection type postgres) plans and applies on the sandbox. */
class PostgresStateIT {
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

    @Test
    void planAndApplyKeepTheStateInPostgres() throws Exception {
        TestingPostgres.Database state = TestingPostgres.get().createDatabase();
        TestingPostgres pg = state.server();
        String config = ApplyIT.config(sandbox).replace("default_gateway: local", """
                    state_connection:
                      type: postgres
                      host: %s
                      port: %d
                      user: %s
                      password: '%s'
                      database: %s
                    state_schema: team_state
                default_gateway: local""".formatted(pg.host(), pg.port(), pg.user(), pg.password().replace("'", "''"), state.name()));
        write("config.yaml", config);
        sandbox.execute("CREATE DATABASE IF NOT EXISTS pgraw",
                "CREATE TABLE pgraw.orders (id BIGINT NOT NULL, ds DATE, amount DOUBLE) PRIMARY KEY (id) "
                        + "DISTRIBUTED BY HASH(id) PROPERTIES ('replication_num' = '1')",
                "INSERT INTO pgraw.orders VALUES (1, '2024-01-01', 10), (2, '2024-01-02', 5), (3, '2024-01-03', 7)");
        write("models/daily.sql", """
                MODEL (name pgs.daily, kind INCREMENTAL_BY_TIME_RANGE (time_column ds, batch_size 1), partitioned_by ds);
                SELECT ds, SUM(amount) AS revenue FROM pgraw.orders WHERE ds BETWEEN @start_ds AND @end_ds GROUP BY ds
                """);

        try (Workspace ws = open()) {
            Plan plan = ws.plan("prod", Planner.Options.defaults(), ApplyIT.JAN_4);
            assertThat(plan.isEmpty()).isFalse();
            try (StateStore.Lock lock = ws.lock("plan prod")) {
                ws.executor(line -> { }).apply(plan);
                // A second workspace on the same state (as another machine would be) cannot take the lock meanwhile.
                try (Workspace other = open()) {
                    assertThatThrownBy(() -> other.lock("plan dev")).isInstanceOf(RunException.class)
                            .hasMessageContaining("schema team_state (plan prod by pid " + ProcessHandle.current().pid());
                }
            }
        }
        assertThat(ApplyIT.rows(sandbox, "SELECT ds, revenue FROM pgs.daily ORDER BY ds"))
                .containsExactly("2024-01-01|10.0", "2024-01-02|5.0", "2024-01-03|7.0");
        // The state is in PostgreSQL, not in the default SQLite file, and a fresh workspace finds nothing left to do.
        assertThat(dir.resolve(".quarry/state.db")).doesNotExist();
        try (Connection c = state.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT e.name, s.name FROM team_state.environments e "
                        + "JOIN team_state.environment_snapshots s ON s.environment = e.name")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2));
            }
            assertThat(rows).containsExactly("prod|pgs.daily");
        }
        try (Workspace ws = open()) {
            assertThat(ws.plan("prod", Planner.Options.defaults(), ApplyIT.JAN_4).isEmpty()).isTrue();
        }
    }
}
