package dev.quarry.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quarry.core.ConfigException;
import dev.quarry.core.Log;
import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.core.conn.ConnectionType;
import dev.quarry.core.conn.Connections;
import dev.quarry.replicate.Mode;
import dev.quarry.replicate.OneOffStream;
import dev.quarry.replicate.ReplicationConfigException;
import dev.quarry.replicate.ReplicationPlan;
import dev.quarry.replicate.ReplicationPlanner;
import dev.quarry.replicate.Replicator;
import dev.quarry.replicate.RunContext;
import dev.quarry.replicate.SourceCatalog;
import dev.quarry.replicate.SourceTable;
import dev.quarry.replicate.StreamPlan;
import dev.quarry.replicate.StreamResult;
import dev.quarry.starrocks.ClusterProbe;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StreamLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs a replication (a file or a one-off stream) the way {@code quarry replicate} does: plans it, runs every stream
 * (in parallel up to {@code threads}, each stream on its own source and target sessions), logs Sling-shaped lines and a
 * final summary. A failing stream never stops the others. Shared by {@code quarry replicate}, {@code quarry run -r} and
 * the demo, so all three behave the same.
 */
final class ReplicationRunner {
    /** At most this many streams at once: each holds two sessions and a chunk (32 MiB by default) in memory. */
    static final int MAX_THREADS = 16;
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** What to run. {@code file} xor {@code oneOff}; {@code streams} empty means all of them. */
    record Request(Optional<Path> file, Optional<OneOffStream> oneOff, List<String> streams, Optional<String> mode, int threads,
                   boolean dryRun) {
        Request {
            requireNonNull(file, "file is null");
            requireNonNull(oneOff, "oneOff is null");
            streams = List.copyOf(streams);
            requireNonNull(mode, "mode is null");
            if (file.isPresent() == oneOff.isPresent()) {
                throw new IllegalArgumentException("a request runs either a replication file or a one-off stream");
            }
            if (threads < 1 || threads > MAX_THREADS) {
                throw new ConfigException("--threads must be between 1 and " + MAX_THREADS + ", got " + threads);
            }
        }

        static Request ofFile(Path file) {
            return new Request(Optional.of(file), Optional.empty(), List.of(), Optional.empty(), 1, false);
        }
    }

    /** How the run went; {@code results} holds the streams that succeeded, in plan order. */
    record Outcome(int succeeded, int failed, List<StreamResult> results, Duration elapsed) {
        Outcome {
            results = List.copyOf(results);
            requireNonNull(elapsed, "elapsed is null");
        }

        int exitCode() {
            return failed == 0 ? 0 : 1;
        }
    }

    private final CliContext ctx;

    ReplicationRunner(CliContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx is null");
    }

    /**
     * Runs the request. Configuration errors (every one of them, each {@code file:line:col: message}) are logged and
     * reported as a {@link ConfigException} (exit 2) before anything runs.
     */
    Outcome run(Request request) {
        long started = System.nanoTime();
        Connections connections = ctx.connections();
        RunContext runContext = new RunContext(ctx.clock().instant(), ZoneOffset.UTC, ctx.env());
        LazyCatalog catalog = new LazyCatalog(connections);
        ReplicationPlan plan;
        try {
            try {
                if (request.file().isPresent()) {
                    Path file = request.file().get();
                    catalog.sourceName = sourceNameOf(file, ctx.env());
                    plan = new ReplicationPlanner(runContext, catalog).plan(file);
                } else {
                    catalog.sourceName = request.oneOff().get().source();
                    plan = new ReplicationPlanner(runContext, catalog).plan(request.oneOff().get());
                }
                List<StreamPlan> streams = select(plan.streams(), request.streams());
                if (request.mode().isPresent()) {
                    Mode mode = parseMode(request.mode().get());
                    streams = streams.stream().map(s -> s.withMode(mode)).toList();
                }
                plan = new ReplicationPlan(plan.source(), plan.target(), plan.env(), streams, plan.context());
                requireDatabases(streams);
            } catch (ReplicationConfigException e) {
                for (String error : e.errors()) {
                    Log.error(error);
                }
                throw new ConfigException(e.errors().size() == 1 ? "the replication cannot run as written"
                        : e.errors().size() + " errors in the replication; nothing was run");
            }
        } finally {
            catalog.close();
        }
        ConnectionSpec source = connection(connections, plan.source(), ConnectionType.POSTGRES, "source");
        ConnectionSpec target = connection(connections, plan.target(), ConnectionType.STARROCKS, "target");
        if (request.dryRun()) {
            dryRun(plan, source, target);
            return new Outcome(0, 0, List.of(), elapsedSince(started));
        }
        return execute(plan, source, target, request.threads(), started);
    }

    private Outcome execute(ReplicationPlan plan, ConnectionSpec source, ConnectionSpec target, int threads, long started) {
        List<StreamPlan> streams = plan.streams();
        int n = streams.size();
        String runId = newRunId();
        Log.info("Replication [" + n + (n == 1 ? " stream" : " streams") + "] | " + plan.source() + " -> " + plan.target()
                + (threads > 1 ? " | " + Math.min(threads, n) + " threads" : ""));
        Log.debug("run id " + runId);
        List<Optional<StreamResult>> results = new ArrayList<>();
        try (Progress progress = Progress.start(ctx.err())) {
            if (threads <= 1 || n <= 1) {
                for (int i = 0; i < n; i++) {
                    results.add(runStream(streams.get(i), i + 1, n, source, target, runId, progress));
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
                        futures.add(pool.submit(() -> runStream(stream, index, n, source, target, runId, progress)));
                    }
                    for (Future<Optional<StreamResult>> f : futures) {
                        results.add(f.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new dev.quarry.core.RunException("interrupted while replicating", e);
                } catch (ExecutionException e) {
                    // runStream catches everything a stream can throw; an error here is a bug, not a stream failure.
                    throw new IllegalStateException("a stream worker failed unexpectedly", e.getCause());
                } finally {
                    pool.shutdownNow();
                }
            }
        }
        List<StreamResult> done = results.stream().flatMap(Optional::stream).toList();
        int failed = n - done.size();
        Duration elapsed = elapsedSince(started);
        String line = "Replication completed in " + human(elapsed) + " | " + plan.source() + " -> " + plan.target() + " | "
                + done.size() + " succeeded | " + failed + " failed";
        if (failed == 0) {
            Log.info(line);
        } else {
            Log.error(line);
        }
        return new Outcome(done.size(), failed, done, elapsed);
    }

    /** One stream, start to end; every failure becomes an ERR line naming the stream and an empty result. */
    private Optional<StreamResult> runStream(StreamPlan stream, int index, int total, ConnectionSpec source, ConnectionSpec target,
                                             String runId, Progress progress) {
        String prefix = "[" + index + " / " + total + "] ";
        info(progress, prefix + "running stream " + stream.name());
        try (Connection src = source.open(); Connection tgt = target.open()) {
            ClusterProbe probe = ClusterProbe.of(tgt);
            StarRocksDialect dialect = StarRocksDialect.forVersion(probe.version());
            String database = stream.object().database().orElse(null);
            boolean existed = database != null && tableExists(tgt, database, stream.object().table());
            info(progress, prefix + "writing to target database [mode: " + stream.mode() + "]");
            Replicator replicator = new Replicator(src, tgt, loader(target), runId, dialect);
            StreamResult result;
            try (Progress.Tracked ignored = progress.track(stream.name())) {
                result = replicator.run(stream);
            }
            if (!existed && database != null) {
                info(progress, prefix + "created table " + StarRocksDialect.qualified(database, stream.object().table()));
            }
            if (result.loads() == 0 && result.rowsLoaded() == 0 && stream.mode() == Mode.INCREMENTAL) {
                info(progress, prefix + "no new rows since the checkpoint; nothing to load");
            }
            info(progress, prefix + result.summary());
            return Optional.of(result);
        } catch (RuntimeException | SQLException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
            progress.clear();
            Log.error(prefix + "stream " + stream.name() + " failed: " + message);
            if (Log.isDebug()) {
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new java.io.PrintWriter(trace));
                Log.debug(trace.toString());
            }
            return Optional.empty();
        }
    }

    /** A log line that first erases the progress line, so the two never share a line. */
    private static void info(Progress progress, String message) {
        progress.clear();
        Log.info(message);
    }

    private void dryRun(ReplicationPlan plan, ConnectionSpec source, ConnectionSpec target) {
        PrintStream out = ctx.out();
        out.println("-- dry run: " + plan.streams().size() + " streams | " + plan.source() + " -> " + plan.target() + "; nothing was changed");
        try (Connection src = source.open(); Connection tgt = target.open()) {
            StarRocksDialect dialect = StarRocksDialect.forVersion(ClusterProbe.of(tgt).version());
            // The dry run never loads, so its run id labels nothing.
            Replicator replicator = new Replicator(src, tgt, loader(target), "dry-run", dialect);
            for (StreamPlan stream : plan.streams()) {
                out.print(replicator.dryRun(stream));
            }
        } catch (SQLException e) {
            throw new dev.quarry.core.RunException("closing sessions failed: " + e.getMessage(), e);
        }
    }

    private static StreamLoader loader(ConnectionSpec target) {
        StreamLoader.Builder builder = StreamLoader.builder(target.feUrl(), target.user(), target.password());
        if (Log.isDebug()) {
            builder.debug(line -> Log.debug("Stream Load: " + line));
        }
        return builder.build();
    }

    private static boolean tableExists(Connection target, String database, String table) throws SQLException {
        String sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?";
        Log.sql(sql);
        try (PreparedStatement st = target.prepareStatement(sql)) {
            st.setString(1, database);
            st.setString(2, table);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static ConnectionSpec connection(Connections connections, String name, ConnectionType type, String role) {
        ConnectionSpec spec = connections.get(name);
        if (spec.type() != type) {
            throw new ConfigException("the replication's " + role + " " + name + " is a " + spec.type().id() + " connection; Quarry replicates "
                    + "from postgres into starrocks");
        }
        return spec;
    }

    /** Every target must name its database: found before anything runs rather than as one failed stream each. */
    private static void requireDatabases(List<StreamPlan> streams) {
        List<String> errors = streams.stream().filter(s -> s.object().database().isEmpty())
                .map(s -> s.definedAt() + ": stream " + s.name() + ": object " + s.object() + " needs a database (db.table)").toList();
        if (!errors.isEmpty()) {
            errors.forEach(Log::error);
            throw new ConfigException(errors.size() == 1 ? "the replication cannot run as written"
                    : errors.size() + " errors in the replication; nothing was run");
        }
    }

    /** Keeps the streams named by {@code --streams} (ignoring case), in plan order; an unknown name is an error. */
    static List<StreamPlan> select(List<StreamPlan> streams, List<String> names) {
        if (names.isEmpty()) {
            return streams;
        }
        List<String> known = streams.stream().map(StreamPlan::name).toList();
        List<String> unknown = names.stream().filter(n -> known.stream().noneMatch(k -> k.equalsIgnoreCase(n.trim()))).toList();
        if (!unknown.isEmpty()) {
            throw new ConfigException("--streams: no stream named " + String.join(", ", unknown) + " in the replication (streams: "
                    + String.join(", ", known) + ")");
        }
        return streams.stream().filter(s -> names.stream().anyMatch(n -> n.trim().equalsIgnoreCase(s.name()))).toList();
    }

    static Mode parseMode(String name) {
        Mode mode = Mode.parse(name.toLowerCase(Locale.ROOT));
        if (mode == null) {
            String modes = java.util.Arrays.stream(Mode.values()).map(Mode::yamlName).collect(Collectors.joining(", "));
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
        return "r" + RUN_ID_TIME.format(java.time.Instant.now()) + "_" + HexFormat.of().formatHex(random);
    }

    /** {@code 7s}, {@code 1m2s}: Sling's duration shape in its completion line (docs/sling.md §5.2). */
    static String human(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : s / 3600 > 0 ? s / 3600 + "h" + s % 3600 / 60 + "m" + s % 60 + "s" : s / 60 + "m" + s % 60 + "s";
    }

    private static Duration elapsedSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /**
     * The file's {@code source:} connection name, read ahead of planning because wildcard expansion needs that connection.
     * Empty when the file cannot be read this way: the planner then reports what is wrong with it.
     */
    private static String sourceNameOf(Path file, Map<String, String> env) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root == null || !root.path("source").isTextual()) {
                return null;
            }
            Matcher m = ENV_REF.matcher(root.path("source").asText());
            return m.replaceAll(r -> Matcher.quoteReplacement(env.getOrDefault(r.group(1), "")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Opens the source connection only when a wildcard stream needs discovery. */
    private static final class LazyCatalog implements SourceCatalog, AutoCloseable {
        private final Connections connections;
        private String sourceName;
        private Connection session;

        LazyCatalog(Connections connections) {
            this.connections = connections;
        }

        @Override
        public List<SourceTable> tables(String schema) {
            if (session == null) {
                if (sourceName == null || sourceName.isBlank()) {
                    throw new ConfigException("wildcard streams need the replication's source connection, and its source: is missing");
                }
                session = connection(connections, sourceName, ConnectionType.POSTGRES, "source").open();
            }
            return Replicator.postgresCatalog(session).tables(schema);
        }

        @Override
        public void close() {
            if (session != null) {
                try {
                    session.close();
                } catch (SQLException e) {
                    Log.debug("closing the discovery session failed: " + e.getMessage());
                }
            }
        }
    }
}
