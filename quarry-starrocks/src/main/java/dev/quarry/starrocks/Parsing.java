package dev.quarry.starrocks;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Small readers for the string forms SQLMesh projects use. */
final class Parsing {
    static final Pattern DISTRIBUTION =
            Pattern.compile("(?i)(HASH|RANDOM)\\s*(?:\\(([^)]*)\\))?\\s*(?:BUCKETS\\s+(\\d+))?");

    static final Pattern DATE_TRUNC = Pattern.compile(
            "(?i)date_trunc\\s*\\(\\s*['\"]([A-Za-z]+)['\"]\\s*,\\s*(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)\\s*\\)");
    static final Pattern TIME_SLICE = Pattern.compile(
            "(?i)time_slice\\s*\\(\\s*(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)\\s*,\\s*INTERVAL\\s+(\\d+)\\s+([A-Za-z]+)\\s*\\)");
    static final Pattern COLUMN = Pattern.compile("`[^`]+`|[A-Za-z_][A-Za-z0-9_]*");

    private Parsing() {}

    static void checkBuckets(OptionalInt buckets) {
        if (buckets.isPresent() && buckets.getAsInt() < 1) {
            throw new InvalidSpecException("BUCKETS must be positive, got " + buckets.getAsInt());
        }
    }

    static int positive(String digits, String what) {
        try {
            int n = Integer.parseInt(digits);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidSpecException(what + " must be a positive number, got " + digits);
        }
    }

    /** Splits {@code a, `b c`, "d"} into names, removing backticks or double quotes. */
    static List<String> identifierList(String text, String what) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String s = raw.trim();
            if (s.length() >= 2
                    && ((s.startsWith("`") && s.endsWith("`")) || (s.startsWith("\"") && s.endsWith("\"")))) {
                s = s.substring(1, s.length() - 1).replace("``", "`");
            }
            if (s.isEmpty()) {
                throw new InvalidSpecException(what + ": empty column name in '" + text.trim() + "'");
            }
            out.add(s);
        }
        return out;
    }
}
