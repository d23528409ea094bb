package dev.quarry.models.project;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times models write in {@code start} and {@code end}: a date ({@code 2024-01-01}, midnight UTC), a
 * timestamp ({@code 2024-01-01 12:00:00}, UTC), epoch milliseconds, {@code now}, {@code today},
 * {@code yesterday}, or {@code N unit(s) ago}. Everything is UTC (docs/sqlmesh.md §2.5), whatever the JVM zone.
 */
public final class Times {
    private static final Pattern RELATIVE =
            Pattern.compile("(\\d+)\\s+(second|minute|hour|day|week|month|year)s?\\s+ago", Pattern.CASE_INSENSITIVE);

    private Times() {}

    /** {@code text} as an instant in UTC; relative forms count back from {@code now}. */
    public static Instant parse(String text, Instant now) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        switch (lower) {
            case "now" -> {
                return now;
            }
            case "today" -> {
                return today.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            case "yesterday" -> {
                return today.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            default -> {}
        }
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
            LocalDateTime back = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "second" -> at.minusSeconds(n);
                case "minute" -> at.minusMinutes(n);
                case "hour" -> at.minusHours(n);
                case "day" -> at.minusDays(n);
                case "week" -> at.minusWeeks(n);
                case "month" -> at.minusMonths(n);
                default -> at.minusYears(n);
            };
            return back.toInstant(ZoneOffset.UTC);
        }
        if (t.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(t));
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(t.replace(' ', 'T'))
                    .toInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time: '" + text + "'", e);
        }
    }

    /** An end as written: a date alone ({@code 2024-01-31}) includes that whole day, as in SQLMesh. */
    public static Instant inclusiveEnd(String text, Instant now) {
        Instant t = parse(text, now);
        return text.strip().length() == 10 && text.strip().charAt(4) == '-' ? t.plus(1, ChronoUnit.DAYS) : t;
    }
}
