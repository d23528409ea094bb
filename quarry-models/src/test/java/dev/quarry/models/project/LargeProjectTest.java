package dev.quarry.models.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.models.plan.Changes;
import dev.quarry.models.plan.Fingerprint;
import dev.quarry.models.plan.Fingerprints;
import dev.quarry.models.render.Renderer;
import dev.quarry.models.state.StateStore;
import dev.quarry.testing.GeneratedProject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated 1,000-model project loads completely and correctly. Timing is printed, never asserted. */
class LargeProjectTest {

    @TempDir
    Path dir;

    @Test
    void loadsAThousandModelsWithTheirDependencies() {
        Map<String, Set<String>> expected = GeneratedProject.write(dir, 1000, 42);

        long t0 = System.nanoTime();
        Project cold = Project.load(dir, Map.of());
        long firstLoad = System.nanoTime() - t0;
        long bestLoad = Long.MAX_VALUE;
        long bestFingerprints = Long.MAX_VALUE;
        Project project = cold;
        Map<String, Fingerprint> fingerprints = Map.of();
        for (int run = 0; run < 5; run++) {
            long a = System.nanoTime();
            project = Project.load(dir, Map.of());
            long b = System.nanoTime();
            fingerprints = Fingerprints.of(project);
            long c = System.nanoTime();
            bestLoad = Math.min(bestLoad, b - a);
            bestFingerprints = Math.min(bestFingerprints, c - b);
        }
        System.out.printf(
                "1000-model project: first load %d ms; best of 5 warm runs: load %d ms, fingerprints %d ms%n",
                firstLoad / 1_000_000, bestLoad / 1_000_000, bestFingerprints / 1_000_000);

        assertThat(cold.models()).hasSize(1010);
        assertThat(project.models().values().stream().filter(m -> m.kind().kind() != ModelKind.EXTERNAL))
                .hasSize(1000);
        Project loaded = project;
        expected.forEach(
                (name, ups) -> assertThat(loaded.dag().upstream(name)).as(name).isEqualTo(ups));
        Map<String, Integer> position = new HashMap<>();
        List<String> order = loaded.dag().order();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        expected.forEach(
                (name, ups) -> ups.forEach(u -> assertThat(position.get(u)).isLessThan(position.get(name))));
        assertThat(fingerprints).hasSize(1010);
        assertThat(fingerprints.values().stream().map(Fingerprint::data).distinct())
                .hasSize(1010);
        // The no-change comparison a plan starts with: load, fingerprint, read the environment, diff.
        try (StateStore state = StateStore.open(dir.resolve(".quarry/state.db"))) {
            Map<String, String> shown = new HashMap<>();
            for (Model m : loaded.models().values()) {
                state.putSnapshot(Changes.snapshot(loaded, m, fingerprints.get(m.name())));
                shown.put(m.name(), fingerprints.get(m.name()).data());
            }
            state.promote("prod", "plan-1", java.util.Optional.empty(), shown);
            long bestCompare = Long.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                long a = System.nanoTime();
                Project again = Project.load(dir, Map.of());
                Changes changes = Changes.between(again, Fingerprints.of(again), state.environmentSnapshots("prod"));
                bestCompare = Math.min(bestCompare, System.nanoTime() - a);
                assertThat(changes.isEmpty()).isTrue();
            }
            System.out.printf(
                    "1000-model project: load + fingerprints + state read + diff (no change), best of 3: %d ms%n",
                    bestCompare / 1_000_000);
        }
        Model incremental = project.model("gen_1.model_00001").orElseThrow();
        assertThat(incremental.layout().key().orElseThrow().columns()).containsExactly("id", "ds");
        assertThat(Renderer.renderQuery(
                        project,
                        incremental,
                        java.time.Instant.parse("2024-01-01T00:00:00Z"),
                        java.time.Instant.parse("2024-01-08T00:00:00Z")))
                .contains("BETWEEN '2024-01-01' AND '2024-01-07'");
    }
}
