package dev.quarry.models.state;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.ConfigException;
import dev.quarry.core.RunException;
import dev.quarry.core.Secrets;
import dev.quarry.models.project.ProjectConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Quarry's state (never in StarRocks, docs/sqlmesh.md §7) in a SQLite or DuckDB file or a PostgreSQL schema:
 * snapshots (a model version by fingerprint), environments (which snapshot each model points at) and the intervals
 * each snapshot has processed. The SQL is one portable subset for all three ({@link Kind} holds the differences).
 * Every change is one transaction, so a crash leaves either the old or the new state.
 *
 * <p>Only one plan or run may change a state at a time: {@link #lock} takes an OS file lock next to a database
 * file, or a PostgreSQL advisory lock; either is released if the process dies, and a second taker gets a message
 * naming the holder.
 * Promotions also check the environment's plan id, so a plan computed against an older state is refused.
 */
public final class StateStore implements AutoCloseable {
    /** What differs between the three state databases; the store's SQL is otherwise the same for all. */
    enum Kind {
        SQLITE("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'quarry_versions'"),
        DUCKDB("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                + "AND table_name = 'quarry_versions'"),
        POSTGRES(DUCKDB.versionTableSql);

        private final String versionTableSql;

        Kind(String versionTableSql) {
            this.versionTableSql = versionTableSql;
        }
    }

    private static final java.util.regex.Pattern SCHEMA_NAME =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final Kind kind;
    /** The state's location for messages; never holds a password. */
    private final String where;
    /** SQLite and DuckDB: the database file, beside which the lock file lives. */
    private final Path file;
    /** PostgreSQL: how to open another session (for the lock), and the schema holding the state. */
    private final ProjectConfig.StateConnection.Postgres postgres;

    private final String schema;
    private final Connection connection;

    private StateStore(
            Kind kind,
            String where,
            Path file,
            ProjectConfig.StateConnection.Postgres postgres,
            String schema,
            Connection connection) {
        this.kind = kind;
        this.where = where;
        this.file = file;
        this.postgres = postgres;
        this.schema = schema;
        this.connection = connection;
    }

    /** Opens (creating or migrating) the SQLite state database at {@code file}. */
    public static StateStore open(Path file) {
        return open(new ProjectConfig.StateConnection.Sqlite(file.toString()), Path.of(""), "quarry");
    }

    /**
     * Opens (creating or migrating) the state a gateway's {@code state_connection} names: a file relative to
     * {@code root} for sqlite and duckdb, else schema {@code schema} of a PostgreSQL database.
     */
    public static StateStore open(ProjectConfig.StateConnection state, Path root, String schema) {
        if (state instanceof ProjectConfig.StateConnection.Postgres pg) {
            return openPostgres(pg, schema);
        }
        boolean duck = state instanceof ProjectConfig.StateConnection.DuckDb;
        String path = duck
                ? ((ProjectConfig.StateConnection.DuckDb) state).path()
                : ((ProjectConfig.StateConnection.Sqlite) state).path();
        Path p = Path.of(path);
        Path file = p.isAbsolute() ? p : root.resolve(p);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c =
                    DriverManager.getConnection((duck ? "jdbc:duckdb:" : "jdbc:sqlite:") + file.toAbsolutePath());
            if (!duck) {
                try (Statement st = c.createStatement()) {
                    // Wait for a short write by another process instead of failing with SQLITE_BUSY.
                    st.execute("PRAGMA busy_timeout = 5000");
                    st.execute("PRAGMA journal_mode = WAL");
                }
            }
            StateStore store = new StateStore(duck ? Kind.DUCKDB : Kind.SQLITE, file.toString(), file, null, null, c);
            StateSchema.migrate(c, store.kind.versionTableSql, store.where);
            return store;
        } catch (SQLException e) {
            throw new RunException("cannot open the state database " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        }
    }

    private static StateStore openPostgres(ProjectConfig.StateConnection.Postgres pg, String schema) {
        Secrets.register(pg.password());
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new ConfigException(
                    "state_schema " + schema + " is not a plain PostgreSQL name (letters, digits, _)");
        }
        String lower = schema.toLowerCase(java.util.Locale.ROOT);
        String where =
                "postgres " + pg.user() + "@" + pg.host() + ":" + pg.port() + "/" + pg.database() + " schema " + lower;
        try {
            Connection c = postgresSession(pg, "quarry state");
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + lower);
                st.execute("SET search_path TO " + lower);
            }
            StateStore store = new StateStore(Kind.POSTGRES, where, null, pg, lower, c);
            StateSchema.migrate(c, store.kind.versionTableSql, store.where);
            return store;
        } catch (SQLException e) {
            throw new RunException("cannot open the state database " + where + ": " + Secrets.scrub(e.getMessage()), e);
        }
    }

    static Connection postgresSession(ProjectConfig.StateConnection.Postgres pg, String applicationName)
            throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", pg.user());
        props.setProperty("password", pg.password());
        props.setProperty("ApplicationName", applicationName);
        String host = pg.host().contains(":") ? "[" + pg.host() + "]" : pg.host();
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + pg.port() + "/" + pg.database(), props);
    }

    /** Where the state lives, for messages (a file, or PostgreSQL user@host:port/database schema s). */
    String where() {
        return where;
    }

    /**
     * A model version: what was built, under which fingerprint.
     *
     * @param name model name
     * @param fingerprint data fingerprint
     * @param ownFingerprint the model's own part of the data fingerprint (see
     *                       {@link dev.quarry.models.plan.Fingerprint#own()})
     * @param metadataFingerprint metadata fingerprint
     * @param version short version used in physical names
     * @param kind model kind
     * @param definition the model's source, for diffs
     */
    public record Snapshot(
            String name,
            String fingerprint,
            String ownFingerprint,
            String metadataFingerprint,
            String version,
            String kind,
            String definition) {
        public Snapshot {
            requireNonNull(name, "name is null");
            requireNonNull(fingerprint, "fingerprint is null");
            requireNonNull(ownFingerprint, "ownFingerprint is null");
            requireNonNull(metadataFingerprint, "metadataFingerprint is null");
            requireNonNull(version, "version is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(definition, "definition is null");
        }
    }

    /**
     * An environment as the state holds it: its plan and the snapshots its views point at.
     *
     * @param name environment name ({@code prod}, {@code dev}, ...)
     * @param planId the plan that last changed it
     * @param previousPlanId the plan before that
     * @param snapshots model name to the fingerprint the environment shows
     * @param updatedAt when it last changed
     */
    public record Environment(
            String name,
            String planId,
            Optional<String> previousPlanId,
            Map<String, String> snapshots,
            Instant updatedAt) {
        public Environment {
            requireNonNull(name, "name is null");
            requireNonNull(planId, "planId is null");
            requireNonNull(previousPlanId, "previousPlanId is null");
            snapshots = Collections.unmodifiableMap(new TreeMap<>(snapshots));
            requireNonNull(updatedAt, "updatedAt is null");
        }
    }

    /**
     * A processed, half-open time range {@code [start, end)}.
     *
     * @param start first instant
     * @param end first instant after the range
     */
    public record Interval(Instant start, Instant end) {
        public Interval {
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("interval end " + end + " must be after start " + start);
            }
        }
    }

    public void putSnapshot(Snapshot s) {
        write(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO snapshots (name, fingerprint, own_fingerprint, "
                            + "metadata_fingerprint, version, kind, definition, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (name, fingerprint) DO UPDATE "
                            + "SET metadata_fingerprint = excluded.metadata_fingerprint, definition = excluded.definition")) {
                ps.setString(1, s.name());
                ps.setString(2, s.fingerprint());
                ps.setString(3, s.ownFingerprint());
                ps.setString(4, s.metadataFingerprint());
                ps.setString(5, s.version());
                ps.setString(6, s.kind());
                ps.setString(7, s.definition());
                ps.setLong(8, System.currentTimeMillis());
                ps.executeUpdate();
            }
        });
    }

    public Optional<Snapshot> snapshot(String name, String fingerprint) {
        return read(() -> {
            try (PreparedStatement ps =
                    connection.prepareStatement("SELECT name, fingerprint, own_fingerprint, metadata_fingerprint, "
                            + "version, kind, definition FROM snapshots WHERE name = ? AND fingerprint = ?")) {
                ps.setString(1, name);
                ps.setString(2, fingerprint);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Snapshot(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7)))
                            : Optional.<Snapshot>empty();
                }
            }
        });
    }

    public Optional<Environment> environment(String name) {
        return read(() -> {
            String planId;
            String previous;
            long updated;
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT plan_id, previous_plan_id, updated_ms FROM environments WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Environment>empty();
                    }
                    planId = rs.getString(1);
                    previous = rs.getString(2);
                    updated = rs.getLong(3);
                }
            }
            Map<String, String> snapshots = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT name, fingerprint FROM environment_snapshots WHERE environment = ? ORDER BY name")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        snapshots.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return Optional.of(new Environment(
                    name, planId, Optional.ofNullable(previous), snapshots, Instant.ofEpochMilli(updated)));
        });
    }

    /** Every environment's name, sorted. */
    public List<String> environments() {
        return read(() -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM environments ORDER BY name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** The snapshots {@code environment} shows, by model name; empty for an unknown environment. */
    public Map<String, Snapshot> environmentSnapshots(String environment) {
        return read(() -> {
            Map<String, Snapshot> out = new TreeMap<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT s.name, s.fingerprint, s.own_fingerprint, "
                    + "s.metadata_fingerprint, s.version, s.kind, s.definition FROM environment_snapshots e JOIN snapshots s "
                    + "ON s.name = e.name AND s.fingerprint = e.fingerprint WHERE e.environment = ?")) {
                ps.setString(1, environment);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(
                                rs.getString(1),
                                new Snapshot(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        rs.getString(6),
                                        rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Points {@code environment} at {@code snapshots} as plan {@code planId}, in one transaction. {@code basedOn} is
     * the plan id the plan saw (empty for a new environment); if the environment has changed since, the promotion
     * is refused, so two plans computed from the same state cannot both apply.
     */
    public void promote(String environment, String planId, Optional<String> basedOn, Map<String, String> snapshots) {
        write(() -> {
            String current = null;
            try (PreparedStatement ps =
                    connection.prepareStatement("SELECT plan_id FROM environments WHERE name = ?")) {
                ps.setString(1, environment);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        current = rs.getString(1);
                    }
                }
            }
            if (!Optional.ofNullable(current).equals(basedOn)) {
                throw new RunException(
                        "environment " + environment + " changed since this plan was made (it is now at plan "
                                + (current == null ? "none" : current) + ", the plan expected " + basedOn.orElse("none")
                                + "); run plan again");
            }
            try (PreparedStatement ps =
                    connection.prepareStatement("INSERT INTO environments (name, plan_id, previous_plan_id, "
                            + "updated_ms) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET plan_id = excluded.plan_id, "
                            + "previous_plan_id = excluded.previous_plan_id, updated_ms = excluded.updated_ms")) {
                ps.setString(1, environment);
                ps.setString(2, planId);
                ps.setString(3, current);
                ps.setLong(4, System.currentTimeMillis());
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    connection.prepareStatement("DELETE FROM environment_snapshots WHERE environment = ?")) {
                ps.setString(1, environment);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO environment_snapshots (environment, name, fingerprint) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> e : snapshots.entrySet()) {
                    ps.setString(1, environment);
                    ps.setString(2, e.getKey());
                    ps.setString(3, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Records that a snapshot has processed {@code interval}. */
    public void addInterval(String name, String fingerprint, Interval interval) {
        write(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO intervals (name, fingerprint, start_ms, end_ms, created_ms) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, fingerprint);
                ps.setLong(3, interval.start().toEpochMilli());
                ps.setLong(4, interval.end().toEpochMilli());
                ps.setLong(5, System.currentTimeMillis());
                ps.executeUpdate();
            }
        });
    }

    /** The ranges a snapshot has processed, overlapping and adjacent ones merged, in time order. */
    public List<Interval> intervals(String name, String fingerprint) {
        List<long[]> raw = read(() -> {
            List<long[]> out = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT start_ms, end_ms FROM intervals WHERE name = ? AND fingerprint = ? ORDER BY start_ms, end_ms")) {
                ps.setString(1, name);
                ps.setString(2, fingerprint);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
            }
            return out;
        });
        List<Interval> merged = new ArrayList<>();
        long start = 0;
        long end = Long.MIN_VALUE;
        for (long[] r : raw) {
            if (r[0] > end) {
                if (end != Long.MIN_VALUE) {
                    merged.add(new Interval(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end)));
                }
                start = r[0];
                end = r[1];
            } else {
                end = Math.max(end, r[1]);
            }
        }
        if (end != Long.MIN_VALUE) {
            merged.add(new Interval(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end)));
        }
        return merged;
    }

    /**
     * Takes the exclusive right to change this state, for one plan or run. Fails at once, naming the holder,
     * if another process (or another open store in this one) holds it. Close the lock to release it; the OS
     * releases it when the process dies.
     */
    public Lock lock(String purpose) {
        return kind == Kind.POSTGRES
                ? StateLocks.advisory(postgres, schema, where, purpose)
                : StateLocks.file(file, where, purpose);
    }

    /** Releases a lock. */
    interface Release {
        void run() throws Exception;
    }

    /** The exclusive right to change a state; close it to release. */
    public static final class Lock implements AutoCloseable {
        private final Release release;

        Lock(Release release) {
            this.release = release;
        }

        @Override
        public void close() {
            try {
                release.run();
            } catch (Exception e) {
                throw new RunException("cannot release the state lock: " + Secrets.scrub(e.getMessage()), e);
            }
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private interface SqlRead<T> {
        T run() throws SQLException;
    }

    private void write(SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new RunException("state database " + where + ": " + Secrets.scrub(e.getMessage()), e);
        }
    }

    private <T> T read(SqlRead<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new RunException("state database " + where + ": " + Secrets.scrub(e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new RunException(
                    "cannot close the state database " + where + ": " + Secrets.scrub(e.getMessage()), e);
        }
    }
}
