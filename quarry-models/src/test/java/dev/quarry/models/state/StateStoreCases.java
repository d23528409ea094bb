package dev.quarry.models.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.quarry.core.ConfigException;
import dev.quarry.core.RunException;
import dev.quarry.models.project.ProjectConfig;
import dev.quarry.testing.TestingPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state store's behaviour, the same on every state database: {@link SqliteStateStoreTest} and
 * {@link DuckDbStateStoreTest} run it in-process, {@link PostgresStateStoreIT} against a real PostgreSQL.
 */
abstract class StateStoreCases {

    @TempDir
    Path dir;

    /** The postgres case's fresh database. */
    TestingPostgres.Database postgres;

    final StateStore.Kind kind;
    String schema = "quarry";

    StateStoreCases(StateStore.Kind kind) {
        this.kind = kind;
    }

    Path db() {
        return dir.resolve(kind == StateStore.Kind.DUCKDB ? ".quarry/state.duckdb" : ".quarry/state.db");
    }

    ProjectConfig.StateConnection connection() {
        switch (kind) {
            case SQLITE -> {
                return new ProjectConfig.StateConnection.Sqlite(db().toString());
            }
            case DUCKDB -> {
                return new ProjectConfig.StateConnection.DuckDb(db().toString());
            }
            default -> {
                TestingPostgres server = postgres.server();
                return new ProjectConfig.StateConnection.Postgres(
                        server.host(), server.port(), server.user(), server.password(), postgres.name());
            }
        }
    }

    @BeforeEach
    void freshState() {
        if (kind == StateStore.Kind.POSTGRES) {
            postgres = TestingPostgres.get().createDatabase();
            schema = "quarry_state";
        }
    }

    StateStore open() {
        return StateStore.open(connection(), dir, schema);
    }

    /** How messages name this case's state. */
    private String where() {
        return kind == StateStore.Kind.POSTGRES
                ? "postgres " + postgres.server().user() + "@"
                        + postgres.server().host() + ":" + postgres.server().port() + "/" + postgres.name() + " schema "
                        + schema
                : db().toString();
    }

    private Connection raw() throws Exception {
        switch (kind) {
            case SQLITE -> {
                return DriverManager.getConnection("jdbc:sqlite:" + db());
            }
            case DUCKDB -> {
                return DriverManager.getConnection("jdbc:duckdb:" + db());
            }
            default -> {
                Connection c = postgres.connect();
                try (Statement st = c.createStatement()) {
                    st.execute("SET search_path TO " + schema);
                }
                return c;
            }
        }
    }

    private static Instant day(int d) {
        return Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * d);
    }

    @Test
    void snapshotsEnvironmentsAndIntervalsSurviveReopening() {
        StateStore.Snapshot s = new StateStore.Snapshot(
                "db.a", "f".repeat(64), "o".repeat(64), "m".repeat(64), "ffffffffff", "FULL", "MODEL (...)");
        try (StateStore store = open()) {
            store.putSnapshot(s);
            store.promote("prod", "plan-1", Optional.empty(), Map.of("db.a", s.fingerprint()));
            store.addInterval("db.a", s.fingerprint(), new StateStore.Interval(day(2), day(3)));
            store.addInterval("db.a", s.fingerprint(), new StateStore.Interval(day(0), day(1)));
            store.addInterval("db.a", s.fingerprint(), new StateStore.Interval(day(1), day(2)));
            store.addInterval("db.a", s.fingerprint(), new StateStore.Interval(day(5), day(7)));
            store.addInterval("db.a", s.fingerprint(), new StateStore.Interval(day(6), day(8)));
        }
        try (StateStore store = open()) {
            assertThat(store.snapshot("db.a", s.fingerprint())).contains(s);
            assertThat(store.snapshot("db.a", "0".repeat(64))).isEmpty();
            StateStore.Environment prod = store.environment("prod").orElseThrow();
            assertThat(prod.planId()).isEqualTo("plan-1");
            assertThat(prod.previousPlanId()).isEmpty();
            assertThat(prod.snapshots()).containsExactly(Map.entry("db.a", s.fingerprint()));
            assertThat(store.environment("dev")).isEmpty();
            assertThat(store.intervals("db.a", s.fingerprint()))
                    .containsExactly(new StateStore.Interval(day(0), day(3)), new StateStore.Interval(day(5), day(8)));
            assertThat(store.intervals("db.a", "other")).isEmpty();
        }
    }

    @Test
    void aPlanMadeFromAnOlderStateCannotPromote() {
        try (StateStore store = open()) {
            store.promote("dev", "plan-1", Optional.empty(), Map.of("db.a", "1"));
            // Two plans were computed from plan-1; the first applies, the second is refused.
            store.promote("dev", "plan-2", Optional.of("plan-1"), Map.of("db.a", "2"));
            assertThatThrownBy(() -> store.promote("dev", "plan-3", Optional.of("plan-1"), Map.of("db.a", "3")))
                    .isInstanceOf(RunException.class)
                    .hasMessage(
                            "environment dev changed since this plan was made (it is now at plan plan-2, the plan expected plan-1); "
                                    + "run plan again");
            assertThatThrownBy(() -> store.promote("dev", "plan-4", Optional.empty(), Map.of()))
                    .hasMessageContaining("the plan expected none");
            StateStore.Environment dev = store.environment("dev").orElseThrow();
            assertThat(dev.planId()).isEqualTo("plan-2");
            assertThat(dev.previousPlanId()).contains("plan-1");
            assertThat(dev.snapshots()).containsExactly(Map.entry("db.a", "2"));
        }
    }

    @Test
    void aFailedPromotionChangesNothing() {
        try (StateStore store = open()) {
            store.promote("prod", "plan-1", Optional.empty(), Map.of("db.a", "1"));
            Map<String, String> broken = new HashMap<>();
            broken.put("db.a", "2");
            broken.put("db.b", null);
            assertThatThrownBy(() -> store.promote("prod", "plan-2", Optional.of("plan-1"), broken))
                    .isInstanceOf(RunException.class)
                    .hasMessageContaining("fingerprint");
            StateStore.Environment prod = store.environment("prod").orElseThrow();
            assertThat(prod.planId()).isEqualTo("plan-1");
            assertThat(prod.snapshots()).containsExactly(Map.entry("db.a", "1"));
        }
    }

    @Test
    void oneLockHolderAtATime() {
        try (StateStore a = open();
                StateStore b = open()) {
            try (StateStore.Lock held = a.lock("plan prod")) {
                assertThat(held).isNotNull();
                assertThatThrownBy(() -> b.lock("run prod"))
                        .isInstanceOf(RunException.class)
                        .hasMessageStartingWith("another plan or run is changing the state " + where() + " (")
                        .hasMessageContaining(
                                "plan prod by pid " + ProcessHandle.current().pid())
                        .hasMessageEndingWith("wait for it to finish and try again");
            }
            try (StateStore.Lock again = b.lock("run prod")) {
                assertThat(again).isNotNull();
            }
        }
    }

    @Test
    void anotherProcessHoldsTheLockUntilItDies() throws Exception {
        open().close();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                kind.name(),
                dir.toString(),
                schema));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (kind == StateStore.Kind.POSTGRES) {
            TestingPostgres server = postgres.server();
            command.addAll(List.of(server.host(), Integer.toString(server.port()), server.user(), postgres.name()));
            builder.environment().put("STATE_PASSWORD", server.password());
        }
        Process child = builder.command(command).start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.equals("locked")) {
                line = out.readLine(); // e.g. SLF4J's notice that sqlite-jdbc found no logger binding
            }
            assertThat(line).isEqualTo("locked");
            if (kind == StateStore.Kind.DUCKDB) {
                // A DuckDB file admits one process at a time: the second one cannot even open it, and DuckDB names the
                // holder.
                assertThatThrownBy(this::open)
                        .isInstanceOf(RunException.class)
                        .hasMessageStartingWith("cannot open the state database " + db())
                        .hasMessageContaining("PID " + child.pid());
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                try (StateStore store = open();
                        StateStore.Lock lock = store.lock("plan dev")) {
                    assertThat(lock).isNotNull();
                }
                return;
            }
            try (StateStore store = open()) {
                assertThatThrownBy(() -> store.lock("plan dev"))
                        .hasMessageContaining("plan from another process by pid " + child.pid());
                // A crash: the OS drops the dead process's lock, so the next plan proceeds.
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                if (kind != StateStore.Kind.POSTGRES) {
                    try (StateStore.Lock lock = store.lock("plan dev")) {
                        assertThat(lock).isNotNull();
                    }
                    return;
                }
                // PostgreSQL ends the dead client's session when it sees the socket close, which may take a moment.
                await().atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(100))
                        .ignoreExceptionsInstanceOf(RunException.class)
                        .untilAsserted(() -> {
                            try (StateStore.Lock lock = store.lock("plan dev")) {
                                assertThat(lock).isNotNull();
                            }
                        });
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aNewerSchemaIsRefused() throws Exception {
        open().close();
        try (Connection c = raw();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO quarry_versions (schema_version) VALUES (7)");
        }
        assertThatThrownBy(() -> open())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "has schema version 7, written by a newer Quarry; this Quarry reads up to version 1");
        assertThat(List.of(StateSchema.VERSION)).containsExactly(1);
    }
}
