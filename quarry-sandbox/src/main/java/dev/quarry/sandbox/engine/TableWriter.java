package dev.quarry.sandbox.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a staged batch to a table with its type's semantics (docs/starrocks.md §6): DUPLICATE
 * appends; PRIMARY KEY and UNIQUE KEY keep the last row per key (PRIMARY also deletes rows whose {@code __op} is 1);
 * AGGREGATE folds rows per key with each value column's function. The stage is a DuckDB relation with the
 * table's column names already converted to the column types, plus {@code __seq} (arrival order) and {@code __op}.
 * Callers run this inside a transaction.
 */
final class TableWriter {
    static final String SEQ = "__seq";
    static final String OP = "__op";

    private final DuckEngine engine;

    TableWriter(DuckEngine engine) {
        this.engine = engine;
    }

    /** For CTAS and MV refresh: an untyped relation with the table's columns in order, no {@code __seq}. */
    long insertFromRelation(TableDef t, String relation, List<String> columns, boolean truncateFirst)
            throws SQLException {
        Connection conn = engine.connection();
        if (truncateFirst) {
            DuckEngine.exec(conn, "DELETE FROM " + t.duckName());
        }
        String cols = quoted(columns);
        try (Statement s = conn.createStatement()) {
            return s.executeUpdate("INSERT INTO " + t.duckName() + " (" + cols + ") SELECT * FROM " + relation);
        }
    }

    /**
     * Writes {@code stage} into {@code t}.
     *
     * @param provided the target columns the stage carries (all columns unless a partial update)
     * @param hasOp whether the stage's {@code __op} column is meaningful (PRIMARY KEY loads)
     * @param mergeCondition a column whose incoming value must be ≥ the stored one for an update to apply, or null
     * @return rows written (after deduplication)
     */
    long apply(TableDef t, String stage, List<String> provided, boolean hasOp, String mergeCondition)
            throws SQLException {
        Connection conn = engine.connection();
        List<String> all = t.columnNames();
        if (!stage.matches("\\w+")) {
            // A derived relation (casts, AUTO_INCREMENT fill) is materialised once so later statements can alias it.
            DuckEngine.exec(conn, "CREATE OR REPLACE TEMP TABLE __applied AS SELECT * FROM " + stage);
            stage = "__applied";
        }
        switch (t.keysType()) {
            case DUPLICATE -> {
                try (Statement s = conn.createStatement()) {
                    return s.executeUpdate("INSERT INTO " + t.duckName() + " (" + quoted(all) + ") SELECT "
                            + quoted(all) + " FROM " + stage);
                }
            }
            case PRIMARY, UNIQUE -> {
                return upsert(conn, t, stage, provided, hasOp && t.keysType() == KeysType.PRIMARY, mergeCondition);
            }
            case AGGREGATE -> {
                return aggregate(conn, t, stage);
            }
            default -> throw new IllegalStateException("unknown keys type " + t.keysType());
        }
    }

    private long upsert(
            Connection conn, TableDef t, String stage, List<String> provided, boolean hasOp, String mergeCondition)
            throws SQLException {
        List<String> keys = t.keys();
        if (mergeCondition == null && provided.size() == t.columns().size()) {
            // Whole-row upsert: drop the stored rows of every staged key, then add the last staged row per key
            // unless that row is a delete (__op = 1).
            String cols = quoted(t.columnNames());
            try (Statement s = conn.createStatement()) {
                s.executeUpdate("DELETE FROM " + t.duckName() + " o WHERE EXISTS (SELECT 1 FROM " + stage + " n WHERE "
                        + joinOn("n", "o", keys) + ")");
                return s.executeUpdate(
                        "INSERT INTO " + t.duckName() + " (" + cols + ") SELECT " + cols + " FROM (SELECT *,"
                                + " row_number() OVER (PARTITION BY " + quoted(keys) + " ORDER BY " + SEQ
                                + " DESC) AS __rn FROM "
                                + stage + ") WHERE __rn = 1" + (hasOp ? " AND " + OP + " = 0" : ""));
            }
        }
        String latest = "__latest";
        String merged = "__merged";
        // Last write wins within the batch (docs/starrocks.md §6: dedupe keeping the last row).
        DuckEngine.exec(
                conn,
                "CREATE OR REPLACE TEMP TABLE " + latest + " AS SELECT * FROM (SELECT *, row_number() OVER"
                        + " (PARTITION BY " + quoted(keys) + " ORDER BY " + SEQ + " DESC) AS __rn FROM " + stage
                        + ") WHERE __rn = 1");
        Set<String> given = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        given.addAll(provided);
        StringBuilder select = new StringBuilder();
        for (ColumnDef c : t.columns()) {
            if (select.length() > 0) {
                select.append(", ");
            }
            String col = Sql.quoteIdent(c.name());
            if (given.contains(c.name())) {
                select.append("n.").append(col);
            } else {
                // Partial update: keep the stored value, or the default for a new row.
                select.append("CASE WHEN o.")
                        .append(Sql.quoteIdent(keys.get(0)))
                        .append(" IS NULL THEN ")
                        .append(defaultSql(c))
                        .append(" ELSE o.")
                        .append(col)
                        .append(" END");
            }
            select.append(" AS ").append(col);
        }
        String on = joinOn("n", "o", keys);
        String condition = hasOp ? "n." + OP + " = 0" : "TRUE";
        String mc = mergeCondition == null
                ? "TRUE"
                : "(o." + Sql.quoteIdent(keys.get(0)) + " IS NULL OR n." + Sql.quoteIdent(mergeCondition) + " >= o."
                        + Sql.quoteIdent(mergeCondition) + ")";
        DuckEngine.exec(
                conn,
                "CREATE OR REPLACE TEMP TABLE " + merged + " AS SELECT " + select + ", n." + OP + " AS __op_, " + mc
                        + " AS __apply FROM " + latest + " n LEFT JOIN " + t.duckName() + " o ON " + on);
        long written;
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("DELETE FROM " + t.duckName() + " o WHERE EXISTS (SELECT 1 FROM " + merged
                    + " n WHERE n.__apply AND " + joinOn("n", "o", keys) + ")");
            written = s.executeUpdate("INSERT INTO " + t.duckName() + " (" + quoted(t.columnNames()) + ") SELECT "
                    + quoted(t.columnNames()) + " FROM " + merged + " WHERE __apply AND "
                    + condition.replace("n." + OP, "__op_"));
        }
        DuckEngine.exec(conn, "DROP TABLE IF EXISTS " + latest);
        DuckEngine.exec(conn, "DROP TABLE IF EXISTS " + merged);
        return written;
    }

    private long aggregate(Connection conn, TableDef t, String stage) throws SQLException {
        List<String> keys = t.keys();
        String folded = "__folded";
        String merged = "__merged";
        StringBuilder fold = new StringBuilder(quoted(keys));
        for (ColumnDef c : t.valueColumns()) {
            fold.append(", ")
                    .append(c.aggType().fold(Sql.quoteIdent(c.name()), SEQ))
                    .append(" AS ")
                    .append(Sql.quoteIdent(c.name()));
        }
        DuckEngine.exec(
                conn,
                "CREATE OR REPLACE TEMP TABLE " + folded + " AS SELECT " + fold + " FROM " + stage + " GROUP BY "
                        + quoted(keys));
        StringBuilder select = new StringBuilder();
        for (ColumnDef c : t.columns()) {
            if (select.length() > 0) {
                select.append(", ");
            }
            String col = Sql.quoteIdent(c.name());
            if (c.key()) {
                select.append("n.").append(col);
            } else {
                select.append(c.aggType().combine("o." + col, "n." + col));
            }
            select.append(" AS ").append(col);
        }
        DuckEngine.exec(
                conn,
                "CREATE OR REPLACE TEMP TABLE " + merged + " AS SELECT " + select + " FROM " + folded + " n LEFT JOIN "
                        + t.duckName() + " o ON " + joinOn("n", "o", keys));
        long written;
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("DELETE FROM " + t.duckName() + " o WHERE EXISTS (SELECT 1 FROM " + merged + " n WHERE "
                    + joinOn("n", "o", keys) + ")");
            written = s.executeUpdate("INSERT INTO " + t.duckName() + " (" + quoted(t.columnNames()) + ") SELECT "
                    + quoted(t.columnNames()) + " FROM " + merged);
        }
        DuckEngine.exec(conn, "DROP TABLE IF EXISTS " + folded);
        DuckEngine.exec(conn, "DROP TABLE IF EXISTS " + merged);
        return written;
    }

    /** The SQL of a column's default for rows that do not give it, CURRENT_TIMESTAMP read in StarRocks' default zone. */
    static String defaultSql(ColumnDef c) {
        return defaultSql(c, java.time.ZoneId.of("Asia/Shanghai"));
    }

    /** The SQL of a column's default, CURRENT_TIMESTAMP read in {@code zone}. */
    static String defaultSql(ColumnDef c, java.time.ZoneId zone) {
        if (c.defaultValue() == null) {
            return "CAST(NULL AS " + c.type().duckType() + ")";
        }
        if (c.defaultIsExpression()) {
            if (c.defaultValue().equalsIgnoreCase("CURRENT_TIMESTAMP")) {
                return "CAST(" + Rewriter.nowSql(zone) + " AS " + c.type().duckType() + ")";
            }
            // DEFAULT (expr) reaches DuckDB as written, not rewritten: a now() in it reads DuckDB's system clock, not
            // the engine clock (only CURRENT_TIMESTAMP, above, follows EngineConfig.clock()).
            return "CAST(" + c.defaultValue() + " AS " + c.type().duckType() + ")";
        }
        return "CAST(" + Sql.quoteString(c.defaultValue()) + " AS " + c.type().duckType() + ")";
    }

    static String joinOn(String a, String b, List<String> keys) {
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            String q = Sql.quoteIdent(k);
            parts.add(a + "." + q + " IS NOT DISTINCT FROM " + b + "." + q);
        }
        return String.join(" AND ", parts);
    }

    static String quoted(List<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names) {
            q.add(Sql.quoteIdent(n));
        }
        return String.join(", ", q);
    }

    static long count(Connection conn, String sql) throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
