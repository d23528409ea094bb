package dev.quarry.models.state;

import dev.quarry.core.ConfigException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The state's tables, in SQL all three state databases accept: created in a new state, checked in an existing one. */
final class StateSchema {
    /** The schema this code writes; older files are migrated, newer ones refused. */
    static final int VERSION = 1;

    // Millisecond instants are BIGINT: INTEGER is 32 bits in DuckDB and PostgreSQL. SQLite gives both names the
    // same 64-bit integer affinity, so version-1 files written with INTEGER read the same.
    private static final String[] V1 = {
        "CREATE TABLE quarry_versions (schema_version INTEGER NOT NULL)",
        "CREATE TABLE snapshots (name TEXT NOT NULL, fingerprint TEXT NOT NULL, own_fingerprint TEXT NOT NULL, "
                + "metadata_fingerprint TEXT NOT NULL, "
                + "version TEXT NOT NULL, kind TEXT NOT NULL, definition TEXT NOT NULL, created_ms BIGINT NOT NULL, "
                + "PRIMARY KEY (name, fingerprint))",
        "CREATE TABLE environments (name TEXT PRIMARY KEY, plan_id TEXT NOT NULL, previous_plan_id TEXT, "
                + "updated_ms BIGINT NOT NULL)",
        "CREATE TABLE environment_snapshots (environment TEXT NOT NULL, name TEXT NOT NULL, fingerprint TEXT NOT NULL, "
                + "PRIMARY KEY (environment, name))",
        "CREATE TABLE intervals (name TEXT NOT NULL, fingerprint TEXT NOT NULL, start_ms BIGINT NOT NULL, "
                + "end_ms BIGINT NOT NULL, created_ms BIGINT NOT NULL)",
        "CREATE INDEX intervals_by_snapshot ON intervals (name, fingerprint)",
    };

    private StateSchema() {}

    /**
     * Creates the tables in a new state, or checks the version of an existing one, in one transaction.
     *
     * @param versionTableSql the query that finds the {@code quarry_versions} table, in the database's own catalog
     * @param where the state's location, for messages
     */
    static void migrate(Connection connection, String versionTableSql, String where) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            boolean exists;
            try (ResultSet rs = st.executeQuery(versionTableSql)) {
                exists = rs.next();
            }
            int version = 0;
            if (exists) {
                try (ResultSet rs = st.executeQuery("SELECT MAX(schema_version) FROM quarry_versions")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
            }
            if (version > VERSION) {
                connection.rollback();
                throw new ConfigException("the state database " + where + " has schema version " + version
                        + ", written by a newer Quarry; this Quarry reads up to version " + VERSION);
            }
            if (version < 1) {
                for (String ddl : V1) {
                    st.execute(ddl);
                }
                st.execute("INSERT INTO quarry_versions (schema_version) VALUES (1)");
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
