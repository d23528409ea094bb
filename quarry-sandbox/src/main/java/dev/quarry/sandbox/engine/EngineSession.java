package dev.quarry.sandbox.engine;

import java.util.Optional;

/** One client connection's view of the engine: current database, session variables. Not thread-safe. */
public interface EngineSession extends AutoCloseable {

    String user();

    Optional<String> database();

    /** COM_INIT_DB and {@code USE db}: fails with StarRocks' unknown-database error. */
    void useDatabase(String database) throws SqlError;

    /**
     * Executes one SQL statement (the front end splits nothing: clients send one statement per COM_QUERY
     * unless multi-statements are enabled, which the sandbox does not advertise).
     */
    StatementResult execute(String sql) throws SqlError;

    /** Rolls back anything open. */
    @Override
    void close();
}
