package dev.quarry.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean ...?" for names a user typed: connections, commands, models. */
public final class Names {
    private static final int MAX_SUGGESTIONS = 3;

    private Names() {}

    /**
     * Candidates close to {@code input}, closest first: within an edit distance of about a third of the
     * input's length (at least 2), or containing it / contained in it, ignoring case.
     */
    public static List<String> closest(String input, Collection<String> candidates) {
        String needle = input.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, needle.length() / 3);
        record Scored(String name, int distance) {}
        return candidates.stream()
                .map(c -> new Scored(c, distance(needle, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance() <= allowed || related(needle, s.name().toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(MAX_SUGGESTIONS)
                .map(Scored::name)
                .toList();
    }

    /** " (did you mean A or B?)", or "" when nothing is close. */
    public static String didYouMean(String input, Collection<String> candidates) {
        List<String> close = closest(input, candidates);
        if (close.isEmpty()) {
            return "";
        }
        return " (did you mean " + String.join(" or ", close) + "?)";
    }

    private static boolean related(String needle, String candidate) {
        return needle.length() >= 2
                && (candidate.contains(needle) || (needle.contains(candidate) && candidate.length() >= 2));
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
