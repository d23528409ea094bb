package dev.quarry.sandbox.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** INSERT INTO / OVERWRITE, DELETE and UPDATE with StarRocks' table semantics (docs/starrocks.md §5.2, §5.3, §6). */
final class Dml {
    private final DuckSession session;
    private final DuckEngine engine;

    Dml(DuckSession session) {
        this.session = session;
        this.engine = session.engine;
    }

    StatementResult run(Cursor c) throws SqlError {
        Token head = c.next();
        return switch (head.upper()) {
            case "INSERT" -> insert(c);
            case "DELETE" -> delete(c);
            default -> update(c);
        };
    }

    private StatementResult insert(Cursor c) throws SqlError {
        boolean overwrite;
        if (c.acceptWord("OVERWRITE")) {
            overwrite = true;
        } else {
            c.expectWord("INTO");
            overwrite = false;
        }
        c.acceptWord("TABLE");
        Cursor.QualifiedName qn = c.qualifiedName();
        List<String> partitions = List.of();
        if (c.acceptWord("PARTITION") || c.acceptWord("PARTITIONS")) {
            partitions = c.identifierList();
        }
        if (c.acceptWord("TEMPORARY", "PARTITION")) {
            c.identifierList();
        }
        String label = null;
        if (c.acceptWord("WITH", "LABEL")) {
            label = c.identifier();
        }
        List<String> columns = null;
        if (c.peek().isSymbol("(") && !c.peek(1).isWord("SELECT") && !c.peek(1).isWord("WITH")) {
            columns = c.identifierList();
        }
        boolean byName = c.acceptWord("BY", "NAME");
        if (c.acceptWord("PROPERTIES")) {
            CreateTableParser.properties(c);
        }
        TableDef t = session.requireTable(qn);
        if (t.kind() == TableDef.Kind.VIEW) {
            throw SqlError.analysis("Table " + t.name() + " is not OLAP table, insert is not supported");
        }
        if (t.kind() == TableDef.Kind.MATERIALIZED_VIEW) {
            throw SqlError.analysis(
                    "The data of '" + t.name() + "' cannot be inserted because '" + t.name()
                            + "' is a materialized view, and the data of materialized view must be consistent with the base table.");
        }
        int from = c.index();
        if (c.atEnd()) {
            throw c.unexpected("VALUES, SELECT");
        }
        String source = Rewriter.rewrite(c.sql(), c.tokens(), from, c.tokens().size() - 1, session);
        Partitions parts = Partitions.of(t);
        String where = parts.predicateFor(partitions);
        String lbl = label == null ? "insert_" + UUID.randomUUID() : label;
        if (label != null) {
            engine.checkLabel(t.db(), label);
        }
        long txnId = engine.nextTxnId();
        List<String> cols = columns;
        long rows = engine.inTransaction(() -> {
            Connection conn = engine.connection(session.currentDatabase());
            DuckEngine.exec(conn, "CREATE OR REPLACE TEMP TABLE __src AS SELECT * FROM (" + source + ") __s");
            List<String> srcCols = new ArrayList<>();
            try (Statement s = conn.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM __src LIMIT 0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    srcCols.add(md.getColumnLabel(i));
                }
            }
            List<String> targetCols = cols;
            if (targetCols == null) {
                targetCols = byName ? srcCols : t.columnNames();
            }
            if (targetCols.size() != srcCols.size()) {
                throw SqlError.analysis("Column count doesn't match value count.");
            }
            boolean strict = session.variables.bool("enable_insert_strict");
            long staged = stageTyped(conn, t, "__src", srcCols, targetCols, strict, "__stage");
            String covered = parts.coverage();
            if (covered != null) {
                long homeless = TableWriter.count(
                        conn, "SELECT count(*) FROM __stage WHERE NOT coalesce((" + covered + "), FALSE)");
                if (homeless > 0 && strict) {
                    throw SqlError.of(
                            "Insert has filtered data in strict mode. Actual filtered row count: " + homeless);
                }
                if (homeless > 0) {
                    DuckEngine.exec(conn, "DELETE FROM __stage WHERE NOT coalesce((" + covered + "), FALSE)");
                    staged -= homeless;
                }
            }
            if (where != null) {
                // Rows outside the named partitions have nowhere to go: StarRocks filters them (an error when strict).
                long outside = TableWriter.count(
                        conn, "SELECT count(*) FROM __stage WHERE NOT coalesce((" + where + "), FALSE)");
                if (outside > 0 && strict) {
                    throw SqlError.of("Insert has filtered data in strict mode. Actual filtered row count: " + outside);
                }
                if (outside > 0) {
                    DuckEngine.exec(conn, "DELETE FROM __stage WHERE NOT coalesce((" + where + "), FALSE)");
                    staged -= outside;
                }
            }
            if (overwrite) {
                String scope = where;
                if (scope == null && session.variables.bool("dynamic_overwrite")) {
                    scope = parts.touchedBy("__stage");
                }
                DuckEngine.exec(conn, "DELETE FROM " + t.duckName() + (scope == null ? "" : " WHERE " + scope));
            }
            new TableWriter(engine).apply(t, "__stage", t.columnNames(), false, null);
            DuckEngine.exec(conn, "DROP TABLE IF EXISTS __src");
            DuckEngine.exec(conn, "DROP TABLE IF EXISTS __stage");
            engine.recordLabel(t.db(), lbl, txnId, TxnState.VISIBLE, t.name());
            return staged;
        });
        engine.mvs().baseChanged(t);
        return new StatementResult.Ok(rows, 0, "{'label':'" + lbl + "', 'status':'VISIBLE', 'txnId':'" + txnId + "'}");
    }

    /**
     * Converts {@code src} (columns {@code srcCols} feeding {@code targetCols}) into a typed stage table with every
     * column of {@code t}, {@code __seq} and {@code __op}. Strict mode (enable_insert_strict, default true) fails the
     * statement on any row that does not convert; otherwise such values become NULL and rows violating NOT NULL or
     * length limits are dropped.
     *
     * @return rows staged
     */
    long stageTyped(
            Connection conn,
            TableDef t,
            String src,
            List<String> srcCols,
            List<String> targetCols,
            boolean strict,
            String stage)
            throws SqlError, SQLException {
        List<String> select = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        List<String> fatal = new ArrayList<>();
        for (String tc : targetCols) {
            if (t.column(tc).isEmpty()) {
                throw SqlError.analysis("Unknown column '" + tc + "' in '" + t.name() + "'");
            }
        }
        for (ColumnDef col : t.columns()) {
            int idx = -1;
            for (int i = 0; i < targetCols.size(); i++) {
                if (col.named(targetCols.get(i))) {
                    idx = i;
                }
            }
            String q = Sql.quoteIdent(col.name());
            if (idx < 0) {
                if (col.autoIncrement()) {
                    select.add("(SELECT coalesce(max(" + q + "), 0) FROM " + t.duckName()
                            + ") + row_number() OVER () AS " + q);
                    continue;
                }
                if (!col.nullable() && col.defaultValue() == null) {
                    throw SqlError.analysis("'" + col.name() + "' must be explicitly mentioned in column permutation.");
                }
                select.add(TableWriter.defaultSql(col, session.zone()) + " AS " + q);
                continue;
            }
            String in = Sql.quoteIdent(srcCols.get(idx));
            String conv = Conversions.sqlCast(in, col.type());
            String failed = "(" + in + " IS NOT NULL AND " + conv + " IS NULL)";
            String tooLong = Conversions.sqlTooLong(in, col.type());
            String nullViolation = col.nullable() ? null : "(" + conv + " IS NULL)";
            if (strict) {
                bad.add(failed);
            } else {
                conv = "CASE WHEN " + failed + " THEN NULL ELSE " + conv + " END";
            }
            if (tooLong != null) {
                if (strict) {
                    bad.add(tooLong);
                } else {
                    fatal.add(tooLong);
                }
            }
            if (nullViolation != null) {
                if (strict) {
                    bad.add(nullViolation);
                } else {
                    fatal.add(nullViolation);
                }
            }
            select.add(conv + " AS " + q);
        }
        if (!bad.isEmpty()) {
            long failedRows =
                    TableWriter.count(conn, "SELECT count(*) FROM " + src + " WHERE " + String.join(" OR ", bad));
            if (failedRows > 0) {
                throw SqlError.of("Insert has filtered data in strict mode. Actual filtered row count: " + failedRows);
            }
        }
        String filter = fatal.isEmpty() ? "" : " WHERE NOT (" + String.join(" OR ", fatal) + ")";
        DuckEngine.exec(
                conn,
                "CREATE OR REPLACE TEMP TABLE " + stage + " AS SELECT " + String.join(", ", select)
                        + ", row_number() OVER () AS " + TableWriter.SEQ + ", CAST(0 AS TINYINT) AS " + TableWriter.OP
                        + " FROM " + src + filter);
        return TableWriter.count(conn, "SELECT count(*) FROM " + stage);
    }

    private StatementResult delete(Cursor c) throws SqlError {
        c.expectWord("FROM");
        Cursor.QualifiedName qn = c.qualifiedName();
        TableDef t = session.requireTable(qn);
        if (t.kind() != TableDef.Kind.TABLE) {
            throw SqlError.analysis("Table " + t.name() + " is not OLAP table, delete is not supported");
        }
        List<String> partitions = List.of();
        if (c.acceptWord("PARTITION") || c.acceptWord("PARTITIONS")) {
            if (t.keysType() == KeysType.PRIMARY) {
                throw SqlError.analysis("Delete for primary key table do not support specifying partitions");
            }
            partitions = c.identifierList();
        } else {
            c.acceptWord("AS");
        }
        int usingFrom = -1;
        if (c.isWord("USING")) {
            usingFrom = c.index();
            while (!c.atEnd() && !c.isWord("WHERE")) {
                c.next();
            }
        }
        int usingTo = c.index();
        if (!c.acceptWord("WHERE")) {
            if (t.keysType() == KeysType.PRIMARY) {
                throw SqlError.analysis("Delete must specify where clause to prevent full table delete");
            }
            throw SqlError.analysis("Where clause is not set");
        }
        int whereFrom = c.index();
        if (t.keysType() != KeysType.PRIMARY) {
            DeletePredicate.check(c, t);
        }
        String cond =
                Rewriter.rewrite(c.sql(), c.tokens(), whereFrom, c.tokens().size() - 1, session);
        String using = usingFrom < 0 ? "" : " " + Rewriter.rewrite(c.sql(), c.tokens(), usingFrom, usingTo, session);
        String partPred = Partitions.of(t).predicateFor(partitions);
        long txnId = engine.nextTxnId();
        String lbl = "delete_" + UUID.randomUUID();
        long n = engine.inTransaction(() -> {
            Connection conn = engine.connection(session.currentDatabase());
            try (Statement s = conn.createStatement()) {
                long deleted = s.executeUpdate("DELETE FROM " + t.duckName() + using + " WHERE (" + cond + ")"
                        + (partPred == null ? "" : " AND (" + partPred + ")"));
                engine.recordLabel(t.db(), lbl, txnId, TxnState.VISIBLE, t.name());
                return deleted;
            }
        });
        engine.mvs().baseChanged(t);
        return new StatementResult.Ok(n, 0, "{'label':'" + lbl + "', 'status':'VISIBLE', 'txnId':'" + txnId + "'}");
    }

    private StatementResult update(Cursor c) throws SqlError {
        Cursor.QualifiedName qn = c.qualifiedName();
        TableDef t = session.requireTable(qn);
        if (t.kind() != TableDef.Kind.TABLE || t.keysType() != KeysType.PRIMARY) {
            // UPDATE works on PRIMARY KEY tables only (docs/starrocks.md §5.3).
            throw SqlError.analysis("does not support update on non-primary key table " + t.name());
        }
        c.acceptWord("AS");
        if (c.peek().isIdentifier() && !c.isWord("SET")) {
            c.next();
        }
        c.expectWord("SET");
        int setFrom = c.index();
        int depth = 0;
        while (!c.atEnd() && !(depth == 0 && (c.isWord("WHERE") || c.isWord("FROM")))) {
            Token x = c.next();
            if (x.isSymbol("(")) {
                depth++;
            } else if (x.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && x.isIdentifier() && c.peek().isSymbol("=")) {
                String col = x.value();
                ColumnDef def = t.column(col)
                        .orElseThrow(() -> SqlError.analysis("Unknown column '" + col + "' in '" + t.name() + "'"));
                if (def.key()) {
                    throw SqlError.analysis("primary key column cannot be updated: " + def.name());
                }
            }
        }
        String set = Rewriter.rewrite(c.sql(), c.tokens(), setFrom, c.index(), session);
        if (c.atEnd()) {
            throw SqlError.analysis("must specify where clause to prevent full table update");
        }
        String rest =
                Rewriter.rewrite(c.sql(), c.tokens(), c.index(), c.tokens().size() - 1, session);
        long txnId = engine.nextTxnId();
        String lbl = "update_" + UUID.randomUUID();
        long n = engine.inTransaction(() -> {
            Connection conn = engine.connection(session.currentDatabase());
            try (Statement s = conn.createStatement()) {
                long updated = s.executeUpdate("UPDATE " + t.duckName() + " SET " + set + " " + rest);
                engine.recordLabel(t.db(), lbl, txnId, TxnState.VISIBLE, t.name());
                return updated;
            }
        });
        engine.mvs().baseChanged(t);
        return new StatementResult.Ok(n, 0, "{'label':'" + lbl + "', 'status':'VISIBLE', 'txnId':'" + txnId + "'}");
    }
}
