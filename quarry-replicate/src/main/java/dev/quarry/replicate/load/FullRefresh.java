package dev.quarry.replicate.load;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.RunException;
import dev.quarry.core.sql.SqlScript;
import dev.quarry.replicate.config.Mode;
import dev.quarry.replicate.config.ReplicationConfigException;
import dev.quarry.replicate.config.TargetOption;
import dev.quarry.replicate.plan.StreamPlan;
import dev.quarry.replicate.plan.TargetTable;
import dev.quarry.replicate.plan.TargetTables;
import dev.quarry.replicate.source.ReadProgress;
import dev.quarry.replicate.source.ReadTotals;
import dev.quarry.replicate.source.Source;
import dev.quarry.replicate.source.SourceRead;
import dev.quarry.starrocks.ClusterProbe;
import dev.quarry.starrocks.Labels;
import dev.quarry.starrocks.LoadOptions;
import dev.quarry.starrocks.LoadResult;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksQueries;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StreamLoader;
import dev.quarry.starrocks.TableSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Full refresh (and truncate, which keeps the existing target's DDL through CREATE TABLE LIKE) into StarRocks (docs/architecture.md §4): load a fresh staging table chunk by chunk, check that it
 * holds exactly the rows read, then {@code ALTER TABLE target SWAP WITH staging} (a RENAME when the target is new)
 * and drop the old data. Readers see the old table or the new one, never a half-loaded one; a failure at any step
 * before the swap leaves the target untouched and removes the staging table.
 */
final class FullRefresh {
    private final Source source;
    private final StarRocksSession target;
    private final StreamLoader loader;
    private final String runId;
    private final StarRocksDialect dialect;
    private final Instant loadedAt;

    private final ReadProgress progress;
    private final LoadListener listener;

    FullRefresh(Source source, StarRocksSession target, StreamLoader loader, String runId, StarRocksDialect dialect) {
        this(source, target, loader, runId, dialect, Instant.now(), new ReadProgress(), LoadListener.LOG);
    }

    /**
     * A full refresh for one run.
     *
     * @param source a session on the source (discovery and reads)
     * @param target a session on StarRocks (DDL and checks)
     * @param runId identifies this run in load labels, so a retried chunk is not loaded twice
     */
    FullRefresh(
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
        SourceRead read = plan.cased(source.prepare(plan.readSpec(Optional.empty(), Optional.empty(), loadedAt)));
        ClusterProbe probe = target.probe();
        TableSpec spec = TargetTables.spec(plan, database, table, read.columns(), probe.defaultReplicationNum());
        // A random suffix keeps concurrent runs (and leftovers of a killed run) from colliding.
        dropLeftovers(database, table);
        String staging = stagingName(table);
        TableSpec stagingSpec = spec.withName(database, staging);
        boolean targetExists = exists(database, table);

        runScript(plan.targetOptions().string(TargetOption.PRE_SQL), plan, "pre_sql");
        String tableDdl = plan.targetOptions().string(TargetOption.TABLE_DDL);
        if (plan.mode() == Mode.TRUNCATE && targetExists) {
            // truncate keeps the target's own DDL (keys, partitions, properties, grants-relevant name).
            execute(dialect.createTableLike(database, staging, database, table, false));
        } else if (tableDdl != null) {
            execute(renameCreatedTable(tableDdl, plan, database, staging));
        } else {
            execute(dialect.createTable(stagingSpec, false));
        }
        boolean swapped = false;
        try {
            LoadOptions options = CsvFraming.loadOptions(read.columnNames())
                    .withMaxFilterRatio((Double) plan.targetOptions().get(TargetOption.MAX_FILTER_RATIO))
                    .withStrictMode(plan.targetOptions().bool(TargetOption.STRICT_MODE));
            long maxRows = plan.targetOptions().integer(TargetOption.FILE_MAX_ROWS);
            long maxBytes = plan.targetOptions().integer(TargetOption.FILE_MAX_BYTES);
            ReadTotals totals;
            long[] loaded = {0};
            // Each chunk is sent while PostgreSQL produces it (formatting and Stream Load overlap as in psql | curl),
            // kept in memory only so a retry can resend it; chunks are loaded one after another, so they share one
            // array.
            byte[][] buffer = {new byte[ChunkBody.FIRST_CAPACITY]};
            totals = source.read(read, maxRows, maxBytes, progress, (chunk, rows) -> {
                String label = Labels.derive(database + "." + staging, runId, chunk);
                ChunkBody body = new ChunkBody(rows, buffer[0]);
                LoadResult result = loader.load(database, staging, label, options, body);
                buffer[0] = body.buffer();
                loaded[0] += result.counts().map(LoadResult.Counts::loadedRows).orElse(0L);
                listener.chunkLoaded(chunk);
            });
            totals.warnings().forEach(listener::warning);
            if (totals.rows() == 0) {
                listener.warning(
                        "stream " + plan.name() + ": the source has no rows; " + plan.object() + " will be empty");
            }
            long counted = count(database, staging);
            double ratio = (Double) plan.targetOptions().get(TargetOption.MAX_FILTER_RATIO);
            if (ratio > 0 && counted < totals.rows() && counted == loaded[0]) {
                // max_filter_ratio let StarRocks reject some rows; say how many rather than failing.
                listener.warning("stream " + plan.name() + ": StarRocks filtered " + (totals.rows() - counted) + " of "
                        + totals.rows() + " rows (max_filter_ratio " + ratio + ")");
            } else if (counted != totals.rows()) {
                throw new RunException(
                        "stream " + plan.name() + ": read " + totals.rows() + " rows but the staging table " + database
                                + "." + staging + " holds " + counted + "; " + plan.object() + " was left unchanged");
            }
            if (targetExists) {
                execute(dialect.swapTable(database, table, staging));
                swapped = true;
                execute(dialect.dropTable(database, staging, true));
            } else {
                execute(dialect.renameTable(database, staging, table));
                swapped = true;
            }
            runScript(plan.targetOptions().string(TargetOption.POST_SQL), plan, "post_sql");
            return new StreamResult(
                    plan.name(),
                    plan.object(),
                    plan.mode(),
                    totals.rows(),
                    counted,
                    totals.bytes(),
                    totals.chunks(),
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            if (!swapped) {
                dropQuietly(database, staging);
            }
        }
    }

    private static final String STAGE = "__quarry_stage_";

    /**
     * The user's table_ddl creating the staging table instead of the object: only the name right after CREATE TABLE
     * is replaced, and it must be the stream's object (docs/sling.md §3.2: table_ddl must name the object).
     */
    static String renameCreatedTable(String ddl, StreamPlan plan, String database, String staging) {
        String written = StarRocksDialect.createdTableName(ddl)
                .orElseThrow(() -> new ReplicationConfigException(
                        "stream " + plan.name() + ": table_ddl must be a CREATE TABLE statement"));
        TargetTable named = TargetTable.parse(written.replaceAll("\\s*\\.\\s*", "."));
        boolean same = named != null
                && named.table().equals(plan.object().table())
                && named.database().map(d -> d.equals(database)).orElse(true);
        if (!same) {
            throw new ReplicationConfigException(
                    "stream " + plan.name() + ": table_ddl creates " + written + ", not the object " + plan.object());
        }
        return StarRocksDialect.renameCreatedTable(ddl, database, staging);
    }

    static String stagingName(String table) {
        String suffix = STAGE + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String head = table.length() > 64 - suffix.length() ? table.substring(0, 64 - suffix.length()) : table;
        return head + suffix;
    }

    /**
     * Drops staging tables of this target left by a run that was killed before its cleanup. Two runs of one
     * stream at the same time are not supported: the later one would remove the earlier one's staging table.
     */
    private void dropLeftovers(String database, String table) {
        String prefix = stagingName(table);
        prefix = prefix.substring(0, prefix.length() - 12);
        java.util.List<String> leftovers = new java.util.ArrayList<>();
        try {
            for (String name : target.catalog().tables(database)) {
                if (name.startsWith(prefix) && name.length() == prefix.length() + 12) {
                    leftovers.add(name);
                }
            }
        } catch (RunException e) {
            throw new RunException("listing the tables of " + database + " failed: " + e.getMessage());
        }
        for (String name : leftovers) {
            listener.warning("dropping " + database + "." + name + ", a staging table left by an interrupted run");
            execute(dialect.dropTable(database, name, true));
        }
    }

    void runScript(String sql, StreamPlan plan, String what) {
        if (sql == null || sql.isBlank()) {
            return;
        }
        for (String statement : SqlScript.split(sql, true)) {
            try {
                execute(statement);
            } catch (RunException e) {
                throw new RunException("stream " + plan.name() + ": " + what + " failed: " + e.getMessage());
            }
        }
    }

    private void execute(String sql) {
        try {
            target.execute(sql);
        } catch (RunException e) {
            throw new RunException(e.getMessage() + " (in: " + abbreviate(sql) + ")");
        }
    }

    private long count(String database, String table) {
        try {
            return Long.parseLong(target.queryValue(StarRocksQueries.countRows(database, table))
                    .orElseThrow());
        } catch (RunException e) {
            throw new RunException("counting rows of " + database + "." + table + " failed: " + e.getMessage());
        }
    }

    boolean exists(String database, String table) {
        try {
            return target.catalog().tableExists(database, table);
        } catch (RunException e) {
            throw new RunException("looking up " + database + "." + table + " failed: " + e.getMessage());
        }
    }

    private void dropQuietly(String database, String staging) {
        try {
            execute(dialect.dropTable(database, staging, true));
        } catch (RunException e) {
            listener.warning("could not drop staging table " + database + "." + staging + ": " + e.getMessage());
        }
    }

    private static String abbreviate(String sql) {
        String one = sql.strip().replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }
}
