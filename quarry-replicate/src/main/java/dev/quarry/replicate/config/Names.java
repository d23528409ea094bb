package dev.quarry.replicate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splitting dotted names with optional quoting. */
public final class Names {
    private Names() {}

    /**
     * Splits {@code a.b} where a part may be enclosed in {@code quote} (doubled to escape it). Unquoted parts are
     * lower-cased when {@code foldUnquoted}. Null for an empty part or an unterminated quote.
     */
    public static List<String> split(String text, char quote, boolean foldUnquoted) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder part = new StringBuilder();
            if (i < text.length() && text.charAt(i) == quote) {
                i++;
                boolean closed = false;
                while (i < text.length()) {
                    char c = text.charAt(i);
                    if (c == quote) {
                        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                            part.append(quote);
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    part.append(c);
                    i++;
                }
                if (!closed) {
                    return null;
                }
            } else {
                int end = text.indexOf('.', i);
                String raw = end < 0 ? text.substring(i) : text.substring(i, end);
                if (raw.indexOf(quote) >= 0) {
                    return null;
                }
                part.append(foldUnquoted ? raw.toLowerCase(Locale.ROOT) : raw);
                i += raw.length();
            }
            if (part.length() == 0) {
                return null;
            }
            parts.add(part.toString());
            if (i == text.length()) {
                return parts;
            }
            if (text.charAt(i) != '.') {
                return null;
            }
            i++;
        }
    }
}
