package dev.quarry.models;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.ConfigException;
import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.core.conn.ConnectionType;
import dev.quarry.models.apply.Executor;
import dev.quarry.models.plan.Fingerprints;
import dev.quarry.models.plan.PhysicalNames;
import dev.quarry.models.plan.Plan;
import dev.quarry.models.plan.Planner;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.Project;
import dev.quarry.models.project.ProjectConfig;
import dev.quarry.models.state.StateStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A loaded project with its gateway: the StarRocks connection models run on and the state store. The entry point
 * for plan, apply and run.
 */
public final class Workspace implements AutoCloseable {
    /** Where state lives when config.yaml names no state_connection. */
    static final String DEFAULT_STATE = ".quarry/state.db";

    private final Project project;
    private final ProjectConfig.Gateway gateway;
    private final ConnectionSpec connection;
    private final int concurrentTasks;
    private final StateStore state;

    private Workspace(
            Project project,
            ProjectConfig.Gateway gateway,
            ConnectionSpec connection,
            int concurrentTasks,
            StateStore state) {
        this.project = project;
        this.gateway = gateway;
        this.connection = connection;
        this.concurrentTasks = concurrentTasks;
        this.state = state;
    }

    /**
     * Opens {@code project}'s gateway ({@code gatewayName}, else the default one).
     *
     * @param namedConnections resolves {@code connection: NAME} to a Quarry connection (env.yaml)
     */
    public static Workspace open(
            Project project, Optional<String> gatewayName, Function<String, ConnectionSpec> namedConnections) {
        ProjectConfig.Gateway gateway = gateway(project, gatewayName);
        ConnectionSpec spec;
        int concurrency;
        if (gateway.connection() instanceof ProjectConfig.Connection.StarRocks sr) {
            spec = starRocks(gateway.name(), sr);
            concurrency = sr.concurrentTasks();
        } else {
            String name = ((ProjectConfig.Connection.Named) gateway.connection()).name();
            try {
                spec = namedConnections.apply(name);
            } catch (ConfigException e) {
                throw new ConfigException(
                        project.root().resolve("config.yaml") + ": gateway " + gateway.name() + ": " + e.getMessage(),
                        e);
            }
            if (spec.type() != ConnectionType.STARROCKS) {
                throw new ConfigException("gateway " + gateway.name() + ": connection " + name + " is "
                        + spec.type().id() + ", models run on starrocks");
            }
            concurrency = 4;
        }
        return new Workspace(
                project,
                gateway,
                spec,
                concurrency,
                StateStore.open(gateway.stateConnection(), project.root(), gateway.stateSchema()));
    }

    /**
     * The StarRocks connection of a project's gateway, read from its config alone, without loading the models
     * (for commands that only need the connection, such as fetch).
     */
    public static ConnectionSpec connection(
            java.nio.file.Path root,
            Map<String, String> env,
            Optional<String> gatewayName,
            Function<String, ConnectionSpec> namedConnections) {
        ProjectConfig config = ProjectConfig.load(root, env);
        ProjectConfig.Gateway gateway = gateway(config, root, gatewayName);
        if (gateway.connection() instanceof ProjectConfig.Connection.StarRocks sr) {
            return starRocks(gateway.name(), sr);
        }
        return namedConnections.apply(((ProjectConfig.Connection.Named) gateway.connection()).name());
    }

    static ProjectConfig.Gateway gateway(Project project, Optional<String> name) {
        return gateway(project.config(), project.root(), name);
    }

    static ProjectConfig.Gateway gateway(ProjectConfig config, java.nio.file.Path root, Optional<String> name) {
        Map<String, ProjectConfig.Gateway> gateways = config.gateways();
        String wanted = name.or(() -> config.defaultGateway()).orElse(null);
        if (wanted == null) {
            if (gateways.isEmpty()) {
                throw new ConfigException(root.resolve("config.yaml") + ": no gateway is defined; add gateways: with a "
                        + "starrocks connection");
            }
            return gateways.values().iterator().next();
        }
        ProjectConfig.Gateway g = gateways.get(wanted);
        if (g == null) {
            throw new ConfigException("gateway " + wanted + " is not defined in config.yaml"
                    + dev.quarry.core.Names.didYouMean(wanted, gateways.keySet()));
        }
        return g;
    }

    static ConnectionSpec starRocks(String gatewayName, ProjectConfig.Connection.StarRocks sr) {
        Map<String, String> props = new TreeMap<>();
        props.put(
                "fe_url",
                sr.feUrl()
                        .orElse("http://" + (sr.host().contains(":") ? "[" + sr.host() + "]" : sr.host()) + ":"
                                + sr.httpPort()));
        return new ConnectionSpec(
                "gateway " + gatewayName,
                ConnectionType.STARROCKS,
                sr.host(),
                sr.port(),
                sr.user(),
                sr.password(),
                sr.database().orElse(""),
                props);
    }

    public Project project() {
        return project;
    }

    public String gatewayName() {
        return gateway.name();
    }

    /** The StarRocks connection of the gateway. */
    public ConnectionSpec connection() {
        return connection;
    }

    public StateStore state() {
        return state;
    }

    public int concurrentTasks() {
        return concurrentTasks;
    }

    /** The exclusive right to change the state; a second plan or run gets a clear message instead. */
    public StateStore.Lock lock(String purpose) {
        return state.lock(purpose);
    }

    public Plan plan(String environment, Planner.Options options, Instant now) {
        return Planner.plan(project, state, environment, options, now);
    }

    public Executor executor(Consumer<String> progress) {
        return new Executor(project, connection, state, concurrentTasks, progress);
    }

    /** Plans and applies what is due by cron in {@code environment}; holds the lock throughout. */
    public Executor.Result run(String environment, Instant now, List<String> warnings, Consumer<String> progress) {
        try (StateStore.Lock lock = lock("run " + environment)) {
            Plan plan = Planner.run(project, state, environment, now, warnings);
            return executor(progress).apply(plan);
        }
    }

    /** The physical table (or view) and the environment view of {@code model}. */
    public record TableNames(String physical, String view) {
        public TableNames {
            requireNonNull(physical, "physical is null");
            requireNonNull(view, "view is null");
        }
    }

    /** Where {@code model} lives: its current physical object and its view in {@code environment}. */
    public TableNames tableNames(String modelName, String environment) {
        String env = PhysicalNames.checkEnvironment(environment);
        Model m = project.model(modelName)
                .orElseThrow(() -> new ConfigException("model " + modelName + " is not in the project"
                        + dev.quarry.core.Names.didYouMean(
                                modelName, project.models().keySet())));
        String fp = state.environment(env)
                .map(e -> e.snapshots().get(m.name()))
                .orElseGet(() -> Fingerprints.of(project).get(m.name()).data());
        if (fp == null) {
            fp = Fingerprints.of(project).get(m.name()).data();
        }
        if (!m.kind().kind().isMaterialized()) {
            return new TableNames(m.name(), m.name());
        }
        String physical = PhysicalNames.physicalTable(m, PhysicalNames.version(fp));
        return new TableNames(
                PhysicalNames.physicalDatabase(m) + "." + physical,
                PhysicalNames.environmentDatabase(m, env) + "." + m.table());
    }

    @Override
    public void close() {
        state.close();
    }
}
