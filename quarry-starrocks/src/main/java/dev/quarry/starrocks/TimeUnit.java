package dev.quarry.starrocks;

import java.util.Arrays;
import java.util.Locale;

/** Units of date_trunc, time_slice, EVERY (INTERVAL n unit) and refresh intervals. */
public enum TimeUnit {
    SECOND,
    MINUTE,
    HOUR,
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR;

    static TimeUnit parse(String text, String where) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidSpecException.unknownName(
                    where + ": unknown time unit '" + text.trim() + "'",
                    text.trim(),
                    Arrays.stream(values()).map(Enum::name).toList());
        }
    }

    /** The unit as date_trunc's first argument, e.g. {@code 'day'}. */
    String truncLiteral() {
        return Sql.literal(name().toLowerCase(Locale.ROOT));
    }
}
