package dev.quarry.core.conn;

import dev.quarry.core.ConfigException;
import dev.quarry.core.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/** The kinds of database Quarry talks to, and everything that differs between them on the JDBC side. */
public enum ConnectionType {
    POSTGRES("postgres", 5432) {
        @Override
        String jdbcUrl(ConnectionSpec spec) {
            return "jdbc:postgresql://" + hostForUrl(spec.host()) + ":" + spec.port() + "/" + spec.database();
        }

        @Override
        void addDriverProperties(ConnectionSpec spec, Properties props) {
            // pgjdbc takes both in seconds; loginTimeout also bounds a server that accepts but never answers.
            props.setProperty("connectTimeout", Integer.toString(spec.connectTimeoutSeconds()));
            props.setProperty("loginTimeout", Integer.toString(spec.connectTimeoutSeconds()));
            props.setProperty("ApplicationName", "quarry");
            spec.property("sslmode").ifPresent(mode -> props.setProperty("sslmode", mode));
        }

        @Override
        void afterConnect(ConnectionSpec spec, Connection connection) throws SQLException {
            // pgjdbc sets the session TimeZone to the JVM's default zone, so timestamptz text (and
            // now()::timestamp) would change with the machine running Quarry; pin it to the timezone key.
            String sql =
                    "SET TIME ZONE '" + spec.property("timezone").orElse("UTC").replace("'", "''") + "'";
            Log.sql(sql);
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            }
        }
    },
    MYSQL("mysql", 3306) {
        @Override
        String jdbcUrl(ConnectionSpec spec) {
            return "jdbc:mysql://" + hostForUrl(spec.host()) + ":" + spec.port() + "/" + spec.database();
        }

        @Override
        void addDriverProperties(ConnectionSpec spec, Properties props) {
            props.setProperty("connectTimeout", Integer.toString(spec.connectTimeoutSeconds() * 1000));
            // connectTimeout covers only the TCP connect; a peer that accepts and never speaks would hang
            // the handshake, so reads are bounded too until afterConnect lifts the limit.
            props.setProperty("socketTimeout", Integer.toString(spec.connectTimeoutSeconds() * 1000));
            // UTF-8 makes Connector/J speak utf8mb4, so 4-byte characters (emoji) arrive intact.
            props.setProperty("characterEncoding", "UTF-8");
            // Sling's MySQL key is tls (docs/sling.md §4.1); sslmode (libpq's words) is taken too, and wins.
            spec.property("tls").ifPresent(tls -> props.setProperty("sslMode", slingTls(tls)));
            spec.property("sslmode").ifPresent(mode -> props.setProperty("sslMode", connectorJSslMode(mode)));
        }

        @Override
        void afterConnect(ConnectionSpec spec, Connection connection) throws SQLException {
            super.afterConnect(spec, connection);
            // TIMESTAMP values print in the session zone; pin it like PostgreSQL's (docs/type-mapping.md §7.5).
            String sql = "SET time_zone = '"
                    + spec.property("timezone")
                            .orElse("+00:00")
                            .replace("\\", "\\\\")
                            .replace("'", "''") + "'";
            Log.sql(sql);
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            }
        }
    },
    // The FE query_port (MySQL protocol) defaults to 9030 (docs/starrocks.md §7.1).
    STARROCKS("starrocks", 9030) {
        @Override
        String jdbcUrl(ConnectionSpec spec) {
            return "jdbc:mysql://" + hostForUrl(spec.host()) + ":" + spec.port() + "/" + spec.database();
        }

        @Override
        void addDriverProperties(ConnectionSpec spec, Properties props) {
            props.setProperty("connectTimeout", Integer.toString(spec.connectTimeoutSeconds() * 1000));
            props.setProperty("socketTimeout", Integer.toString(spec.connectTimeoutSeconds() * 1000));
            // The FE's MySQL port speaks no TLS unless configured to; Connector/J would otherwise try it first.
            props.setProperty(
                    "sslMode",
                    spec.property("sslmode")
                            .map(ConnectionType::connectorJSslMode)
                            .orElse("DISABLED"));
        }
    },
    DUCKDB("duckdb", 0) {
        @Override
        String jdbcUrl(ConnectionSpec spec) {
            return "jdbc:duckdb:" + spec.database();
        }

        @Override
        void addDriverProperties(ConnectionSpec spec, Properties props) {
            // A local file: nothing to time out, no credentials.
        }

        @Override
        public boolean isNetworked() {
            return false;
        }
    };

    private final String id;
    private final int defaultPort;

    ConnectionType(String id, int defaultPort) {
        this.id = id;
        this.defaultPort = defaultPort;
    }

    /** The names a type or URL scheme may use for this type, lower case. */
    private List<String> aliases() {
        return switch (this) {
            case POSTGRES -> List.of("postgres", "postgresql", "pg");
            case MYSQL -> List.of("mysql", "mariadb");
            case STARROCKS -> List.of("starrocks");
            case DUCKDB -> List.of("duckdb");
        };
    }

    /** The schemas holding the server's own catalog, lower case. */
    private Set<String> systemSchemas() {
        return switch (this) {
            case POSTGRES -> Set.of("pg_catalog", "information_schema", "pg_toast");
            case MYSQL -> Set.of("information_schema", "mysql", "performance_schema", "sys");
            case STARROCKS -> Set.of("information_schema", "_statistics_", "sys");
            case DUCKDB -> Set.of("information_schema", "pg_catalog");
        };
    }

    /** The name used in env.yaml ({@code type: postgres}) and shown by {@code conns list}. */
    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Whether connections of this type have a host and port (DuckDB is a local file). */
    public boolean isNetworked() {
        return true;
    }

    /** MySQL and StarRocks share the MySQL wire protocol and its SQL lexing ({@code #} comments, backslash escapes). */
    public boolean speaksMysqlProtocol() {
        return this == MYSQL || this == STARROCKS;
    }

    /** Whether a schema holds the server's own catalog rather than user tables. */
    public boolean isSystemSchema(String schema) {
        String s = schema.toLowerCase(Locale.ROOT);
        // PostgreSQL also has per-session pg_temp_N / pg_toast_temp_N schemas.
        return systemSchemas().contains(s) || (this == POSTGRES && s.startsWith("pg_"));
    }

    abstract String jdbcUrl(ConnectionSpec spec);

    /**
     * Session setup right after connecting. For the MySQL protocol it lifts the handshake read timeout
     * (statements may legitimately run for hours).
     */
    void afterConnect(ConnectionSpec spec, Connection connection) throws SQLException {
        if (speaksMysqlProtocol()) {
            connection.setNetworkTimeout(Runnable::run, 0);
        }
    }

    abstract void addDriverProperties(ConnectionSpec spec, Properties props);

    /** Parses a type name or URL scheme ({@code postgresql}, {@code mariadb}, ...), case-insensitively. */
    public static ConnectionType parse(String name, String where) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (ConnectionType type : values()) {
            if (type.aliases().contains(wanted)) {
                return type;
            }
        }
        throw new ConfigException(where + ": unknown connection type \"" + name + "\" (known: " + knownIds() + ")");
    }

    static String knownIds() {
        return Arrays.stream(values()).map(ConnectionType::id).collect(Collectors.joining(", "));
    }

    static boolean isKnownScheme(String scheme) {
        String s = scheme.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).anyMatch(t -> t.aliases().contains(s));
    }

    private static String hostForUrl(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * Maps Sling's MySQL {@code tls} values (those of Go's MySQL driver: {@code true}, {@code skip-verify},
     * {@code preferred}, {@code false}) onto Connector/J's sslMode.
     */
    private static String slingTls(String tls) {
        return switch (tls.strip().toLowerCase(Locale.ROOT)) {
            case "false", "disable", "disabled" -> "DISABLED";
            case "preferred" -> "PREFERRED";
            case "skip-verify" -> "REQUIRED";
            case "true" -> "VERIFY_IDENTITY";
            default ->
                throw new ConfigException("unknown tls \"" + tls + "\" (use true, skip-verify, preferred or false)");
        };
    }

    /** Maps libpq-style sslmode values (what Sling users write) onto Connector/J's sslMode. */
    private static String connectorJSslMode(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "disable", "disabled" -> "DISABLED";
            case "allow", "prefer", "preferred" -> "PREFERRED";
            case "require", "required" -> "REQUIRED";
            case "verify-ca", "verify_ca" -> "VERIFY_CA";
            case "verify-full", "verify_identity" -> "VERIFY_IDENTITY";
            default ->
                throw new ConfigException(
                        "unknown sslmode \"" + mode + "\" (use disable, prefer, require, verify-ca or verify-full)");
        };
    }
}
