package dev.quarry.models;

import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.starrocks.ClusterProbe;
import dev.quarry.starrocks.ColumnSpec;
import dev.quarry.starrocks.Condition;
import dev.quarry.starrocks.Literal;
import dev.quarry.starrocks.LoadBody;
import dev.quarry.starrocks.LoadOptions;
import dev.quarry.starrocks.LoadResult;
import dev.quarry.starrocks.PartitionSpec;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksType;
import dev.quarry.starrocks.StreamLoader;
import dev.quarry.starrocks.TableSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Carries out a {@link Plan} on StarRocks, statement by statement through StarRocksDialect:
 * <ul>
 *   <li>FULL: the query goes into a staging table, then {@code ALTER TABLE ... SWAP WITH} exchanges it with the
 *       live table, atomically; readers see the old rows or the new ones, never an empty table
 *       (docs/sqlmesh.md §5.5, SQLMesh #5585).</li>
 *   <li>INCREMENTAL_BY_TIME_RANGE: per batch of {@code batch_size} intervals, {@code INSERT OVERWRITE} with
 *       {@code dynamic_overwrite} replaces exactly the partitions the batch covers where the table is partitioned by
 *       the time column; otherwise {@code DELETE ... WHERE t >= s AND t < e} (never BETWEEN, docs/sqlmesh.md §9) plus INSERT on the
 *       PRIMARY KEY table.</li>
 *   <li>INCREMENTAL_BY_UNIQUE_KEY: INSERT into the PRIMARY KEY table, which upserts natively; rows are
 *       deduplicated within the batch with ROW_NUMBER over the key.</li>
 *   <li>INCREMENTAL_UNMANAGED: INSERT (INSERT OVERWRITE with {@code insert_overwrite true}).</li>
 *   <li>VIEW: CREATE OR REPLACE VIEW; materialized: created once, then {@code REFRESH ... WITH SYNC MODE}.</li>
 *   <li>SEED: Stream Load of the CSV.</li>
 * </ul>
 * Independent models run in parallel ({@code concurrent_tasks}), each on its own session; a model starts when
 * everything it reads is done. The state records each finished step (snapshot, intervals) at once, so a crash
 * leaves it consistent and the next plan resumes; the environment is switched only after every step succeeded.
 */
public final class Executor {
    private final Project project;
    private final ConnectionSpec gateway;
    private final StateStore store;
    private final int concurrency;
    private final Consumer<String> progress;
    /** Rendering for the cluster's release, once probed; SQL for the newest release until then (dry run without a cluster). */
    private volatile StarRocksDialect dialect = StarRocksDialect.latest();
    private final Map<String, Fingerprint> fingerprints;
    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakParallel = new AtomicInteger();
    private volatile OptionalInt replicationNum = OptionalInt.empty();

    /**
     * @param gateway the StarRocks connection models run on
     * @param concurrency how many models may run at once
     * @param progress one line per finished model and audit
     */
    public Executor(Project project, ConnectionSpec gateway, StateStore store, int concurrency, Consumer<String> progress) {
        this.project = project;
        this.gateway = gateway;
        this.store = store;
        this.concurrency = Math.max(1, concurrency);
        this.progress = progress;
        this.fingerprints = Fingerprints.of(project);
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
        List<String> built = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger audits = new AtomicInteger();
        probeCluster(false);
        runSteps(plan, built, audits);
        if (!plan.repointed().isEmpty() || !plan.dropped().isEmpty() || !plan.changes().isEmpty()
                || plan.basedOn().isEmpty()) {
            try (Warehouse w = Warehouse.of(gateway.open(), statements)) {
                promote(plan, w);
            }
        }
        return new Result(built, audits.get(), statements.get(), peakParallel.get());
    }

    /** Every statement {@link #apply} would send, in order, without changing anything (reads may run). */
    public List<String> dryRun(Plan plan) {
        List<String> out = new ArrayList<>();
        Connection[] reader = new Connection[1];
        boolean[] tried = new boolean[1];
        try (Warehouse w = Warehouse.recording(out, () -> {
            if (!tried[0]) {
                tried[0] = true;
                try {
                    reader[0] = gateway.open();
                } catch (RunException e) {
                    Log.warn("dry run without a connection (" + e.getMessage() + "): column lists of new tables are not shown");
                }
            }
            return Optional.ofNullable(reader[0]);
        })) {
            probeCluster(true);
            for (Plan.Step step : plan.steps()) {
                out.add("-- " + step.model());
                buildStep(plan, step, w, new AtomicInteger());
            }
            out.add("-- environment " + plan.environment());
            promote(plan, w);
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

    private void runSteps(Plan plan, List<String> built, AtomicInteger audits) {
        if (plan.steps().isEmpty()) {
            return;
        }
        Set<String> stepNames = new LinkedHashSet<>();
        plan.steps().forEach(s -> stepNames.add(s.model()));
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, plan.steps().size()), r -> {
            Thread t = new Thread(r, "quarry-model");
            t.setDaemon(true);
            return t;
        });
        Map<String, CompletableFuture<Void>> futures = new LinkedHashMap<>();
        try {
            for (Plan.Step step : plan.steps()) {
                List<CompletableFuture<Void>> deps = new ArrayList<>();
                for (String up : ancestors(step.model())) {
                    if (stepNames.contains(up)) {
                        deps.add(futures.get(up));
                    }
                }
                CompletableFuture<Void> f = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new)).thenRunAsync(() -> {
                    long t0 = System.nanoTime();
                    peakParallel.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try (Warehouse w = Warehouse.of(gateway.open(), statements)) {
                        buildStep(plan, step, w, audits);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    built.add(step.model());
                    progress.accept("built " + step.model() + describe(step) + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                }, pool);
                futures.put(step.model(), f);
            }
            List<String> failures = new ArrayList<>();
            RuntimeException first = null;
            for (Map.Entry<String, CompletableFuture<Void>> e : futures.entrySet()) {
                try {
                    e.getValue().join();
                } catch (CompletionException ex) {
                    Throwable cause = ex.getCause() == null ? ex : ex.getCause();
                    if (cause instanceof CompletionException nested && nested.getCause() != null) {
                        cause = nested.getCause();
                    }
                    boolean skipped = first != null && cause == first;
                    if (!skipped) {
                        failures.add(e.getKey() + ": " + cause.getMessage());
                        if (first == null) {
                            first = cause instanceof RuntimeException r ? r : new RunException(String.valueOf(cause.getMessage()), cause);
                        }
                    }
                }
            }
            if (first != null) {
                String others = failures.size() > 1 ? " (and " + (failures.size() - 1) + " more failures)" : "";
                if (first instanceof dev.quarry.starrocks.InvalidSpecException) {
                    throw new dev.quarry.core.ConfigException("model " + failures.get(0) + others, first);
                }
                if (first instanceof dev.quarry.core.QuarryException) {
                    throw first instanceof dev.quarry.core.ConfigException c ? c
                            : new RunException("model " + failures.get(0) + others, first);
                }
                throw new RunException("model " + failures.get(0) + others, first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Set<String> ancestors(String model) {
        Set<String> out = new LinkedHashSet<>();
        List<String> stack = new ArrayList<>(project.dag().upstream(model));
        while (!stack.isEmpty()) {
            String m = stack.remove(stack.size() - 1);
            if (out.add(m)) {
                stack.addAll(project.dag().upstream(m));
            }
        }
        return out;
    }

    private static String describe(Plan.Step step) {
        return step.intervals().isEmpty() ? "" : " (" + step.intervals().size() + (step.intervals().size() == 1 ? " interval)" : " intervals)");
    }

    // ------------------------------------------------------------------ one model

    private void buildStep(Plan plan, Plan.Step step, Warehouse w, AtomicInteger audits) {
        Model m = project.models().get(step.model());
        String db = PhysicalNames.physicalDatabase(m);
        String table = PhysicalNames.physicalTable(m, version(step.fingerprint()));
        w.execute(dialect.createDatabase(db, true));
        Kind kind = m.kind();
        Instant now = plan.executionTime();
        Instant viewStart = IntervalUnit.DAY.floor(now).minus(1, ChronoUnit.DAYS);
        Instant viewEnd = IntervalUnit.DAY.floor(now);
        switch (kind.kind()) {
            case VIEW -> {
                Renderer.Rendered r = render(plan, m, viewStart, viewEnd, StarRocksDialect.qualified(db, table));
                r.preStatements().forEach(w::execute);
                if (kind.isMaterializedView()) {
                    if (step.create()) {
                        w.execute(dialect.createMaterializedView(StarRocksSpecs.materializedView(m, db, table,
                                r.query().orElseThrow(), replicationNum(w)), true));
                    }
                    w.execute(dialect.refreshMaterializedView(db, table, true));
                } else {
                    w.execute(dialect.createView(StarRocksSpecs.view(m, db, table, r.query().orElseThrow()), true));
                }
                r.postStatements().forEach(w::execute);
                recordSnapshot(w, m);
                runAudits(plan, m, w, StarRocksDialect.qualified(db, table), viewStart, viewEnd, audits);
            }
            case SEED -> {
                loadSeed(m, db, table, w);
                recordSnapshot(w, m);
                runAudits(plan, m, w, StarRocksDialect.qualified(db, table), viewStart, viewEnd, audits);
            }
            default -> buildTable(plan, step, m, db, table, w, audits);
        }
    }

    private void buildTable(Plan plan, Plan.Step step, Model m, String db, String table, Warehouse w, AtomicInteger audits) {
        List<StateStore.Interval> intervals = step.intervals();
        Instant first = intervals.isEmpty() ? IntervalUnit.DAY.floor(plan.executionTime()).minus(1, ChronoUnit.DAYS)
                : intervals.get(0).start();
        Instant last = intervals.isEmpty() ? IntervalUnit.DAY.floor(plan.executionTime()) : intervals.get(intervals.size() - 1).end();
        String physical = StarRocksDialect.qualified(db, table);
        Renderer.Rendered probe = render(plan, m, first, last, physical);
        boolean wholeRange = !m.kind().kind().isTimeRange();
        if (wholeRange) {
            // Pre-statements may create what the query reads, so they run before its columns are read.
            probe.preStatements().forEach(w::execute);
        }
        Optional<List<ColumnSpec>> columns = m.columns().isEmpty() ? w.columns(probe.query().orElseThrow())
                : Optional.of(StarRocksSpecs.declaredColumns(m));
        if (step.create()) {
            if (columns.isPresent()) {
                w.execute(dialect.createTable(tableSpec(m, db, table, columns.get(), w), true));
            } else {
                w.execute("-- CREATE TABLE IF NOT EXISTS " + physical + " (columns of the query, known once what it reads exists)");
            }
            recordSnapshot(w, m);
        }
        List<String> names = columns.map(cs -> cs.stream().map(ColumnSpec::name).toList()).orElse(List.of());
        switch (m.kind().kind()) {
            case FULL -> {
                String staging = PhysicalNames.fit(table + "__staging");
                Renderer.Rendered r = probe;
                w.execute(dialect.dropTable(db, staging, true));
                w.execute(dialect.createTableLike(db, staging, db, table, false));
                w.execute(dialect.insertInto(db, staging, Optional.empty(), names, r.query().orElseThrow()));
                w.execute(dialect.swapTable(db, table, staging));
                w.execute(dialect.dropTable(db, staging, true));
                reactivateMaterializedViews(plan, m, w);
                r.postStatements().forEach(w::execute);
                recordInterval(w, m, first, last);
            }
            case INCREMENTAL_BY_TIME_RANGE -> {
                int batch = m.kind().batchSize().orElse(Math.max(1, intervals.size()));
                StarRocksType timeType = columns.flatMap(cs -> cs.stream()
                        .filter(c -> c.name().equalsIgnoreCase(m.kind().timeColumn().orElseThrow())).findFirst())
                        .map(ColumnSpec::type).orElse(StarRocksType.Scalar.DATETIME);
                for (int i = 0; i < intervals.size(); i += batch) {
                    List<StateStore.Interval> part = intervals.subList(i, Math.min(intervals.size(), i + batch));
                    Instant s = part.get(0).start();
                    Instant e = part.get(part.size() - 1).end();
                    timeRangeBatch(plan, m, db, table, names, timeType, s, e, w);
                    recordInterval(w, m, s, e);
                }
            }
            case INCREMENTAL_BY_UNIQUE_KEY -> {
                Renderer.Rendered r = probe;
                String key = String.join(", ", m.kind().uniqueKey().stream().map(StarRocksDialect::quote).toList());
                String cols = names.isEmpty() ? "*" : String.join(", ", names.stream().map(StarRocksDialect::quote).toList());
                // StarRocks upserts by primary key; two rows with one key in one INSERT would leave an arbitrary one.
                String dedup = "SELECT " + cols + " FROM (\n  SELECT *, ROW_NUMBER() OVER (PARTITION BY " + key + " ORDER BY " + key
                        + ") AS __quarry_rn\n  FROM (\n" + r.query().orElseThrow() + "\n  ) AS __quarry_src\n) AS __quarry_dedup\nWHERE __quarry_rn = 1";
                w.execute(dialect.insertInto(db, table, Optional.empty(), names, dedup));
                r.postStatements().forEach(w::execute);
                recordInterval(w, m, first, last);
            }
            case INCREMENTAL_UNMANAGED -> {
                Renderer.Rendered r = probe;
                if (m.kind().insertOverwrite()) {
                    w.execute(dialect.insertOverwrite(db, table, List.of(), Optional.empty(), names, r.query().orElseThrow()));
                } else {
                    w.execute(dialect.insertInto(db, table, Optional.empty(), names, r.query().orElseThrow()));
                }
                r.postStatements().forEach(w::execute);
                recordInterval(w, m, first, last);
            }
            default -> throw new IllegalStateException("no table build for kind " + m.kind().kind());
        }
        String audited = physical;
        if (m.kind().kind().isTimeRange()) {
            StarRocksType timeType = columns.flatMap(cs -> cs.stream()
                    .filter(c -> c.name().equalsIgnoreCase(m.kind().timeColumn().orElseThrow())).findFirst())
                    .map(ColumnSpec::type).orElse(StarRocksType.Scalar.DATETIME);
            String tc = StarRocksDialect.quote(m.kind().timeColumn().orElseThrow());
            // SQLMesh audits an incremental model's processed intervals only (docs/sqlmesh.md §6).
            audited = "(SELECT * FROM " + physical + " WHERE " + tc + " >= " + timeLiteral(m, timeType, first) + " AND " + tc + " < "
                    + timeLiteral(m, timeType, last) + ")";
        }
        runAudits(plan, m, w, audited, first, last, audits);
    }

    private void timeRangeBatch(Plan plan, Model m, String db, String table, List<String> names, StarRocksType timeType,
                                Instant s, Instant e, Warehouse w) {
        String physical = StarRocksDialect.qualified(db, table);
        Renderer.Rendered r = render(plan, m, s, e, physical);
        String tc = m.kind().timeColumn().orElseThrow();
        // SQLMesh also filters the query's output to the interval, so rows outside it never land (docs/sqlmesh.md §2.3).
        String filtered = "SELECT * FROM (\n" + r.query().orElseThrow() + "\n) AS __quarry_batch\nWHERE " + StarRocksDialect.quote(tc)
                + " >= " + timeLiteral(m, timeType, s) + " AND " + StarRocksDialect.quote(tc) + " < " + timeLiteral(m, timeType, e);
        r.preStatements().forEach(w::execute);
        if (overwritesPartitions(m, timeType, s, e)) {
            // Only the partitions the new rows fall into are replaced (StarRocks >= 3.4, docs/starrocks.md §5.2).
            w.execute(dialect.setDynamicOverwrite(true));
            w.execute(dialect.insertOverwrite(db, table, List.of(), Optional.empty(), names, filtered));
            w.execute(dialect.setDynamicOverwrite(false));
        } else {
            boolean primary = m.layout().key().map(k -> k.type() == PhysicalLayout.KeyType.PRIMARY).orElse(false);
            if (!primary) {
                throw new RunException("model " + m.name() + ": the batch " + s + " .. " + e + " does not cover whole partitions of "
                        + tc + " and the table has no PRIMARY KEY to DELETE from; use a batch aligned with the partitioning");
            }
            w.execute(dialect.delete(db, table, List.of(Condition.atLeast(tc, literal(m, timeType, s)),
                    Condition.lessThan(tc, literal(m, timeType, e)))));
            w.execute(dialect.insertInto(db, table, Optional.empty(), names, filtered));
        }
        r.postStatements().forEach(w::execute);
    }

    /**
     * SWAP sets the materialized views over the swapped table inactive (docs/starrocks.md §5.1, ALTER TABLE SWAP);
     * the ones Quarry built over this model are made active again.
     */
    private void reactivateMaterializedViews(Plan plan, Model m, Warehouse w) {
        for (String name : project.dag().downstream(m.name())) {
            Model down = project.models().get(name);
            String fp = plan.snapshots().get(name);
            boolean built;
            synchronized (store) {
                built = fp != null && store.snapshot(name, fp).isPresent();
            }
            if (down != null && down.kind().isMaterializedView() && built) {
                w.execute(dialect.activateMaterializedView(PhysicalNames.physicalDatabase(down),
                        PhysicalNames.physicalTable(down, version(fp))));
            }
        }
    }

    /**
     * Whether the table is partitioned by the time column so that {@code [s, e)} covers whole partitions: then an
     * INSERT OVERWRITE of the touched partitions replaces the batch atomically.
     */
    static boolean overwritesPartitions(Model m, StarRocksType timeType, Instant s, Instant e) {
        Optional<PhysicalLayout.Partitioning> p = m.layout().partitioning();
        if (p.isEmpty() || !(p.get() instanceof PhysicalLayout.Partitioning.Expressions exprs) || exprs.expressions().size() != 1) {
            return false;
        }
        String tc = m.kind().timeColumn().orElseThrow();
        PartitionSpec.PartitionExpr expr = StarRocksSpecs.expression(m.name(), m.location(), exprs.expressions().get(0));
        if (expr instanceof PartitionSpec.PartitionExpr.Column c) {
            // One partition per value: a DATE column's partitions are days.
            return c.column().equalsIgnoreCase(tc) && (timeType != StarRocksType.Scalar.DATE || aligned(ChronoUnit.DAYS, s, e));
        }
        if (expr instanceof PartitionSpec.PartitionExpr.DateTrunc d && d.column().equalsIgnoreCase(tc)) {
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

    private static String timeLiteral(Model m, StarRocksType type, Instant t) {
        return literal(m, type, t).toString();
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

    private TableSpec tableSpec(Model m, String db, String table, List<ColumnSpec> columns, Warehouse w) {
        List<ColumnSpec> cols = new ArrayList<>(columns);
        Optional<PhysicalLayout.TableKey> key = m.layout().key();
        if (key.isPresent() && key.get().type() == PhysicalLayout.KeyType.PRIMARY) {
            // Primary key columns are NOT NULL in StarRocks.
            for (int i = 0; i < cols.size(); i++) {
                ColumnSpec c = cols.get(i);
                if (key.get().columns().stream().anyMatch(k -> k.equalsIgnoreCase(c.name()))) {
                    cols.set(i, c.notNull());
                }
            }
        }
        TableSpec spec = StarRocksSpecs.table(m, db, table, cols);
        OptionalInt rep = replicationNum(w);
        return rep.isPresent() ? spec.withDefaultReplicationNum(rep.getAsInt()) : spec;
    }

    /** The cluster's {@code replication_num} for objects that set none: min(alive backends, FE default). */
    private OptionalInt replicationNum(Warehouse w) {
        return replicationNum;
    }

    /**
     * Reads the cluster's release (so SQL is rendered for it, e.g. SECURITY on views needs 3.4) and the
     * replication_num tables get when they set none (docs/starrocks.md §3.8). A dry run without a reachable cluster
     * renders for the newest release and leaves replication_num out.
     */
    private void probeCluster(boolean dryRun) {
        try (Connection c = gateway.open()) {
            ClusterProbe probe = ClusterProbe.of(c);
            dialect = StarRocksDialect.forVersion(probe.version());
            replicationNum = OptionalInt.of(probe.defaultReplicationNum());
        } catch (java.sql.SQLException | RunException e) {
            if (!dryRun) {
                throw e instanceof RunException re ? re : new RunException("cannot probe " + gateway.describe() + ": " + e.getMessage(), e);
            }
            Log.debug("dry run without probing the cluster: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ seeds

    private void loadSeed(Model m, String db, String table, Warehouse w) {
        Path csv = project.seedFile(m);
        Seed seed = Seed.read(m, csv);
        List<ColumnSpec> columns = m.columns().isEmpty() ? seed.columns() : StarRocksSpecs.declaredColumns(m);
        w.execute(dialect.createTable(tableSpec(m, db, table, columns, w), true));
        // A retried load must not double the rows: the table is emptied first (TRUNCATE: works for every table type).
        w.execute(dialect.truncateTable(db, table));
        if (w.dryRun()) {
            w.execute("-- Stream Load " + csv.getFileName() + " (" + seed.rows() + " rows) into " + StarRocksDialect.qualified(db, table));
            return;
        }
        if (seed.rows() == 0) {
            return;
        }
        StreamLoader loader = StreamLoader.builder(gateway.feUrl(), gateway.user(), gateway.password()).build();
        LoadOptions options = LoadOptions.csv().withColumnSeparator(seed.delimiter()).withEnclose('"')
                .withColumns(seed.header());
        String label = ("quarry_seed_" + table + "_" + System.currentTimeMillis());
        LoadResult result = loader.load(db, table, label.length() > 128 ? label.substring(label.length() - 128) : label, options,
                LoadBody.of(seed.body()));
        progress.accept("loaded seed " + m.name() + ": " + result.counts().map(c -> c.loadedRows() + " rows").orElse(result.message()));
    }

    /** A seed CSV: header, body without the header, and column types inferred from the values. */
    record Seed(List<String> header, byte[] body, int rows, String delimiter, List<ColumnSpec> columns) {
        static Seed read(Model m, Path csv) {
            String text;
            try {
                text = Files.readString(csv, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ModelException(m.location(), "model " + m.name() + ": cannot read seed file " + csv + ": " + e.getMessage());
            }
            String delimiter = m.kind().csvSettings().getOrDefault("delimiter", ",").replace("'", "");
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) {
                throw new ModelException(m.location(), "model " + m.name() + ": seed file " + csv + " is empty (it needs a header line)");
            }
            List<String> header = split(lines.get(0), delimiter).stream().map(String::strip).toList();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                List<String> row = split(lines.get(i), delimiter);
                if (row.size() != header.size()) {
                    throw new ModelException(m.location(), "model " + m.name() + ": " + csv.getFileName() + " line " + (i + 1) + " has "
                            + row.size() + " fields, the header " + header.size());
                }
                rows.add(row);
            }
            List<ColumnSpec> columns = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                int col = c;
                columns.add(ColumnSpec.of(header.get(c), StarRocksType.parse(inferType(rows.stream().map(r -> r.get(col)).toList()))));
            }
            String body = String.join("\n", lines.subList(1, lines.size())) + "\n";
            return new Seed(header, body.getBytes(StandardCharsets.UTF_8), rows.size(), delimiter, columns);
        }

        private static String inferType(List<String> values) {
            List<String> present = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
            if (present.isEmpty()) {
                return "VARCHAR(" + StarRocksType.STRING_LENGTH + ")";
            }
            if (present.stream().allMatch(v -> v.matches("-?\\d{1,18}"))) {
                return "BIGINT";
            }
            if (present.stream().allMatch(v -> v.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?"))) {
                return "DOUBLE";
            }
            if (present.stream().allMatch(v -> v.matches("\\d{4}-\\d{2}-\\d{2}"))) {
                return "DATE";
            }
            if (present.stream().allMatch(v -> v.matches("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?"))) {
                return "DATETIME";
            }
            if (present.stream().allMatch(v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
                return "BOOLEAN";
            }
            return "VARCHAR(" + StarRocksType.STRING_LENGTH + ")";
        }

        /** Splits one CSV line, honouring double quotes (a doubled quote is a quote). */
        static List<String> split(String line, String delimiter) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cur.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (line.startsWith(delimiter, i)) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    i += delimiter.length() - 1;
                } else {
                    cur.append(c);
                }
            }
            out.add(cur.toString());
            return out;
        }
    }

    // ------------------------------------------------------------------ audits

    private void runAudits(Plan plan, Model m, Warehouse w, String target, Instant start, Instant end, AtomicInteger audits) {
        for (AuditCall call : m.audits()) {
            Audits.Query q = Audits.of(project, m, call, target, context(plan, m, start, end, target));
            long violations = w.count(q.sql());
            audits.incrementAndGet();
            if (violations > 0) {
                String message = "audit " + q.name() + " of model " + m.name() + " failed: " + violations
                        + (violations == 1 ? " row violates it" : " rows violate it");
                if (q.blocking()) {
                    throw new RunException(message);
                }
                Log.warn(message + " (non-blocking)");
            } else if (!w.dryRun()) {
                progress.accept("audit " + q.name() + " of " + m.name() + " passed");
            }
        }
    }

    // ------------------------------------------------------------------ environment

    private void promote(Plan plan, Warehouse w) {
        Set<String> databases = new LinkedHashSet<>();
        for (String name : plan.repointed()) {
            Model m = project.models().get(name);
            String envDb = PhysicalNames.environmentDatabase(m, plan.environment());
            if (databases.add(envDb)) {
                w.execute(dialect.createDatabase(envDb, true));
            }
            String physical = PhysicalNames.qualifiedPhysical(m, version(plan.snapshots().get(name)));
            w.execute(dialect.createView(StarRocksSpecs.view(m, envDb, m.table(), "SELECT * FROM " + physical), true));
        }
        for (String name : plan.dropped()) {
            int dot = name.lastIndexOf('.');
            String envDb = PhysicalNames.environmentDatabase(name.substring(0, Math.max(0, dot)), plan.environment());
            w.execute(dialect.dropView(envDb, name.substring(dot + 1), true));
        }
        if (w.dryRun()) {
            return;
        }
        synchronized (store) {
            for (Map.Entry<String, String> e : plan.snapshots().entrySet()) {
                Model m = project.models().get(e.getKey());
                Fingerprint fp = fingerprints.get(e.getKey());
                if (m != null && fp != null && fp.data().equals(e.getValue())) {
                    store.putSnapshot(Changes.snapshot(project, m, fp));
                }
            }
            store.promote(plan.environment(), plan.planId(), plan.basedOn(), plan.snapshots());
        }
        progress.accept("environment " + plan.environment() + " updated: " + plan.repointed().size() + " views (re)pointed, "
                + plan.dropped().size() + " dropped");
    }

    // ------------------------------------------------------------------ rendering

    private Renderer.Rendered render(Plan plan, Model m, Instant start, Instant end, String thisModel) {
        MacroContext ctx = context(plan, m, start, end, thisModel);
        Renderer.Rendered r = Renderer.render(m, ctx);
        Map<String, String> targets = targets(plan, start, end);
        Optional<String> query = r.query().map(q -> Renderer.resolveTables(Renderer.withoutTrailingSemicolons(q), targets));
        return new Renderer.Rendered(r.preStatements().stream().map(s -> Renderer.resolveTables(Renderer.withoutTrailingSemicolons(s), targets)).toList(), query,
                r.postStatements().stream().map(s -> Renderer.resolveTables(Renderer.withoutTrailingSemicolons(s), targets)).toList());
    }

    private MacroContext context(Plan plan, Model m, Instant start, Instant end, String thisModel) {
        Map<String, Object> vars = new LinkedHashMap<>(project.config().variables());
        String gatewayName = project.config().defaultGateway().orElse("");
        project.config().defaultGateway().map(g -> project.config().gateways().get(g)).ifPresent(g -> vars.putAll(g.variables()));
        return new MacroContext(start, end, plan.executionTime(), thisModel, vars, gatewayName);
    }

    /** What each model name in a query stands for: physical objects, and EMBEDDED models' queries inlined. */
    private Map<String, String> targets(Plan plan, Instant start, Instant end) {
        Map<String, String> out = new HashMap<>();
        for (String name : project.dag().order()) {
            Model m = project.models().get(name);
            String fp = plan.snapshots().getOrDefault(name, fingerprints.get(name).data());
            switch (m.kind().kind()) {
                case EXTERNAL -> {
                }
                case EMBEDDED -> {
                    MacroContext ctx = context(plan, m, start, end, name);
                    String q = Renderer.render(m, ctx).query().orElseThrow();
                    out.put(name, "(" + Renderer.resolveTables(Renderer.withoutTrailingSemicolons(q), out) + ")");
                }
                default -> out.put(name, PhysicalNames.qualifiedPhysical(m, version(fp)));
            }
        }
        return out;
    }

    private void recordSnapshot(Warehouse w, Model m) {
        if (!w.dryRun()) {
            synchronized (store) {
                store.putSnapshot(Changes.snapshot(project, m, fingerprints.get(m.name())));
            }
        }
    }

    private void recordInterval(Warehouse w, Model m, Instant s, Instant e) {
        if (!w.dryRun() && e.isAfter(s)) {
            synchronized (store) {
                store.addInterval(m.name(), fingerprints.get(m.name()).data(), new StateStore.Interval(s, e));
            }
        }
    }

    static String version(String fingerprint) {
        return fingerprint.substring(0, 10);
    }
}
