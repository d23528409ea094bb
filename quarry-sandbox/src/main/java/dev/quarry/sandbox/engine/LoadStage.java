package dev.quarry.sandbox.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The private TEMP stage table of one load transaction. Converts each batch to the table's types in Java and appends
 * it with DuckDB's Appender, or, for {@code columns} expressions and {@code where}, stages raw text and converts in
 * SQL; filters rows no partition accepts; remembers the columns the batches gave and whether they carried
 * {@code __op}. {@link DuckLoadTxn} reads it back at commit.
 */
final class LoadStage {
    /** Rejected rows kept for the ErrorURL. */
    static final int MAX_REJECTED = 1000;

    private final DuckEngine engine;
    private final TableDef table;
    private final long txnId;
    private final String stage;
    private boolean stageCreated;
    private long seq;
    private List<String> provided;
    private boolean hasOp;
    private boolean partialUpdate;

    LoadStage(DuckEngine engine, TableDef table, long txnId) {
        this.engine = engine;
        this.table = table;
        this.txnId = txnId;
        this.stage = "__load_" + txnId;
    }

    /** Stages one batch; {@code partial} is the batch's partial_update. */
    AppendResult append(LoadBatch batch, boolean partial) throws SQLException, SqlError {
        partialUpdate = partial;
        return batch.derived().isEmpty() && batch.where() == null ? appendFast(batch) : appendSql(batch);
    }

    /** Whether the stage table exists (never in blackhole mode). */
    boolean created() {
        return stageCreated;
    }

    /** The columns the batches gave ({@code current}'s columns when none was staged). */
    List<String> providedColumns(TableDef current) {
        return provided == null ? current.columnNames() : provided;
    }

    /** Whether a batch carried {@code __op}. */
    boolean hasOp() {
        return hasOp;
    }

    private void createStage(Connection conn) throws SQLException {
        if (stageCreated) {
            return;
        }
        StringBuilder b = new StringBuilder("CREATE TEMP TABLE ").append(stage).append(" (");
        for (ColumnDef c : table.columns()) {
            b.append(Sql.quoteIdent(c.name()))
                    .append(' ')
                    .append(
                            Conversions.stagedAsText(c.type())
                                    ? "VARCHAR"
                                    : c.type().duckType())
                    .append(", ");
        }
        b.append(TableWriter.SEQ).append(" BIGINT, ").append(TableWriter.OP).append(" TINYINT)");
        DuckEngine.exec(conn, b.toString());
        stageCreated = true;
    }

    /** Maps load column names to table columns; returns per-table-column source index (-1 = not provided). */
    private int[] mapColumns(List<String> sources, int[] opIndex) throws SqlError {
        int[] src = new int[table.columns().size()];
        java.util.Arrays.fill(src, -1);
        opIndex[0] = -1;
        for (int i = 0; i < sources.size(); i++) {
            String name = sources.get(i);
            if (name.equalsIgnoreCase(TableWriter.OP)) {
                opIndex[0] = i;
                continue;
            }
            for (int j = 0; j < table.columns().size(); j++) {
                if (table.columns().get(j).named(name)) {
                    src[j] = i;
                }
            }
        }
        return src;
    }

    private AppendResult appendFast(LoadBatch batch) throws SQLException, SqlError {
        DuckDBConnection conn = engine.connection();
        int[] op = new int[1];
        int[] src = mapColumns(batch.sourceColumns(), op);
        List<ColumnDef> cols = table.columns();
        int n = cols.size();
        List<String> given = new ArrayList<>();
        Object[] defaults = new Object[n];
        ZoneId zone = Zones.zone(batch.timezone());
        for (int j = 0; j < n; j++) {
            ColumnDef c = cols.get(j);
            if (src[j] >= 0) {
                given.add(c.name());
                continue;
            }
            if (partialUpdate) {
                continue;
            }
            defaults[j] = defaultValue(c, zone, engine.clock());
            if (defaults[j] == null && !c.nullable() && !c.autoIncrement()) {
                throw SqlError.of("Column has no default value. column: " + c.name());
            }
        }
        if (partialUpdate) {
            for (ColumnDef k : table.keyColumns()) {
                if (!given.contains(k.name())) {
                    throw SqlError.of("partial update must contain all key columns, missing: " + k.name());
                }
            }
        }
        rememberShape(partialUpdate ? given : table.columnNames(), op[0] >= 0);
        long rowsTotal = batch.rows().size();
        long bytesIn = 0;
        long ok = 0;
        long bad = 0;
        List<AppendResult.RejectedRow> rejects = new ArrayList<>();
        boolean strict = batch.strictMode();
        boolean blackhole = engine.config.blackhole();
        long seqBefore = seq;
        int[] rowOfSeq = new int[(int) rowsTotal];
        FieldSlot[] slots = new FieldSlot[n];
        for (int j = 0; j < n; j++) {
            slots[j] = new FieldSlot(cols.get(j).type(), cols.get(j).name());
        }
        if (!blackhole) {
            createStage(conn);
        }
        DuckDBAppender appender = blackhole ? null : conn.createAppender("temp", "main", stage);
        try {
            for (int r = 0; r < rowsTotal; r++) {
                String[] row = batch.rows().get(r);
                String reason = null;
                for (int j = 0; j < n && reason == null; j++) {
                    ColumnDef c = cols.get(j);
                    FieldSlot slot = slots[j];
                    if (src[j] < 0) {
                        slot.setObject(defaults[j]);
                        continue;
                    }
                    String raw = src[j] < row.length ? row[src[j]] : null;
                    if (raw == null) {
                        slot.setNull();
                    } else {
                        String failure = slot.parse(raw);
                        // strict_mode false turns a failed conversion into NULL; too-long strings always fail.
                        if (failure != null && (strict || failure.startsWith("The length"))) {
                            reason = failure;
                        }
                    }
                    if (reason == null && slot.isNull() && !c.nullable()) {
                        reason = raw == null
                                ? "NULL value in non-nullable column '" + c.name() + "'"
                                : "Value '" + raw + "' can not be converted to column '" + c.name()
                                        + "' and it is NOT NULL";
                    }
                }
                int opValue = 0;
                if (reason == null && op[0] >= 0) {
                    String o = op[0] < row.length ? row[op[0]] : null;
                    opValue = opCode(o);
                    if (opValue < 0) {
                        reason = "Invalid __op value '" + o + "'";
                    }
                }
                bytesIn += rowBytes(batch, r, row);
                if (reason != null) {
                    bad++;
                    if (rejects.size() < MAX_REJECTED) {
                        rejects.add(new AppendResult.RejectedRow(rawRow(batch, r, row), reason));
                    }
                    continue;
                }
                rowOfSeq[(int) ok] = r;
                ok++;
                if (appender != null) {
                    appender.beginRow();
                    for (int j = 0; j < n; j++) {
                        slots[j].append(appender);
                    }
                    appender.append(++seq);
                    appender.append((byte) opValue);
                    appender.endRow();
                }
            }
        } finally {
            if (appender != null) {
                appender.close();
            }
        }
        String covered = Partitions.of(table).coverage();
        if (covered != null && appender != null && ok > 0) {
            // A row no partition accepts is filtered (StarRocks: "no partition for this tuple").
            List<Long> outside = new ArrayList<>();
            try (java.sql.Statement s = conn.createStatement();
                    java.sql.ResultSet rs =
                            s.executeQuery("SELECT " + TableWriter.SEQ + " FROM " + stage + " WHERE " + TableWriter.SEQ
                                    + " > " + seqBefore + " AND NOT coalesce((" + covered + "), FALSE) ORDER BY 1")) {
                while (rs.next()) {
                    outside.add(rs.getLong(1));
                }
            }
            if (!outside.isEmpty()) {
                DuckEngine.exec(
                        conn,
                        "DELETE FROM " + stage + " WHERE " + TableWriter.SEQ + " > " + seqBefore + " AND NOT coalesce(("
                                + covered + "), FALSE)");
                for (long q : outside) {
                    int r = rowOfSeq[(int) (q - seqBefore - 1)];
                    if (rejects.size() < MAX_REJECTED) {
                        rejects.add(new AppendResult.RejectedRow(
                                rawRow(batch, r, batch.rows().get(r)), "no partition for this tuple"));
                    }
                }
                ok -= outside.size();
                bad += outside.size();
            }
        }
        return new AppendResult(rowsTotal, ok, bad, 0, bytesIn, rejects);
    }

    private void rememberShape(List<String> columns, boolean op) {
        if (provided == null) {
            provided = new ArrayList<>(columns);
            hasOp = op;
        } else {
            hasOp |= op;
        }
    }

    /** {@code __op}: 0/upsert, 1/delete (docs/starrocks.md §1.7). */
    static int opCode(String o) {
        if (o == null) {
            return 0;
        }
        return switch (o.trim().toLowerCase(Locale.ROOT)) {
            case "0", "upsert" -> 0;
            case "1", "delete" -> 1;
            default -> -1;
        };
    }

    private static Object defaultValue(ColumnDef c, ZoneId zone, Clock clock) throws SqlError {
        if (c.defaultValue() == null) {
            return null;
        }
        if (c.defaultIsExpression()) {
            if (c.defaultValue().equalsIgnoreCase("CURRENT_TIMESTAMP")) {
                LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone);
                String text = Values.datetime(now.withNano(0));
                return Conversions.convert(
                        c.type(), c.type().base() == SqlType.DATE ? text.substring(0, 10) : text, c.name());
            }
            throw SqlError.of("Column " + c.name() + " has an expression default the sandbox cannot evaluate in loads");
        }
        Object v = Conversions.stagedAsText(c.type())
                ? c.defaultValue()
                : Conversions.convert(c.type(), c.defaultValue(), c.name());
        if (v instanceof Conversions.Failure f) {
            throw SqlError.of("Invalid default value for column " + c.name() + ": " + f.reason);
        }
        return v;
    }

    private static long rowBytes(LoadBatch batch, int r, String[] row) {
        if (r < batch.rawRows().size()) {
            return batch.rawRows().get(r).length() + 1L;
        }
        long b = row.length;
        for (String f : row) {
            b += f == null ? 2 : f.length();
        }
        return b;
    }

    private static String rawRow(LoadBatch batch, int r, String[] row) {
        if (r < batch.rawRows().size()) {
            return batch.rawRows().get(r);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(row[i] == null ? "\\N" : row[i]);
        }
        return b.toString();
    }

    /** Loads with column expressions or a where filter: raw text staged, converted and filtered in SQL. */
    private AppendResult appendSql(LoadBatch batch) throws SQLException, SqlError {
        DuckDBConnection conn = engine.connection();
        List<String> sources = batch.sourceColumns();
        String raw = "__raw_" + txnId;
        StringBuilder create =
                new StringBuilder("CREATE OR REPLACE TEMP TABLE ").append(raw).append(" (");
        for (String s : sources) {
            create.append(Sql.quoteIdent(s)).append(" VARCHAR, ");
        }
        create.append("__rowno BIGINT)");
        DuckEngine.exec(conn, create.toString());
        long bytesIn = 0;
        try (DuckDBAppender a = conn.createAppender("temp", "main", raw)) {
            for (int r = 0; r < batch.rows().size(); r++) {
                String[] row = batch.rows().get(r);
                a.beginRow();
                for (int i = 0; i < sources.size(); i++) {
                    String v = i < row.length ? row[i] : null;
                    if (v == null) {
                        a.appendNull();
                    } else {
                        a.append(v);
                    }
                }
                a.append((long) r);
                a.endRow();
                bytesIn += rowBytes(batch, r, row);
            }
        }
        // Expressions see source columns typed: a table column's type when the name matches one, otherwise a number
        // when every value is numeric, otherwise text; direct mappings read the raw text (__raw_i).
        List<String> view = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String q = Sql.quoteIdent(sources.get(i));
            String name = sources.get(i);
            ColumnDef target = table.column(name).orElse(null);
            String typed;
            if (target != null) {
                typed = Conversions.sqlCast(q, target.type());
            } else {
                long nonNumeric = TableWriter.count(
                        conn,
                        "SELECT count(*) FROM " + raw + " WHERE " + q + " IS NOT NULL AND TRY_CAST(" + q
                                + " AS DOUBLE) IS NULL");
                typed = nonNumeric == 0 && batch.rows().size() > 0 ? "TRY_CAST(" + q + " AS DECIMAL(38, 9))" : q;
            }
            view.add(typed + " AS " + q);
            view.add(q + " AS __raw_" + i);
        }
        String typedSource = "(SELECT " + String.join(", ", view) + ", __rowno FROM " + raw + ") __src";
        Rewriter.Context ctx = new Rewriter.Sessionless(Zones.zone(batch.timezone()), null, engine.clock());
        Map<String, String> derived = new HashMap<>();
        for (Map.Entry<String, String> e : batch.derived().entrySet()) {
            Cursor c = new Cursor(e.getValue());
            derived.put(
                    e.getKey().toLowerCase(Locale.ROOT),
                    Rewriter.rewrite(e.getValue(), c.tokens(), 0, c.tokens().size() - 1, ctx));
        }
        List<String> select = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> given = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            String key = c.name().toLowerCase(Locale.ROOT);
            String expr = derived.get(key);
            if (expr == null) {
                for (int i = 0; i < sources.size(); i++) {
                    if (c.named(sources.get(i))) {
                        expr = "__raw_" + i;
                    }
                }
            }
            String q = Sql.quoteIdent(c.name());
            if (expr == null) {
                if (partialUpdate) {
                    select.add("CAST(NULL AS " + c.type().duckType() + ") AS " + q);
                    continue;
                }
                if (!c.nullable() && c.defaultValue() == null && !c.autoIncrement()) {
                    throw SqlError.of("Column has no default value. column: " + c.name());
                }
                select.add(TableWriter.defaultSql(c) + " AS " + q);
                continue;
            }
            given.add(c.name());
            String conv = Conversions.sqlCast("(" + expr + ")", c.type());
            String failed = "((" + expr + ") IS NOT NULL AND " + conv + " IS NULL)";
            if (batch.strictMode()) {
                failures.add(failed);
            }
            String tooLong = Conversions.sqlTooLong("(" + expr + ")", c.type());
            if (tooLong != null) {
                failures.add(tooLong);
            }
            if (!c.nullable()) {
                failures.add("(" + conv + " IS NULL)");
            }
            select.add(conv + " AS " + q);
        }
        String opExpr = derived.get(TableWriter.OP);
        if (opExpr == null) {
            for (int i = 0; i < sources.size(); i++) {
                if (sources.get(i).equalsIgnoreCase(TableWriter.OP)) {
                    opExpr = "__raw_" + i;
                }
            }
        }
        // `__op = temp` may read a field typed as a number (1.000000000), so 1 is compared as a number
        // (docs/starrocks.md §1.7).
        String op = opExpr == null
                ? "CAST(0 AS TINYINT)"
                : "CAST(CASE WHEN lower(CAST((" + opExpr + ") AS VARCHAR)) = 'delete' OR TRY_CAST(CAST((" + opExpr
                        + ") AS VARCHAR) AS DOUBLE) = 1 THEN 1 ELSE 0 END AS TINYINT)";
        rememberShape(partialUpdate ? given : table.columnNames(), opExpr != null);
        String conv = "__conv_" + txnId;
        String covered = Partitions.of(table).coverage();
        if (covered != null) {
            failures.add("NOT coalesce((" + covered + "), FALSE)");
        }
        String bad = failures.isEmpty() ? "FALSE" : String.join(" OR ", failures);
        String where = "TRUE";
        String source = typedSource;
        if (batch.where() != null) {
            // Like StarRocks' scan node, `where` sees every column of the `columns` header, temporary ones included,
            // and a derived column stands for its expression (docs/starrocks.md §1.2, `columns`/`where`).
            List<String> named = new ArrayList<>();
            for (Map.Entry<String, String> e : derived.entrySet()) {
                boolean isSource = sources.stream().anyMatch(x -> x.equalsIgnoreCase(e.getKey()));
                if (!isSource && !e.getKey().equals(TableWriter.OP)) {
                    named.add("(" + e.getValue() + ") AS " + Sql.quoteIdent(e.getKey()));
                }
            }
            if (!named.isEmpty()) {
                source = "(SELECT *, " + String.join(", ", named) + " FROM " + typedSource + ") __where_src";
            }
            Cursor c = new Cursor(batch.where());
            where = "coalesce(("
                    + Rewriter.rewrite(batch.where(), c.tokens(), 0, c.tokens().size() - 1, ctx) + "), FALSE)";
        }
        DuckEngine.exec(
                conn,
                "CREATE OR REPLACE TEMP TABLE " + conv + " AS SELECT " + String.join(", ", select) + ", " + op + " AS "
                        + TableWriter.OP + ", __rowno, (" + bad + ") AS __bad, " + where + " AS __keep FROM " + source);
        where = "__keep";
        long rowsTotal = batch.rows().size();
        long badRows = TableWriter.count(conn, "SELECT count(*) FROM " + conv + " WHERE __bad");
        long unselectedRows =
                TableWriter.count(conn, "SELECT count(*) FROM " + conv + " WHERE NOT __bad AND NOT (" + where + ")");
        List<AppendResult.RejectedRow> rejects = new ArrayList<>();
        try (java.sql.Statement s = conn.createStatement();
                java.sql.ResultSet rs = s.executeQuery(
                        "SELECT __rowno FROM " + conv + " WHERE __bad ORDER BY __rowno LIMIT " + MAX_REJECTED)) {
            while (rs.next()) {
                int r = (int) rs.getLong(1);
                rejects.add(new AppendResult.RejectedRow(
                        rawRow(batch, r, batch.rows().get(r)),
                        "Row does not convert to the columns of table " + table.name()
                                + " (type, length or NOT NULL)"));
            }
        }
        if (!engine.config.blackhole()) {
            createStage(conn);
            long base = seq;
            try (java.sql.Statement s = conn.createStatement()) {
                s.executeUpdate("INSERT INTO " + stage + " SELECT " + TableWriter.quoted(table.columnNames()) + ", "
                        + base + " + __rowno + 1, " + TableWriter.OP + " FROM " + conv + " WHERE NOT __bad AND ("
                        + where + ")");
            }
            seq = base + rowsTotal + 1;
        }
        DuckEngine.exec(conn, "DROP TABLE IF EXISTS " + conv);
        DuckEngine.exec(conn, "DROP TABLE IF EXISTS " + raw);
        long ok = rowsTotal - badRows - unselectedRows;
        return new AppendResult(rowsTotal, ok, badRows, unselectedRows, bytesIn, rejects);
    }

    /** The stage as the table's types: complex values arrive as JSON-like text and are cast here. */
    String relation(TableDef t) {
        if (t.columns().stream().noneMatch(c -> Conversions.stagedAsText(c.type()) || c.autoIncrement())) {
            return stage;
        }
        List<String> cols = new ArrayList<>();
        for (ColumnDef c : t.columns()) {
            String q = Sql.quoteIdent(c.name());
            if (c.autoIncrement()) {
                // AUTO_INCREMENT (docs/starrocks.md §3.1): rows that give no value get the next ids in arrival order.
                cols.add("coalesce(" + q + ", (SELECT coalesce(max(" + q + "), 0) FROM " + t.duckName()
                        + ") + row_number() OVER" + " (PARTITION BY " + q + " IS NULL ORDER BY " + TableWriter.SEQ
                        + ")) AS " + q);
                continue;
            }
            cols.add(
                    Conversions.stagedAsText(c.type())
                            ? "TRY_CAST(TRY_CAST(" + q + " AS JSON) AS "
                                    + c.type().duckType() + ") AS " + q
                            : q);
        }
        return "(SELECT " + String.join(", ", cols) + ", " + TableWriter.SEQ + ", " + TableWriter.OP + " FROM " + stage
                + ") __st";
    }

    void drop() {
        if (!stageCreated) {
            return;
        }
        try {
            DuckEngine.exec(engine.connection(), "DROP TABLE IF EXISTS " + stage);
        } catch (SQLException ignored) {
            // A leftover TEMP table disappears with the connection.
        }
        stageCreated = false;
    }
}
