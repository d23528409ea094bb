package dev.quarry.sandbox.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** What the SHOW statements share: text result columns, LIKE / WHERE patterns, rows filtered by DuckDB. */
final class ShowRows {
    private ShowRows() {}

    static List<ResultColumn> columns(String... names) {
        List<ResultColumn> out = new ArrayList<>();
        for (String n : names) {
            out.add(new ResultColumn(n, SqlType.VARCHAR, 256, 0, true));
        }
        return out;
    }

    static StatementResult.Rows rows(List<ResultColumn> cols, List<List<String>> rows) {
        return new StatementResult.Rows(cols, rows);
    }

    /** {@code LIKE 'p'} → p; {@code WHERE Variable_name = 'x'} → exact x as a pattern; none → null. */
    static String likeOrWhere(Cursor c) throws SqlError {
        if (c.acceptWord("LIKE")) {
            return c.string();
        }
        if (c.acceptWord("WHERE")) {
            c.identifier();
            if (c.acceptWord("LIKE")) {
                return c.string();
            }
            c.expectSymbol("=");
            return c.string().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
        return null;
    }

    /** An epoch-millis time as a DATETIME text in {@code zone}, whole seconds. */
    static String millis(long epochMillis, ZoneId zone) {
        return Values.datetime(
                LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone).withNano(0));
    }

    /** Applies the statement's remaining WHERE / ORDER BY / LIMIT to rows of text columns, evaluated by DuckDB. */
    static List<List<String>> filtered(DuckSession session, List<ResultColumn> cols, List<List<String>> rows, Cursor c)
            throws SqlError {
        if (c.atEnd()) {
            return rows;
        }
        String rest =
                Rewriter.rewrite(c.sql(), c.tokens(), c.index(), c.tokens().size() - 1, session);
        List<String> names = new ArrayList<>();
        for (ResultColumn col : cols) {
            names.add(Sql.quoteIdent(col.name()));
        }
        StringBuilder select = new StringBuilder("SELECT * FROM (");
        if (rows.isEmpty()) {
            select.append("SELECT ");
            for (int i = 0; i < names.size(); i++) {
                select.append(i > 0 ? ", " : "")
                        .append("CAST(NULL AS VARCHAR) AS ")
                        .append(names.get(i));
            }
            select.append(" LIMIT 0");
        } else {
            select.append("VALUES ");
            for (int r = 0; r < rows.size(); r++) {
                select.append(r > 0 ? ", " : "").append('(');
                for (int i = 0; i < names.size(); i++) {
                    String v = rows.get(r).get(i);
                    select.append(i > 0 ? ", " : "").append(v == null ? "CAST(NULL AS VARCHAR)" : Sql.quoteString(v));
                }
                select.append(')');
            }
        }
        select.append(") v");
        if (!rows.isEmpty()) {
            select.append('(').append(String.join(", ", names)).append(')');
        }
        return session.runQuery(select + " " + rest).rows();
    }

    /** Filters (Variable_name, Value) rows with a WHERE predicate evaluated by DuckDB. */
    static List<List<String>> filter(DuckSession session, List<List<String>> all, Cursor c) throws SqlError {
        String predicate =
                Rewriter.rewrite(c.sql(), c.tokens(), c.index(), c.tokens().size() - 1, session);
        StringBuilder values = new StringBuilder();
        for (List<String> r : all) {
            values.append(values.length() == 0 ? "" : ", ")
                    .append('(')
                    .append(Sql.quoteString(r.get(0)))
                    .append(", ")
                    .append(Sql.quoteString(r.get(1)))
                    .append(')');
        }
        return session.runQuery("SELECT * FROM (VALUES " + values + ") v(Variable_name, Value) WHERE " + predicate
                        + " ORDER BY Variable_name")
                .rows();
    }
}
