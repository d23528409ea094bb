package dev.quarry.models.plan;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The length of the intervals a model processes, inferred from its cron as SQLMesh does (docs/sqlmesh.md §2.4,
 * {@code interval_unit}). All arithmetic is in UTC.
 */
public enum IntervalUnit {
    FIVE_MINUTE,
    HOUR,
    DAY,
    MONTH,
    YEAR;

    static IntervalUnit ofCron(String cron) {
        String c = cron.strip().toLowerCase(Locale.ROOT);
        switch (c) {
            case "@hourly" -> {
                return HOUR;
            }
            case "@daily", "@midnight", "@weekly" -> {
                return DAY;
            }
            case "@monthly" -> {
                return MONTH;
            }
            case "@yearly", "@annually" -> {
                return YEAR;
            }
            default -> {}
        }
        String[] f = c.split("\\s+", -1);
        if (f.length != 5) {
            return DAY;
        }
        if (f[0].contains("*") || f[0].contains(",") || f[0].contains("/")) {
            return FIVE_MINUTE;
        }
        if (f[1].contains("*") || f[1].contains(",") || f[1].contains("/")) {
            return HOUR;
        }
        return DAY;
    }

    /**
     * The last time the cron fired at or before {@code now}: what has become due. Understands {@code M H * * *}
     * (daily at H:M) and {@code M * * * *} (hourly at minute M); the {@code @} shortcuts and other schedules fire at
     * the start of each interval, so for them it is {@code now} itself.
     */
    static Instant lastTick(String cron, Instant now) {
        String[] f = cron.strip().split("\\s+", -1);
        if (f.length != 5 || !f[2].equals("*") || !f[3].equals("*") || !f[4].equals("*") || !f[0].matches("\\d{1,2}")) {
            return now;
        }
        int minute = Integer.parseInt(f[0]);
        LocalDateTime t = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalDateTime tick;
        if (f[1].matches("\\d{1,2}")) {
            tick = t.truncatedTo(ChronoUnit.DAYS)
                    .withHour(Integer.parseInt(f[1]))
                    .withMinute(minute);
            if (tick.isAfter(t)) {
                tick = tick.minusDays(1);
            }
        } else if (f[1].equals("*")) {
            tick = t.truncatedTo(ChronoUnit.HOURS).withMinute(minute);
            if (tick.isAfter(t)) {
                tick = tick.minusHours(1);
            }
        } else {
            return now;
        }
        return tick.toInstant(ZoneOffset.UTC);
    }

    /** The start of the interval holding {@code t}. */
    public Instant floor(Instant t) {
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        LocalDateTime f = switch (this) {
            case FIVE_MINUTE -> d.truncatedTo(ChronoUnit.MINUTES).withMinute(d.getMinute() / 5 * 5);
            case HOUR -> d.truncatedTo(ChronoUnit.HOURS);
            case DAY -> d.truncatedTo(ChronoUnit.DAYS);
            case MONTH -> d.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case YEAR -> d.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        };
        return f.toInstant(ZoneOffset.UTC);
    }

    /** The start of the interval after the one starting at {@code start}. */
    Instant next(Instant start) {
        LocalDateTime d = LocalDateTime.ofInstant(start, ZoneOffset.UTC);
        LocalDateTime n = switch (this) {
            case FIVE_MINUTE -> d.plusMinutes(5);
            case HOUR -> d.plusHours(1);
            case DAY -> d.plusDays(1);
            case MONTH -> d.plusMonths(1);
            case YEAR -> d.plusYears(1);
        };
        return n.toInstant(ZoneOffset.UTC);
    }
}
