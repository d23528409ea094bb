package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the read-only statements Quarry sends, the same for every release: the probes and checkpoints of sessions and
 * replication (SELECT 1, COUNT, MAX, SHOW PARTITIONS) and the SELECTs wrapped around a model's own query. Names are
 * quoted and constants escaped here, as in {@link StarRocksDialect}, which renders everything that changes a cluster.
 */
public final class StarRocksQueries {
    private StarRocksQueries() {}

    // ---------------------------------------------------------------- replication and connections

    /** {@code SELECT 1}: whether a session works. */
    public static String selectOne() {
        return "SELECT 1";
    }

    /** The release as StarRocks (and Sling) show it: {@code @@version_comment}. */
    public static String selectVersionComment() {
        return "SELECT @@version_comment";
    }

    /** {@code SELECT COUNT(*) FROM db.t}. */
    public static String countRows(String database, String table) {
        return "SELECT COUNT(*) FROM " + StarRocksDialect.qualified(database, table);
    }

    /**
     * {@code SELECT MAX(c) FROM db.t}. With {@code microseconds} (for a DATETIME column) the maximum is formatted with
     * its microseconds ({@code %f}): printed plainly it may drop them.
     */
    public static String selectMax(String database, String table, String column, boolean microseconds) {
        String max = "MAX(" + Sql.quote(column) + ")";
        return "SELECT " + (microseconds ? "DATE_FORMAT(" + max + ", '%Y-%m-%d %H:%i:%s.%f')" : max) + " FROM "
                + StarRocksDialect.qualified(database, table);
    }

    /** {@code SHOW PARTITIONS FROM db.t}: one row per partition, its name in column {@code PartitionName}. */
    public static String showPartitions(String database, String table) {
        return "SHOW PARTITIONS FROM " + StarRocksDialect.qualified(database, table);
    }

    // ---------------------------------------------------------------- models

    /** {@code SELECT * FROM `db`.`table`}: what an environment's view of a model reads. */
    public static String selectAll(String database, String table) {
        return "SELECT * FROM " + StarRocksDialect.qualified(database, table);
    }

    /**
     * The rows of {@code db.table} that meet every condition, as a derived table a FROM clause can read:
     * {@code (SELECT * FROM `db`.`table` WHERE ...)}.
     */
    public static String rowsWhere(String database, String table, List<Condition> conditions) {
        return "(SELECT * FROM " + StarRocksDialect.qualified(database, table) + " WHERE " + and(conditions) + ")";
    }

    /** The rows of {@code query} that meet every condition: {@code SELECT * FROM (query) AS __quarry_batch WHERE ...}. */
    public static String filter(String query, List<Condition> conditions) {
        return "SELECT * FROM (\n" + requireNonNull(query, "query is null") + "\n) AS __quarry_batch\nWHERE "
                + and(conditions);
    }

    /**
     * One row per {@code key} of {@code query}'s rows, chosen by ROW_NUMBER: an INSERT into a PRIMARY KEY table with two
     * rows of one key would keep an arbitrary one.
     *
     * @param columns the columns to return, in order; empty for all of them
     */
    public static String onePerKey(String query, List<String> key, List<String> columns) {
        requireNonNull(query, "query is null");
        String keys = Sql.quoteAll(key);
        String cols = columns.isEmpty() ? "*" : Sql.quoteAll(columns);
        return "SELECT " + cols + " FROM (\n  SELECT *, ROW_NUMBER() OVER (PARTITION BY " + keys + " ORDER BY " + keys
                + ") AS __quarry_rn\n  FROM (\n" + query
                + "\n  ) AS __quarry_src\n) AS __quarry_dedup\nWHERE __quarry_rn = 1";
    }

    /** {@code SELECT COUNT(*) FROM (query) AS __quarry_count}. */
    public static String countRows(String query) {
        return "SELECT COUNT(*) FROM (\n" + requireNonNull(query, "query is null") + "\n) AS __quarry_count";
    }

    /** {@code SELECT * FROM (query) AS __quarry_probe LIMIT 0}: no rows, but the query's columns and their types. */
    public static String noRows(String query) {
        return "SELECT * FROM (\n" + requireNonNull(query, "query is null") + "\n) AS __quarry_probe LIMIT 0";
    }

    /** {@code (query)}: a query a FROM clause can read (with an alias, which StarRocks requires of a derived table). */
    public static String derivedTable(String query) {
        return "(" + requireNonNull(query, "query is null") + ")";
    }

    /** What a FROM clause names for {@code relation}: a table as it is, a derived table with {@code alias}. */
    public static String fromItem(String relation, String alias) {
        return relation.startsWith("(") ? relation + " AS " + alias : relation;
    }

    /**
     * {@code VALUES (...), (...)}: rows of constants; {@code null} is NULL, numbers and booleans are written as such,
     * anything else as a string literal.
     */
    public static String values(List<List<Object>> rows) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : rows) {
            out.add(row.stream().map(StarRocksQueries::constant).collect(Collectors.joining(", ", "(", ")")));
        }
        return "VALUES " + String.join(", ", out);
    }

    private static String constant(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof Number) {
            return v.toString();
        }
        return Sql.literal(v.toString());
    }

    private static String and(List<Condition> conditions) {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("at least one condition is needed");
        }
        return conditions.stream().map(Condition::sql).collect(Collectors.joining(" AND "));
    }
}
