package dev.quarry.models.apply;

import static java.util.Objects.requireNonNull;

import dev.quarry.models.plan.IntervalUnit;
import dev.quarry.models.plan.Plan;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.StarRocksSpecs;
import dev.quarry.models.render.Renderer;
import dev.quarry.models.state.StateStore;
import dev.quarry.starrocks.ColumnSpec;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksQueries;
import dev.quarry.starrocks.StatementSink;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The part every table kind (FULL and the incremental ones) shares: render the query for the step's whole range,
 * learn its columns (declared, or those the query returns), create the table for a new snapshot, then let the kind
 * {@link #fill} it, and audit what was written.
 */
abstract class TableBuild implements BuildStrategy {

    /**
     * What a table kind fills its table with.
     *
     * @param query the model rendered for the step's whole range
     * @param columns the table's columns; empty in a dry run when they are only known once what the query reads exists
     * @param names the column names, in order; empty when the columns are unknown
     * @param first start of the step's range
     * @param last end of the step's range
     */
    record Fill(
            Renderer.Rendered query,
            Optional<List<ColumnSpec>> columns,
            List<String> names,
            Instant first,
            Instant last) {
        Fill {
            requireNonNull(query, "query is null");
            requireNonNull(columns, "columns is null");
            names = List.copyOf(names);
            requireNonNull(first, "first is null");
            requireNonNull(last, "last is null");
        }
    }

    @Override
    public final void build(ApplyContext ctx, ModelStep s) {
        Plan plan = s.plan();
        Model m = s.model();
        StatementSink w = s.session();
        List<StateStore.Interval> intervals = s.step().intervals();
        Instant first = intervals.isEmpty()
                ? IntervalUnit.DAY.floor(plan.executionTime()).minus(1, ChronoUnit.DAYS)
                : intervals.get(0).start();
        Instant last = intervals.isEmpty()
                ? IntervalUnit.DAY.floor(plan.executionTime())
                : intervals.get(intervals.size() - 1).end();
        // A time-range Python model runs per batch (TimeRangeBuild), not once more for the whole range here.
        Renderer.Rendered probe = m.python() && m.kind().kind().isTimeRange()
                ? new Renderer.Rendered(
                        List.of(),
                        Optional.of(StarRocksQueries.selectAll(s.database(), PythonRows.staging(s.table()))),
                        List.of())
                : ctx.render(s, first, last);
        if (!m.kind().kind().isTimeRange()) {
            // Pre-statements may create what the query reads, so they run before its columns are read.
            probe.preStatements().forEach(w::execute);
        }
        Optional<List<ColumnSpec>> columns = m.columns().isEmpty()
                ? w.columns(probe.query().orElseThrow())
                : Optional.of(StarRocksSpecs.declaredColumns(m));
        if (s.step().create()) {
            if (columns.isPresent()) {
                w.execute(ctx.dialect().createTable(ctx.tableSpec(m, s.database(), s.table(), columns.get()), true));
            } else {
                w.execute(StarRocksDialect.pendingCreateTable(s.database(), s.table()));
            }
            ctx.recordSnapshot(w, m);
        }
        List<String> names =
                columns.map(cs -> cs.stream().map(ColumnSpec::name).toList()).orElse(List.of());
        Fill fill = new Fill(probe, columns, names, first, last);
        fill(ctx, s, fill);
        if (m.python()) {
            w.execute(ctx.dialect().dropTable(s.database(), PythonRows.staging(s.table()), true));
        }
        AuditRunner.run(ctx, s, audited(s, fill), first, last);
    }

    /** Writes the rows of the step into the (existing) table and records the processed range. */
    abstract void fill(ApplyContext ctx, ModelStep s, Fill fill);

    /** What the audits read: the whole table, unless the kind audits only what it processed. */
    String audited(ModelStep s, Fill fill) {
        return s.physical();
    }
}
