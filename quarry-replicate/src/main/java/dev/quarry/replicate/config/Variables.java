package dev.quarry.replicate.config;

import dev.quarry.core.Location;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runtime variables ({@code {stream_table}}, {@code {run_timestamp}}, ...; docs/sling.md §1.5) and {@code ${ENV}}
 * expansion. Placeholders filled only when a stream runs ({@code {incremental_where_cond}}, ...) pass through.
 */
public final class Variables {
    /** Filled by the reader at run time, from the target's checkpoint (docs/sling.md §2.3). */
    static final Set<String> RUNTIME_PLACEHOLDERS = Set.of("incremental_where_cond", "incremental_value", "update_key");

    private static final Pattern TEMPLATE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.]*)}");
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final DateTimeFormatter RUN_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy_MM_dd_HHmmss", Locale.ROOT);

    private Variables() {}

    /** Date parts of the run start in the context's zone. {@code DDD} is the day of the year (001–366). */
    public static Map<String, String> runVariables(RunContext context) {
        ZonedDateTime t = context.runTime().atZone(context.zone());
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("run_timestamp", RUN_TIMESTAMP.format(t));
        vars.put("YYYY", String.format(Locale.ROOT, "%04d", t.getYear()));
        vars.put("YY", String.format(Locale.ROOT, "%02d", t.getYear() % 100));
        vars.put("MMM", t.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH));
        vars.put("MM", String.format(Locale.ROOT, "%02d", t.getMonthValue()));
        vars.put("DD", String.format(Locale.ROOT, "%02d", t.getDayOfMonth()));
        vars.put("DDD", String.format(Locale.ROOT, "%03d", t.getDayOfYear()));
        vars.put("HH", String.format(Locale.ROOT, "%02d", t.getHour()));
        vars.put("hh", String.format(Locale.ROOT, "%02d", (t.getHour() + 11) % 12 + 1));
        vars.put("mm", String.format(Locale.ROOT, "%02d", t.getMinute()));
        vars.put("ss", String.format(Locale.ROOT, "%02d", t.getSecond()));
        return vars;
    }

    /** True when the text uses a variable that differs per table (docs/sling.md §1.4, ObjectHasStreamVars). */
    public static boolean hasStreamVariable(String template) {
        Matcher m = TEMPLATE.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            if (name.startsWith("stream_table")
                    || name.equals("stream_name")
                    || name.equals("stream.table")
                    || name.equals("stream.name")
                    || name.equals("stream_full_name")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces every {@code {name}} from {@code vars}; runtime placeholders stay. An unknown name is an error
     * at {@code at}, naming {@code what} was being rendered. Returns null after an error.
     */
    public static String render(
            String template, Map<String, String> vars, String what, Location at, ConfigErrors errors) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder out = new StringBuilder();
        boolean ok = true;
        while (m.find()) {
            String name = m.group(1);
            String value = vars.get(name);
            if (value == null) {
                if (RUNTIME_PLACEHOLDERS.contains(name)) {
                    value = m.group();
                } else {
                    String close = ConfigErrors.closest(name, vars.keySet());
                    errors.add(
                            at,
                            "unknown variable {" + name + "} in " + what
                                    + (close != null ? "; did you mean {" + close + "}?" : ""));
                    ok = false;
                    continue;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return ok ? out.toString() : null;
    }

    /** Expands {@code ${NAME}} from {@code env}; an undefined name is an error (never an empty string). */
    static String expandEnv(String text, Map<String, String> env, Location at, ConfigErrors errors) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        Matcher m = ENV.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null) {
                errors.add(
                        at, "environment variable ${" + m.group(1) + "} is not set (set it, or define it under env:)");
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
