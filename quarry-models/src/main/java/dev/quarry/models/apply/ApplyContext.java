package dev.quarry.models.apply;

import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.models.plan.Changes;
import dev.quarry.models.plan.Fingerprint;
import dev.quarry.models.plan.Fingerprints;
import dev.quarry.models.plan.PhysicalNames;
import dev.quarry.models.plan.Plan;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.PhysicalLayout;
import dev.quarry.models.project.Project;
import dev.quarry.models.project.StarRocksSpecs;
import dev.quarry.models.render.MacroContext;
import dev.quarry.models.render.PythonMacros;
import dev.quarry.models.render.Renderer;
import dev.quarry.models.state.StateStore;
import dev.quarry.starrocks.ClusterProbe;
import dev.quarry.starrocks.ColumnSpec;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksQueries;
import dev.quarry.starrocks.StatementSink;
import dev.quarry.starrocks.TableSpec;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What every step of one apply shares: the project and its fingerprints, the gateway, the state, the SQL rendering
 * for the cluster's release, and the count of statements sent. Rendering a model for an interval and recording
 * finished work in the state happen here, so each build strategy only decides what to run.
 */
final class ApplyContext {
    private final Project project;
    private final ConnectionSpec gateway;
    private final StateStore store;
    private final Consumer<String> progress;
    private final Map<String, Fingerprint> fingerprints;
    private final AtomicInteger statements = new AtomicInteger();
    /** Rendering for the cluster's release, once probed; for the newest release until then (dry run without a cluster). */
    private volatile StarRocksDialect dialect = StarRocksDialect.latest();

    private volatile OptionalInt replicationNum = OptionalInt.empty();

    ApplyContext(Project project, ConnectionSpec gateway, StateStore store, Consumer<String> progress) {
        this.project = project;
        this.gateway = gateway;
        this.store = store;
        this.progress = progress;
        this.fingerprints = Fingerprints.of(project);
    }

    Project project() {
        return project;
    }

    ConnectionSpec gateway() {
        return gateway;
    }

    StateStore store() {
        return store;
    }

    Map<String, Fingerprint> fingerprints() {
        return fingerprints;
    }

    StarRocksDialect dialect() {
        return dialect;
    }

    /** One line per finished model, audit and promotion. */
    void progress(String line) {
        progress.accept(line);
    }

    /** SQL statements sent to StarRocks so far. */
    int statements() {
        return statements.get();
    }

    /** A new session on the gateway. */
    StatementSink openSession() {
        return StatementSink.of(gateway.open(), statements);
    }

    /**
     * Reads the cluster's release (so SQL is rendered for it, e.g. SECURITY on views needs 3.4) and the
     * replication_num tables get when they set none (docs/starrocks.md §3.8). A dry run without a reachable cluster
     * renders for the newest release and leaves replication_num out.
     */
    void probeCluster(boolean dryRun) {
        try (Connection c = gateway.open()) {
            ClusterProbe probe = ClusterProbe.of(c);
            dialect = StarRocksDialect.forVersion(probe.version());
            replicationNum = OptionalInt.of(probe.defaultReplicationNum());
        } catch (java.sql.SQLException | RunException e) {
            if (!dryRun) {
                throw e instanceof RunException re
                        ? re
                        : new RunException("cannot probe " + gateway.describe() + ": " + e.getMessage(), e);
            }
            Log.debug("dry run without probing the cluster: " + e.getMessage());
        }
    }

    /** The cluster's {@code replication_num} for objects that set none: min(alive backends, FE default). */
    OptionalInt replicationNum() {
        return replicationNum;
    }

    /** The table of a table model with {@code columns}: key columns NOT NULL, the cluster's replication_num. */
    TableSpec tableSpec(Model m, String db, String table, List<ColumnSpec> columns) {
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
        OptionalInt rep = replicationNum;
        return rep.isPresent() ? spec.withDefaultReplicationNum(rep.getAsInt()) : spec;
    }

    // ------------------------------------------------------------------ rendering

    /**
     * The step's model rendered for {@code [start, end)}; a Python model runs now and is read from the table its
     * rows were loaded into.
     */
    Renderer.Rendered render(ModelStep s, Instant start, Instant end) {
        if (s.model().python()) {
            return PythonRows.render(this, s, start, end);
        }
        return render(s.plan(), s.model(), start, end, s.physical());
    }

    /** The model's statements for {@code [start, end)}, model names pointing at physical objects. */
    Renderer.Rendered render(Plan plan, Model m, Instant start, Instant end, String thisModel) {
        MacroContext ctx = context(plan, m, start, end, thisModel);
        Renderer.Rendered r = Renderer.render(m, ctx);
        Map<String, String> targets = targets(plan, start, end);
        Optional<String> query =
                r.query().map(q -> Renderer.resolveTables(Renderer.withoutTrailingSemicolons(q), targets));
        return new Renderer.Rendered(
                r.preStatements().stream()
                        .map(s -> Renderer.resolveTables(Renderer.withoutTrailingSemicolons(s), targets))
                        .toList(),
                query,
                r.postStatements().stream()
                        .map(s -> Renderer.resolveTables(Renderer.withoutTrailingSemicolons(s), targets))
                        .toList());
    }

    /** before_all or after_all statements of the config, macros expanded (docs/sqlmesh.md §1.2). */
    List<String> environmentStatements(Plan plan, List<String> statements) {
        if (statements.isEmpty()) {
            return List.of();
        }
        Instant end = dev.quarry.models.plan.IntervalUnit.DAY.floor(plan.executionTime());
        Instant start = end.minus(1, java.time.temporal.ChronoUnit.DAYS);
        MacroContext ctx = context(plan, null, start, end, "");
        List<String> out = new ArrayList<>();
        for (String sql : statements) {
            out.add(Renderer.withoutTrailingSemicolons(
                    Renderer.renderText(sql, new dev.quarry.core.Location("config", 1, 1), ctx, "")));
        }
        return out;
    }

    MacroContext context(Plan plan, Model m, Instant start, Instant end, String thisModel) {
        Map<String, Object> vars = new LinkedHashMap<>(project.config().variables());
        String gatewayName = project.config().defaultGateway().orElse("");
        project.config()
                .defaultGateway()
                .map(g -> project.config().gateways().get(g))
                .ifPresent(g -> vars.putAll(g.variables()));
        return new MacroContext(
                start,
                end,
                plan.executionTime(),
                thisModel,
                vars,
                gatewayName,
                PythonMacros.of(project, vars, start, end, plan.executionTime()));
    }

    /** What each model name in a query stands for: physical objects, and EMBEDDED models' queries inlined. */
    Map<String, String> targets(Plan plan, Instant start, Instant end) {
        Map<String, String> out = new HashMap<>();
        for (String name : project.dag().order()) {
            Model m = project.models().get(name);
            String fp =
                    plan.snapshots().getOrDefault(name, fingerprints.get(name).data());
            switch (m.kind().kind()) {
                case EXTERNAL -> {}
                case EMBEDDED -> {
                    MacroContext ctx = context(plan, m, start, end, name);
                    String q = Renderer.render(m, ctx).query().orElseThrow();
                    out.put(
                            name,
                            StarRocksQueries.derivedTable(
                                    Renderer.resolveTables(Renderer.withoutTrailingSemicolons(q), out)));
                }
                default -> out.put(name, PhysicalNames.qualifiedPhysical(m, PhysicalNames.version(fp)));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ state

    /** Records the model's snapshot as built (not in a dry run). */
    void recordSnapshot(StatementSink w, Model m) {
        if (!w.dryRun()) {
            synchronized (store) {
                store.putSnapshot(Changes.snapshot(project, m, fingerprints.get(m.name())));
            }
        }
    }

    /** Records that the model's snapshot has processed {@code [s, e)} (not in a dry run). */
    void recordInterval(StatementSink w, Model m, Instant s, Instant e) {
        if (!w.dryRun() && e.isAfter(s)) {
            synchronized (store) {
                store.addInterval(m.name(), fingerprints.get(m.name()).data(), new StateStore.Interval(s, e));
            }
        }
    }

    /** Whether the state holds a built snapshot {@code fingerprint} of {@code model}. */
    boolean isBuilt(String model, String fingerprint) {
        synchronized (store) {
            return store.snapshot(model, fingerprint).isPresent();
        }
    }
}
