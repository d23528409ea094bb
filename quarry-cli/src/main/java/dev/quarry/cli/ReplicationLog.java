package dev.quarry.cli;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.ConfigException;
import dev.quarry.core.Log;
import dev.quarry.replicate.Replication;
import dev.quarry.replicate.ReplicationListener;
import dev.quarry.replicate.config.Mode;
import dev.quarry.replicate.config.ReplicationConfigException;
import dev.quarry.replicate.config.RunContext;
import dev.quarry.replicate.load.StreamResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a replication for {@code quarry replicate}, {@code quarry run -r} and the demo, so all three behave the same, and
 * prints it: Sling-shaped log lines on stderr, a live progress line on a terminal, a dry run's plan on stdout.
 * Configuration errors are logged one by one (each {@code file:line:col: message}) before the run fails with exit 2.
 */
final class ReplicationLog implements ReplicationListener {
    private final CliContext ctx;
    private final Progress progress;
    private final Map<Integer, Progress.Tracked> tracked = new ConcurrentHashMap<>();

    private ReplicationLog(CliContext ctx, Progress progress) {
        this.ctx = ctx;
        this.progress = progress;
    }

    /** Plans {@code replication} on the context's connections and runs it. */
    static Replication.Outcome run(CliContext ctx, Replication.Builder replication) {
        requireNonNull(replication, "replication is null");
        Replication planned;
        try {
            planned = replication
                    .connections(ctx.connections())
                    .context(new RunContext(ctx.clock().instant(), ZoneOffset.UTC, ctx.env()))
                    .build();
        } catch (ReplicationConfigException e) {
            for (String error : e.errors()) {
                Log.error(error);
            }
            throw new ConfigException(
                    e.errors().size() == 1
                            ? "the replication cannot run as written"
                            : e.errors().size() + " errors in the replication; nothing was run");
        }
        // Keys that have no effect on StarRocks: one line each, never failing (docs/sling.md §7).
        for (String warning : planned.warnings()) {
            Log.warn(warning);
        }
        try (Progress progress = Progress.start(ctx.err())) {
            return planned.run(new ReplicationLog(ctx, progress));
        }
    }

    @Override
    public void runMessage(String message, boolean warning) {
        progress.clear();
        if (warning) {
            Log.warn(message);
        } else {
            Log.info(message);
        }
    }

    @Override
    public void runStarted(Start start) {
        info(start.line());
        Log.debug("run id " + start.runId());
    }

    @Override
    public void streamStarted(Stream stream) {
        info(stream.prefix() + "running stream " + stream.plan().name());
    }

    @Override
    public void streamWriting(Stream stream) {
        info(stream.prefix() + "writing to target database [mode: "
                + stream.plan().mode() + "]");
        tracked.put(stream.index(), progress.track(stream.plan().name(), stream.progress()));
    }

    @Override
    public void info(Stream stream, String message) {
        info(message);
    }

    @Override
    public void warning(Stream stream, String message) {
        progress.clear();
        Log.warn(message);
    }

    @Override
    public void tableCreated(Stream stream, String table) {
        untrack(stream);
        info(stream.prefix() + "created table " + table);
    }

    @Override
    public void streamFinished(Stream stream, StreamResult result) {
        untrack(stream);
        if (result.loads() == 0 && result.rowsLoaded() == 0 && stream.plan().mode() == Mode.INCREMENTAL) {
            info(stream.prefix() + "no new rows since the checkpoint; nothing to load");
        }
        info(stream.prefix() + result.summary());
    }

    @Override
    public void streamFailed(Stream stream, Exception error) {
        untrack(stream);
        String message = error.getMessage() == null
                ? error.getClass().getSimpleName()
                : error.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        progress.clear();
        Log.error(stream.prefix() + "stream " + stream.plan().name() + " failed: " + message);
        if (Log.isDebug()) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            Log.debug(trace.toString());
        }
    }

    @Override
    public void runFinished(Replication.Outcome outcome) {
        progress.clear();
        if (outcome.failed() == 0) {
            Log.info(outcome.summary());
        } else {
            Log.error(outcome.summary());
        }
    }

    @Override
    public void dryRun(String text) {
        ctx.out().print(text);
    }

    private void untrack(Stream stream) {
        Progress.Tracked t = tracked.remove(stream.index());
        if (t != null) {
            t.close();
        }
    }

    /** A log line that first erases the progress line, so the two never share a line. */
    private void info(String message) {
        progress.clear();
        Log.info(message);
    }
}
