package dev.quarry.replicate.source;

import dev.quarry.core.ConfigException;
import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.core.conn.ConnectionType;
import dev.quarry.replicate.source.pg.PgSource;
import java.sql.Connection;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** The {@link Source} implementation of each connection type Quarry replicates from. */
public final class Sources {
    private static final Map<ConnectionType, Function<Connection, Source>> OWNING = new EnumMap<>(ConnectionType.class);

    static {
        OWNING.put(ConnectionType.POSTGRES, connection -> PgSource.open(connection, true));
    }

    private Sources() {}

    /** Whether Quarry replicates from connections of {@code type}. */
    public static boolean supports(ConnectionType type) {
        return OWNING.containsKey(type);
    }

    /**
     * Connects to {@code spec} and returns a session on it, which closes the connection when it is closed.
     *
     * @throws ConfigException when Quarry cannot replicate from this type of connection
     * @throws dev.quarry.core.RunException when connecting fails
     */
    public static Source open(ConnectionSpec spec) {
        Function<Connection, Source> opener = OWNING.get(spec.type());
        if (opener == null) {
            throw new ConfigException("connection " + spec.name() + " is a "
                    + spec.type().id()
                    + " connection; Quarry replicates from "
                    + String.join(
                            ", ",
                            OWNING.keySet().stream().map(ConnectionType::id).toList())
                    + " sources");
        }
        return opener.apply(spec.open());
    }

    /** A PostgreSQL session over {@code connection} (pgjdbc), which stays open when the session is closed. */
    public static Source postgres(Connection connection) {
        return PgSource.open(connection, false);
    }
}
