package dev.quarry.sandbox.load;

import dev.quarry.sandbox.engine.SqlError;

/** The JsonPath subset StarRocks' jsonpaths and json_root use ({@code $.a.b}, {@code $.a[0]}, {@code $['a']}), as JSON pointers. */
final class JsonPath {
    private JsonPath() {}

    static String toPointer(String path) throws SqlError {
        String p = path.trim();
        if (!p.startsWith("$")) {
            throw SqlError.of("Invalid json path: " + path);
        }
        StringBuilder pointer = new StringBuilder();
        int i = 1;
        while (i < p.length()) {
            char ch = p.charAt(i);
            if (ch == '.') {
                int end = i + 1;
                while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw SqlError.of("Invalid json path: " + path);
                }
                append(pointer, p.substring(i + 1, end));
                i = end;
            } else if (ch == '[') {
                int end = p.indexOf(']', i);
                if (end < 0) {
                    throw SqlError.of("Invalid json path: " + path);
                }
                String inner = p.substring(i + 1, end).trim();
                if (((inner.startsWith("'") && inner.endsWith("'")) || (inner.startsWith("\"") && inner.endsWith("\"")))
                        && inner.length() >= 2) {
                    inner = inner.substring(1, inner.length() - 1);
                } else if (!inner.matches("\\d+")) {
                    throw SqlError.of("Invalid json path: " + path);
                }
                append(pointer, inner);
                i = end + 1;
            } else {
                throw SqlError.of("Invalid json path: " + path);
            }
        }
        return pointer.toString();
    }

    private static void append(StringBuilder pointer, String segment) {
        pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
    }
}
