package dev.quarry.replicate.source.mysql;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** TIMESTAMP checkpoints: StarRocks holds wall time in the target zone, the session reads UTC. */
final class Timestamps {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    private Timestamps() {}

    /** {@code YYYY-MM-DD[ HH:MM:SS[.f...]]} as wall time in {@code zone}, printed as the same instant in UTC. */
    static String wallTimeToUtc(String value, ZoneId zone) {
        String t = value.strip().replace('T', ' ');
        LocalDateTime local;
        try {
            local = t.length() == 10
                    ? java.time.LocalDate.parse(t).atStartOfDay()
                    : LocalDateTime.parse(t.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new dev.quarry.replicate.source.SourceException(
                    "the checkpoint '" + value + "' of a TIMESTAMP update_key is not a date and time");
        }
        return OUT.format(local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }
}
