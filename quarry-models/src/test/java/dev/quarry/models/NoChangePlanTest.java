package dev.quarry.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figure issue 5 asks for: a generated 1,000-model project, loaded and planned against a state that already
 * shows it completely. The plan must be empty; its time is printed, never asserted.
 */
class NoChangePlanTest {
    static final Instant NOW = Instant.parse("2024-03-01T06:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aThousandUnchangedModelsPlanToNothing() {
        GeneratedProject.write(dir, 1000, 7);
        Project project = Project.load(dir, Map.of());
        Map<String, Fingerprint> fps = Fingerprints.of(project);
        try (StateStore state = StateStore.open(dir.resolve(".quarry/state.db"))) {
            Map<String, String> shown = new HashMap<>();
            for (Model m : project.models().values()) {
                Fingerprint fp = fps.get(m.name());
                state.putSnapshot(Changes.snapshot(project, m, fp));
                shown.put(m.name(), fp.data());
                java.util.List<StateStore.Interval> all = Planner.missingIntervals(m, state, fp.data(), true, Planner.Options.defaults(), NOW);
                if (!all.isEmpty()) {
                    // What an apply in one batch records: one range.
                    state.addInterval(m.name(), fp.data(), new StateStore.Interval(all.get(0).start(), all.get(all.size() - 1).end()));
                }
            }
            state.promote("prod", "generated", Optional.empty(), shown);

            long bestLoad = Long.MAX_VALUE;
            long bestPlan = Long.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                long a = System.nanoTime();
                Project again = Project.load(dir, Map.of());
                long b = System.nanoTime();
                Plan plan = Planner.plan(again, state, "prod", Planner.Options.defaults(), NOW);
                long c = System.nanoTime();
                assertThat(plan.isEmpty()).as(plan.describe()).isTrue();
                bestLoad = Math.min(bestLoad, b - a);
                bestPlan = Math.min(bestPlan, c - b);
            }
            System.out.printf("{\"models\": 1000, \"load_ms\": %d, \"no_change_plan_ms\": %d}%n", bestLoad / 1_000_000,
                    bestPlan / 1_000_000);

            // A day later, every interval-driven model has exactly the new day to fill, in its existing table.
            Plan oneDay = Planner.plan(project, state, "prod", Planner.Options.defaults(), NOW.plusSeconds(86_400));
            assertThat(oneDay.steps()).allSatisfy(s -> assertThat(s.create()).isFalse());
            assertThat(oneDay.steps()).allSatisfy(s -> assertThat(s.intervals()).hasSize(1));
        }
    }
}
