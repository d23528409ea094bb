package dev.quarry.models.testing;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a unit test compares values and names result columns, as SQLMesh does (docs/sqlmesh.md §8). */
final class TestValues {
    /** SQLMesh compares frames with pandas' default relative tolerance. */
    private static final double RELATIVE_TOLERANCE = 1e-5;

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** {@code id::INT}, {@code CAST(id AS INT)}, {@code `t`.`id`}: a cast or qualified column keeps its name. */
    private static final Pattern CAST_SUFFIX = Pattern.compile("(?is)^(.+?)\\s*::\\s*[a-z_][a-z0-9_(), ]*$");

    private static final Pattern CAST_CALL =
            Pattern.compile("(?is)^cast\\s*\\(\\s*(.+?)\\s+as\\s+[a-z_][a-z0-9_(), ]*\\)$");
    private static final Pattern COLUMN =
            Pattern.compile("(?i)^(?:[`\"]?[a-z_][a-z0-9_]*[`\"]?\\.)*[`\"]?([a-z_][a-z0-9_]*)[`\"]?$");

    private TestValues() {}

    /** The name SQLMesh gives a result column: a cast or a qualified column is named after the column. */
    static String columnName(String label) {
        String l = label.strip();
        for (int i = 0; i < 3; i++) {
            Matcher m = CAST_SUFFIX.matcher(l);
            Matcher c = CAST_CALL.matcher(l);
            if (m.matches()) {
                l = m.group(1).strip();
            } else if (c.matches()) {
                l = c.group(1).strip();
            }
        }
        Matcher col = COLUMN.matcher(l);
        return (col.matches() ? col.group(1) : label).toLowerCase(Locale.ROOT);
    }

    static boolean sameRow(Map<String, String> want, Map<String, String> got) {
        for (Map.Entry<String, String> e : want.entrySet()) {
            if (!same(e.getValue(), got.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Equal as text, as numbers within the tolerance, or as a date and that date's midnight. */
    static boolean same(String a, String b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (NUMBER.matcher(a).matches() && NUMBER.matcher(b).matches()) {
            BigDecimal x = new BigDecimal(a);
            BigDecimal y = new BigDecimal(b);
            if (x.compareTo(y) == 0) {
                return true;
            }
            double dx = x.doubleValue();
            double dy = y.doubleValue();
            return Math.abs(dx - dy) <= RELATIVE_TOLERANCE * Math.max(Math.abs(dx), Math.abs(dy)) + 1e-8;
        }
        return midnight(a).equals(midnight(b));
    }

    private static String midnight(String s) {
        String t = s.strip().replace('T', ' ');
        if (DATE.matcher(t).matches()) {
            return t + " 00:00:00";
        }
        return t.replaceAll("^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})\\.0+$", "$1");
    }
}
