package dev.quarry.models;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** "Did you mean ...?" for misspelt property, option and key names. */
final class Suggestions {
    private Suggestions() {
    }

    /** " (did you mean x?)" for the closest candidate within a third of the name's length, or "". */
    static String didYouMean(String input, Collection<String> candidates) {
        String needle = input.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, needle.length() / 3);
        return candidates.stream()
                .filter(c -> distance(needle, c.toLowerCase(Locale.ROOT)) <= allowed)
                .min(Comparator.comparingInt((String c) -> distance(needle, c.toLowerCase(Locale.ROOT))).thenComparing(c -> c))
                .map(c -> " (did you mean " + c + "?)")
                .orElse("");
    }

    static int distance(String a, String b) {
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
