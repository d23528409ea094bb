package dev.quarry.bench;

import dev.quarry.models.plan.Changes;
import dev.quarry.models.plan.Fingerprint;
import dev.quarry.models.plan.Fingerprints;
import dev.quarry.models.plan.PhysicalNames;
import dev.quarry.models.plan.Plan;
import dev.quarry.models.plan.Planner;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.Project;
import dev.quarry.models.state.StateStore;
import dev.quarry.testing.GeneratedProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code bench/run plan [--models N]}: a generated project of N models (default 1,000) whose state already shows it
 * completely, loaded and planned again; prints the best of three runs, its last line JSON. No database is needed:
 * a no-change plan only reads the project and the state.
 */
public final class PlanBench {
    private PlanBench() {}

    /**
     * One measurement of loading and planning a generated project.
     *
     * @param models models in the generated project
     * @param loadMillis best project load time
     * @param planMillis best no-change plan time (fingerprints, state reads, diff, intervals)
     * @param empty whether the plan found nothing to do, as it must
     */
    public record Result(int models, long loadMillis, long planMillis, boolean empty) {
        public String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"models\": %d, \"load_ms\": %d, \"no_change_plan_ms\": %d, \"plan_empty\": %b}",
                    models,
                    loadMillis,
                    planMillis,
                    empty);
        }
    }

    /** Writes the project into {@code dir}, records it in a state as an apply at {@code now} would, and times a plan. */
    public static Result measure(Path dir, int models, Instant now) {
        GeneratedProject.write(dir, models, 7);
        Project project = Project.load(dir, Map.of());
        Map<String, Fingerprint> fps = Fingerprints.of(project);
        try (StateStore state = StateStore.open(dir.resolve(".quarry/state.db"))) {
            Map<String, String> shown = new HashMap<>();
            for (Model m : project.models().values()) {
                Fingerprint fp = fps.get(m.name());
                state.putSnapshot(Changes.snapshot(project, m, fp));
                shown.put(m.name(), fp.data());
                List<StateStore.Interval> all =
                        Planner.missingIntervals(m, state, fp.data(), true, Planner.Options.defaults(), now);
                if (!all.isEmpty()) {
                    // What an apply in one batch records: one range.
                    state.addInterval(
                            m.name(),
                            fp.data(),
                            new StateStore.Interval(
                                    all.get(0).start(), all.get(all.size() - 1).end()));
                }
            }
            state.promote(PhysicalNames.PROD, "generated", Optional.empty(), shown);
            long bestLoad = Long.MAX_VALUE;
            long bestPlan = Long.MAX_VALUE;
            boolean empty = true;
            for (int run = 0; run < 3; run++) {
                long a = System.nanoTime();
                Project again = Project.load(dir, Map.of());
                long b = System.nanoTime();
                Plan plan = Planner.plan(again, state, PhysicalNames.PROD, Planner.Options.defaults(), now);
                long c = System.nanoTime();
                empty &= plan.isEmpty();
                bestLoad = Math.min(bestLoad, b - a);
                bestPlan = Math.min(bestPlan, c - b);
            }
            return new Result(models, bestLoad / 1_000_000, bestPlan / 1_000_000, empty);
        }
    }

    public static void main(String[] args) throws IOException {
        int models = 1000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--models") && i + 1 < args.length) {
                models = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: PlanBench [--models N]");
                System.exit(2);
            }
        }
        Path dir = Files.createTempDirectory("quarry-plan-bench");
        try {
            Result r = measure(dir, models, Instant.now());
            System.out.println("generated " + models + " models; best of 3: load " + r.loadMillis()
                    + " ms, no-change plan " + r.planMillis() + " ms");
            System.out.println(r.json());
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
