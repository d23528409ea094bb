package dev.quarry.models.apply;

import dev.quarry.models.plan.IntervalUnit;
import dev.quarry.models.plan.Plan;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.StarRocksSpecs;
import dev.quarry.models.render.Renderer;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StatementSink;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * VIEW: CREATE OR REPLACE VIEW; materialized: created once, then {@code REFRESH ... WITH SYNC MODE}. A view has no
 * intervals: it is rendered and audited for yesterday.
 */
final class ViewBuild implements BuildStrategy {
    static final ViewBuild INSTANCE = new ViewBuild();

    private ViewBuild() {}

    @Override
    public void build(ApplyContext ctx, ModelStep s) {
        Plan plan = s.plan();
        Model m = s.model();
        StatementSink w = s.session();
        StarRocksDialect dialect = ctx.dialect();
        Instant start = IntervalUnit.DAY.floor(plan.executionTime()).minus(1, ChronoUnit.DAYS);
        Instant end = IntervalUnit.DAY.floor(plan.executionTime());
        Renderer.Rendered r = ctx.render(plan, m, start, end, s.physical());
        r.preStatements().forEach(w::execute);
        if (m.kind().isMaterializedView()) {
            if (s.step().create()) {
                w.execute(dialect.createMaterializedView(
                        StarRocksSpecs.materializedView(
                                m, s.database(), s.table(), r.query().orElseThrow(), ctx.replicationNum()),
                        true));
            }
            w.execute(dialect.refreshMaterializedView(s.database(), s.table(), true));
        } else {
            w.execute(dialect.createView(
                    StarRocksSpecs.view(m, s.database(), s.table(), r.query().orElseThrow()), true));
        }
        r.postStatements().forEach(w::execute);
        ctx.recordSnapshot(w, m);
        AuditRunner.run(ctx, s, s.physical(), start, end);
    }
}
