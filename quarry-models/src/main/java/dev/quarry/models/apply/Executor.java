package dev.quarry.models.apply;

import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.models.plan.PhysicalNames;
import dev.quarry.models.plan.Plan;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.Project;
import dev.quarry.models.state.StateStore;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StatementSink;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Carries out a {@link Plan} on StarRocks, statement by statement through StarRocksDialect. Each step's model is
 * built by the {@link BuildStrategy} of its kind (FULL by staging table and SWAP, time ranges by partition overwrite
 * or DELETE + INSERT, unique keys by upsert, views, seeds by Stream Load), then audited.
 * Independent models run in parallel ({@code concurrent_tasks}), each on its own session; a model starts when
 * everything it reads is done ({@link StepScheduler}). The state records each finished step (snapshot, intervals) at
 * once, so a crash leaves it consistent and the next plan resumes; the environment is switched only after every step
 * succeeded ({@link Promotion}).
 */
public final class Executor {
    private final ApplyContext ctx;
    private final int concurrency;

    /**
     * @param gateway the StarRocks connection models run on
     * @param concurrency how many models may run at once
     * @param progress one line per finished model and audit
     */
    public Executor(
            Project project, ConnectionSpec gateway, StateStore store, int concurrency, Consumer<String> progress) {
        this.ctx = new ApplyContext(project, gateway, store, progress);
        this.concurrency = Math.max(1, concurrency);
    }

    /**
     * What an apply did.
     *
     * @param built models whose physical object was created or filled, in completion order
     * @param audits audits that ran
     * @param statements SQL statements sent to StarRocks
     * @param peakParallel the most models that were being built at the same time
     */
    public record Result(List<String> built, int audits, int statements, int peakParallel) {
        public Result {
            built = List.copyOf(built);
        }
    }

    /** Applies {@code plan}: builds its steps, runs audits, then points the environment's views and records it. */
    public Result apply(Plan plan) {
        AtomicInteger audits = new AtomicInteger();
        ctx.probeCluster(false);
        List<String> beforeAll =
                ctx.environmentStatements(plan, ctx.project().config().beforeAll());
        if (!beforeAll.isEmpty()) {
            try (StatementSink w = ctx.openSession()) {
                beforeAll.forEach(w::execute);
            }
        }
        StepScheduler scheduler = new StepScheduler(ctx.project().dag(), concurrency, ctx::progress);
        List<String> databasesBefore = databases();
        List<String> built;
        try {
            built = scheduler.run(plan, step -> {
                try (StatementSink w = ctx.openSession()) {
                    buildStep(plan, step, w, audits);
                }
            });
        } catch (RuntimeException e) {
            dropCreatedEmptyDatabases(plan, databasesBefore, e);
            throw e;
        }
        if (!plan.repointed().isEmpty()
                || !plan.dropped().isEmpty()
                || !plan.changes().isEmpty()
                || plan.basedOn().isEmpty()) {
            try (StatementSink w = ctx.openSession()) {
                Promotion.promote(ctx, plan, w);
            }
        }
        List<String> afterAll =
                ctx.environmentStatements(plan, ctx.project().config().afterAll());
        if (!afterAll.isEmpty()) {
            try (StatementSink w = ctx.openSession()) {
                afterAll.forEach(w::execute);
            }
        }
        return new Result(built, audits.get(), ctx.statements(), scheduler.peakParallel());
    }

    /** Every statement {@link #apply} would send, in order, without changing anything (reads may run). */
    public List<String> dryRun(Plan plan) {
        List<String> out = new ArrayList<>();
        Connection[] reader = new Connection[1];
        boolean[] tried = new boolean[1];
        try (StatementSink w = StatementSink.recording(out, () -> {
            if (!tried[0]) {
                tried[0] = true;
                try {
                    reader[0] = ctx.gateway().open();
                } catch (RunException e) {
                    Log.warn("dry run without a connection (" + e.getMessage()
                            + "): column lists of new tables are not shown");
                }
            }
            return Optional.ofNullable(reader[0]);
        })) {
            ctx.probeCluster(true);
            ctx.environmentStatements(plan, ctx.project().config().beforeAll()).forEach(w::execute);
            for (Plan.Step step : plan.steps()) {
                out.add("-- " + step.model());
                buildStep(plan, step, w, new AtomicInteger());
            }
            out.add("-- environment " + plan.environment());
            Promotion.promote(ctx, plan, w);
            ctx.environmentStatements(plan, ctx.project().config().afterAll()).forEach(w::execute);
        } finally {
            if (reader[0] != null) {
                try {
                    reader[0].close();
                } catch (java.sql.SQLException e) {
                    Log.debug("closing the dry-run session: " + e.getMessage());
                }
            }
        }
        return out;
    }

    private List<String> databases() {
        try (StarRocksSession s = StarRocksSession.open(ctx.gateway())) {
            return s.catalog().databases();
        }
    }

    /**
     * After a failed apply, drops the physical databases ({@code quarry__<schema>}) this apply created that are still
     * empty, so a failure leaves no trace; a database that existed before, or that holds a table, stays.
     */
    private void dropCreatedEmptyDatabases(Plan plan, List<String> before, RuntimeException failure) {
        java.util.Set<String> created = new java.util.TreeSet<>();
        for (Plan.Step step : plan.steps()) {
            String db = PhysicalNames.physicalDatabase(ctx.project().models().get(step.model()));
            if (!before.contains(db)) {
                created.add(db);
            }
        }
        if (created.isEmpty()) {
            return;
        }
        try (StarRocksSession s = StarRocksSession.open(ctx.gateway())) {
            List<String> now = s.catalog().databases();
            for (String db : created) {
                if (now.contains(db) && s.catalog().tables(db).isEmpty()) {
                    s.execute(ctx.dialect().dropDatabase(db, true));
                }
            }
        } catch (RunException e) {
            failure.addSuppressed(e);
            Log.warn("the apply failed and the empty databases it created " + created + " could not be dropped: "
                    + e.getMessage());
        }
    }

    /** Creates the step's database, then lets the strategy of its model's kind build it. */
    private void buildStep(Plan plan, Plan.Step step, StatementSink w, AtomicInteger audits) {
        Model m = ctx.project().models().get(step.model());
        String db = PhysicalNames.physicalDatabase(m);
        String table = PhysicalNames.physicalTable(m, PhysicalNames.version(step.fingerprint()));
        w.execute(ctx.dialect().createDatabase(db, true));
        BuildStrategy.of(m.kind()).build(ctx, new ModelStep(plan, step, m, db, table, w, audits));
    }
}
