package dev.quarry.replicate.load;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.config.Mode;
import dev.quarry.replicate.config.SourceOption;
import dev.quarry.replicate.config.TargetOption;
import dev.quarry.replicate.plan.StreamPlan;
import dev.quarry.replicate.plan.TargetTables;
import dev.quarry.replicate.source.ReadProgress;
import dev.quarry.replicate.source.Source;
import dev.quarry.replicate.source.SourceRead;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StreamLoader;
import dev.quarry.starrocks.TableSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs planned streams from a source into StarRocks in every mode: full-refresh, truncate, incremental, backfill and
 * snapshot.
 */
public final class Replicator {
    private final Source source;
    private final StarRocksSession target;
    private final StreamLoader loader;
    private final String runId;
    private final StarRocksDialect dialect;

    /**
     * @param source a session on the source
     * @param target a session on StarRocks
     * @param runId names this run in Stream Load labels: unique per run (a committed label is never loaded again,
     *     so a reused id would skip an increment)
     */
    public Replicator(
            Source source, StarRocksSession target, StreamLoader loader, String runId, StarRocksDialect dialect) {
        this.source = requireNonNull(source, "source is null");
        this.target = requireNonNull(target, "target is null");
        this.loader = requireNonNull(loader, "loader is null");
        this.runId = requireNonNull(runId, "runId is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    /** Runs {@code stream}, its messages going to the console log. */
    public StreamResult run(StreamPlan stream) {
        return run(stream, new ReadProgress(), LoadListener.LOG);
    }

    /**
     * Runs {@code stream}, counting what it reads in {@code progress} and telling {@code listener} its messages: its
     * {@code pre} hooks, the load in its mode, its {@code post} hooks (docs/sling.md §1.8). With
     * {@code ignore_existing} and an existing target, nothing runs.
     */
    public StreamResult run(StreamPlan stream, ReadProgress progress, LoadListener listener) {
        Instant now = Instant.now();
        if (stream.targetOptions().bool(TargetOption.IGNORE_EXISTING)
                && new FullRefresh(source, target, loader, runId, dialect, now, progress, listener)
                        .exists(stream.targetDatabase(), stream.object().table())) {
            listener.info("stream " + stream.name() + ": " + stream.object()
                    + " exists; skipped (target_options.ignore_existing)");
            return new StreamResult(stream.name(), stream.object(), stream.mode(), 0, 0, 0, 0, Duration.ZERO);
        }
        HookRunner hooks = new HookRunner(target, listener);
        hooks.run(stream.hooks().phase("pre"), "stream " + stream.name() + " hooks.pre");
        StreamResult result = switch (stream.mode()) {
            case FULL_REFRESH, TRUNCATE ->
                new FullRefresh(source, target, loader, runId, dialect, now, progress, listener).run(stream);
            case INCREMENTAL, BACKFILL, SNAPSHOT ->
                new Incremental(source, target, loader, runId, dialect, now, progress, listener).run(stream);
        };
        hooks.run(stream.hooks().phase("post"), "stream " + stream.name() + " hooks.post");
        return result;
    }

    /**
     * What {@link #run} would do, changing nothing: the mode, the target table's DDL as it would be created, and the
     * source query (for incremental streams, with the checkpoint predicate left as the placeholder it fills).
     */
    public String dryRun(StreamPlan stream) {
        SourceRead read =
                stream.cased(source.prepare(stream.readSpec(Optional.empty(), Optional.empty(), Instant.now())));
        String database = stream.object().database().orElse("<connection database>");
        TableSpec spec = TargetTables.spec(
                stream,
                database,
                stream.object().table(),
                read.columns(),
                target.probe().defaultReplicationNum());
        StringBuilder out = new StringBuilder();
        out.append("stream ")
                .append(stream.name())
                .append(" -> ")
                .append(stream.object())
                .append(" [")
                .append(stream.mode())
                .append("]\n");
        out.append("  target DDL (when the table is created): ")
                .append(dialect.createTable(spec, false).replaceAll("\\s*\\n\\s*", " "))
                .append('\n');
        stream.updateKey()
                .filter(k -> stream.mode() == Mode.INCREMENTAL)
                .ifPresent(k -> out.append("  reads rows with ")
                        .append(k)
                        .append(stream.sourceOptions().bool(SourceOption.INCREMENTAL_GTE) ? " >= " : " > ")
                        .append("MAX(")
                        .append(k)
                        .append(") of the target\n"));
        out.append("  source: ").append(read.statement()).append('\n');
        return out.toString();
    }
}
