package dev.quarry.sandbox.http;

import java.util.Map;

/**
 * Pretty-printed JSON objects in the two shapes StarRocks answers with: the BE's rapidjson PrettyWriter (4-space
 * indent) and the FE's Gson pretty printing (2-space indent, HTML-safe escaping of {@code < > & = '}).
 */
final class JsonText {
    private JsonText() {}

    /** BE style (docs/starrocks.md §1.4). */
    static String be(Map<String, ?> fields) {
        return render(fields, "    ", false);
    }

    /** FE style (Gson {@code setPrettyPrinting()} with its default HTML escaping). */
    static String fe(Map<String, ?> fields) {
        return render(fields, "  ", true);
    }

    private static String render(Map<String, ?> fields, String indent, boolean htmlSafe) {
        if (fields.isEmpty()) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            sb.append(indent);
            string(sb, e.getKey(), htmlSafe);
            sb.append(": ");
            Object v = e.getValue();
            if (v == null) {
                sb.append("null");
            } else if (v instanceof Number || v instanceof Boolean) {
                sb.append(v);
            } else {
                string(sb, v.toString(), htmlSafe);
            }
            if (++i < fields.size()) {
                sb.append(',');
            }
            sb.append('\n');
        }
        return sb.append('}').toString();
    }

    private static void string(StringBuilder sb, String s, boolean htmlSafe) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (ch < 0x20 || (htmlSafe && (ch == '<' || ch == '>' || ch == '&' || ch == '=' || ch == '\''))) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }
}
