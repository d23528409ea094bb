package dev.quarry.models.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StateStoreTest {

    @TempDir
    Path dir;

    /** The postgres case's fresh database. */
    private TestingPostgres.Database postgres;

    private StateStore.Kind kind = StateStore.Kind.SQLITE;
    private String schema = "quarry";

    private Path db() {
        return dir.resolve(kind == StateStore.Kind.DUCKDB ? ".quarry/state.duckdb" : ".quarry/state.db");
    }

    private ProjectConfig.StateConnection connection() {
        switch (kind) {
            case SQLITE:
                return new ProjectConfig.StateConnection.Sqlite(db().toString());
            case DUCKDB:
                return new ProjectConfig.StateConnection.DuckDb(db().toString());
            default:
                TestingPostgres server = postgres.server();
                return new ProjectConfig.StateConnection.Postgres(server.host(), server.port(), server.user(), server.password(),
                        postgres.name());
        }
    }

    private void use(StateStore.Kind k) {
        kind = k;
        if (k == StateStore.Kind.POSTGRES) {
            postgres = TestingPostgres.get().createDatabase();
            schema = "quarry_state";
        }
    }

    private StateStore open() {
        return StateStore.open(connection(), dir, schema);
    }

    /** How messages name this case's state. */
    private String where() {
        return kind == StateStore.Kind.POSTGRES
                ? "postgres " + postgres.server().user() + "@" + postgres.server().host() + ":" + postgres.server().port() + "/"
                        + postgres.name() + " schema " + schema
                : db().toString();
    }

    private Connection raw() throws Exception {
        switch (kind) {
            case SQLITE:
                return DriverManager.getConnection("jdbc:sqlite:" + db());
            case DUCKDB:
                return DriverManager.getConnection("jdbc:duckdb:" + db());
            default:
                Connection c = postgres.connect();
                try (Statement st = c.createStatement()) {
                    st.execute("SET search_path TO " + schema);
                }
                return c;
        }
    }

    private static Instant day(int d) {
        return Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * d);
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void snapshotsEnvironmentsAndIntervalsSurviveReopening(StateStore.Kind k) {
        use(k);
        StateStore.Snapshot s = new StateStore.Snapshot("db.a", "f".repeat(64), "o".repeat(64), "m".repeat(64), "ffffffffff", "FULL",
                "MODEL (...)");
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
            assertThat(store.intervals("db.a", s.fingerprint())).containsExactly(
                    new StateStore.Interval(day(0), day(3)), new StateStore.Interval(day(5), day(8)));
            assertThat(store.intervals("db.a", "other")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aPlanMadeFromAnOlderStateCannotPromote(StateStore.Kind k) {
        use(k);
        try (StateStore store = open()) {
            store.promote("dev", "plan-1", Optional.empty(), Map.of("db.a", "1"));
            // Two plans were computed from plan-1; the first applies, the second is refused.
            store.promote("dev", "plan-2", Optional.of("plan-1"), Map.of("db.a", "2"));
            assertThatThrownBy(() -> store.promote("dev", "plan-3", Optional.of("plan-1"), Map.of("db.a", "3")))
                    .isInstanceOf(RunException.class)
                    .hasMessage("environment dev changed since this plan was made (it is now at plan plan-2, the plan expected plan-1); "
                            + "run plan again");
            assertThatThrownBy(() -> store.promote("dev", "plan-4", Optional.empty(), Map.of()))
                    .hasMessageContaining("the plan expected none");
            StateStore.Environment dev = store.environment("dev").orElseThrow();
            assertThat(dev.planId()).isEqualTo("plan-2");
            assertThat(dev.previousPlanId()).contains("plan-1");
            assertThat(dev.snapshots()).containsExactly(Map.entry("db.a", "2"));
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aFailedPromotionChangesNothing(StateStore.Kind k) {
        use(k);
        try (StateStore store = open()) {
            store.promote("prod", "plan-1", Optional.empty(), Map.of("db.a", "1"));
            Map<String, String> broken = new HashMap<>();
            broken.put("db.a", "2");
            broken.put("db.b", null);
            assertThatThrownBy(() -> store.promote("prod", "plan-2", Optional.of("plan-1"), broken))
                    .isInstanceOf(RunException.class).hasMessageContaining("fingerprint");
            StateStore.Environment prod = store.environment("prod").orElseThrow();
            assertThat(prod.planId()).isEqualTo("plan-1");
            assertThat(prod.snapshots()).containsExactly(Map.entry("db.a", "1"));
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void oneLockHolderAtATime(StateStore.Kind k) {
        use(k);
        try (StateStore a = open(); StateStore b = open()) {
            try (StateStore.Lock held = a.lock("plan prod")) {
                assertThat(held).isNotNull();
                assertThatThrownBy(() -> b.lock("run prod"))
                        .isInstanceOf(RunException.class)
                        .hasMessageStartingWith("another plan or run is changing the state " + where() + " (")
                        .hasMessageContaining("plan prod by pid " + ProcessHandle.current().pid())
                        .hasMessageEndingWith("wait for it to finish and try again");
            }
            try (StateStore.Lock again = b.lock("run prod")) {
                assertThat(again).isNotNull();
            }
        }
    }

    /**
     * Holds the lock of the state given as arguments until killed (used below): kind, project directory, schema, and
     * for postgres host, port, user and database (the password comes in the environment).
     */
    public static void main(String[] args) throws Exception {
        ProjectConfig.StateConnection state = switch (StateStore.Kind.valueOf(args[0])) {
            case SQLITE -> new ProjectConfig.StateConnection.Sqlite(".quarry/state.db");
            case DUCKDB -> new ProjectConfig.StateConnection.DuckDb(".quarry/state.duckdb");
            case POSTGRES -> new ProjectConfig.StateConnection.Postgres(args[3], Integer.parseInt(args[4]), args[5],
                    System.getenv("STATE_PASSWORD"), args[6]);
        };
        StateStore store = StateStore.open(state, Path.of(args[1]), args[2]);
        store.lock("plan from another process");
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(60_000);
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void anotherProcessHoldsTheLockUntilItDies(StateStore.Kind k) throws Exception {
        use(k);
        open().close();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), StateStoreTest.class.getName(), kind.name(), dir.toString(), schema));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (kind == StateStore.Kind.POSTGRES) {
            TestingPostgres server = postgres.server();
            command.addAll(List.of(server.host(), Integer.toString(server.port()), server.user(), postgres.name()));
            builder.environment().put("STATE_PASSWORD", server.password());
        }
        Process child = builder.command(command).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.equals("locked")) {
                line = out.readLine(); // e.g. SLF4J's notice that sqlite-jdbc found no logger binding
            }
            assertThat(line).isEqualTo("locked");
            if (kind == StateStore.Kind.DUCKDB) {
                // A DuckDB file admits one process at a time: the second one cannot even open it, and DuckDB names the holder.
                assertThatThrownBy(this::open).isInstanceOf(RunException.class)
                        .hasMessageStartingWith("cannot open the state database " + db())
                        .hasMessageContaining("PID " + child.pid());
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                try (StateStore store = open(); StateStore.Lock lock = store.lock("plan dev")) {
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
                // PostgreSQL ends the dead client's session when it sees the socket close, which may take a moment.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (true) {
                    try (StateStore.Lock lock = store.lock("plan dev")) {
                        assertThat(lock).isNotNull();
                        break;
                    } catch (RunException e) {
                        if (kind != StateStore.Kind.POSTGRES || System.nanoTime() > deadline) {
                            throw e;
                        }
                        Thread.sleep(100);
                    }
                }
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aNewerSchemaIsRefused(StateStore.Kind k) throws Exception {
        use(k);
        open().close();
        try (Connection c = raw(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO quarry_versions (schema_version) VALUES (7)");
        }
        assertThatThrownBy(() -> open())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has schema version 7, written by a newer Quarry; this Quarry reads up to version 1");
        assertThat(List.of(StateStore.SCHEMA_VERSION)).containsExactly(1);
    }

    @Test
    void aWrongPostgresPasswordIsReportedWithoutTheAttemptedPassword() {
        use(StateStore.Kind.POSTGRES);
        TestingPostgres server = postgres.server();
        String wrong = "s3cret-" + server.password();
        ProjectConfig.StateConnection.Postgres state = new ProjectConfig.StateConnection.Postgres(server.host(), server.port(),
                server.user(), wrong, postgres.name());
        assertThatThrownBy(() -> StateStore.open(state, dir, "quarry"))
                .isInstanceOf(RunException.class)
                .hasMessageStartingWith("cannot open the state database postgres " + server.user() + "@")
                .hasMessageContaining("password authentication failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(server.password()));
        assertThatThrownBy(() -> StateStore.open(connection(), dir, "team-state"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("state_schema team-state is not a plain PostgreSQL name (letters, digits, _)");
    }
}
