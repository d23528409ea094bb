package dev.quarry.replicate.config;

import java.util.List;
import java.util.Locale;

/**
 * {@code target_options.column_casing} (docs/sling.md §3.2): the name a source column gets on StarRocks. StarRocks
 * matches column names ignoring case, so the casing decides how names are stored and shown, never which column a key
 * or a query refers to.
 */
public final class ColumnCasing {
    private ColumnCasing() {}

    /** {@code name} in {@code casing} (normalize, source, target, lower, upper or snake). */
    public static String apply(String casing, String name) {
        return switch (casing) {
            case "source" -> name;
            // StarRocks' own casing is lower case; a name in one case is normalized, a mixed-case one kept as is.
            case "normalize" -> name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
            case "target", "lower" -> name.toLowerCase(Locale.ROOT);
            case "upper" -> name.toUpperCase(Locale.ROOT);
            case "snake" -> snake(name);
            default -> throw new IllegalArgumentException("unknown column_casing " + casing);
        };
    }

    public static List<String> apply(String casing, List<String> names) {
        return names.stream().map(n -> apply(casing, n)).toList();
    }

    /** {@code createdAt} → {@code created_at}, {@code HTTPCode} → {@code http_code}, {@code Order Id} → {@code order_id}. */
    static String snake(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                continue;
            }
            if (Character.isUpperCase(c) && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                char previous = name.charAt(i - 1);
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(previous)
                        || Character.isDigit(previous)
                        || (Character.isUpperCase(previous) && nextLower)) {
                    out.append('_');
                }
            }
            out.append(Character.toLowerCase(c));
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '_') {
            end--;
        }
        return out.substring(0, end);
    }
}
