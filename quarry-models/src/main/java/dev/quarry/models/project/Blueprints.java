package dev.quarry.models.project;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Substitutes a blueprint's variables into a model file's text (docs/sqlmesh.md §2.6). */
final class Blueprints {
    private static final Pattern VARIABLE =
            Pattern.compile("@\\{([A-Za-z_][A-Za-z0-9_]*)}|@([A-Za-z_][A-Za-z0-9_]*)\\b");

    private Blueprints() {}

    /**
     * {@code text} with {@code @{x}} replaced by x's value as written (a name, or a string's contents) and
     * {@code @x} by its SQL ({@code 'active'} keeps its quotes); other macros stay for the renderer.
     */
    static String substitute(String text, Map<String, Value> vars) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            boolean raw = m.group(1) != null;
            String name = (raw ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
            Value v = vars.get(name);
            String replacement;
            if (v == null) {
                replacement = m.group();
            } else if (raw) {
                replacement = v.text().orElse(v.sql());
            } else {
                replacement = v.sql();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
