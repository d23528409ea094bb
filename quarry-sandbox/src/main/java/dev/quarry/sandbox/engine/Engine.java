package dev.quarry.sandbox.engine;

import java.util.Optional;

/**
 * The sandbox's StarRocks-semantics engine. The MySQL and HTTP front ends are its only callers; it knows
 * nothing about sockets. Thread-safe: many sessions and loads run concurrently.
 */
public interface Engine extends AutoCloseable {

    /** Opens (or creates, or recovers from {@code config.dataDir()}) an engine. */
    static Engine open(EngineConfig config) throws SqlError {
        return EngineFactory.open(config);
    }

    /** A MySQL-protocol session of an authenticated user, with no current database. */
    EngineSession openSession(String user);

    /**
     * Begins a load transaction into {@code database.table} under {@code label} (the caller generates a UUID
     * label when the client sent none).
     *
     * @throws SqlError unknown database/table; {@link LabelAlreadyExistsException} when a transaction with this
     *     label exists in the database and is not ABORTED (docs/starrocks.md §1.5)
     */
    LoadTxn beginLoad(String database, String table, String label) throws SqlError;

    /** State of the transaction that used {@code label} in {@code database}, as for {@code get_load_state}. */
    Optional<TxnState> labelState(String database, String label) throws SqlError;

    /** Current FE configuration (ADMIN SET FRONTEND CONFIG changes it). */
    String frontendConfig(String key);

    /** Tells the engine the addresses it should report (SHOW BACKENDS, SHOW FRONTENDS, ErrorURL hosts). */
    void advertise(Addresses addresses);

    @Override
    void close();

    /** Ports the server actually bound (port 0 resolved). */
    record Addresses(String host, int queryPort, int httpPort, int beHttpPort) {}
}
