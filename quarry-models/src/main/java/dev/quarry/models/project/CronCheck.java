package dev.quarry.models.project;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether a model's {@code cron} is one cron understands: an {@code @} shortcut, or five fields within range. */
final class CronCheck {
    private static final Set<String> SHORTCUTS =
            Set.of("@hourly", "@daily", "@weekly", "@monthly", "@yearly", "@annually", "@midnight");
    private static final Pattern FIELD = Pattern.compile("[0-9A-Za-z*,/?#L-]+");
    // Minute, hour, day of month, month, day of week (0 and 7 are both Sunday), as cron reads them.
    private static final List<String> NAMES = List.of("minute", "hour", "day of month", "month", "day of week");
    private static final int[] MIN = {0, 0, 1, 1, 0};
    private static final int[] MAX = {59, 23, 31, 12, 7};
    // A value, not a step: numbers right after '/' count intervals.
    private static final Pattern NUMBER = Pattern.compile("(?<![/0-9])[0-9]+");

    private CronCheck() {}

    /** What is wrong with {@code cron}, or empty when cron would take it. */
    static Optional<String> problem(String cron) {
        String c = cron.strip().toLowerCase(Locale.ROOT);
        if (SHORTCUTS.contains(c)) {
            return Optional.empty();
        }
        String[] fields = c.split("\\s+", -1);
        if (fields.length != 5
                || !Arrays.stream(fields).allMatch(f -> FIELD.matcher(f).matches())) {
            return Optional.of(
                    "cron must be @hourly, @daily, @weekly, @monthly, @yearly or five cron fields, not '" + cron + "'");
        }
        for (int i = 0; i < fields.length; i++) {
            Matcher m = NUMBER.matcher(fields[i]);
            while (m.find()) {
                String number = m.group();
                if (number.length() > 2 || Integer.parseInt(number) < MIN[i] || Integer.parseInt(number) > MAX[i]) {
                    return Optional.of("cron '" + cron + "': " + NAMES.get(i) + " " + number + " is out of range "
                            + MIN[i] + "-" + MAX[i]);
                }
            }
        }
        return Optional.empty();
    }
}
