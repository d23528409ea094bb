package dev.quarry.sandbox.engine;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * The engine on one DuckDB connection. Every DuckDB call runs under {@link #lock}: statements of all sessions and
 * loads are serialised, which keeps DuckDB's one-writer rule and our catalog consistent at the price of
 * parallelism the sandbox does not need.
 */
final class DuckEngine implements Engine {
    /** DuckDB catalog holding the sandbox's data. */
    static final String STORAGE = "__sandbox";

    /** DuckDB catalog names a StarRocks database cannot shadow. */
    static final java.util.Set<String> DUCKDB_RESERVED = java.util.Set.of("temp", "system", STORAGE);

    /** StarRocks numbers the first backend 10001 (docs/starrocks.md §3.8, observed message). */
    static final long FIRST_BACKEND_ID = 10001;

    final EngineConfig config;
    final Catalog catalog = new Catalog();
    final FeConfig fe = new FeConfig();
    final ReentrantLock lock = new ReentrantLock();
    private final DuckDBConnection conn;
    private final AtomicLong txnIds = new AtomicLong(1000);
    private final AtomicLong objectIds = new AtomicLong(10000);
    private final AtomicLong connectionIds = new AtomicLong();
    private final Map<String, DuckLoadTxn> running = new ConcurrentHashMap<>();
    private final MaterializedViews mvs;
    private volatile Addresses addresses = new Addresses("127.0.0.1", 9030, 8030, 8040);
    private String currentSchema = "";
    private volatile boolean closed;

    private DuckEngine(EngineConfig config, DuckDBConnection conn) {
        this.config = config;
        this.conn = conn;
        this.mvs = new MaterializedViews(this);
    }

    static DuckEngine open(EngineConfig config) throws SqlError {
        String target = ":memory:";
        try {
            if (config.dataDir() != null) {
                Files.createDirectories(config.dataDir());
                target = config.dataDir()
                        .resolve("sandbox.duckdb")
                        .toAbsolutePath()
                        .toString();
            }
            DuckDBConnection conn = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", new Properties());
            // The storage is attached under a name no StarRocks database can take ('__' prefixes are refused), and
            // DuckDB's default 'memory' catalog is detached: otherwise a database named 'memory' would be ambiguous.
            try {
                exec(conn, "ATTACH " + Sql.quoteString(target) + " AS " + STORAGE);
                exec(conn, "USE " + STORAGE);
                exec(conn, "DETACH memory");
                try {
                    // DuckDB's own zone would leak into casts of zoned values; the engine computes those itself.
                    exec(conn, "SET TimeZone = 'UTC'");
                } catch (SQLException ignored) {
                    // Without ICU there are no zoned types to worry about.
                }
                DuckEngine engine = new DuckEngine(config, conn);
                engine.init();
                return engine;
            } catch (SQLException | RuntimeException e) {
                conn.close();
                throw e;
            }
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            throw new SqlError(
                    1064,
                    "HY000",
                    "cannot open the sandbox storage" + (config.dataDir() == null ? "" : " in " + config.dataDir())
                            + ": " + m.split("\n", 2)[0]);
        } catch (java.io.IOException e) {
            throw new SqlError(
                    1064, "HY000", "cannot create the data directory " + config.dataDir() + ": " + e.getMessage());
        }
    }

    private void init() throws SQLException {
        Catalog.createSchema(conn);
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS __nodb");
            for (String macro : Functions.MACROS) {
                s.execute(macro);
            }
            Functions.registerNow(conn, config.clock());
            InformationSchema.create(s);
            try (ResultSet rs =
                    s.executeQuery("SELECT coalesce(max(txn_id), 1000) FROM " + Catalog.SCHEMA + ".labels")) {
                rs.next();
                txnIds.set(rs.getLong(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT greatest((SELECT coalesce(max(id), 10000) FROM " + Catalog.SCHEMA
                    + ".tbls), (SELECT coalesce(max(id), 10000) FROM " + Catalog.SCHEMA + ".dbs))")) {
                rs.next();
                objectIds.set(rs.getLong(1));
            }
        }
        catalog.reload(conn);
        mvs.start();
    }

    @Override
    public EngineSession openSession(String user) {
        return new DuckSession(this, Objects.requireNonNull(user, "user is null"), connectionIds.incrementAndGet());
    }

    @Override
    public LoadTxn beginLoad(String database, String table, String label) throws SqlError {
        lock.lock();
        try {
            if (!catalog.hasDatabase(database)) {
                throw unknownDatabase(database);
            }
            TableDef def = catalog.table(database, table).orElseThrow(() -> unknownTable(database, table));
            if (def.kind() != TableDef.Kind.TABLE) {
                throw SqlError.analysis("Table '" + table + "' is not an OLAP table, load is not supported");
            }
            checkLabel(database, label);
            DuckLoadTxn txn = new DuckLoadTxn(this, def, label, txnIds.incrementAndGet());
            running.put(database + "\u0000" + label, txn);
            return txn;
        } finally {
            lock.unlock();
        }
    }

    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("^[-\\w]{1,128}$");

    /** Refuses a label held by a transaction that is running or finished (docs/starrocks.md §1.5: only ABORTED frees it). */
    void checkLabel(String database, String label) throws SqlError {
        // docs/starrocks.md §1.5: FeNameFormat's label rule and message.
        if (label == null || !LABEL.matcher(label).matches()) {
            throw SqlError.of("Label format error. regex: ^[-\\w]{1,128}$, label: " + label);
        }
        DuckLoadTxn active = running.get(database + "\u0000" + label);
        if (active != null) {
            throw new LabelAlreadyExistsException(label, active.state());
        }
        Optional<TxnState> stored = storedLabelState(database, label);
        if (stored.isPresent() && stored.get() != TxnState.ABORTED) {
            throw new LabelAlreadyExistsException(label, stored.get());
        }
    }

    void finished(DuckLoadTxn txn) {
        running.remove(txn.database() + "\u0000" + txn.label(), txn);
    }

    @Override
    public Optional<TxnState> labelState(String database, String label) throws SqlError {
        lock.lock();
        try {
            if (!catalog.hasDatabase(database)) {
                throw SqlError.of("unknown database, database=" + database);
            }
            DuckLoadTxn active = running.get(database + "\u0000" + label);
            if (active != null) {
                return Optional.of(active.state());
            }
            return storedLabelState(database, label);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A finished label's state while StarRocks keeps it: FE {@code label_keep_max_second} (docs/starrocks.md §1.5) after it was
     * recorded it is forgotten and free again. (StarRocks' cleaner runs every {@code label_clean_interval_second};
     * the sandbox forgets at once.)
     */
    private Optional<TxnState> storedLabelState(String database, String label) throws SqlError {
        try (PreparedStatement p = conn.prepareStatement("SELECT state FROM " + Catalog.SCHEMA
                + ".labels WHERE db = ? AND label = ? AND created > make_timestamp(CAST(? AS BIGINT) * 1000)"
                + " - to_seconds(CAST(? AS BIGINT)) ORDER BY (state <> 'ABORTED') DESC, txn_id DESC LIMIT 1")) {
            p.setString(1, database);
            p.setString(2, label);
            p.setLong(3, clock().millis());
            p.setLong(4, fe.integer("label_keep_max_second"));
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(TxnState.valueOf(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Records a label's final state; runs inside the caller's transaction for VISIBLE. */
    void recordLabel(String database, String label, long txnId, TxnState state, String table) throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("INSERT INTO " + Catalog.SCHEMA
                + ".labels VALUES (?, ?, ?, ?, ?, make_timestamp(CAST(? AS BIGINT) * 1000))")) {
            p.setString(1, database);
            p.setString(2, label);
            p.setLong(3, txnId);
            p.setString(4, state.name());
            p.setString(5, table);
            p.setLong(6, clock().millis());
            p.executeUpdate();
        }
    }

    /** Finished schema-change jobs for SHOW ALTER TABLE COLUMN; the sandbox's ALTERs complete synchronously. */
    record AlterJob(long jobId, String db, String table, long createMillis, long finishMillis, long tableId) {}

    private final java.util.List<AlterJob> alterJobs = new java.util.concurrent.CopyOnWriteArrayList<>();

    void recordAlterJob(TableDef t, long startMillis) {
        alterJobs.add(new AlterJob(nextObjectId(), t.db(), t.name(), startMillis, clock().millis(), t.id()));
    }

    java.util.List<AlterJob> alterJobs(String db) {
        return alterJobs.stream().filter(j -> j.db().equals(db)).toList();
    }

    /** Where the engine reads "now" ({@link EngineConfig#clock()}). */
    Clock clock() {
        return config.clock();
    }

    long nextTxnId() {
        return txnIds.incrementAndGet();
    }

    long nextObjectId() {
        return objectIds.incrementAndGet();
    }

    @Override
    public String frontendConfig(String key) {
        return fe.get(key);
    }

    @Override
    public void advertise(Addresses addresses) {
        this.addresses = Objects.requireNonNull(addresses, "addresses is null");
    }

    Addresses addresses() {
        return addresses;
    }

    MaterializedViews mvs() {
        return mvs;
    }

    /** The connection, for callers holding {@link #lock}. Sets DuckDB's current schema to {@code db}. */
    DuckDBConnection connection(String db) throws SQLException {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("engine lock not held");
        }
        if (closed) {
            throw new SQLException("the sandbox engine is closed");
        }
        String schema = db == null
                ? "__nodb"
                : db.equalsIgnoreCase("information_schema")
                        ? InformationSchema.SCHEMA
                        : catalog.hasDatabase(db) ? db : "__nodb";
        if (!schema.equals(currentSchema)) {
            try (Statement s = conn.createStatement()) {
                s.execute("SET schema = " + Sql.quoteString(schema));
            }
            currentSchema = schema;
        }
        return conn;
    }

    DuckDBConnection connection() throws SQLException {
        return connection(null);
    }

    /** Runs {@code work} in one DuckDB transaction; on failure rolls back data and catalog alike. */
    <T> T inTransaction(SqlWork<T> work) throws SqlError {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("engine lock not held");
        }
        if (transactionDepth > 0) {
            // Nested work joins the enclosing transaction (a SQL transaction's COMMIT runs several INSERTs).
            transactionDepth++;
            try {
                return work.run();
            } catch (SQLException e) {
                throw translate(e);
            } finally {
                transactionDepth--;
            }
        }
        transactionDepth = 1;
        try {
            return outermost(work);
        } finally {
            transactionDepth = 0;
        }
    }

    private int transactionDepth;

    private <T> T outermost(SqlWork<T> work) throws SqlError {
        try {
            conn.setAutoCommit(false);
        } catch (SQLException e) {
            throw translate(e);
        }
        try {
            T result = work.run();
            conn.commit();
            conn.setAutoCommit(true);
            return result;
        } catch (SqlError | SQLException | RuntimeException e) {
            try {
                conn.rollback();
            } catch (SQLException ignored) {
                // DuckDB may have rolled back already after a failed statement.
            }
            try {
                conn.setAutoCommit(true);
            } catch (SQLException ignored) {
                // Next inTransaction call resets it.
            }
            try {
                catalog.reload(conn);
            } catch (SQLException reloadFailure) {
                e.addSuppressed(reloadFailure);
            }
            if (e instanceof SqlError s) {
                throw s;
            }
            if (e instanceof SQLException s) {
                throw translate(s);
            }
            throw (RuntimeException) e;
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SqlError, SQLException;
    }

    /** DuckDB's message as a StarRocks analysis error (first line, without DuckDB's error class prefix). */
    static SqlError translate(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        java.util.regex.Matcher table = java.util.regex.Pattern.compile("Table with name (.+?) does not exist")
                .matcher(m);
        if (table.find()) {
            return SqlError.analysis("Unknown table '" + table.group(1) + "'.");
        }
        java.util.regex.Matcher column = java.util.regex.Pattern.compile("Referenced column \"?([^\" ]+)\"? not found")
                .matcher(m);
        if (column.find()) {
            return SqlError.analysis("Column '" + column.group(1) + "' cannot be resolved.");
        }
        int nl = m.indexOf('\n');
        if (nl > 0) {
            m = m.substring(0, nl);
        }
        m = m.replaceFirst("^[A-Za-z ]+ Error: ", "").trim();
        return SqlError.analysis(m);
    }

    static SqlError unknownDatabase(String db) {
        return new SqlError(1049, "42000", "Unknown database '" + db + "'");
    }

    /** StarRocks' unknown-table error: code 5502, SQLSTATE 42602 (docs/starrocks.md §5.9). */
    static SqlError unknownTable(String db, String table) {
        return new SqlError(
                5502, "42602", "Getting analyzing error. Detail message: Unknown table '" + db + "." + table + "'.");
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            mvs.stop();
            for (DuckLoadTxn t : running.values()) {
                t.abort("sandbox is shutting down");
            }
            closed = true;
            conn.close();
        } catch (SQLException ignored) {
            // Closing a DuckDB connection only fails when it is already gone.
        } finally {
            lock.unlock();
        }
    }
}
