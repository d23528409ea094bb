package dev.quarry.models.apply;

import dev.quarry.core.RunException;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.PhysicalLayout;
import dev.quarry.models.project.StarRocksSpecs;
import dev.quarry.models.render.Renderer;
import dev.quarry.models.state.StateStore;
import dev.quarry.starrocks.ColumnSpec;
import dev.quarry.starrocks.Condition;
import dev.quarry.starrocks.Literal;
import dev.quarry.starrocks.PartitionSpec;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksQueries;
import dev.quarry.starrocks.StarRocksType;
import dev.quarry.starrocks.StatementSink;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * INCREMENTAL_BY_TIME_RANGE: per batch of {@code batch_size} intervals, {@code INSERT OVERWRITE} with
 * {@code dynamic_overwrite} replaces exactly the partitions the batch covers where the table is partitioned by the
 * time column; otherwise {@code DELETE ... WHERE t >= s AND t < e} (never BETWEEN, docs/sqlmesh.md §9) plus INSERT on the PRIMARY
 * KEY table. Audits read only the processed range.
 */
final class TimeRangeBuild extends TableBuild {
    static final TimeRangeBuild INSTANCE = new TimeRangeBuild();

    private TimeRangeBuild() {}

    @Override
    void fill(ApplyContext ctx, ModelStep s, Fill fill) {
        Model m = s.model();
        List<StateStore.Interval> intervals = s.step().intervals();
        int batch = m.kind().batchSize().orElse(Math.max(1, intervals.size()));
        StarRocksType timeType = timeType(m, fill.columns());
        long began = System.nanoTime();
        long reported = began;
        for (int i = 0; i < intervals.size(); i += batch) {
            List<StateStore.Interval> part = intervals.subList(i, Math.min(intervals.size(), i + batch));
            Instant start = part.get(0).start();
            Instant end = part.get(part.size() - 1).end();
            batch(ctx, s, fill.names(), timeType, start, end);
            ctx.recordInterval(s.session(), m, start, end);
            int done = i + part.size();
            long now = System.nanoTime();
            // A long backfill is never silent: a line every 10 seconds with how far it got.
            if (done < intervals.size() && now - reported >= REPORT_EVERY_NANOS) {
                reported = now;
                ctx.progress(progressLine(m.name(), done, intervals.size(), now - began));
            }
        }
    }

    private static final long REPORT_EVERY_NANOS = 10_000_000_000L;

    /** {@code model db.m: 30 of 120 intervals done, about 1m05s to go}. */
    static String progressLine(String model, int done, int total, long elapsedNanos) {
        long left = Math.round((double) elapsedNanos / done * (total - done) / 1e9);
        String eta = left < 60
                ? left + "s"
                : left < 3600
                        ? String.format(Locale.ROOT, "%dm%02ds", left / 60, left % 60)
                        : String.format(Locale.ROOT, "%dh%02dm", left / 3600, (left % 3600) / 60);
        return "model " + model + ": " + done + " of " + total + " intervals done, about " + eta + " to go";
    }

    @Override
    String audited(ModelStep s, Fill fill) {
        Model m = s.model();
        StarRocksType timeType = timeType(m, fill.columns());
        // SQLMesh audits an incremental model's processed intervals only (docs/sqlmesh.md §6).
        return StarRocksQueries.rowsWhere(s.database(), s.table(), range(m, timeType, fill.first(), fill.last()));
    }

    /** The type of the time column: as the table has it, else DATETIME. */
    private static StarRocksType timeType(Model m, Optional<List<ColumnSpec>> columns) {
        return columns.flatMap(cs -> cs.stream()
                        .filter(c ->
                                c.name().equalsIgnoreCase(m.kind().timeColumn().orElseThrow()))
                        .findFirst())
                .map(ColumnSpec::type)
                .orElse(StarRocksType.Scalar.DATETIME);
    }

    private static void batch(
            ApplyContext ctx, ModelStep s, List<String> names, StarRocksType timeType, Instant start, Instant end) {
        Model m = s.model();
        StatementSink w = s.session();
        StarRocksDialect dialect = ctx.dialect();
        String db = s.database();
        String table = s.table();
        Renderer.Rendered r = ctx.render(s, start, end);
        String tc = m.kind().timeColumn().orElseThrow();
        List<Condition> range = range(m, timeType, start, end);
        // SQLMesh also filters the query's output to the interval, so rows outside it never land (docs/sqlmesh.md
        // §2.3).
        String filtered = StarRocksQueries.filter(r.query().orElseThrow(), range);
        r.preStatements().forEach(w::execute);
        if (overwritesPartitions(m, timeType, start, end)) {
            // Only the partitions the new rows fall into are replaced (StarRocks >= 3.4, docs/starrocks.md §5.2).
            w.execute(dialect.setDynamicOverwrite(true));
            w.execute(dialect.insertOverwrite(db, table, List.of(), Optional.empty(), names, filtered));
            w.execute(dialect.setDynamicOverwrite(false));
        } else {
            boolean primary = m.layout()
                    .key()
                    .map(k -> k.type() == PhysicalLayout.KeyType.PRIMARY)
                    .orElse(false);
            if (!primary) {
                throw new RunException(
                        "model " + m.name() + ": the batch " + start + " .. " + end
                                + " does not cover whole partitions of " + tc
                                + " and the table has no PRIMARY KEY to DELETE from; use a batch aligned with the partitioning");
            }
            w.execute(dialect.delete(db, table, range));
            w.execute(dialect.insertInto(db, table, Optional.empty(), names, filtered));
        }
        r.postStatements().forEach(w::execute);
    }

    /**
     * Whether the table is partitioned by the time column so that {@code [s, e)} covers whole partitions: then an
     * INSERT OVERWRITE of the touched partitions replaces the batch atomically.
     */
    static boolean overwritesPartitions(Model m, StarRocksType timeType, Instant s, Instant e) {
        Optional<PhysicalLayout.Partitioning> p = m.layout().partitioning();
        if (p.isEmpty()
                || !(p.get() instanceof PhysicalLayout.Partitioning.Expressions exprs)
                || exprs.expressions().size() != 1) {
            return false;
        }
        String tc = m.kind().timeColumn().orElseThrow();
        PartitionSpec.PartitionExpr expr = StarRocksSpecs.expression(
                m.name(), m.location(), exprs.expressions().get(0));
        if (expr instanceof PartitionSpec.PartitionExpr.Column c) {
            // One partition per value: a DATE column's partitions are days.
            return c.column().equalsIgnoreCase(tc)
                    && (timeType != StarRocksType.Scalar.DATE || aligned(ChronoUnit.DAYS, s, e));
        }
        if (expr instanceof PartitionSpec.PartitionExpr.DateTrunc d
                && d.column().equalsIgnoreCase(tc)) {
            return switch (d.unit()) {
                case MINUTE -> aligned(ChronoUnit.MINUTES, s, e);
                case HOUR -> aligned(ChronoUnit.HOURS, s, e);
                case DAY -> aligned(ChronoUnit.DAYS, s, e);
                case MONTH -> aligned(ChronoUnit.DAYS, s, e) && dayOfMonth(s) == 1 && dayOfMonth(e) == 1;
                case YEAR -> aligned(ChronoUnit.DAYS, s, e) && dayOfYear(s) == 1 && dayOfYear(e) == 1;
                default -> false;
            };
        }
        return false;
    }

    private static boolean aligned(ChronoUnit unit, Instant s, Instant e) {
        return s.truncatedTo(unit).equals(s) && e.truncatedTo(unit).equals(e);
    }

    private static int dayOfMonth(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC).getDayOfMonth();
    }

    private static int dayOfYear(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC).getDayOfYear();
    }

    /** {@code t} as a constant of the time column: text in its format, a DATE, epoch milliseconds or a DATETIME. */
    private static Literal literal(Model m, StarRocksType type, Instant t) {
        LocalDateTime at = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        Optional<String> format = m.kind().timeColumnFormat();
        if (format.isPresent()) {
            return Literal.string(formatTime(format.get(), at));
        }
        if (type == StarRocksType.Scalar.DATE) {
            return Literal.date(at.toLocalDate());
        }
        if (type instanceof StarRocksType.Scalar sc && sc.numeric()) {
            return Literal.number(t.toEpochMilli());
        }
        return Literal.dateTime(at);
    }

    /** {@code start <= time column < end}, never BETWEEN (docs/sqlmesh.md §9). */
    private static List<Condition> range(Model m, StarRocksType timeType, Instant start, Instant end) {
        String tc = m.kind().timeColumn().orElseThrow();
        return List.of(
                Condition.atLeast(tc, literal(m, timeType, start)), Condition.lessThan(tc, literal(m, timeType, end)));
    }

    /** A time in a SQLMesh/strftime format such as {@code %Y-%m-%d}. */
    static String formatTime(String format, LocalDateTime at) {
        return format.replace("%Y", String.format(Locale.ROOT, "%04d", at.getYear()))
                .replace("%m", String.format(Locale.ROOT, "%02d", at.getMonthValue()))
                .replace("%d", String.format(Locale.ROOT, "%02d", at.getDayOfMonth()))
                .replace("%H", String.format(Locale.ROOT, "%02d", at.getHour()))
                .replace("%M", String.format(Locale.ROOT, "%02d", at.getMinute()))
                .replace("%S", String.format(Locale.ROOT, "%02d", at.getSecond()));
    }
}
