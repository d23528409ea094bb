package dev.quarry.starrocks;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a query result as StarRocks would declare them (what {@code DESC} of the query would show), from the
 * JDBC metadata StarRocks' MySQL protocol sends: the driver's type codes and names mapped back to StarRocks types.
 */
final class ResultColumns {
    private ResultColumns() {}

    /** Maps JDBC result metadata to StarRocks column types (what {@code DESC} of the query would show). */
    static List<ColumnSpec> of(ResultSetMetaData md) throws SQLException {
        List<ColumnSpec> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnLabel(i);
            if (name == null || name.isBlank()) {
                name = md.getColumnName(i);
            }
            out.add(ColumnSpec.of(name, StarRocksType.parse(typeName(md, i))));
        }
        return out;
    }

    private static String typeName(ResultSetMetaData md, int i) throws SQLException {
        String name = Optional.ofNullable(md.getColumnTypeName(i)).orElse("").toUpperCase(Locale.ROOT);
        boolean unsigned = name.contains("UNSIGNED");
        switch (md.getColumnType(i)) {
            case Types.BIGINT -> {
                return unsigned ? "LARGEINT" : "BIGINT";
            }
            case Types.INTEGER -> {
                return unsigned ? "BIGINT" : "INT";
            }
            case Types.SMALLINT -> {
                return "SMALLINT";
            }
            case Types.TINYINT -> {
                return name.startsWith("BOOL") ? "BOOLEAN" : "TINYINT";
            }
            case Types.BIT, Types.BOOLEAN -> {
                return "BOOLEAN";
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                int p = Math.max(1, Math.min(38, md.getPrecision(i)));
                int s = Math.max(0, Math.min(p, md.getScale(i)));
                return "DECIMAL(" + p + "," + s + ")";
            }
            case Types.DOUBLE -> {
                return "DOUBLE";
            }
            case Types.FLOAT, Types.REAL -> {
                return name.startsWith("DOUBLE") ? "DOUBLE" : "FLOAT";
            }
            case Types.DATE -> {
                return "DATE";
            }
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIME -> {
                return "DATETIME";
            }
            default -> {
                if (name.startsWith("LARGEINT")) {
                    return "LARGEINT";
                }
                if (name.startsWith("JSON")) {
                    return "JSON";
                }
                // VARCHAR, CHAR, TEXT and anything else: the longest string StarRocks' STRING allows.
                return "VARCHAR(" + StarRocksType.STRING_LENGTH + ")";
            }
        }
    }
}
