package dev.quarry.models.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.models.Workspace;
import dev.quarry.models.plan.Plan;
import dev.quarry.models.plan.Planner;
import dev.quarry.models.project.Project;
import dev.quarry.testing.GeneratedProject;
import dev.quarry.testing.TestingSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated project (FULL, time-range, view and unique-key models in a deep DAG) applied on the sandbox in
 * parallel, then planned again unchanged. Prints apply and no-change plan times; asserts only behaviour.
 */
class GeneratedApplyIT {
    static final int MODELS = Integer.getInteger("quarry.generated.models", 200);
    static final Instant NOW = Instant.parse("2024-01-15T06:00:00Z");

    private static TestingSandbox sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sandbox = TestingSandbox.fresh();
        sandbox.execute("CREATE DATABASE raw");
        for (int s = 0; s < 10; s++) {
            sandbox.execute(
                    "CREATE TABLE raw.src_" + s
                            + " (id BIGINT, ds DATE, amount DOUBLE) DUPLICATE KEY (id) DISTRIBUTED BY HASH(id) "
                            + "PROPERTIES ('replication_num' = '1')",
                    "INSERT INTO raw.src_" + s
                            + " VALUES (1, '2024-01-01', 1), (2, '2024-01-05', 2), (3, '2024-01-10', 3), (1, '2024-01-10', 4)");
        }
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aGeneratedProjectAppliesInParallelAndThenPlansToNothing() throws Exception {
        GeneratedProject.write(dir, MODELS, 11);
        String config = ApplyIT.config(sandbox).replace("concurrent_tasks: 3", "concurrent_tasks: 4");
        Files.writeString(dir.resolve("config.yaml"), config + "variables:\n  min_amount: 0\n");
        long t0 = System.nanoTime();
        Executor.Result result;
        try (Workspace ws = Workspace.open(Project.load(dir, Map.of()), Optional.empty(), n -> null)) {
            Plan plan = ws.plan("prod", Planner.Options.defaults(), NOW);
            assertThat(plan.steps()).hasSize(MODELS);
            result = ws.executor(line -> {}).apply(plan);
        }
        long applied = System.nanoTime() - t0;
        assertThat(result.built()).hasSize(MODELS);
        // Independent models ran side by side, never more than concurrent_tasks.
        assertThat(result.peakParallel()).isBetween(2, 4);
        long t1 = System.nanoTime();
        try (Workspace ws = Workspace.open(Project.load(dir, Map.of()), Optional.empty(), n -> null)) {
            assertThat(ws.plan("prod", Planner.Options.defaults(), NOW).isEmpty())
                    .isTrue();
        }
        long replanned = System.nanoTime() - t1;
        System.out.printf(
                "{\"models\": %d, \"apply_ms\": %d, \"statements\": %d, \"peak_parallel\": %d, \"no_change_plan_ms\": %d}%n",
                MODELS, applied / 1_000_000, result.statements(), result.peakParallel(), replanned / 1_000_000);
        // Every model answers through its prod view; the first time-range model holds both 7-day batches.
        assertThat(ApplyIT.rows(sandbox, "SELECT COUNT(*) FROM gen_1.model_00001"))
                .containsExactly("3");
        assertThat(ApplyIT.rows(
                        sandbox, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema LIKE 'gen%'"))
                .containsExactly(Integer.toString(MODELS));
    }
}
