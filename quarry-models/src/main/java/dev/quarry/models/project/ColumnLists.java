package dev.quarry.models.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads the column lists that keys, partitioning, distribution and ordering name. */
final class ColumnLists {

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*|`[^`]+`|\"[^\"]+\"");

    private ColumnLists() {}

    /** Column lists: {@code col}, {@code (c1, c2)}, {@code [c1, c2]}, {@code 'c1, c2'} or {@code '(c1, c2)'}. */
    static List<String> columns(String model, Value v, String what) {
        List<String> out = new ArrayList<>();
        if (v instanceof Value.Str s) {
            String text = s.value().strip();
            if (text.startsWith("(") && text.endsWith(")")) {
                text = text.substring(1, text.length() - 1);
            }
            for (String part : text.split(",", -1)) {
                String c = part.strip();
                if (!COLUMN.matcher(c).matches()) {
                    throw LayoutReader.error(
                            model, v.location(), what + ": '" + c + "' in " + v.sql() + " is not a column name");
                }
                out.add(unquote(c));
            }
        } else if (v instanceof Value.Ident i && !i.name().contains(".")) {
            out.add(i.name());
        } else if (v instanceof Value.Tuple || v instanceof Value.Array) {
            for (Value item : v.items()) {
                if (!(item instanceof Value.Ident id) || id.name().contains(".")) {
                    throw LayoutReader.error(
                            model,
                            item.location(),
                            what + " must list column names; " + item.sql() + " is " + item.describe());
                }
                out.add(id.name());
            }
        } else {
            throw LayoutReader.error(
                    model, v.location(), what + " must be a column, (col1, col2) or 'col1, col2', not " + v.describe());
        }
        if (out.isEmpty()) {
            throw LayoutReader.error(model, v.location(), what + " lists no columns");
        }
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String c : out) {
            if (!seen.add(c)) {
                throw LayoutReader.error(model, v.location(), what + " lists column " + c + " twice");
            }
        }
        return out;
    }

    private static String unquote(String c) {
        if (c.length() >= 2 && (c.charAt(0) == '`' || c.charAt(0) == '"')) {
            return c.substring(1, c.length() - 1);
        }
        return c;
    }
}
