package dev.quarry.replicate;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.ConfigException;
import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.core.conn.ConnectionType;
import dev.quarry.core.conn.Connections;
import dev.quarry.replicate.config.Mode;
import dev.quarry.replicate.config.ReplicationConfigException;
import dev.quarry.replicate.config.RunContext;
import dev.quarry.replicate.load.HookRunner;
import dev.quarry.replicate.load.LoadListener;
import dev.quarry.replicate.load.Replicator;
import dev.quarry.replicate.load.StreamResult;
import dev.quarry.replicate.plan.OneOffStream;
import dev.quarry.replicate.plan.ReplicationPlan;
import dev.quarry.replicate.plan.ReplicationPlanner;
import dev.quarry.replicate.plan.StreamPlan;
import dev.quarry.replicate.source.ReadProgress;
import dev.quarry.replicate.source.Source;
import dev.quarry.replicate.source.SourceCatalog;
import dev.quarry.replicate.source.Sources;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StreamLoader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One replication run: a replication file or a one-off stream, planned against its connections, then run stream by
 * stream (in parallel up to {@code threads}, each stream on its own source and target sessions). A failing stream never
 * stops the others. Progress and messages go to a {@link ReplicationListener}; nothing is printed here.
 *
 * <pre>{@code
 * Replication replication = Replication.ofFile(Path.of("replication.yaml"))
 *         .connections(connections)
 *         .threads(3)
 *         .build();                      // plans: every configuration error at once, before anything runs
 * Replication.Outcome outcome = replication.run(listener);
 * }</pre>
 */
public final class Replication {
    /** At most this many streams at once: each holds two sessions and a chunk (32 MiB by default) in memory. */
    public static final int MAX_THREADS = 16;

    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private final ReplicationPlan plan;
    private final ConnectionSpec source;
    private final ConnectionSpec target;
    private final int threads;
    private final boolean dryRun;

    private Replication(
            ReplicationPlan plan, ConnectionSpec source, ConnectionSpec target, int threads, boolean dryRun) {
        this.plan = plan;
        this.source = source;
        this.target = target;
        this.threads = threads;
        this.dryRun = dryRun;
    }

    /** A run of the replication file {@code file} (Sling's YAML format). */
    public static Builder ofFile(Path file) {
        return new Builder(Optional.of(file), Optional.empty());
    }

    /** A run of one stream given on the command line; its mode is part of the stream. */
    public static Builder ofStream(OneOffStream stream) {
        return new Builder(Optional.empty(), Optional.of(stream));
    }

    /**
     * Runs every stream, or with {@link Builder#dryRun} describes them without changing anything. A stream's failure is
     * reported to the listener and counted in the outcome; only a failure of the run itself throws.
     */
    public Outcome run(ReplicationListener listener) {
        requireNonNull(listener, "listener is null");
        long started = System.nanoTime();
        if (dryRun) {
            dryRun(listener);
            requireTargetDatabases();
            return new Outcome(plan.source(), plan.target(), 0, 0, List.of(), elapsedSince(started));
        }
        requireTargetDatabases();
        List<StreamPlan> streams = plan.streams();
        int n = streams.size();
        String runId = newRunId();
        listener.runStarted(new ReplicationListener.Start(plan.source(), plan.target(), n, threads, runId));
        runHooks("start", listener);
        List<Optional<StreamResult>> results = new ArrayList<>();
        if (threads <= 1 || n <= 1) {
            for (int i = 0; i < n; i++) {
                results.add(runStream(streams.get(i), i + 1, n, runId, listener));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
                Thread t = new Thread(r, "quarry-stream");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Optional<StreamResult>>> futures = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    StreamPlan stream = streams.get(i);
                    int index = i + 1;
                    futures.add(pool.submit(() -> runStream(stream, index, n, runId, listener)));
                }
                for (Future<Optional<StreamResult>> f : futures) {
                    results.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunException("interrupted while replicating", e);
            } catch (ExecutionException e) {
                // runStream catches everything a stream can throw; an error here is a bug, not a stream failure.
                throw new IllegalStateException("a stream worker failed unexpectedly", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        runHooks("end", listener);
        List<StreamResult> done = results.stream().flatMap(Optional::stream).toList();
        Outcome outcome =
                new Outcome(plan.source(), plan.target(), done.size(), n - done.size(), done, elapsedSince(started));
        listener.runFinished(outcome);
        return outcome;
    }

    /**
     * The file's {@code start} or {@code end} hooks on the target (docs/sling.md §1.8); a failing {@code start} hook stops
     * the run before any stream.
     */
    private void runHooks(String phase, ReplicationListener listener) {
        if (plan.hooks().phase(phase).isEmpty()) {
            return;
        }
        try (StarRocksSession tgt = StarRocksSession.open(target)) {
            new HookRunner(tgt, new LoadListener() {
                        @Override
                        public void info(String message) {
                            listener.runMessage(message, false);
                        }

                        @Override
                        public void warning(String message) {
                            listener.runMessage(message, true);
                        }
                    })
                    .run(plan.hooks().phase(phase), "hooks." + phase);
        }
    }

    /**
     * Warnings about keys of the file that have no effect on StarRocks, each {@code file:line:col: message}, once per
     * key (docs/sling.md §7).
     */
    public List<String> warnings() {
        return plan.warnings();
    }

    /** One stream, start to end; every failure goes to the listener and becomes an empty result. */
    private Optional<StreamResult> runStream(
            StreamPlan stream, int index, int total, String runId, ReplicationListener listener) {
        ReadProgress progress = new ReadProgress();
        ReplicationListener.Stream event = new ReplicationListener.Stream(index, total, stream, progress);
        listener.streamStarted(event);
        try (Source src = Sources.open(source);
                StarRocksSession tgt = StarRocksSession.open(target)) {
            StarRocksDialect dialect = StarRocksDialect.forVersion(tgt.probe().version());
            String database = stream.object().database().orElse(null);
            boolean existed = database != null
                    && tgt.catalog().tableExists(database, stream.object().table());
            listener.streamWriting(event);
            Replicator replicator = new Replicator(src, tgt, loader(target), runId, dialect);
            StreamResult result = replicator.run(stream, progress, new LoadListener() {
                @Override
                public void info(String message) {
                    listener.info(event, message);
                }

                @Override
                public void warning(String message) {
                    listener.warning(event, message);
                }

                @Override
                public void chunkLoaded(int chunk) {
                    listener.chunkLoaded(event, chunk);
                }
            });
            if (!existed && database != null) {
                listener.tableCreated(
                        event,
                        StarRocksDialect.qualified(database, stream.object().table()));
            }
            listener.streamFinished(event, result);
            return Optional.of(result);
        } catch (RuntimeException e) {
            listener.streamFailed(event, e);
            return Optional.empty();
        }
    }

    /**
     * Every target database must exist before anything runs. Quarry does not create databases (docs/sling.md §4.3): in
     * StarRocks that is an administrator's act with its own privileges and properties, and creating a misspelled name
     * would hide the mistake. The error gives the statement to run and the closest existing names.
     */
    private void requireTargetDatabases() {
        java.util.Set<String> wanted = new java.util.TreeSet<>();
        plan.streams().forEach(s -> s.object().database().ifPresent(wanted::add));
        if (wanted.isEmpty()) {
            return;
        }
        List<String> existing;
        try (StarRocksSession tgt = StarRocksSession.open(target)) {
            existing = tgt.catalog().databases();
        }
        List<String> missing =
                wanted.stream().filter(d -> !existing.contains(d)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String statements = missing.stream()
                .map(d -> StarRocksDialect.latest().createDatabase(d, false) + ";")
                .collect(Collectors.joining(" "));
        String close = missing.size() == 1 ? dev.quarry.core.Names.didYouMean(missing.get(0), existing) : "";
        throw new ConfigException(
                null,
                (missing.size() == 1
                                ? "target database " + missing.get(0) + " does not exist"
                                : "target databases " + missing + " do not exist")
                        + " on " + plan.target() + close + "; nothing was run",
                "Quarry does not create databases: create it first with " + statements);
    }

    private void dryRun(ReplicationListener listener) {
        listener.dryRun("-- dry run: " + plan.streams().size() + " streams | " + plan.source() + " -> " + plan.target()
                + "; nothing was changed\n");
        try (Source src = Sources.open(source);
                StarRocksSession tgt = StarRocksSession.open(target)) {
            StarRocksDialect dialect = StarRocksDialect.forVersion(tgt.probe().version());
            // The dry run never loads, so its run id labels nothing.
            Replicator replicator = new Replicator(src, tgt, loader(target), "dry-run", dialect);
            for (StreamPlan stream : plan.streams()) {
                listener.dryRun(replicator.dryRun(stream));
            }
        }
    }

    private static StreamLoader loader(ConnectionSpec target) {
        StreamLoader.Builder builder = StreamLoader.builder(target.feUrl(), target.feUser(), target.fePassword());
        if (Log.isDebug()) {
            builder.debug(line -> Log.debug("Stream Load: " + line));
        }
        return builder.build();
    }

    /** The connection {@code name}, which must be of a type Quarry can use as the replication's {@code role}. */
    private static ConnectionSpec connection(
            Connections connections, String name, Predicate<ConnectionType> usable, String role) {
        ConnectionSpec spec = connections.get(name);
        if (!usable.test(spec.type())) {
            throw new ConfigException("the replication's " + role + " " + name + " is a "
                    + spec.type().id() + " connection; Quarry replicates from " + Sources.supportedIds()
                    + " into starrocks");
        }
        return spec;
    }

    /** Every target must name its database: found before anything runs rather than as one failed stream each. */
    private static void requireDatabases(List<StreamPlan> streams) {
        List<String> errors = streams.stream()
                .filter(s -> s.object().database().isEmpty())
                .map(s -> s.definedAt() + ": stream " + s.name() + ": object " + s.object()
                        + " needs a database (db.table)")
                .toList();
        if (!errors.isEmpty()) {
            throw new ReplicationConfigException(errors);
        }
    }

    /** Keeps the streams named by {@code --streams} (ignoring case), in plan order; an unknown name is an error. */
    static List<StreamPlan> select(List<StreamPlan> streams, List<String> names) {
        if (names.isEmpty()) {
            return streams;
        }
        List<String> known = streams.stream().map(StreamPlan::name).toList();
        List<String> unknown = names.stream()
                .filter(n -> known.stream().noneMatch(k -> k.equalsIgnoreCase(n.trim())))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ConfigException("--streams: no stream named " + String.join(", ", unknown)
                    + " in the replication (streams: " + String.join(", ", known) + ")");
        }
        return streams.stream()
                .filter(s -> names.stream().anyMatch(n -> n.trim().equalsIgnoreCase(s.name())))
                .toList();
    }

    static Mode parseMode(String name) {
        Mode mode = Mode.parse(name.toLowerCase(Locale.ROOT));
        if (mode == null) {
            String modes = Arrays.stream(Mode.values()).map(Mode::yamlName).collect(Collectors.joining(", "));
            throw new ConfigException("--mode: unknown mode '" + name + "' (modes: " + modes + ")");
        }
        return mode;
    }

    /**
     * A run id unique per invocation: the UTC start second plus 32 random bits. Incremental labels derive from it, and a
     * reused id would make StarRocks skip an increment as already loaded.
     */
    static String newRunId() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return "r" + RUN_ID_TIME.format(Instant.now()) + "_" + HexFormat.of().formatHex(random);
    }

    /** {@code 7s}, {@code 1m2s}: Sling's duration shape in its completion line (docs/sling.md §5.2). */
    static String human(Duration d) {
        long s = d.toSeconds();
        return s < 60
                ? s + "s"
                : s / 3600 > 0 ? s / 3600 + "h" + s % 3600 / 60 + "m" + s % 60 + "s" : s / 60 + "m" + s % 60 + "s";
    }

    private static Duration elapsedSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /** How a run went; {@code results} holds the streams that succeeded, in plan order. */
    public record Outcome(
            String source, String target, int succeeded, int failed, List<StreamResult> results, Duration elapsed) {
        public Outcome {
            requireNonNull(source, "source is null");
            requireNonNull(target, "target is null");
            results = List.copyOf(results);
            requireNonNull(elapsed, "elapsed is null");
        }

        /** 0 when every stream succeeded, else 1. */
        public int exitCode() {
            return failed == 0 ? 0 : 1;
        }

        /** {@code Replication completed in 7s | PG -> SR | 3 succeeded | 0 failed}, the line Sling ends a run with. */
        public String summary() {
            return "Replication completed in " + human(elapsed) + " | " + source + " -> " + target + " | " + succeeded
                    + " succeeded | " + failed + " failed";
        }
    }

    /** What to run and how; {@link #build()} plans it. */
    public static final class Builder {
        private final Optional<Path> file;
        private final Optional<OneOffStream> oneOff;
        private Connections connections;
        private RunContext context;
        private List<String> streams = List.of();
        private Optional<String> mode = Optional.empty();
        private int threads = 1;
        private boolean dryRun;

        Builder(Optional<Path> file, Optional<OneOffStream> oneOff) {
            this.file = requireNonNull(file, "file is null");
            this.oneOff = requireNonNull(oneOff, "oneOff is null");
            if (file.isPresent() == oneOff.isPresent()) {
                throw new IllegalArgumentException("a replication runs either a replication file or a one-off stream");
            }
        }

        /** Where the file's {@code source:} and {@code target:} names are looked up. */
        public Builder connections(Connections connections) {
            this.connections = requireNonNull(connections, "connections is null");
            return this;
        }

        /** The run's start and environment, for variables; default {@link RunContext#now()}. */
        public Builder context(RunContext context) {
            this.context = requireNonNull(context, "context is null");
            return this;
        }

        /** Runs only these streams of the file (names ignore case); empty means all. */
        public Builder streams(List<String> names) {
            this.streams = List.copyOf(names);
            return this;
        }

        /** Runs every stream in this mode ({@code full-refresh}, ...) instead of its own; checked against each stream's keys. */
        public Builder mode(Optional<String> name) {
            this.mode = requireNonNull(name, "name is null");
            return this;
        }

        /** Streams run at once, each with its own sessions: 1 to {@link #MAX_THREADS}. */
        public Builder threads(int threads) {
            if (threads < 1 || threads > MAX_THREADS) {
                throw new ConfigException("--threads must be between 1 and " + MAX_THREADS + ", got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Describes each stream (mode, target DDL, source query) instead of running it. */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * Plans the run: reads the file, expands wildcards (opening the source connection only if one needs it), renders
         * variables, applies the stream selection and mode, and resolves both connections.
         *
         * @throws ReplicationConfigException with every error of the file, each {@code file:line:col: message}
         * @throws ConfigException for an unknown stream name or mode, or a connection that cannot be used
         */
        public Replication build() {
            requireNonNull(connections, "connections is null");
            RunContext runContext = context == null ? RunContext.now() : context;
            ReplicationPlan plan;
            try (Discovery discovery = new Discovery(connections)) {
                ReplicationPlanner planner = ReplicationPlanner.withCatalogs(runContext, discovery::catalog);
                plan = file.isPresent() ? planner.plan(file.get()) : planner.plan(oneOff.orElseThrow());
                List<StreamPlan> chosen = select(plan.streams(), streams);
                if (mode.isPresent()) {
                    Mode m = parseMode(mode.get());
                    chosen = chosen.stream().map(s -> s.withMode(m)).toList();
                }
                plan = plan.withStreams(chosen);
                requireDatabases(chosen);
            }
            ConnectionSpec source = connection(connections, plan.source(), Sources::supports, "source");
            ConnectionSpec target =
                    connection(connections, plan.target(), type -> type == ConnectionType.STARROCKS, "target");
            return new Replication(plan, source, target, threads, dryRun);
        }
    }

    /** The source's catalog for wildcard expansion, connecting only when a wildcard stream first needs it. */
    private static final class Discovery implements AutoCloseable {
        private final Connections connections;
        private Source session;

        Discovery(Connections connections) {
            this.connections = connections;
        }

        SourceCatalog catalog(String sourceName) {
            return schema -> {
                if (session == null) {
                    if (sourceName == null || sourceName.isBlank()) {
                        throw new ConfigException(
                                "wildcard streams need the replication's source connection, and its source: is missing");
                    }
                    session = Sources.open(connection(connections, sourceName, Sources::supports, "source"));
                }
                return session.tables(schema);
            };
        }

        @Override
        public void close() {
            if (session != null) {
                try {
                    session.close();
                } catch (RuntimeException e) {
                    Log.debug("closing the discovery session failed: " + e.getMessage());
                }
            }
        }
    }
}
