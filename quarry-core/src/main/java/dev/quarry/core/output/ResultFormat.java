package dev.quarry.core.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** How a result is printed on stdout: {@code -o table|csv|json}. */
public enum ResultFormat {
    /**
     * A boxed table with the column names as the server gave them (Sling upper-cases them; a query's {@code AS
     * orderId} should read as written). Numbers are right-aligned; NULL is shown as NULL.
     */
    TABLE {
        @Override
        public String render(ResultTable table) {
            int n = table.columns().size();
            int[] widths = new int[n];
            List<String> header = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                String name = table.columns().get(c).name();
                header.add(name);
                widths[c] = length(name);
            }
            List<List<String>> cells = new ArrayList<>();
            for (List<Object> row : table.rows()) {
                List<String> line = new ArrayList<>(n);
                for (int c = 0; c < n; c++) {
                    String text = cell(row.get(c));
                    line.add(text);
                    widths[c] = Math.max(widths[c], length(text));
                }
                cells.add(line);
            }
            StringBuilder out = new StringBuilder();
            String rule = rule(widths);
            out.append(rule);
            appendRow(out, header, widths, new boolean[n]);
            out.append(rule);
            boolean[] right = new boolean[n];
            for (int c = 0; c < n; c++) {
                right[c] = table.columns().get(c).numeric();
            }
            for (List<String> line : cells) {
                appendRow(out, line, widths, right);
            }
            if (!cells.isEmpty()) {
                out.append(rule);
            }
            return out.toString();
        }
    },
    /** RFC 4180: header of column names as returned, fields quoted when needed, NULL as an empty field. */
    CSV {
        @Override
        public String render(ResultTable table) {
            StringBuilder out = new StringBuilder();
            List<String> names =
                    table.columns().stream().map(ResultTable.Column::name).toList();
            appendCsvLine(out, new ArrayList<>(names));
            for (List<Object> row : table.rows()) {
                appendCsvLine(out, row);
            }
            return out.toString();
        }
    },
    /** A JSON array with one object per row; numbers and booleans keep their JSON types. */
    JSON {
        @Override
        public String render(ResultTable table) {
            ArrayNode array = MAPPER.createArrayNode();
            for (List<Object> row : table.rows()) {
                ObjectNode object = array.addObject();
                for (int c = 0; c < row.size(); c++) {
                    String name = table.columns().get(c).name();
                    Object v = row.get(c);
                    if (v == null) {
                        object.putNull(name);
                    } else if (v instanceof BigDecimal d) {
                        object.put(name, d);
                    } else if (v instanceof BigInteger i) {
                        object.put(name, i);
                    } else if (v instanceof Double || v instanceof Float) {
                        double d = ((Number) v).doubleValue();
                        if (Double.isFinite(d)) {
                            object.put(name, d);
                        } else {
                            object.put(name, v.toString());
                        }
                    } else if (v instanceof Number num) {
                        object.put(name, num.longValue());
                    } else if (v instanceof Boolean b) {
                        object.put(name, b);
                    } else {
                        object.put(name, v.toString());
                    }
                }
            }
            try {
                return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot render JSON", e);
            }
        }
    };

    /** Table cells longer than this are cut, so one huge value does not make the table unreadable. */
    static final int MAX_CELL_WIDTH = 80;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The whole result, ending with a newline. */
    public abstract String render(ResultTable table);

    private static String cell(Object value) {
        if (value == null) {
            return "NULL";
        }
        String text = plain(value)
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\r")
                .replace("\t", " ");
        if (length(text) > MAX_CELL_WIDTH) {
            int cut = text.offsetByCodePoints(0, MAX_CELL_WIDTH - 3);
            text = text.substring(0, cut) + "...";
        }
        return text;
    }

    private static String plain(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static String rule(int[] widths) {
        StringBuilder out = new StringBuilder("+");
        for (int w : widths) {
            out.append("-".repeat(w + 2)).append('+');
        }
        return out.append('\n').toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths, boolean[] right) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String text = cells.get(c);
            String pad = " ".repeat(widths[c] - length(text));
            out.append(' ').append(right[c] ? pad + text : text + pad).append(" |");
        }
        out.append('\n');
    }

    private static void appendCsvLine(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            String text = plain(v);
            if (text.isEmpty()
                    || text.indexOf(',') >= 0
                    || text.indexOf('"') >= 0
                    || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0) {
                // An empty string is quoted so that it stays distinct from NULL.
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                out.append(text);
            }
        }
        out.append("\r\n");
    }
}
