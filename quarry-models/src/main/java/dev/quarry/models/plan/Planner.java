package dev.quarry.models.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.ConfigException;
import dev.quarry.models.project.Audit;
import dev.quarry.models.project.AuditCall;
import dev.quarry.models.project.Kind;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.ModelException;
import dev.quarry.models.project.ModelKind;
import dev.quarry.models.project.Project;
import dev.quarry.models.project.Times;
import dev.quarry.models.state.StateStore;
import dev.quarry.starrocks.BuiltInAudit;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Computes a {@link Plan} from a project and the state: which snapshots are new (their physical object must be
 * built), which intervals are missing, which environment views change. A model whose data fingerprint already has
 * a physical object, built by any environment, is reused: that is how promoting a dev plan to prod recomputes
 * nothing. A changed query changes the data fingerprint of the model and of everything downstream (upstream
 * fingerprints are part of it), so all of those get new objects; a metadata-only change keeps the fingerprint.
 */
public final class Planner {
    private static boolean byInterval(Model model) {
        return model.kind().kind().name().startsWith("INCREMENTAL");
    }

    /** More intervals than this in one plan is nearly always a start date or cron mistake (docs/sqlmesh.md §5.3, #5286). */
    static final int MAX_INTERVALS = 100_000;

    private Planner() {}

    /**
     * What to plan.
     *
     * @param start overrides every time-range model's start (as Times.parse reads it)
     * @param end overrides the end; a date alone means the whole day
     * @param selectModels build only these models (names or globs with {@code *}) and what they read; other
     *                     models keep what the environment shows
     */
    public record Options(Optional<String> start, Optional<String> end, List<String> selectModels) {
        public Options {
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
            selectModels = List.copyOf(selectModels);
        }

        public static Options defaults() {
            return new Options(Optional.empty(), Optional.empty(), List.of());
        }
    }

    /** Plans {@code project} into {@code environment}. */
    public static Plan plan(Project project, StateStore store, String environment, Options options, Instant now) {
        String env = PhysicalNames.checkEnvironment(environment);
        Map<String, Fingerprint> fingerprints = Fingerprints.of(project);
        Map<String, StateStore.Snapshot> shown = store.environmentSnapshots(env);
        Optional<StateStore.Environment> current = store.environment(env);
        // A new environment starts as a copy of prod, so its changes are shown against prod (as SQLMesh does).
        Map<String, StateStore.Snapshot> base = current.isEmpty() && !PhysicalNames.PROD.equals(env)
                ? store.environmentSnapshots(PhysicalNames.PROD)
                : shown;
        Changes changes = Changes.between(project, fingerprints, base);
        Set<String> selected = selection(project, options.selectModels());
        Map<String, String> target = new LinkedHashMap<>();
        List<Plan.Step> steps = new ArrayList<>();
        int intervalCount = 0;
        for (String name : project.dag().order()) {
            Model model = project.models().get(name);
            if (!selected.contains(name)) {
                StateStore.Snapshot kept = shown.get(name);
                if (kept != null) {
                    target.put(name, kept.fingerprint());
                }
                continue;
            }
            checkAudits(project, model);
            String fp = fingerprints.get(name).data();
            target.put(name, fp);
            if (!model.kind().kind().isMaterialized()) {
                continue;
            }
            boolean create = store.snapshot(name, fp).isEmpty();
            List<StateStore.Interval> missing = missingIntervals(model, store, fp, create, options, now);
            intervalCount += missing.size();
            if (intervalCount > MAX_INTERVALS) {
                throw new ConfigException(model.location() + ": model " + name + " has more than " + MAX_INTERVALS
                        + " intervals to fill; check its start and cron, or plan with --start");
            }
            if (create || !missing.isEmpty()) {
                steps.add(new Plan.Step(name, fp, create, missing, byInterval(model)));
            }
        }
        List<String> repointed = new ArrayList<>();
        target.forEach((name, fp) -> {
            Model m = project.models().get(name);
            StateStore.Snapshot before = shown.get(name);
            if (m.kind().kind().isMaterialized()
                    && (before == null || !before.fingerprint().equals(fp))) {
                repointed.add(name);
            }
        });
        List<String> dropped = new ArrayList<>();
        shown.forEach((name, s) -> {
            if (!target.containsKey(name) && !"EMBEDDED".equals(s.kind()) && !"EXTERNAL".equals(s.kind())) {
                dropped.add(name);
            }
        });
        return new Plan(
                env,
                UUID.randomUUID().toString(),
                current.map(StateStore.Environment::planId),
                changes,
                steps,
                target,
                repointed,
                dropped,
                now);
    }

    /**
     * The plan of a {@code run}: for each model the environment shows, the intervals that have become due since.
     * Models whose local definition differs from the environment are left alone (plan them first).
     */
    public static Plan run(Project project, StateStore store, String environment, Instant now, List<String> warnings) {
        String env = PhysicalNames.checkEnvironment(environment);
        StateStore.Environment current = store.environment(env)
                .orElseThrow(() -> new ConfigException(
                        "environment " + env + " does not exist yet; create it with: quarry plan " + env));
        Map<String, Fingerprint> fingerprints = Fingerprints.of(project);
        List<Plan.Step> steps = new ArrayList<>();
        for (String name : project.dag().order()) {
            Model model = project.models().get(name);
            String shown = current.snapshots().get(name);
            if (shown == null) {
                continue;
            }
            if (!shown.equals(fingerprints.get(name).data())) {
                warnings.add("model " + name + " differs from environment " + env + "; not run (plan it first)");
                continue;
            }
            if (!model.kind().kind().isMaterialized()
                    || store.snapshot(name, shown).isEmpty()) {
                continue;
            }
            List<StateStore.Interval> missing = missingIntervals(model, store, shown, false, Options.defaults(), now);
            if (!missing.isEmpty()) {
                steps.add(new Plan.Step(name, shown, false, missing, byInterval(model)));
            }
        }
        Changes none = new Changes(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
        return new Plan(
                env,
                current.planId(),
                Optional.of(current.planId()),
                none,
                steps,
                current.snapshots(),
                List.of(),
                List.of(),
                now);
    }

    /**
     * The complete intervals of {@code model} from its start up to now (or the plan's end) that its snapshot has not
     * processed. Views, materialized views and seeds have none: they are built once.
     */
    public static List<StateStore.Interval> missingIntervals(
            Model model, StateStore store, String fingerprint, boolean create, Options options, Instant now) {
        Kind kind = model.kind();
        if (kind.kind() == ModelKind.SEED || kind.kind() == ModelKind.VIEW) {
            return List.of();
        }
        IntervalUnit unit = IntervalUnit.ofCron(model.cron());
        Instant start;
        Instant end;
        try {
            start = options.start()
                    .map(s -> Times.parse(s, now))
                    .or(() -> model.startAt(now))
                    .orElse(unit.floor(now).minus(1, ChronoUnit.DAYS));
            end = options.end()
                    .map(e -> Times.inclusiveEnd(e, now))
                    .or(() -> model.end().map(e -> Times.inclusiveEnd(e, now)))
                    .orElse(now);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("model " + model.name() + ": " + e.getMessage());
        }
        // Only what the cron has made due: a daily model on '0 6 * * *' gets yesterday at 06:00, not at midnight.
        Instant due = IntervalUnit.lastTick(model.cron(), now);
        if (end.isAfter(due)) {
            end = due;
        }
        start = unit.floor(start);
        List<StateStore.Interval> done = create ? List.of() : store.intervals(model.name(), fingerprint);
        List<StateStore.Interval> out = new ArrayList<>();
        for (Instant t = start; ; ) {
            Instant next = unit.next(t);
            boolean complete = !next.isAfter(end);
            if (!complete && !(model.allowPartials() && t.isBefore(end))) {
                break;
            }
            StateStore.Interval iv = new StateStore.Interval(t, complete ? next : end);
            if (!covered(done, iv)) {
                out.add(iv);
            }
            if (out.size() > MAX_INTERVALS) {
                break;
            }
            if (!complete) {
                break;
            }
            t = next;
        }
        if (kind.lookback() > 0 && !out.isEmpty() && !done.isEmpty()) {
            // lookback: late-arriving rows land in earlier intervals, so the N intervals before the first missing one
            // are processed again (docs/sqlmesh.md §5.4).
            List<StateStore.Interval> before = new ArrayList<>();
            Instant first = out.get(0).start();
            Instant t = first;
            for (int i = 0; i < kind.lookback(); i++) {
                Instant prev = previous(unit, t);
                if (prev.isBefore(start)) {
                    break;
                }
                before.add(0, new StateStore.Interval(prev, t));
                t = prev;
            }
            List<StateStore.Interval> withLookback = new ArrayList<>(before);
            for (StateStore.Interval iv : out) {
                if (!withLookback.contains(iv)) {
                    withLookback.add(iv);
                }
            }
            return withLookback;
        }
        return out;
    }

    /** The start of the interval just before the one starting at {@code t}. */
    private static Instant previous(IntervalUnit unit, Instant t) {
        return unit.floor(t.minusMillis(1));
    }

    private static boolean covered(List<StateStore.Interval> done, StateStore.Interval iv) {
        for (StateStore.Interval d : done) {
            if (!d.start().isAfter(iv.start()) && !d.end().isBefore(iv.end())) {
                return true;
            }
        }
        return false;
    }

    /** The models to build: all, or the selected ones with everything they read. */
    static Set<String> selection(Project project, List<String> patterns) {
        if (patterns.isEmpty()) {
            return new LinkedHashSet<>(project.dag().order());
        }
        Set<String> out = new LinkedHashSet<>();
        for (String p : patterns) {
            Pattern glob = Pattern.compile(
                    p.toLowerCase(Locale.ROOT).replace(".", "\\.").replace("*", ".*"));
            List<String> matched = project.dag().order().stream()
                    .filter(n -> glob.matcher(n).matches())
                    .toList();
            if (matched.isEmpty()) {
                throw new ConfigException("--select-model " + p + " matches no model"
                        + dev.quarry.core.Names.didYouMean(p, project.models().keySet()));
            }
            for (String m : matched) {
                addWithUpstream(project, m, out);
            }
        }
        return out;
    }

    private static void addWithUpstream(Project project, String model, Set<String> out) {
        if (out.add(model)) {
            project.dag().upstream(model).forEach(u -> addWithUpstream(project, u, out));
        }
    }

    /** Audits must exist before anything runs: a typo would otherwise surface after the model was built. */
    static void checkAudits(Project project, Model model) {
        for (AuditCall call : model.audits()) {
            if (Audit.isBuiltIn(call.name())) {
                if (Audit.builtInBase(call.name().toLowerCase(Locale.ROOT))
                        .flatMap(BuiltInAudit::named)
                        .isEmpty()) {
                    throw new ModelException(
                            model.location(),
                            "model " + model.name() + ": built-in audit " + call.name()
                                    + " is not supported by Quarry yet; supported: "
                                    + String.join(", ", BuiltInAudit.names()));
                }
            } else if (!project.audits().containsKey(call.name())) {
                throw new ModelException(
                        model.location(),
                        "model " + model.name() + ": unknown audit " + call.name()
                                + dev.quarry.core.Names.didYouMean(
                                        call.name(), project.audits().keySet()));
            }
        }
    }
}
