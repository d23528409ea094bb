package dev.quarry.models.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.models.state.StateStore;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What applying a project to an environment takes: the changes, the physical objects to create, the intervals to
 * fill, and the environment views to (re)point. Computed by {@link Planner}, carried out by
 * {@link dev.quarry.models.apply.Executor}.
 *
 * @param environment target environment
 * @param planId this plan's id, stored with the environment when applied
 * @param basedOn the environment's plan id this plan was computed from (empty for a new environment)
 * @param changes how the project differs from the environment
 * @param steps physical work in DAG order
 * @param snapshots model name to the data fingerprint the environment shows once applied
 * @param repointed models whose environment view is created or replaced
 * @param dropped models whose environment view is dropped
 * @param executionTime the time the plan was made ({@code @execution_*})
 */
public record Plan(
        String environment,
        String planId,
        Optional<String> basedOn,
        Changes changes,
        List<Step> steps,
        Map<String, String> snapshots,
        List<String> repointed,
        List<String> dropped,
        Instant executionTime) {

    public Plan {
        requireNonNull(environment, "environment is null");
        requireNonNull(planId, "planId is null");
        requireNonNull(basedOn, "basedOn is null");
        requireNonNull(changes, "changes is null");
        steps = List.copyOf(steps);
        snapshots = Collections.unmodifiableMap(new LinkedHashMap<>(snapshots));
        repointed = List.copyOf(repointed);
        dropped = List.copyOf(dropped);
        requireNonNull(executionTime, "executionTime is null");
    }

    /**
     * Work on one model's physical object.
     *
     * @param model model name
     * @param fingerprint the data fingerprint being built
     * @param create whether the physical object is created (it does not exist yet)
     * @param intervals missing intervals to fill, in time order; empty for views, materialized views and seeds
     */
    /**
     * One model to build.
     *
     * @param byInterval whether the model's kind loads interval by interval (the incremental kinds); other kinds are
     *     built whole, so their interval count is bookkeeping and not shown
     */
    public record Step(
            String model, String fingerprint, boolean create, List<StateStore.Interval> intervals, boolean byInterval) {
        public Step {
            requireNonNull(model, "model is null");
            requireNonNull(fingerprint, "fingerprint is null");
            intervals = List.copyOf(intervals);
        }
    }

    /** Whether applying changes nothing at all. */
    public boolean isEmpty() {
        return steps.isEmpty() && repointed.isEmpty() && dropped.isEmpty() && changes.isEmpty();
    }

    /** A human summary: the changes with their diffs, then what will be built. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("Environment ")
                .append(environment)
                .append(basedOn.isEmpty() ? " (new)" : "")
                .append('\n');
        if (changes.isEmpty()) {
            sb.append("No changes to the models.\n");
        }
        section(sb, "Added", changes.added());
        section(sb, "Removed", changes.removed());
        section(sb, "Directly modified", changes.directlyModified());
        section(sb, "Indirectly modified", changes.indirectlyModified());
        section(sb, "Metadata-only", changes.metadataOnly());
        changes.diffs().forEach((name, diff) -> {
            if (!diff.isBlank() && !changes.added().contains(name)) {
                sb.append("--- ").append(name).append('\n').append(diff);
                if (!diff.endsWith("\n")) {
                    sb.append('\n');
                }
            }
        });
        if (steps.isEmpty()) {
            sb.append("Nothing to build.\n");
        } else {
            sb.append("To build:\n");
            for (Step s : steps) {
                sb.append("  ")
                        .append(s.model())
                        .append(s.create() ? " (new version " : " (version ")
                        .append(s.fingerprint(), 0, 10)
                        .append(')');
                if (s.byInterval() && !s.intervals().isEmpty()) {
                    sb.append(": ")
                            .append(s.intervals().size())
                            .append(s.intervals().size() == 1 ? " interval " : " intervals ")
                            .append(s.intervals().get(0).start())
                            .append(" .. ")
                            .append(s.intervals().get(s.intervals().size() - 1).end());
                }
                sb.append('\n');
            }
        }
        if (!repointed.isEmpty() || !dropped.isEmpty()) {
            sb.append("Views to update in ")
                    .append(environment)
                    .append(": ")
                    .append(repointed.size())
                    .append(" (re)pointed, ")
                    .append(dropped.size())
                    .append(" dropped\n");
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, List<String> names) {
        if (!names.isEmpty()) {
            sb.append(title).append(":\n");
            names.forEach(n -> sb.append("  ").append(n).append('\n'));
        }
    }
}
