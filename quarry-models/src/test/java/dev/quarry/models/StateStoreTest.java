package dev.quarry.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.ConfigException;
import dev.quarry.core.RunException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve(".quarry/state.db");
    }

    private static Instant day(int d) {
        return Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * d);
    }

    @Test
    void snapshotsEnvironmentsAndIntervalsSurviveReopening() {
        StateStore.Snapshot s = new StateStore.Snapshot("db.a", "f".repeat(64), "o".repeat(64), "m".repeat(64), "ffffffffff", "FULL",
                "MODEL (...)");
        try (StateStore store = StateStore.open(db())) {
            store.putSnapshot(s);
            store.promote("prod", "plan-1", Optional.empty(), Map.of("db.a", s.fingerprint()));
            store.addInterval("db.a", s.fingerprint(), new StateStore.Interval(day(2), day(3)));
            store.addInterval("db.a", s.fingerprint(), new StateStore.Interval(day(0), day(1)));
            store.addInterval("db.a", s.fingerprint(), new StateStore.Interval(day(1), day(2)));
            store.addInterval("db.a", s.fingerprint(), new StateStore.Interval(day(5), day(7)));
            store.addInterval("db.a", s.fingerprint(), new StateStore.Interval(day(6), day(8)));
        }
        try (StateStore store = StateStore.open(db())) {
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

    @Test
    void aPlanMadeFromAnOlderStateCannotPromote() {
        try (StateStore store = StateStore.open(db())) {
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

    @Test
    void aFailedPromotionChangesNothing() {
        try (StateStore store = StateStore.open(db())) {
            store.promote("prod", "plan-1", Optional.empty(), Map.of("db.a", "1"));
            Map<String, String> broken = new HashMap<>();
            broken.put("db.a", "2");
            broken.put("db.b", null);
            assertThatThrownBy(() -> store.promote("prod", "plan-2", Optional.of("plan-1"), broken))
                    .isInstanceOf(RunException.class).hasMessageContaining("NOT NULL");
            StateStore.Environment prod = store.environment("prod").orElseThrow();
            assertThat(prod.planId()).isEqualTo("plan-1");
            assertThat(prod.snapshots()).containsExactly(Map.entry("db.a", "1"));
        }
    }

    @Test
    void oneLockHolderAtATime() {
        try (StateStore a = StateStore.open(db()); StateStore b = StateStore.open(db())) {
            try (StateStore.Lock held = a.lock("plan prod")) {
                assertThat(held).isNotNull();
                assertThatThrownBy(() -> b.lock("run prod"))
                        .isInstanceOf(RunException.class)
                        .hasMessageStartingWith("another plan or run is changing the state " + db())
                        .hasMessageContaining("plan prod by pid " + ProcessHandle.current().pid())
                        .hasMessageEndingWith("wait for it to finish and try again");
            }
            try (StateStore.Lock again = b.lock("run prod")) {
                assertThat(again).isNotNull();
            }
        }
    }

    /** Holds the lock of the state given as argument until killed (used by the test below). */
    public static void main(String[] args) throws Exception {
        StateStore store = StateStore.open(Path.of(args[0]));
        store.lock("plan from another process");
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(60_000);
    }

    @Test
    void anotherProcessHoldsTheLockUntilItDies() throws Exception {
        StateStore.open(db()).close();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), StateStoreTest.class.getName(), db().toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.equals("locked")) {
                line = out.readLine(); // e.g. SLF4J's notice that sqlite-jdbc found no logger binding
            }
            assertThat(line).isEqualTo("locked");
            try (StateStore store = StateStore.open(db())) {
                assertThatThrownBy(() -> store.lock("plan dev"))
                        .hasMessageContaining("plan from another process by pid " + child.pid());
                // A crash: the OS drops the dead process's lock, so the next plan proceeds.
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                try (StateStore.Lock lock = store.lock("plan dev")) {
                    assertThat(lock).isNotNull();
                }
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aNewerSchemaIsRefused() throws Exception {
        StateStore.open(db()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
            st.execute("INSERT INTO quarry_versions (schema_version) VALUES (7)");
        }
        assertThatThrownBy(() -> StateStore.open(db()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has schema version 7, written by a newer Quarry; this Quarry reads up to version 1");
        assertThat(List.of(StateStore.SCHEMA_VERSION)).containsExactly(1);
    }
}
