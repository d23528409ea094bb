package dev.quarry.replicate.plan;

import dev.quarry.core.Location;
import dev.quarry.replicate.config.ConfigErrors;
import dev.quarry.replicate.config.ReplicationConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A stream's {@code select}: included names, or {@code *}, and {@code -col} exclusions with globs
 * (docs/sling.md §1.6). Mixing named includes with exclusions needs {@code *}.
 */
record Selection(List<String> includes, List<String> excludes) {
    static final Selection ALL = new Selection(List.of("*"), List.of());

    Selection {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /** Reads the select list; null after recording an error. */
    static Selection parse(List<String> items, Location at, ConfigErrors errors) {
        if (items.isEmpty()) {
            return ALL;
        }
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        for (String item : items) {
            if (item.startsWith("-")) {
                String name = item.substring(1).trim();
                if (name.isEmpty()) {
                    errors.add(at, "select item '-' names no column");
                    return null;
                }
                excludes.add(name);
            } else {
                includes.add(item);
            }
        }
        if (includes.isEmpty()) {
            includes.add("*");
        }
        if (!excludes.isEmpty() && !includes.contains("*")) {
            errors.add(at, "select mixes columns and -exclusions; add '*' to say the exclusions apply to all columns");
            return null;
        }
        if (includes.contains("*") && includes.size() > 1) {
            errors.add(at, "select has '*' and named columns; use either '*' (with -exclusions) or a list of columns");
            return null;
        }
        return new Selection(includes, excludes);
    }

    boolean isAll() {
        return includes.equals(List.of("*")) && excludes.isEmpty();
    }

    /**
     * The chosen columns of {@code available}, in table order for {@code *} and in select order otherwise.
     * Throws {@link ReplicationConfigException} for a named column the table lacks or an exclusion matching nothing.
     */
    List<String> apply(List<String> available, String stream) {
        List<String> chosen = new ArrayList<>();
        if (includes.contains("*")) {
            chosen.addAll(available);
        } else {
            for (String name : includes) {
                String match = available.stream()
                        .filter(c -> c.equals(name))
                        .findFirst()
                        .orElseGet(() -> available.stream()
                                .filter(c -> c.equalsIgnoreCase(name))
                                .findFirst()
                                .orElse(null));
                if (match == null) {
                    String close = ConfigErrors.closest(name, available);
                    throw new ReplicationConfigException(
                            "stream " + stream + ": select names column '" + name + "' which the source does not have"
                                    + (close != null ? "; did you mean '" + close + "'?" : ""));
                }
                chosen.add(match);
            }
        }
        for (String glob : excludes) {
            Pattern p = glob(glob);
            if (!chosen.removeIf(c -> p.matcher(c).matches())) {
                throw new ReplicationConfigException(
                        "stream " + stream + ": select exclusion '-" + glob + "' matches no column");
            }
        }
        if (chosen.isEmpty()) {
            throw new ReplicationConfigException("stream " + stream + ": select leaves no columns");
        }
        return chosen;
    }

    /** A glob with {@code *} and {@code ?}, case-insensitive like Sling's matching. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
