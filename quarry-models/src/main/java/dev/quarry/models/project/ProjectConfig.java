package dev.quarry.models.project;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's {@code config.yaml} (docs/sqlmesh.md §1.2), with {@code {{ env_var(...) }}} already expanded.
 *
 * @param gateways gateway name to gateway, in file order
 * @param defaultGateway the gateway used when none is named; empty when there are no gateways
 * @param variables project variables for {@code @VAR('x')} / {@code @x}
 * @param beforeAll statements run before every plan or run
 * @param afterAll statements run after every plan or run
 */
public record ProjectConfig(
        Map<String, Gateway> gateways,
        Optional<String> defaultGateway,
        Map<String, Object> variables,
        List<String> beforeAll,
        List<String> afterAll) {

    /** The config of the project in {@code root} alone (config.yaml, or config.py), without reading its models. */
    public static ProjectConfig load(java.nio.file.Path root, java.util.Map<String, String> env) {
        java.nio.file.Path dir = root.toAbsolutePath().normalize();
        return ProjectLoader.config(dir, dir, env, new java.util.LinkedHashMap<>());
    }

    public ProjectConfig {
        gateways = Collections.unmodifiableMap(new LinkedHashMap<>(gateways));
        requireNonNull(defaultGateway, "defaultGateway is null");
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        beforeAll = List.copyOf(beforeAll);
        afterAll = List.copyOf(afterAll);
        if (defaultGateway.isPresent() && !gateways.containsKey(defaultGateway.get())) {
            throw new IllegalArgumentException("default gateway " + defaultGateway.get() + " is not defined");
        }
    }

    /**
     * A gateway of config.yaml: where models run and where their state lives.
     *
     * @param name gateway name
     * @param connection where models run
     * @param stateConnection where Quarry keeps its state (never StarRocks)
     * @param stateSchema schema or table prefix for state
     * @param variables gateway variables, overriding project variables
     */
    public record Gateway(
            String name,
            Connection connection,
            StateConnection stateConnection,
            String stateSchema,
            Map<String, Object> variables) {
        public Gateway {
            requireNonNull(name, "name is null");
            requireNonNull(connection, "connection is null");
            requireNonNull(stateConnection, "stateConnection is null");
            requireNonNull(stateSchema, "stateSchema is null");
            variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        }
    }

    /** The StarRocks cluster models run on. */
    public sealed interface Connection {
        /**
         * A StarRocks cluster given by its settings in config.yaml.
         *
         * @param host FE host
         * @param port FE MySQL port
         * @param user user
         * @param password password; never printed
         * @param database default database, if any
         * @param httpPort FE HTTP port for Stream Load
         * @param feUrl FE HTTP URL for Stream Load, overriding host and httpPort
         * @param concurrentTasks how many models may run at once
         */
        record StarRocks(
                String host,
                int port,
                String user,
                String password,
                Optional<String> database,
                int httpPort,
                Optional<String> feUrl,
                int concurrentTasks)
                implements Connection {
            public StarRocks {
                requireNonNull(host, "host is null");
                requireNonNull(user, "user is null");
                requireNonNull(password, "password is null");
                requireNonNull(database, "database is null");
                requireNonNull(feUrl, "feUrl is null");
                if (port < 1 || port > 65535 || httpPort < 1 || httpPort > 65535) {
                    throw new IllegalArgumentException("ports must be within 1..65535");
                }
                if (concurrentTasks < 1) {
                    throw new IllegalArgumentException("concurrent_tasks must be positive");
                }
            }

            @Override
            public String toString() {
                return "StarRocks[" + user + "@" + host + ":" + port
                        + database.map(d -> "/" + d).orElse("") + ", http " + httpPort
                        + feUrl.map(u -> ", fe_url " + u).orElse("") + ", concurrent_tasks " + concurrentTasks + "]";
            }
        }

        /**
         * A StarRocks cluster given by the name of a Quarry connection.
         *
         * @param name the name of a connection defined with {@code quarry conns}
         */
        record Named(String name) implements Connection {
            public Named {
                requireNonNull(name, "name is null");
            }
        }
    }

    /** Where state lives: SQLite (the default), DuckDB or PostgreSQL. */
    public sealed interface StateConnection {
        /**
         * State in a SQLite file.
         *
         * @param path database file, relative to the project root unless absolute
         */
        record Sqlite(String path) implements StateConnection {
            public Sqlite {
                requireNonNull(path, "path is null");
            }
        }

        /**
         * State in a DuckDB file.
         *
         * @param path database file
         */
        record DuckDb(String path) implements StateConnection {
            public DuckDb {
                requireNonNull(path, "path is null");
            }
        }

        /**
         * State in a PostgreSQL database.
         *
         * @param host host
         * @param port port
         * @param user user
         * @param password password; never printed
         * @param database database
         */
        record Postgres(String host, int port, String user, String password, String database)
                implements StateConnection {
            public Postgres {
                requireNonNull(host, "host is null");
                requireNonNull(user, "user is null");
                requireNonNull(password, "password is null");
                requireNonNull(database, "database is null");
            }

            @Override
            public String toString() {
                return "Postgres[" + user + "@" + host + ":" + port + "/" + database + "]";
            }
        }
    }
}
