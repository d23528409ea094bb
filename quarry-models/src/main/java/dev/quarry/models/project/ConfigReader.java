package dev.quarry.models.project;

import dev.quarry.core.Location;
import dev.quarry.core.Names;
import dev.quarry.core.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code config.yaml}: {@code {{ env_var(...) }}} templating, gateways, model defaults, variables. */
final class ConfigReader {

    private static final Pattern ENV_VAR =
            Pattern.compile("\\{\\{\\s*env_var\\(\\s*(['\"])([^'\"]*)\\1\\s*(?:,\\s*(['\"])(.*?)\\3\\s*)?\\)\\s*}}");
    private static final Pattern OTHER_TEMPLATE = Pattern.compile("\\{\\{.*?}}");

    private static final Set<String> TOP_LEVEL = Set.of(
            "gateways",
            "default_gateway",
            "model_defaults",
            "variables",
            "before_all",
            "after_all",
            // SQLMesh settings that do not change what Quarry builds; accepted so SQLMesh projects load unchanged.
            "plan",
            "run",
            "janitor",
            "format",
            "linter",
            "ui",
            "users",
            "snapshot_ttl",
            "environment_ttl",
            "pinned_environments",
            "default_target_environment",
            "project",
            "ignore_patterns",
            "cache_dir",
            "time_column_format",
            "default_test_connection",
            "model_naming",
            "notification_targets");
    private static final Set<String> GATEWAY =
            Set.of("connection", "state_connection", "state_schema", "test_connection", "variables", "scheduler");
    private static final Set<String> STARROCKS = Set.of(
            "type",
            "host",
            "port",
            "user",
            "password",
            "database",
            "http_port",
            "fe_http_port",
            "fe_url",
            "concurrent_tasks",
            "register_comments",
            "pre_ping",
            "pretty_sql",
            "charset",
            "collation",
            "ssl_disabled",
            "connect_timeout",
            "local_infile");
    private static final Set<String> MODEL_DEFAULTS = Set.of(
            "dialect",
            "kind",
            "cron",
            "owner",
            "start",
            "end",
            "physical_properties",
            "virtual_properties",
            "audits",
            "allow_partials",
            "enabled",
            "pre_statements",
            "post_statements",
            "on_virtual_update",
            // SQLMesh model_defaults that change nothing on StarRocks (docs/sqlmesh.md §1.2).
            "table_format",
            "storage_format",
            "session_properties",
            "interval_unit",
            "optimize_query",
            "formatting",
            "on_destructive_change",
            "on_additive_change",
            "batch_concurrency");

    /** The model_defaults keys above that change nothing on StarRocks; accepted and not applied. */
    private static final Set<String> DEFAULTS_WITHOUT_EFFECT = Set.of(
            "table_format",
            "storage_format",
            "session_properties",
            "interval_unit",
            "optimize_query",
            "formatting",
            "on_destructive_change",
            "on_additive_change",
            "batch_concurrency");

    private ConfigReader() {}

    /** Expands {@code {{ env_var('X') }}} and {@code {{ env_var('X', 'default') }}}; an unset X without default is an error. */
    static String expandEnv(String file, String text, Map<String, String> env) {
        Matcher m = ENV_VAR.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(2);
            String value = env.get(name);
            if (value == null) {
                value = m.group(4);
            }
            if (value == null) {
                throw new ModelException(
                        locate(file, text, m.start()),
                        "environment variable " + name + " is not set and has no default (write {{ env_var('" + name
                                + "', 'default') }} to give one)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        Matcher other = OTHER_TEMPLATE.matcher(out);
        if (other.find()) {
            // Location in the expanded text: expansion never adds line breaks unless a value has them.
            throw new ModelException(
                    locate(file, out.toString(), other.start()),
                    "unsupported template " + other.group()
                            + "; only {{ env_var('NAME') }} and {{ env_var('NAME', 'default') }} are expanded");
        }
        return out.toString();
    }

    private static Location locate(String file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(file, line, offset - lineStart + 1);
    }

    /**
     * @param modelDefaults receives model_defaults as block properties
     */
    static ProjectConfig read(
            String file, String text, Map<String, String> env, Map<String, Block.Property> modelDefaults) {
        Yaml.Mapping root = Yaml.parse(file, expandEnv(file, text, env)).mapping(file);
        root.checkKeys(TOP_LEVEL, file);
        Map<String, ProjectConfig.Gateway> gateways = new LinkedHashMap<>();
        Optional<Yaml> gatewaysYaml = root.get("gateways");
        if (gatewaysYaml.isPresent()) {
            for (Yaml.Entry e : gatewaysYaml.get().mapping("gateways").entries().values()) {
                gateways.put(e.key(), gateway(e.key(), e.value().mapping("gateway " + e.key())));
            }
        }
        Optional<String> defaultGateway = Optional.empty();
        Optional<Yaml> dg = root.get("default_gateway");
        if (dg.isPresent()) {
            String name = dg.get().text("default_gateway");
            if (!gateways.containsKey(name)) {
                throw new ModelException(
                        dg.get().location(),
                        "default_gateway " + name + " is not among the gateways " + gateways.keySet()
                                + Names.didYouMean(name, gateways.keySet()));
            }
            defaultGateway = Optional.of(name);
        } else if (!gateways.isEmpty()) {
            defaultGateway = Optional.of(gateways.keySet().iterator().next());
        }
        root.get("model_defaults").ifPresent(y -> modelDefaults.putAll(modelDefaults(y.mapping("model_defaults"))));
        return new ProjectConfig(
                gateways,
                defaultGateway,
                variables(root.get("variables")),
                statements(root.get("before_all")),
                statements(root.get("after_all")));
    }

    private static Map<String, Object> variables(Optional<Yaml> y) {
        Map<String, Object> out = new LinkedHashMap<>();
        y.ifPresent(v -> v.mapping("variables")
                .entries()
                .forEach((k, e) -> out.put(k.toLowerCase(Locale.ROOT), e.value().plain())));
        return out;
    }

    private static List<String> statements(Optional<Yaml> y) {
        List<String> out = new ArrayList<>();
        y.ifPresent(v -> v.sequence("statements").items().forEach(i -> out.add(i.text("a statement"))));
        return out;
    }

    private static ProjectConfig.Gateway gateway(String name, Yaml.Mapping m) {
        m.checkKeys(GATEWAY, "gateway " + name);
        Yaml conn = m.get("connection")
                .orElseThrow(() -> new ModelException(m.location(), "gateway " + name + " has no connection"));
        ProjectConfig.Connection connection;
        if (conn instanceof Yaml.Scalar) {
            connection = new ProjectConfig.Connection.Named(conn.text("connection"));
        } else {
            connection = starRocks(name, conn.mapping("connection"));
        }
        ProjectConfig.StateConnection state = m.get("state_connection")
                .map(s -> state(name, s.mapping("state_connection")))
                .orElse(new ProjectConfig.StateConnection.Sqlite(".quarry/state.db"));
        String stateSchema =
                m.get("state_schema").map(s -> s.text("state_schema")).orElse("quarry");
        return new ProjectConfig.Gateway(name, connection, state, stateSchema, variables(m.get("variables")));
    }

    private static ProjectConfig.Connection starRocks(String gateway, Yaml.Mapping m) {
        String where = "the connection of gateway " + gateway;
        m.checkKeys(STARROCKS, where);
        Yaml type = m.get("type")
                .orElseThrow(() -> new ModelException(m.location(), where + " has no type (type: starrocks)"));
        if (!type.text("type").equalsIgnoreCase("starrocks")) {
            throw new ModelException(
                    type.location(),
                    "connection type " + type.text("type")
                            + " is not supported: Quarry runs models on StarRocks (type: starrocks)");
        }
        String host = m.get("host")
                .map(h -> h.text("host"))
                .orElseThrow(() -> new ModelException(m.location(), where + " has no host"));
        int port = port(m.get("port"), 9030);
        int httpPort = port(m.get("http_port").or(() -> m.get("fe_http_port")), 8030);
        String user = m.get("user").map(u -> u.text("user")).orElse("root");
        String password = m.get("password").map(p -> p.text("password")).orElse("");
        Secrets.register(password);
        Optional<String> feUrl = m.get("fe_url").map(u -> u.text("fe_url"));
        feUrl.ifPresent(u -> {
            if (!u.startsWith("http://") && !u.startsWith("https://")) {
                throw new ModelException(
                        m.get("fe_url").get().location(), "fe_url must start with http:// or https://");
            }
        });
        int tasks = m.get("concurrent_tasks")
                .map(t -> positiveInt(t, "concurrent_tasks"))
                .orElse(4);
        return new ProjectConfig.Connection.StarRocks(
                host, port, user, password, m.get("database").map(d -> d.text("database")), httpPort, feUrl, tasks);
    }

    private static ProjectConfig.StateConnection state(String gateway, Yaml.Mapping m) {
        String where = "the state_connection of gateway " + gateway;
        String type =
                m.get("type").map(t -> t.text("type").toLowerCase(Locale.ROOT)).orElse("sqlite");
        switch (type) {
            case "sqlite", "duckdb" -> {
                m.checkKeys(Set.of("type", "database", "path"), where);
                String path = m.get("database")
                        .or(() -> m.get("path"))
                        .map(p -> p.text("database"))
                        .orElse(type.equals("sqlite") ? ".quarry/state.db" : ".quarry/state.duckdb");
                return type.equals("sqlite")
                        ? new ProjectConfig.StateConnection.Sqlite(path)
                        : new ProjectConfig.StateConnection.DuckDb(path);
            }
            case "postgres" -> {
                m.checkKeys(Set.of("type", "host", "port", "user", "password", "database"), where);
                m.get("password").ifPresent(p -> Secrets.register(p.text("password")));
                return new ProjectConfig.StateConnection.Postgres(
                        m.get("host").map(h -> h.text("host")).orElse("localhost"),
                        port(m.get("port"), 5432),
                        m.get("user").map(u -> u.text("user")).orElse("postgres"),
                        m.get("password").map(p -> p.text("password")).orElse(""),
                        m.get("database").map(d -> d.text("database")).orElse("postgres"));
            }
            case "starrocks" ->
                throw new ModelException(
                        m.get("type").get().location(),
                        "StarRocks cannot hold Quarry's state (no transactions, no row locks); use sqlite (the default), duckdb or postgres");
            default ->
                throw new ModelException(
                        m.get("type").get().location(),
                        "state_connection type " + type + " is not supported; use sqlite, duckdb or postgres"
                                + Names.didYouMean(type, List.of("sqlite", "duckdb", "postgres")));
        }
    }

    private static int port(Optional<Yaml> y, int absent) {
        if (y.isEmpty()) {
            return absent;
        }
        int p = positiveInt(y.get(), "port");
        if (p > 65535) {
            throw new ModelException(y.get().location(), "port must be within 1..65535, not " + p);
        }
        return p;
    }

    private static int positiveInt(Yaml y, String what) {
        String text = y.text(what);
        try {
            int v = Integer.parseInt(text.strip());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ModelException(y.location(), what + " must be a positive integer, not " + text);
    }

    private static Map<String, Block.Property> modelDefaults(Yaml.Mapping m) {
        m.checkKeys(MODEL_DEFAULTS, "model_defaults");
        Map<String, Block.Property> out = new LinkedHashMap<>();
        for (Yaml.Entry e : m.entries().values()) {
            if (DEFAULTS_WITHOUT_EFFECT.contains(e.key())) {
                continue;
            }
            Value v = e.key().equals("kind") && e.value() instanceof Yaml.Mapping km ? kind(km) : value(e.value());
            out.put(e.key(), new Block.Property(e.key(), e.keyLocation(), v));
        }
        return out;
    }

    /** {@code kind: {name: INCREMENTAL_BY_TIME_RANGE, time_column: ds}} as the MODEL-block call it stands for. */
    private static Value kind(Yaml.Mapping m) {
        Yaml name = m.get("name").orElseThrow(() -> new ModelException(m.location(), "model_defaults kind needs name"));
        List<Value> options = new ArrayList<>();
        for (Yaml.Entry e : m.entries().values()) {
            if (!e.key().equals("name")) {
                options.add(new Value.Pair(e.key(), value(e.value()), e.keyLocation(), e.key()));
            }
        }
        return new Value.Call(name.text("kind name"), options, m.location(), name.text("kind name"));
    }

    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)*");

    /** A YAML value as the MODEL-block value it stands for. */
    static Value value(Yaml y) {
        if (y instanceof Yaml.Scalar s) {
            Object v = s.value();
            if (v == null) {
                throw new ModelException(s.location(), "a value is missing");
            }
            if (v instanceof Boolean b) {
                return new Value.Bool(b, s.location(), b.toString());
            }
            if (v instanceof Number) {
                return new Value.Num(v.toString(), s.location(), v.toString());
            }
            String text = v.toString();
            if (IDENT.matcher(text).matches()) {
                return new Value.Ident(text, false, s.location(), text);
            }
            return new Value.Str(text, s.location(), "'" + text.replace("'", "''") + "'");
        }
        if (y instanceof Yaml.Sequence seq) {
            return new Value.Tuple(seq.items().stream().map(ConfigReader::value).toList(), seq.location(), "(...)");
        }
        Yaml.Mapping m = (Yaml.Mapping) y;
        List<Value> pairs = new ArrayList<>();
        for (Yaml.Entry e : m.entries().values()) {
            pairs.add(new Value.Pair(e.key().toLowerCase(Locale.ROOT), value(e.value()), e.keyLocation(), e.key()));
        }
        return new Value.Tuple(pairs, m.location(), "(...)");
    }
}
