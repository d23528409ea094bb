package dev.quarry.models.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.ConfigException;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.Project;
import dev.quarry.models.project.Times;
import dev.quarry.models.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interval arithmetic and physical names: the parts of plan that need no database. */
class PlannerTest {
    @TempDir
    Path dir;

    private Project project(String... files) throws IOException {
        Files.writeString(dir.resolve("config.yaml"), """
                gateways:
                  local:
                    connection: {type: starrocks, host: 127.0.0.1, port: 9030, user: root}
                model_defaults:
                  dialect: starrocks
                  start: '2024-01-01'
                """);
        Files.createDirectories(dir.resolve("models"));
        for (int i = 0; i < files.length; i += 2) {
            Path p = dir.resolve(files[i]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, files[i + 1]);
        }
        return Project.load(dir, Map.of());
    }

    private static StateStore.Interval iv(String start, String end) {
        return new StateStore.Interval(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void missingIntervalsAreCompleteUnitsFromStartSkippingWhatIsDone() throws IOException {
        Project p = project("models/a.sql", """
                MODEL (name s.a, kind INCREMENTAL_BY_TIME_RANGE (time_column ds), partitioned_by ds, cron '@hourly');
                SELECT CURRENT_DATE() AS ds
                """);
        Model a = p.model("s.a").orElseThrow();
        try (StateStore state = StateStore.open(dir.resolve("state.db"))) {
            Instant now = Instant.parse("2024-01-01T03:30:00Z");
            assertThat(Planner.missingIntervals(a, state, "f", false, Planner.Options.defaults(), now))
                    .containsExactly(
                            iv("2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z"),
                            iv("2024-01-01T01:00:00Z", "2024-01-01T02:00:00Z"),
                            iv("2024-01-01T02:00:00Z", "2024-01-01T03:00:00Z"));
            state.addInterval("s.a", "f", iv("2024-01-01T01:00:00Z", "2024-01-01T02:00:00Z"));
            assertThat(Planner.missingIntervals(a, state, "f", false, Planner.Options.defaults(), now))
                    .containsExactly(
                            iv("2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z"),
                            iv("2024-01-01T02:00:00Z", "2024-01-01T03:00:00Z"));
            // A new snapshot (create) ignores what another fingerprint did; --start/--end narrow the range, a date end
            // is inclusive.
            Planner.Options window = new Planner.Options(
                    Optional.of("2024-01-01 01:00:00"), Optional.of("2024-01-01 02:00:00"), List.of());
            assertThat(Planner.missingIntervals(a, state, "f", true, window, now))
                    .containsExactly(iv("2024-01-01T01:00:00Z", "2024-01-01T02:00:00Z"));
        }
        assertThat(Times.inclusiveEnd("2024-01-31", Instant.EPOCH)).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
    }

    @Test
    void intervalUnitsFollowTheCronInUtc() {
        assertThat(IntervalUnit.ofCron("@daily")).isEqualTo(IntervalUnit.DAY);
        assertThat(IntervalUnit.ofCron("@hourly")).isEqualTo(IntervalUnit.HOUR);
        assertThat(IntervalUnit.ofCron("*/5 * * * *")).isEqualTo(IntervalUnit.FIVE_MINUTE);
        assertThat(IntervalUnit.ofCron("0 * * * *")).isEqualTo(IntervalUnit.HOUR);
        assertThat(IntervalUnit.ofCron("@monthly")).isEqualTo(IntervalUnit.MONTH);
        Instant t = Instant.parse("2024-03-10T08:47:12Z");
        assertThat(IntervalUnit.DAY.floor(t)).isEqualTo(Instant.parse("2024-03-10T00:00:00Z"));
        assertThat(IntervalUnit.MONTH.floor(t)).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(IntervalUnit.FIVE_MINUTE.floor(t)).isEqualTo(Instant.parse("2024-03-10T08:45:00Z"));
        assertThat(IntervalUnit.MONTH.next(Instant.parse("2024-01-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(IntervalUnit.lastTick("0 6 * * *", Instant.parse("2024-01-05T03:00:00Z")))
                .isEqualTo(Instant.parse("2024-01-04T06:00:00Z"));
        assertThat(IntervalUnit.lastTick("0 6 * * *", Instant.parse("2024-01-05T07:00:00Z")))
                .isEqualTo(Instant.parse("2024-01-05T06:00:00Z"));
        assertThat(IntervalUnit.lastTick("30 * * * *", Instant.parse("2024-01-05T07:10:00Z")))
                .isEqualTo(Instant.parse("2024-01-05T06:30:00Z"));
        assertThat(IntervalUnit.lastTick("@daily", t)).isEqualTo(t);
    }

    @Test
    void physicalNamesFitStarRocksSixtyFourCharacters() throws IOException {
        String longTable = "t".repeat(70);
        Project p = project(
                "models/a.sql",
                "MODEL (name sales.orders, kind FULL);\nSELECT 1 AS x\n",
                "models/b.sql",
                "MODEL (name sales." + longTable + ", kind FULL);\nSELECT 1 AS x\n");
        Model a = p.model("sales.orders").orElseThrow();
        assertThat(PhysicalNames.physicalDatabase(a)).isEqualTo("quarry__sales");
        assertThat(PhysicalNames.physicalTable(a, "0123456789")).isEqualTo("sales__orders__0123456789");
        assertThat(PhysicalNames.environmentDatabase(a, "prod")).isEqualTo("sales");
        assertThat(PhysicalNames.environmentDatabase(a, "dev")).isEqualTo("sales__dev");
        Model b = p.model("sales." + longTable).orElseThrow();
        String one = PhysicalNames.physicalTable(b, "0123456789");
        String two = PhysicalNames.physicalTable(b, "9876543210");
        assertThat(one).hasSize(64).startsWith("sales__ttt").isNotEqualTo(two);
        assertThat(two).hasSize(64);
        assertThatThrownBy(() -> PhysicalNames.checkEnvironment("my-env"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("environment name 'my-env' may hold only letters, digits and underscores");
    }

    @Test
    void lookbackReprocessesTheIntervalsBeforeTheMissingOnes() throws IOException {
        Project p = project("models/a.sql", """
                MODEL (name s.a, kind INCREMENTAL_BY_TIME_RANGE (time_column ds, lookback 2), partitioned_by ds);
                SELECT CURRENT_DATE() AS ds
                """);
        Model a = p.model("s.a").orElseThrow();
        try (StateStore state = StateStore.open(dir.resolve("state.db"))) {
            Instant now = Instant.parse("2024-01-06T03:00:00Z");
            state.addInterval("s.a", "f", iv("2024-01-01T00:00:00Z", "2024-01-05T00:00:00Z"));
            assertThat(Planner.missingIntervals(a, state, "f", false, Planner.Options.defaults(), now))
                    .containsExactly(
                            iv("2024-01-03T00:00:00Z", "2024-01-04T00:00:00Z"),
                            iv("2024-01-04T00:00:00Z", "2024-01-05T00:00:00Z"),
                            iv("2024-01-05T00:00:00Z", "2024-01-06T00:00:00Z"));
            // Nothing missing: lookback alone starts no work.
            state.addInterval("s.a", "f", iv("2024-01-05T00:00:00Z", "2024-01-06T00:00:00Z"));
            assertThat(Planner.missingIntervals(a, state, "f", false, Planner.Options.defaults(), now))
                    .isEmpty();
        }
    }

    @Test
    void aDayBecomesDueWhenTheCronFires() throws IOException {
        Project p = project("models/a.sql", """
                MODEL (name s.a, kind FULL, cron '0 6 * * *', start '2024-01-01');
                SELECT 1 AS x
                """);
        Model a = p.model("s.a").orElseThrow();
        try (StateStore state = StateStore.open(dir.resolve("state.db"))) {
            state.addInterval("s.a", "f", iv("2024-01-01T00:00:00Z", "2024-01-04T00:00:00Z"));
            assertThat(Planner.missingIntervals(
                            a, state, "f", false, Planner.Options.defaults(), Instant.parse("2024-01-05T05:59:00Z")))
                    .isEmpty();
            assertThat(Planner.missingIntervals(
                            a, state, "f", false, Planner.Options.defaults(), Instant.parse("2024-01-05T06:00:00Z")))
                    .containsExactly(iv("2024-01-04T00:00:00Z", "2024-01-05T00:00:00Z"));
        }
    }
}
