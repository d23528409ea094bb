package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads what a client must know about a cluster before rendering DDL: its release, its alive backends and FE
 * configuration. Works over a JDBC connection owned by the caller (which stays open). Failures are
 * {@link RunException}s naming the statement that failed.
 */
public final class ClusterProbe {
    /** FE {@code default_replication_num}'s documented default (docs/starrocks.md §3.8). */
    static final int DEFAULT_REPLICATION_NUM = 3;

    private final Connection connection;

    private ClusterProbe(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    public static ClusterProbe of(Connection connection) {
        return new ClusterProbe(connection);
    }

    /** The server release, from {@code current_version()} (e.g. {@code 3.3.5-5ab9a8b}) or else {@code @@version_comment}. */
    public StarRocksVersion version() {
        try {
            Optional<String> v = single("SELECT current_version()");
            if (v.isPresent()) {
                return StarRocksVersion.parse(v.get());
            }
        } catch (SQLException | InvalidSpecException e) {
            Log.debug("current_version() unavailable (" + e.getMessage() + "), trying @@version_comment");
        }
        String comment;
        try {
            comment = single("SELECT @@version_comment").orElse("");
        } catch (SQLException e) {
            throw new RunException("cannot read the StarRocks version: " + e.getMessage(), e);
        }
        try {
            return StarRocksVersion.parse(comment);
        } catch (InvalidSpecException e) {
            throw new RunException("cannot read the StarRocks version from @@version_comment '" + comment + "'", e);
        }
    }

    /** Alive backends, from {@code SHOW BACKENDS} (column {@code Alive}). */
    public int aliveBackends() {
        String sql = "SHOW BACKENDS";
        Log.sql(sql);
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int alive = column(rs.getMetaData(), "Alive");
            if (alive < 0) {
                throw new RunException(sql + " returned no Alive column");
            }
            int n = 0;
            while (rs.next()) {
                if ("true".equalsIgnoreCase(rs.getString(alive))) {
                    n++;
                }
            }
            return n;
        } catch (SQLException e) {
            throw new RunException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** The value of FE configuration item {@code key} ({@code ADMIN SHOW FRONTEND CONFIG LIKE ...}), if it exists. */
    public Optional<String> frontendConfig(String key) {
        requireNonNull(key, "key is null");
        String sql = "ADMIN SHOW FRONTEND CONFIG LIKE " + Sql.literal(key);
        Log.sql(sql);
        // execute(), not executeQuery(): Connector/J refuses executeQuery() for statements starting with ADMIN.
        try (Statement st = connection.createStatement();
                ResultSet rs = resultOf(st, sql)) {
            ResultSetMetaData md = rs.getMetaData();
            int keyCol = column(md, "Key");
            int valueCol = column(md, "Value");
            if (keyCol < 0 || valueCol < 0) {
                throw new RunException(sql + " returned no Key/Value columns");
            }
            // LIKE treats '_' as a wildcard, so compare the names exactly.
            while (rs.next()) {
                if (key.equalsIgnoreCase(rs.getString(keyCol))) {
                    return Optional.ofNullable(rs.getString(valueCol));
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new RunException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The {@code replication_num} to give a table whose spec sets none: {@code min(alive backends,
     * default_replication_num)}, so a single-backend cluster works without ADMIN SET FRONTEND CONFIG (docs/starrocks.md §3.8).
     * Shared-data clusters keep one copy in object storage, so the answer there is 1.
     *
     * @throws RunException when no backend is alive (StarRocks could not create the table either)
     */
    public int defaultReplicationNum() {
        if (frontendConfig("run_mode")
                .map(m -> m.toLowerCase(Locale.ROOT).contains("shared_data"))
                .orElse(false)) {
            return 1;
        }
        int configured = frontendConfig("default_replication_num")
                .map(v -> {
                    try {
                        return Integer.parseInt(v.trim());
                    } catch (NumberFormatException e) {
                        throw new RunException("FE config default_replication_num is not a number: '" + v + "'");
                    }
                })
                .orElse(DEFAULT_REPLICATION_NUM);
        int alive = aliveBackends();
        if (alive == 0) {
            throw new RunException(
                    "the StarRocks cluster has no alive backend; tables cannot be created (SHOW BACKENDS)");
        }
        return Math.max(1, Math.min(alive, configured));
    }

    /**
     * The columns of an existing table, in schema order, from {@code information_schema.columns} (name, type,
     * nullability, comment); empty when the table does not exist. Used to compare a target with its source, e.g. to
     * find columns to add.
     *
     * @throws RunException when a column type cannot be read
     */
    public Optional<List<ColumnSpec>> tableColumns(String database, String table) {
        String sql =
                "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_COMMENT FROM information_schema.columns WHERE TABLE_SCHEMA = "
                        + Sql.literal(database) + " AND TABLE_NAME = " + Sql.literal(table)
                        + " ORDER BY ORDINAL_POSITION";
        Log.sql(sql);
        List<ColumnSpec> columns = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String name = rs.getString(1);
                String type = rs.getString(2);
                StarRocksType parsed;
                try {
                    parsed = StarRocksType.parse(type);
                } catch (InvalidSpecException e) {
                    throw new RunException(
                            "column " + database + "." + table + "." + name + " has a type Quarry cannot read: " + type,
                            e);
                }
                ColumnSpec c = ColumnSpec.of(name, parsed).withNullable(!"NO".equalsIgnoreCase(rs.getString(3)));
                String comment = rs.getString(4);
                columns.add(comment == null || comment.isEmpty() ? c : c.withComment(comment));
            }
        } catch (SQLException e) {
            throw new RunException(sql + " failed: " + e.getMessage(), e);
        }
        return columns.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(columns));
    }

    /**
     * Waits until the newest column schema change of {@code table} (e.g. after ADD COLUMN, which StarRocks runs
     * asynchronously) has finished; returns at once when there is none.
     *
     * @throws RunException when the change was cancelled (with StarRocks' reason) or did not finish in time
     */
    public void awaitSchemaChange(String database, String table, Duration timeout) {
        String sql = StarRocksDialect.latest().showLatestSchemaChange(database, table);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Log.sql(sql);
            String state;
            String message;
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery(sql)) {
                if (!rs.next()) {
                    return;
                }
                int stateCol = column(rs.getMetaData(), "State");
                int msgCol = column(rs.getMetaData(), "Msg");
                state = stateCol < 0
                        ? "FINISHED"
                        : String.valueOf(rs.getString(stateCol)).toUpperCase(Locale.ROOT);
                message = msgCol < 0 ? "" : rs.getString(msgCol);
            } catch (SQLException e) {
                throw new RunException(sql + " failed: " + e.getMessage(), e);
            }
            if (state.equals("FINISHED")) {
                return;
            }
            if (state.equals("CANCELLED")) {
                throw new RunException("schema change of " + database + "." + table + " was cancelled: " + message);
            }
            if (System.nanoTime() > deadline) {
                throw new RunException("schema change of " + database + "." + table + " is still " + state + " after "
                        + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunException(
                        "interrupted while waiting for the schema change of " + database + "." + table, e);
            }
        }
    }

    private static ResultSet resultOf(Statement st, String sql) throws SQLException {
        if (!st.execute(sql)) {
            throw new SQLException(sql + " returned no result set");
        }
        return st.getResultSet();
    }

    private Optional<String> single(String sql) throws SQLException {
        Log.sql(sql);
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    private static int column(ResultSetMetaData md, String name) throws SQLException {
        for (int i = 1; i <= md.getColumnCount(); i++) {
            if (name.equalsIgnoreCase(md.getColumnLabel(i))) {
                return i;
            }
        }
        return -1;
    }
}
