package dev.quarry.models.apply;

import dev.quarry.models.plan.PhysicalNames;
import dev.quarry.models.plan.Plan;
import dev.quarry.models.project.Model;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StatementSink;
import java.util.Optional;

/**
 * FULL: the query goes into a staging table, then {@code ALTER TABLE ... SWAP WITH} exchanges it with the live table,
 * atomically; readers see the old rows or the new ones, never an empty table (docs/sqlmesh.md §5.5, SQLMesh #5585).
 */
final class FullBuild extends TableBuild {
    static final FullBuild INSTANCE = new FullBuild();

    private FullBuild() {}

    @Override
    void fill(ApplyContext ctx, ModelStep s, Fill fill) {
        StarRocksDialect dialect = ctx.dialect();
        StatementSink w = s.session();
        String db = s.database();
        String table = s.table();
        String staging = PhysicalNames.fit(table + "__staging");
        w.execute(dialect.dropTable(db, staging, true));
        w.execute(dialect.createTableLike(db, staging, db, table, false));
        w.execute(dialect.insertInto(
                db,
                staging,
                Optional.empty(),
                fill.names(),
                fill.query().query().orElseThrow()));
        w.execute(dialect.swapTable(db, table, staging));
        w.execute(dialect.dropTable(db, staging, true));
        reactivateMaterializedViews(ctx, s.plan(), s.model(), w);
        fill.query().postStatements().forEach(w::execute);
        ctx.recordInterval(w, s.model(), fill.first(), fill.last());
    }

    /**
     * SWAP sets the materialized views over the swapped table inactive (docs/starrocks.md §5.1, ALTER TABLE SWAP);
     * the ones Quarry built over this model are made active again.
     */
    private static void reactivateMaterializedViews(ApplyContext ctx, Plan plan, Model m, StatementSink w) {
        for (String name : ctx.project().dag().downstream(m.name())) {
            Model down = ctx.project().models().get(name);
            String fp = plan.snapshots().get(name);
            boolean built = fp != null && ctx.isBuilt(name, fp);
            if (down != null && down.kind().isMaterializedView() && built) {
                w.execute(ctx.dialect()
                        .activateMaterializedView(
                                PhysicalNames.physicalDatabase(down),
                                PhysicalNames.physicalTable(down, PhysicalNames.version(fp))));
            }
        }
    }
}
