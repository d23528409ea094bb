package dev.quarry.core.conn;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.ConfigException;
import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import dev.quarry.core.Secrets;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A named database connection. For DuckDB, {@code database} is the file path and host/port are unused.
 * {@code properties} holds every other key (lower-case), such as {@code fe_url}, {@code sslmode},
 * {@code schema}, {@code connect_timeout}. {@link #toString()} never shows the password.
 */
public record ConnectionSpec(
        String name,
        ConnectionType type,
        String host,
        int port,
        String user,
        String password,
        String database,
        Map<String, String> properties) {

    static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
    /** StarRocks FE HTTP port (Stream Load, /api/*) when fe_url is not given (docs/sling.md §4.3). */
    static final int DEFAULT_FE_HTTP_PORT = 8030;

    private static final Set<String> MAIN_KEYS = Set.of(
            "type",
            "url",
            "host",
            "port",
            "user",
            "username",
            "password",
            "database",
            "dbname",
            "instance",
            "path",
            "file");

    public ConnectionSpec {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        host = host == null ? "" : host;
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        database = database == null ? "" : database;
        properties = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(properties, "properties is null")));
        if (name.isBlank()) {
            throw new ConfigException("name is blank");
        }
        if (type.isNetworked() && (host.isEmpty() || port < 1 || port > 65535)) {
            throw new ConfigException("a " + type.id() + " connection needs a host and a port in 1..65535");
        }
        if (!type.isNetworked() && database.isEmpty()) {
            throw new ConfigException("a " + type.id() + " connection needs a database file");
        }
        // Registered here so that every password Quarry ever holds is scrubbed from output.
        Secrets.register(password);
        properties.forEach((k, v) -> {
            if (Secrets.isSecretKey(k)) {
                Secrets.register(v);
            }
        });
        String feUrl = properties.get("fe_url");
        if (feUrl != null) {
            registerFeSecret(feUrl);
        }
    }

    /** A password written in {@code fe_url} is a secret like any other (docs/sling.md §4.3). */
    private static void registerFeSecret(String feUrl) {
        String[] credentials = userInfo(feUrl);
        if (credentials != null) {
            Secrets.register(credentials[1]);
        }
    }

    /**
     * Builds a connection from env.yaml-style keys ({@code type, host, port, user, password, database})
     * or a {@code url} plus extras; explicit keys override parts of the URL. {@code where} names the
     * location of a key (null for the entry as a whole) for error messages, e.g. {@code env.yaml:12}.
     */
    public static ConnectionSpec fromKeys(String name, Map<String, String> rawKeys, Function<String, String> where) {
        Map<String, String> given = new LinkedHashMap<>();
        rawKeys.forEach((k, v) -> given.put(k.strip().toLowerCase(Locale.ROOT), v == null ? "" : v));
        String entry = where.apply(null) + ": connection " + name;

        Map<String, String> keys = new LinkedHashMap<>();
        if (given.containsKey("url") && !given.get("url").isBlank()) {
            keys.putAll(ConnectionUrl.parse(given.get("url"), where.apply("url") + ": connection " + name));
        }
        given.forEach((k, v) -> {
            if (!k.equals("url") && !(v.isEmpty() && keys.containsKey(k) && !k.equals("password"))) {
                keys.put(k, v);
            }
        });

        String typeName = keys.get("type");
        if (typeName == null || typeName.isBlank()) {
            throw new ConfigException(
                    entry + ": no type (set type=" + ConnectionType.knownIds().replace(", ", "|") + " or a url=...)");
        }
        ConnectionType type = ConnectionType.parse(typeName, where.apply("type") + ": connection " + name);
        ConnectionKeys.check(name, type, keys, where);

        String user = firstOf(keys, "user", "username");
        String password = keys.getOrDefault("password", "");
        Secrets.register(password);
        String database = firstOf(keys, "database", "dbname");
        String host = keys.getOrDefault("host", "").strip();
        int port = type.defaultPort();

        if (type.isNetworked()) {
            if (host.isEmpty()) {
                throw new ConfigException(
                        entry + ": no host (set host=... or url=" + type.id() + "://user:password@host:port/database)");
            }
            String portText = keys.getOrDefault("port", "").strip();
            if (!portText.isEmpty()) {
                port = parsePort(portText, where.apply("port") + ": connection " + name);
            }
        } else {
            String file = firstOf(keys, "database", "instance", "path", "file");
            if (file.isEmpty()) {
                throw new ConfigException(entry + ": no database file (set instance=/path/to/file.duckdb)");
            }
            database = file;
        }

        Map<String, String> extra = new TreeMap<>();
        keys.forEach((k, v) -> {
            if (!MAIN_KEYS.contains(k)) {
                extra.put(k, v);
            }
        });
        String timeout = extra.get("connect_timeout");
        if (timeout != null && parsePositive(timeout) < 0) {
            throw new ConfigException(where.apply("connect_timeout") + ": connection " + name + ": connect_timeout \""
                    + timeout + "\" is not a positive number of seconds");
        }
        String feUrl = extra.get("fe_url");
        if (feUrl != null) {
            registerFeSecret(feUrl);
            checkFeUrl(feUrl, where.apply("fe_url") + ": connection " + name);
        }
        return new ConnectionSpec(name, type, host, port, user, password, database, extra);
    }

    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key.toLowerCase(Locale.ROOT)));
    }

    /** {@code host:port}, or the file path for DuckDB: what error messages name. */
    public String address() {
        return type.isNetworked() ? (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port : database;
    }

    public int connectTimeoutSeconds() {
        return property("connect_timeout").map(ConnectionSpec::parsePositive).orElse(DEFAULT_CONNECT_TIMEOUT_SECONDS);
    }

    /**
     * The StarRocks FE HTTP endpoint (Stream Load): {@code fe_url} without any credentials written in it, else
     * {@code http://<host>:8030} (docs/sling.md §4.3).
     */
    public URI feUrl() {
        String given = property("fe_url").orElse("").strip();
        String url =
                given.isEmpty() ? "http://" + address().replaceFirst(":\\d+$", "") + ":" + DEFAULT_FE_HTTP_PORT : given;
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        String authority = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
        return URI.create(uri.getScheme() + "://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    }

    /**
     * The user for Stream Load: the one written in {@code fe_url} ({@code http://root:@fe:8030}, Sling's form), else the
     * connection's (docs/sling.md §4.3).
     */
    public String feUser() {
        return feCredentials().map(c -> c[0]).filter(u -> !u.isEmpty()).orElse(user);
    }

    /** The password for Stream Load: the one in {@code fe_url} when it names a user, else the connection's. */
    public String fePassword() {
        return feCredentials().filter(c -> !c[0].isEmpty()).map(c -> c[1]).orElse(password);
    }

    /** {@code [user, password]} decoded from {@code fe_url}'s user info, if it has any. */
    private Optional<String[]> feCredentials() {
        return property("fe_url").map(ConnectionSpec::userInfo);
    }

    private static String[] userInfo(String feUrl) {
        URI uri;
        try {
            uri = URI.create(feUrl.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String info = uri.getRawUserInfo();
        if (info == null) {
            return null;
        }
        int colon = info.indexOf(':');
        String u = colon < 0 ? info : info.substring(0, colon);
        String p = colon < 0 ? "" : info.substring(colon + 1);
        return new String[] {decode(u), decode(p)};
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    public String jdbcUrl() {
        return type.jdbcUrl(this);
    }

    /** Driver properties, including user and password; never log these. */
    public Properties jdbcProperties() {
        Properties props = new Properties();
        if (!user.isEmpty()) {
            props.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        type.addDriverProperties(this, props);
        return props;
    }

    /**
     * Opens a JDBC connection through {@link DriverManager} (drivers are runtime dependencies of the
     * caller). Failures become a one-line {@link RunException} naming the connection and host:port.
     */
    public Connection open() {
        Log.debug("connecting to " + describe());
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(jdbcUrl(), jdbcProperties());
            type.afterConnect(this, connection);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new RunException("cannot connect to " + describe() + ": " + reason(e, connectTimeoutSeconds()), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The session is unusable anyway; the original failure is what the user needs to see.
            }
        }
    }

    /** {@code PG (postgres at db.example.com:5432)}. */
    public String describe() {
        return name + " (" + type.id() + " at " + address() + ")";
    }

    /** The connection as a URL with the password masked, for display. */
    public String maskedUrl() {
        if (!type.isNetworked()) {
            return "duckdb://" + database;
        }
        String credentials =
                user.isEmpty() && password.isEmpty() ? "" : user + (password.isEmpty() ? "" : ":" + Secrets.MASK) + "@";
        return type.id() + "://" + credentials + address() + "/" + database;
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        properties.forEach((k, v) -> shown.put(k, Secrets.isSecretKey(k) ? Secrets.MASK : Secrets.scrub(v)));
        return "ConnectionSpec[" + name + ", " + maskedUrl() + (shown.isEmpty() ? "" : ", " + shown) + "]";
    }

    /** The most telling part of a driver failure: network causes in plain words, else the first line. */
    static String reason(SQLException e, int timeoutSeconds) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer within " + timeoutSeconds + " s (connect_timeout)";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof SocketException && t.getMessage() != null) {
                return t.getMessage().toLowerCase(Locale.ROOT) + " before the server answered";
            }
        }
        String message = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline).strip() : message;
    }

    private static String firstOf(Map<String, String> keys, String... names) {
        for (String n : names) {
            String v = keys.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    private static int parsePort(String text, String where) {
        int port = parsePositive(text);
        if (port < 1 || port > 65535) {
            throw new ConfigException(where + ": port \"" + text + "\" is not a number in 1..65535");
        }
        return port;
    }

    /** The value as a positive int, or -1. */
    private static int parsePositive(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return value > 0 ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void checkFeUrl(String url, String where) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null
                || (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new ConfigException(where + ": fe_url \"" + Secrets.scrub(url) + "\" is not an http://host:port URL");
        }
    }
}
