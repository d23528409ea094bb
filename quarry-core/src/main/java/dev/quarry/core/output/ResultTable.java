package dev.quarry.core.output;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A small, fully read result: column names and rows of values. Values are {@link Number},
 * {@link Boolean}, {@link String} or null. Temporal values are kept as the driver's text so that
 * nothing depends on the JVM's default time zone ({@code java.sql.Timestamp#toString} does).
 */
public record ResultTable(List<Column> columns, List<List<Object>> rows, boolean truncated) {

    public record Column(String name, boolean numeric) {
        public Column {
            requireNonNull(name, "name is null");
        }
    }

    public ResultTable {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "row has " + row.size() + " values for " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** A table built in code; a column is numeric when all its non-null values are numbers. */
    public static ResultTable of(List<String> columnNames, List<List<Object>> rows) {
        List<Column> columns = new ArrayList<>(columnNames.size());
        for (int c = 0; c < columnNames.size(); c++) {
            int index = c;
            boolean numeric = rows.stream().anyMatch(r -> r.get(index) != null)
                    && rows.stream().allMatch(r -> r.get(index) == null || r.get(index) instanceof Number);
            columns.add(new Column(columnNames.get(c), numeric));
        }
        return new ResultTable(columns, rows, false);
    }

    /**
     * Reads up to {@code limit} rows (0 = all) of {@code rs}; {@link #truncated()} tells whether more were
     * available.
     */
    public static ResultTable read(ResultSet rs, int limit) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<Column> columns = new ArrayList<>(n);
        int[] types = new int[n];
        for (int i = 1; i <= n; i++) {
            types[i - 1] = meta.getColumnType(i);
            String label = meta.getColumnLabel(i);
            columns.add(new Column(
                    label == null || label.isEmpty() ? meta.getColumnName(i) : label, isNumeric(types[i - 1])));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (limit > 0 && rows.size() == limit) {
                truncated = true;
                break;
            }
            Object[] row = new Object[n];
            for (int i = 1; i <= n; i++) {
                row[i - 1] = value(rs, i, types[i - 1]);
            }
            rows.add(Arrays.asList(row));
        }
        return new ResultTable(columns, rows, truncated);
    }

    private static Object value(ResultSet rs, int i, int type) throws SQLException {
        Object value = switch (type) {
            case Types.TINYINT,
                    Types.SMALLINT,
                    Types.INTEGER,
                    Types.BIGINT,
                    Types.DECIMAL,
                    Types.NUMERIC,
                    Types.REAL,
                    Types.FLOAT,
                    Types.DOUBLE -> rs.getObject(i) instanceof Number num ? num : rs.getString(i);
            case Types.BOOLEAN -> rs.getObject(i) instanceof Boolean b ? b : rs.getString(i);
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : value;
    }

    private static boolean isNumeric(int type) {
        return switch (type) {
            case Types.TINYINT,
                    Types.SMALLINT,
                    Types.INTEGER,
                    Types.BIGINT,
                    Types.DECIMAL,
                    Types.NUMERIC,
                    Types.REAL,
                    Types.FLOAT,
                    Types.DOUBLE -> true;
            default -> false;
        };
    }
}
