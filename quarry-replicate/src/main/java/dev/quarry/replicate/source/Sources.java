package dev.quarry.replicate.source;

import dev.quarry.core.ConfigException;
import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.core.conn.ConnectionType;
import dev.quarry.replicate.source.mysql.MySqlSource;
import dev.quarry.replicate.source.pg.PgSource;
import java.sql.Connection;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** The {@link Source} implementation of each connection type Quarry replicates from. */
public final class Sources {
    private static final Map<ConnectionType, Function<ConnectionSpec, Source>> OWNING =
            new EnumMap<>(ConnectionType.class);

    static {
        OWNING.put(ConnectionType.POSTGRES, spec -> PgSource.open(spec.open(), true));
        // MySQL and MariaDB: the spec is kept so that parallel snapshot reads can open more sessions.
        OWNING.put(ConnectionType.MYSQL, MySqlSource::open);
    }

    private Sources() {}

    /** Whether Quarry replicates from connections of {@code type}. */
    public static boolean supports(ConnectionType type) {
        return OWNING.containsKey(type);
    }

    /** The connection types Quarry replicates from, for messages ({@code postgres, mysql}). */
    public static String supportedIds() {
        return String.join(
                ", ", OWNING.keySet().stream().map(ConnectionType::id).toList());
    }

    /**
     * Connects to {@code spec} and returns a session on it, which closes the connection when it is closed.
     *
     * @throws ConfigException when Quarry cannot replicate from this type of connection
     * @throws dev.quarry.core.RunException when connecting fails
     */
    public static Source open(ConnectionSpec spec) {
        Function<ConnectionSpec, Source> opener = OWNING.get(spec.type());
        if (opener == null) {
            throw new ConfigException("connection " + spec.name() + " is a "
                    + spec.type().id()
                    + " connection; Quarry replicates from "
                    + supportedIds()
                    + " sources");
        }
        return opener.apply(spec);
    }

    /** A PostgreSQL session over {@code connection} (pgjdbc), which stays open when the session is closed. */
    public static Source postgres(Connection connection) {
        return PgSource.open(connection, false);
    }

    /** A MySQL or MariaDB session over {@code connection} (Connector/J), which stays open when the session is closed. */
    public static Source mysql(Connection connection) {
        return MySqlSource.over(connection);
    }
}
