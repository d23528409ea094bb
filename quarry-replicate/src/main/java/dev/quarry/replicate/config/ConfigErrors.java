package dev.quarry.replicate.config;

import dev.quarry.core.Location;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Collects configuration errors so a user sees all of them in one run, each with its file:line:column; and the
 * warnings about keys that have no effect, each once per key (docs/sling.md §7).
 */
public final class ConfigErrors {
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> warned = new HashSet<>();

    public void add(Location where, String message) {
        errors.add(where + ": " + message);
    }

    /**
     * A warning about {@code key} (e.g. {@code target_options.datetime_format}): only its first occurrence in the file
     * is kept, since the same reason repeated for every stream says nothing new.
     */
    public void warn(Location where, String key, String message) {
        if (warned.add(key)) {
            warnings.add(where + ": " + message);
        }
    }

    /** The warnings, in the order found; never a reason to stop. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** An unknown name, with a "did you mean" when a known one is close. */
    public void unknown(Location where, String what, String name, Collection<String> known) {
        String suggestion = closest(name, known);
        add(
                where,
                "unknown " + what + " '" + name + "'"
                        + (suggestion == null
                                ? " (known: " + String.join(", ", known) + ")"
                                : "; did you mean '" + suggestion + "'?"));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<String> list() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ReplicationConfigException(errors);
        }
    }

    /** The known name within edit distance ⌈len/3⌉ (at least 2) of {@code name}, or null. */
    public static String closest(String name, Collection<String> known) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = Math.max(2, (name.length() + 2) / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** Damerau-Levenshtein distance (optimal string alignment), so a swapped pair of letters costs one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
