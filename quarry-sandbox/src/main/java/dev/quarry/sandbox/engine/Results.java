package dev.quarry.sandbox.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Struct;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns DuckDB result sets into StarRocks text result sets (docs/starrocks.md §4.6). */
final class Results {
    private Results() {}

    static StatementResult.Rows read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<ResultColumn> columns = new ArrayList<>(n);
        String[] duckTypes = new String[n];
        for (int i = 1; i <= n; i++) {
            duckTypes[i - 1] = md.getColumnTypeName(i).toUpperCase(Locale.ROOT);
            columns.add(column(md.getColumnLabel(i), duckTypes[i - 1], md.getPrecision(i), md.getScale(i)));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(text(rs, i, duckTypes[i - 1]));
            }
            rows.add(row);
        }
        return new StatementResult.Rows(columns, rows);
    }

    static ResultColumn column(String name, String duckType, int precision, int scale) {
        String t = duckType;
        if (t.endsWith("[]")) {
            return new ResultColumn(name, SqlType.ARRAY, 65533, 0, true);
        }
        if (t.startsWith("DECIMAL")) {
            return new ResultColumn(name, SqlType.DECIMAL, precision + 2L, scale, true);
        }
        if (t.startsWith("STRUCT")) {
            return new ResultColumn(name, SqlType.STRUCT, 65533, 0, true);
        }
        if (t.startsWith("MAP")) {
            return new ResultColumn(name, SqlType.MAP, 65533, 0, true);
        }
        return switch (t) {
            case "BOOLEAN" -> new ResultColumn(name, SqlType.BOOLEAN, 1, 0, true);
            case "TINYINT", "UTINYINT" -> new ResultColumn(name, SqlType.TINYINT, 4, 0, true);
            case "SMALLINT", "USMALLINT" -> new ResultColumn(name, SqlType.SMALLINT, 6, 0, true);
            case "INTEGER", "UINTEGER" -> new ResultColumn(name, SqlType.INT, 11, 0, true);
            case "BIGINT", "UBIGINT" -> new ResultColumn(name, SqlType.BIGINT, 20, 0, true);
            case "HUGEINT", "UHUGEINT" -> new ResultColumn(name, SqlType.LARGEINT, 40, 0, true);
            case "FLOAT" -> new ResultColumn(name, SqlType.FLOAT, 12, 0, true);
            case "DOUBLE" -> new ResultColumn(name, SqlType.DOUBLE, 22, 0, true);
            case "DATE" -> new ResultColumn(name, SqlType.DATE, 10, 0, true);
            case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S" ->
                new ResultColumn(name, SqlType.DATETIME, 19, 0, true);
            case "JSON" -> new ResultColumn(name, SqlType.JSON, 65533, 0, true);
            case "BLOB" -> new ResultColumn(name, SqlType.VARBINARY, 65533, 0, true);
            case "\"NULL\"", "NULL" -> new ResultColumn(name, SqlType.NULL_TYPE, 0, 0, true);
            default -> new ResultColumn(name, SqlType.VARCHAR, 65533, 0, true);
        };
    }

    private static String text(ResultSet rs, int i, String duckType) throws SQLException {
        if (duckType.equals("TIMESTAMP") || duckType.startsWith("TIMESTAMP_")) {
            LocalDateTime v = rs.getObject(i, LocalDateTime.class);
            return v == null ? null : Values.datetime(v);
        }
        if (duckType.equals("TIMESTAMP WITH TIME ZONE")) {
            OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
            return v == null ? null : Values.datetime(v.toLocalDateTime());
        }
        Object o = rs.getObject(i);
        if (o == null) {
            return null;
        }
        if (duckType.equals("JSON")) {
            return JsonText.normalize(rs.getString(i));
        }
        return format(o);
    }

    static String format(Object o) throws SQLException {
        if (o == null) {
            return null;
        }
        if (o instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (o instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (o instanceof Double d) {
            return Values.formatDouble(d);
        }
        if (o instanceof Float f) {
            return Values.formatFloat(f);
        }
        if (o instanceof LocalDate d) {
            return d.toString();
        }
        if (o instanceof LocalDateTime t) {
            return Values.datetime(t);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return Values.datetime(ts.toLocalDateTime());
        }
        if (o instanceof Array a) {
            StringBuilder b = new StringBuilder("[");
            Object[] items = (Object[]) a.getArray();
            for (int k = 0; k < items.length; k++) {
                if (k > 0) {
                    b.append(',');
                }
                b.append(nested(items[k]));
            }
            return b.append(']').toString();
        }
        if (o instanceof org.duckdb.DuckDBStruct s) {
            // StarRocks prints a STRUCT as {"field":value,...}.
            StringBuilder b = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<String, Object> e : s.getMap().entrySet()) {
                b.append(first ? "" : ",")
                        .append(nested(e.getKey()))
                        .append(':')
                        .append(nested(e.getValue()));
                first = false;
            }
            return b.append('}').toString();
        }
        if (o instanceof Struct s) {
            return s.toString();
        }
        if (o instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                b.append(nested(e.getKey())).append(':').append(nested(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (o instanceof java.sql.Blob blob) {
            // One char per byte, so the MySQL port can send the exact bytes of a VARBINARY value back.
            return new String(blob.getBytes(1, (int) blob.length()), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        if (o instanceof BigInteger || o instanceof Number) {
            return o.toString();
        }
        return o.toString();
    }

    private static String nested(Object o) throws SQLException {
        if (o == null) {
            return "null";
        }
        if (o instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (o instanceof LocalDate || o instanceof LocalDateTime || o instanceof java.sql.Timestamp) {
            return '"' + format(o) + '"';
        }
        return format(o);
    }
}
