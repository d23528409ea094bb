package dev.quarry.models.apply;

import dev.quarry.models.plan.Changes;
import dev.quarry.models.plan.Fingerprint;
import dev.quarry.models.plan.PhysicalNames;
import dev.quarry.models.plan.Plan;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.Project;
import dev.quarry.models.project.StarRocksSpecs;
import dev.quarry.models.state.StateStore;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksQueries;
import dev.quarry.starrocks.StatementSink;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Points an environment at the plan's snapshots: its views over the physical tables are created or replaced, the
 * views of models it no longer shows dropped, and then the state records the environment. An environment costs no
 * copies; promoting a plan to another environment only moves views.
 */
final class Promotion {
    private Promotion() {}

    static void promote(ApplyContext ctx, Plan plan, StatementSink w) {
        Project project = ctx.project();
        StarRocksDialect dialect = ctx.dialect();
        Set<String> databases = new LinkedHashSet<>();
        for (String name : plan.repointed()) {
            Model m = project.models().get(name);
            String envDb = PhysicalNames.environmentDatabase(m, plan.environment());
            if (databases.add(envDb)) {
                w.execute(dialect.createDatabase(envDb, true));
            }
            String physical = PhysicalNames.physicalTable(
                    m, PhysicalNames.version(plan.snapshots().get(name)));
            String query = StarRocksQueries.selectAll(PhysicalNames.physicalDatabase(m), physical);
            w.execute(dialect.createView(StarRocksSpecs.view(m, envDb, m.table(), query), true));
        }
        for (String name : plan.dropped()) {
            int dot = name.lastIndexOf('.');
            String envDb = PhysicalNames.environmentDatabase(name.substring(0, Math.max(0, dot)), plan.environment());
            w.execute(dialect.dropView(envDb, name.substring(dot + 1), true));
        }
        if (w.dryRun()) {
            return;
        }
        StateStore store = ctx.store();
        synchronized (store) {
            for (Map.Entry<String, String> e : plan.snapshots().entrySet()) {
                Model m = project.models().get(e.getKey());
                Fingerprint fp = ctx.fingerprints().get(e.getKey());
                if (m != null && fp != null && fp.data().equals(e.getValue())) {
                    store.putSnapshot(Changes.snapshot(project, m, fp));
                }
            }
            store.promote(plan.environment(), plan.planId(), plan.basedOn(), plan.snapshots());
        }
        ctx.progress("environment " + plan.environment() + " updated: "
                + plan.repointed().size() + " views (re)pointed, "
                + plan.dropped().size() + " dropped");
    }
}
