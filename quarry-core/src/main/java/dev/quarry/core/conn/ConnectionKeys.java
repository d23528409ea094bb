package dev.quarry.core.conn;

import dev.quarry.core.ConfigException;
import dev.quarry.core.Log;
import dev.quarry.core.Names;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The keys a connection of each type accepts (docs/sling.md §4.3): those Quarry uses, and those Sling accepts that
 * Quarry ignores. A key in neither list is a mistake (a misspelled {@code passwrd} would otherwise silently do
 * nothing) and fails the connection with a did-you-mean; a Sling key Quarry ignores gets a warning.
 */
final class ConnectionKeys {
    private static final Set<String> COMMON =
            Set.of("type", "url", "host", "port", "user", "username", "password", "database", "dbname");
    private static final Set<String> SLING_NETWORKED =
            Set.of("schema", "ssh_tunnel", "ssh_private_key", "ssh_passphrase", "role", "statement_timeout");
    private static final Set<String> SLING_STARROCKS = Set.of(
            "max_filter_ratio",
            "strict_mode",
            "timeout",
            "timezone",
            "file_max_bytes",
            "file_max_rows",
            "use_bulk",
            "allow_bulk_export",
            "allow_bulk_import");

    private ConnectionKeys() {}

    /** Keys Quarry reads for {@code type}. */
    static Set<String> used(ConnectionType type) {
        Set<String> keys = new TreeSet<>(COMMON);
        switch (type) {
            case POSTGRES -> keys.addAll(List.of("sslmode", "timezone", "connect_timeout"));
            case MYSQL ->
                keys.addAll(
                        List.of("sslmode", "connect_timeout", "tls", "timezone", "read_threads", "read_split_rows"));
            case STARROCKS -> keys.addAll(List.of("sslmode", "connect_timeout", "fe_url"));
            case DUCKDB -> keys.addAll(List.of("instance", "path", "file"));
        }
        return keys;
    }

    /** Keys Sling accepts for {@code type} that Quarry does not use. */
    static Set<String> ignored(ConnectionType type) {
        Set<String> keys = new TreeSet<>();
        if (type.isNetworked()) {
            keys.addAll(SLING_NETWORKED);
        }
        if (type == ConnectionType.STARROCKS) {
            keys.addAll(SLING_STARROCKS);
        }
        keys.removeAll(used(type));
        return keys;
    }

    /**
     * Fails on the first key {@code type} does not accept, warns about Sling keys Quarry ignores.
     *
     * @param where the location of a key ({@code env.yaml:12}) for messages
     */
    static void check(String name, ConnectionType type, Map<String, String> keys, Function<String, String> where) {
        Set<String> used = used(type);
        Set<String> ignored = ignored(type);
        for (String key : keys.keySet()) {
            if (used.contains(key)) {
                continue;
            }
            if (ignored.contains(key)) {
                Log.warn(where.apply(key) + ": connection " + name + ": " + key
                        + " is a Sling setting Quarry does not use;" + " it is ignored");
                continue;
            }
            String suggestion = Names.didYouMean(key, used);
            throw new ConfigException(where.apply(key) + ": connection " + name + ": unknown key " + key
                    + (suggestion.isEmpty()
                            ? " (a " + type.id() + " connection takes " + String.join(", ", used) + ")"
                            : suggestion));
        }
    }
}
