package dev.quarry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.models.plan.Plan;
import dev.quarry.models.plan.Planner;
import dev.quarry.models.project.Project;
import dev.quarry.models.state.StateStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan benchmark's figure: a generated 1,000-model project, loaded and planned against a state that already
 * shows it completely. The plan must be empty; its time is printed, never asserted.
 */
class PlanBenchTest {
    static final Instant NOW = Instant.parse("2024-03-01T06:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aThousandUnchangedModelsPlanToNothing() {
        PlanBench.Result r = PlanBench.measure(dir, 1000, NOW);
        System.out.println(r.json());
        assertThat(r.empty()).isTrue();
        try (StateStore state = StateStore.open(dir.resolve(".quarry/state.db"))) {
            // A day later, every interval-driven model has exactly the new day to fill, in its existing table.
            Plan oneDay = Planner.plan(
                    Project.load(dir, Map.of()), state, "prod", Planner.Options.defaults(), NOW.plusSeconds(86_400));
            assertThat(oneDay.steps()).hasSize(750);
            assertThat(oneDay.steps()).allSatisfy(s -> assertThat(s.create()).isFalse());
            assertThat(oneDay.steps()).allSatisfy(s -> assertThat(s.intervals()).hasSize(1));
        }
    }
}
