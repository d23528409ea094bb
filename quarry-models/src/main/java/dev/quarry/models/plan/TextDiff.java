package dev.quarry.models.plan;

import java.util.ArrayList;
import java.util.List;

/** A line diff ({@code -} old, {@code +} new, two lines of context) for showing what changed in a model file. */
final class TextDiff {
    private static final int CONTEXT = 2;

    private TextDiff() {}

    static String of(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        // Longest common subsequence by dynamic programming: model files are short.
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add("  " + a.get(i));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                lines.add("- " + a.get(i++));
            } else {
                lines.add("+ " + b.get(j++));
            }
        }
        boolean[] keep = new boolean[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            if (!lines.get(k).startsWith("  ")) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(lines.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        boolean skipped = false;
        for (int k = 0; k < lines.size(); k++) {
            if (keep[k]) {
                if (skipped && out.length() > 0) {
                    out.append("  ...\n");
                }
                out.append(lines.get(k)).append('\n');
                skipped = false;
            } else {
                skipped = true;
            }
        }
        return out.toString();
    }
}
