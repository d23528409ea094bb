package dev.quarry.replicate.load;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.RunException;
import dev.quarry.replicate.config.Mode;
import dev.quarry.replicate.config.SourceOption;
import dev.quarry.replicate.config.TargetOption;
import dev.quarry.replicate.plan.StreamPlan;
import dev.quarry.replicate.source.KeyRange;
import dev.quarry.replicate.source.MappedColumn;
import dev.quarry.replicate.source.ReadProgress;
import dev.quarry.replicate.source.ReadTotals;
import dev.quarry.replicate.source.Source;
import dev.quarry.replicate.source.SourceRead;
import dev.quarry.starrocks.ClusterProbe;
import dev.quarry.starrocks.ColumnSpec;
import dev.quarry.starrocks.Labels;
import dev.quarry.starrocks.LoadBody;
import dev.quarry.starrocks.LoadOptions;
import dev.quarry.starrocks.LoadResult;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksQueries;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StarRocksType;
import dev.quarry.starrocks.StreamLoadException;
import dev.quarry.starrocks.StreamLoadTransaction;
import dev.quarry.starrocks.StreamLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Incremental mode (docs/sling.md §2.3, docs/architecture.md §4): the checkpoint is MAX(update_key) read from the
 * target; the rows after it load straight into the target (upserts on a PRIMARY KEY table, appends otherwise) in
 * ONE Stream Load transaction however many chunks it takes, so an increment is visible entirely or not at all and
 * a failed run can simply run again. No new rows means no Stream Load call. A missing target is created by a full
 * refresh (staging table, then RENAME). Backfill runs the same way over {@code source_options.range} instead of
 * the checkpoint (one transaction for the range, or one per piece of source_options.chunk_size), and snapshot appends the
 * whole source with a {@code _sling_loaded_at} DATETIME column (the run's start in the target zone).
 */
final class Incremental {
    private final Source source;
    private final StarRocksSession target;
    private final StreamLoader loader;
    private final String runId;
    private final StarRocksDialect dialect;

    private final Instant loadedAt;
    private final ReadProgress progress;
    private final LoadListener listener;

    Incremental(
            Source source,
            StarRocksSession target,
            StreamLoader loader,
            String runId,
            StarRocksDialect dialect,
            Instant loadedAt,
            ReadProgress progress,
            LoadListener listener) {
        this.loadedAt = requireNonNull(loadedAt, "loadedAt is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.source = requireNonNull(source, "source is null");
        this.target = requireNonNull(target, "target is null");
        this.loader = requireNonNull(loader, "loader is null");
        this.runId = requireNonNull(runId, "runId is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    StreamResult run(StreamPlan plan) {
        long start = System.nanoTime();
        String database = plan.targetDatabase();
        String table = plan.object().table();
        FullRefresh full = new FullRefresh(source, target, loader, runId, dialect, loadedAt, progress, listener);
        if (!full.exists(database, table)) {
            StreamResult first = full.run(plan);
            return new StreamResult(
                    first.stream(),
                    first.target(),
                    plan.mode(),
                    first.rowsRead(),
                    first.rowsLoaded(),
                    first.bytes(),
                    first.loads(),
                    first.elapsed());
        }
        // pre_sql / post_sql frame the load in every mode (docs/sling.md §3.2); a new target ran them in full.run.
        full.runScript(plan.targetOptions().string(TargetOption.PRE_SQL), plan, "pre_sql");
        StreamResult result = increment(plan, database, table, start);
        full.runScript(plan.targetOptions().string(TargetOption.POST_SQL), plan, "post_sql");
        return result;
    }

    private StreamResult increment(StreamPlan plan, String database, String table, long start) {
        // The update_key's target type decides how its maximum is read back (see max()).
        boolean datetime = plan.updateKey()
                .flatMap(k ->
                        source.prepare(plan.readSpec(Optional.empty(), Optional.empty(), loadedAt)).columns().stream()
                                .filter(c -> c.name().equals(k))
                                .findFirst())
                .map(c -> c.type() == StarRocksType.Scalar.DATETIME)
                .orElse(false);
        // backfill reads its range (the source adds the predicate), snapshot everything: neither uses the checkpoint.
        Optional<String> checkpoint = plan.mode() != Mode.INCREMENTAL
                ? Optional.empty()
                : plan.updateKey().flatMap(k -> max(database, table, k, datetime));
        listener.info("stream " + plan.name() + ": checkpoint "
                + plan.updateKey()
                        .map(k -> k + " = " + checkpoint.orElse("(none: full read)"))
                        .orElse("(no update_key: full read, upsert)"));
        String chunkSize = plan.sourceOptions().string(SourceOption.CHUNK_SIZE);
        if (plan.mode() == Mode.BACKFILL && chunkSize != null) {
            String[] range = plan.sourceOptions().string(SourceOption.RANGE).split(",", -1);
            long rows = 0;
            long loaded = 0;
            long bytes = 0;
            int loads = 0;
            int number = 0;
            // Each piece commits on its own: a failure keeps the pieces before it, and a rerun upserts them again.
            for (KeyRange piece : KeyRange.split(range[0], range[1], chunkSize, plan.name())) {
                Load load = load(
                        plan,
                        database,
                        table,
                        source.prepare(plan.readSpec(Optional.empty(), Optional.of(piece), loadedAt)),
                        number++);
                rows += load.rows;
                loaded += load.loaded;
                bytes += load.bytes;
                loads += load.loads;
            }
            return new StreamResult(
                    plan.name(),
                    plan.object(),
                    plan.mode(),
                    rows,
                    loaded,
                    bytes,
                    loads,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        Load load =
                load(plan, database, table, source.prepare(plan.readSpec(checkpoint, Optional.empty(), loadedAt)), 0);
        return new StreamResult(
                plan.name(),
                plan.object(),
                plan.mode(),
                load.rows,
                load.loaded,
                load.bytes,
                load.loads,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Counts of one transaction's worth of rows. */
    private record Load(long rows, long loaded, long bytes, int loads) {}

    /** Whole-increment attempts when a load inside the transaction fails in a way worth retrying. */
    private static final int INCREMENT_ATTEMPTS = 4;

    /**
     * Reads {@code read} and loads it into the target in one Stream Load transaction (none for zero rows). The
     * StreamLoader does not resend a load inside a transaction (a half-sent one is ambiguous), so a transport error
     * or 5xx there rolls the transaction back and the whole increment is read and loaded again under a new label:
     * nothing of the failed attempt was visible, so nothing is duplicated. Failures at commit are not retried here
     * (the commit may have taken effect; StreamLoader already retries it under its label).
     */
    private Load load(StreamPlan plan, String database, String table, SourceRead uncased, int number) {
        SourceRead read = plan.cased(uncased);
        List<String> added = addNewColumns(plan, database, table, read);
        try {
            return loadWithRetries(plan, database, table, read, number);
        } catch (RuntimeException e) {
            // A failed run leaves the target as it was, its schema included: the columns added for this load go.
            dropAdded(plan, database, table, added, e);
            throw e;
        }
    }

    private Load loadWithRetries(StreamPlan plan, String database, String table, SourceRead read, int number) {
        for (int attempt = 1; ; attempt++) {
            String label = Labels.derive(database + "." + table, attempt == 1 ? runId : runId + "-a" + attempt, number);
            try {
                return attempt(plan, database, table, read, label);
            } catch (LoadRetry retry) {
                if (attempt >= INCREMENT_ATTEMPTS) {
                    throw new RunException("stream " + plan.name() + ": "
                            + retry.getCause().getMessage() + " (increment tried " + attempt + " times)");
                }
                listener.warning(
                        "stream " + plan.name() + ": " + retry.getCause().getMessage()
                                + "; the transaction was rolled back," + " loading the increment again");
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RunException("stream " + plan.name() + ": interrupted");
                }
            }
        }
    }

    /** A retryable failure of a load inside the transaction (carried as the cause). */
    private static final class LoadRetry extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoadRetry(StreamLoadException cause) {
            super(cause);
        }
    }

    private Load attempt(StreamPlan plan, String database, String table, SourceRead read, String label) {
        LoadOptions options = CsvFraming.loadOptions(read.columnNames())
                .withMaxFilterRatio((Double) plan.targetOptions().get(TargetOption.MAX_FILTER_RATIO))
                .withStrictMode(plan.targetOptions().bool(TargetOption.STRICT_MODE));
        StreamLoadTransaction[] txn = {null};
        ReadTotals totals;
        try {
            totals = source.read(
                    read,
                    plan.targetOptions().integer(TargetOption.FILE_MAX_ROWS),
                    plan.targetOptions().integer(TargetOption.FILE_MAX_BYTES),
                    progress,
                    (chunk, rows) -> {
                        byte[] body = rows.readAllBytes();
                        if (txn[0] == null) {
                            txn[0] = loader.beginTransaction(database, table, label, options);
                        }
                        try {
                            txn[0].load(LoadBody.of(body));
                        } catch (StreamLoadException e) {
                            if (e.retryable()) {
                                throw new LoadRetry(e);
                            }
                            throw e;
                        }
                        listener.chunkLoaded(chunk);
                    });
            totals.warnings().forEach(listener::warning);
            long loaded = 0;
            if (txn[0] != null) {
                LoadResult result;
                try {
                    result = txn[0].commit();
                } catch (StreamLoadException e) {
                    if (!e.labelAlreadyCommitted()) {
                        throw e;
                    }
                    result = null;
                }
                loaded = result == null
                        ? totals.rows()
                        : result.counts().map(LoadResult.Counts::loadedRows).orElse(totals.rows());
                double ratio = (Double) plan.targetOptions().get(TargetOption.MAX_FILTER_RATIO);
                if (ratio > 0 && loaded < totals.rows()) {
                    listener.warning("stream " + plan.name() + ": StarRocks filtered " + (totals.rows() - loaded)
                            + " of " + totals.rows() + " rows (max_filter_ratio " + ratio + ")");
                } else if (loaded != totals.rows()) {
                    throw new RunException("stream " + plan.name() + ": read " + totals.rows()
                            + " rows but StarRocks loaded " + loaded + " into " + plan.object());
                }
            }
            return new Load(totals.rows(), loaded, totals.bytes(), txn[0] == null ? 0 : 1);
        } finally {
            if (txn[0] != null) {
                txn[0].close();
            }
        }
    }

    /**
     * MAX(update_key) on the target; empty for an empty table. A DATETIME is formatted with its microseconds
     * ({@code %f}): printed plainly it may drop them, and a checkpoint that is too low re-reads rows, which an
     * append-only target would then hold twice.
     */
    private Optional<String> max(String database, String table, String column, boolean datetime) {
        try {
            return target.queryValue(StarRocksQueries.selectMax(database, table, column, datetime));
        } catch (RunException e) {
            throw new RunException("reading the checkpoint MAX(" + column + ") of " + database + "." + table
                    + " failed: " + e.getMessage());
        }
    }

    /**
     * With adjust_column_type, target columns narrower than their source column are widened (ALTER TABLE MODIFY
     * COLUMN, awaited like ADD COLUMN) before the load, so that values that grew still load (docs/sling.md §3.2).
     */
    private void adjustColumnTypes(StreamPlan plan, String database, String table, SourceRead read) {
        java.util.Map<String, dev.quarry.starrocks.ColumnSpec> current =
                new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        target.catalog().columns(database, table).orElse(java.util.List.of()).forEach(c -> current.put(c.name(), c));
        dev.quarry.starrocks.ClusterProbe probe = target.probe();
        for (MappedColumn c : read.columns()) {
            dev.quarry.starrocks.ColumnSpec now = current.get(c.name());
            if (now == null) {
                continue;
            }
            java.util.Optional<StarRocksType> wider = ColumnWidening.widen(now.type(), c.type());
            if (wider.isEmpty()) {
                continue;
            }
            String ddl = dialect.modifyColumn(
                    database,
                    table,
                    dev.quarry.starrocks.ColumnSpec.of(now.name(), wider.get()).withNullable(now.nullable()));
            try {
                target.execute(ddl);
            } catch (RunException e) {
                throw new RunException("stream " + plan.name() + ": widening column " + now.name() + " of "
                        + plan.object() + " to " + wider.get() + " (adjust_column_type) failed: " + e.getMessage());
            }
            probe.awaitSchemaChange(database, table, Duration.ofMinutes(30));
            listener.info("stream " + plan.name() + ": widened column " + now.name() + " of " + plan.object() + " to "
                    + wider.get() + " (adjust_column_type)");
        }
    }

    /**
     * Source columns the target lacks are added (nullable: StarRocks refuses to add a NOT NULL column without a
     * default) and the asynchronous schema change is awaited, when add_new_columns is on (the default); when it
     * is off they are an error, since loading them would fail and dropping them would lose data silently.
     */
    private List<String> addNewColumns(StreamPlan plan, String database, String table, SourceRead read) {
        Set<String> existing = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        try {
            existing.addAll(target.catalog().columnNames(database, table));
        } catch (RunException e) {
            throw new RunException("reading the columns of " + database + "." + table + " failed: " + e.getMessage());
        }
        List<MappedColumn> missing = read.columns().stream()
                .filter(c -> !existing.contains(c.name()))
                .toList();
        if (plan.targetOptions().bool(TargetOption.ADJUST_COLUMN_TYPE)) {
            adjustColumnTypes(plan, database, table, read);
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        List<String> names = missing.stream().map(MappedColumn::name).toList();
        if (!plan.targetOptions().bool(TargetOption.ADD_NEW_COLUMNS)) {
            throw new RunException(
                    "stream " + plan.name() + ": the source has columns " + names + " that " + plan.object()
                            + " lacks; set target_options.add_new_columns: true or leave them out with select: [\"*\", \"-col\"]");
        }
        ClusterProbe probe = target.probe();
        List<String> added = new ArrayList<>();
        for (MappedColumn c : missing) {
            String ddl = dialect.addColumn(database, table, ColumnSpec.of(c.name(), c.type()));
            try {
                target.execute(ddl);
                added.add(c.name());
                probe.awaitSchemaChange(database, table, Duration.ofMinutes(30));
            } catch (RunException e) {
                RunException failed = new RunException("stream " + plan.name() + ": adding column " + c.name() + " to "
                        + plan.object() + " failed: " + e.getMessage());
                dropAdded(plan, database, table, added, failed);
                throw failed;
            }
        }
        listener.info("stream " + plan.name() + ": added columns " + names + " to " + plan.object());
        return added;
    }

    /**
     * Drops the columns this run added, newest first, after {@code failure}; a drop that fails too is reported with
     * the failure (as a suppressed error and a warning naming the statement to run), never instead of it.
     */
    private void dropAdded(StreamPlan plan, String database, String table, List<String> added, Exception failure) {
        if (added.isEmpty()) {
            return;
        }
        ClusterProbe probe = target.probe();
        for (int i = added.size() - 1; i >= 0; i--) {
            String column = added.get(i);
            String ddl = dialect.dropColumn(database, table, column);
            try {
                target.execute(ddl);
                probe.awaitSchemaChange(database, table, Duration.ofMinutes(30));
            } catch (RunException e) {
                failure.addSuppressed(e);
                listener.warning("stream " + plan.name() + ": the load failed and column " + column
                        + " it added to " + plan.object() + " could not be dropped (" + e.getMessage()
                        + "); run: " + ddl);
                return;
            }
        }
        listener.info("stream " + plan.name() + ": the load failed; dropped the columns " + added + " it had added to "
                + plan.object());
    }
}
