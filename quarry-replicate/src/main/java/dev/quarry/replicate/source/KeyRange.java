package dev.quarry.replicate.source;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.config.ReplicationConfigException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A piece of a backfill range on the update_key: {@code low <= key < high}, or {@code <= high} for the last piece,
 * so adjacent pieces never read a row twice.
 */
public record KeyRange(String low, String high, boolean highInclusive) {
    private static final int MAX_PIECES = 100_000;
    private static final DateTimeFormatter TEXT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    public KeyRange {
        requireNonNull(low, "low is null");
        requireNonNull(high, "high is null");
    }

    /**
     * Splits {@code start..end} (both inclusive) by {@code chunkSize}: a number of update_key units ({@code 200}), or
     * a duration on a date/timestamp key: {@code 12h}, {@code 7d}, {@code 2w}, {@code 3m} (months: Sling uses
     * {@code m} on date ranges) or {@code 30s}.
     */
    public static List<KeyRange> split(String start, String end, String chunkSize, String stream) {
        String size = chunkSize.trim();
        List<KeyRange> pieces = new ArrayList<>();
        if (size.chars().allMatch(Character::isDigit)) {
            BigDecimal lo;
            BigDecimal last;
            try {
                lo = new BigDecimal(start.trim());
                last = new BigDecimal(end.trim());
            } catch (NumberFormatException e) {
                throw new ReplicationConfigException(
                        "stream " + stream + ": chunk_size " + size + " needs a numeric range, got '" + start + ","
                                + end + "' (use a duration such as 7d for dates)");
            }
            BigDecimal step = new BigDecimal(size);
            while (lo.compareTo(last) <= 0) {
                BigDecimal hi = lo.add(step);
                boolean isLast = hi.compareTo(last) > 0;
                pieces.add(new KeyRange(lo.toPlainString(), (isLast ? last : hi).toPlainString(), isLast));
                lo = hi;
                guard(pieces, stream);
            }
            return pieces;
        }
        LocalDateTime lo = temporal(start, chunkSize, stream);
        LocalDateTime last = temporal(end, chunkSize, stream);
        long n = Long.parseLong(size.substring(0, size.length() - 1));
        while (!lo.isAfter(last)) {

            LocalDateTime hi = switch (size.charAt(size.length() - 1)) {
                case 's' -> lo.plusSeconds(n);
                case 'h' -> lo.plusHours(n);
                case 'd' -> lo.plusDays(n);
                case 'w' -> lo.plusWeeks(n);
                case 'm' -> lo.plusMonths(n);
                default ->
                    throw new ReplicationConfigException(
                            "stream " + stream + ": chunk_size unit of '" + size + "' must be s, h, d, w or m");
            };
            boolean isLast = hi.isAfter(last);
            pieces.add(new KeyRange(TEXT.format(lo), TEXT.format(isLast ? last : hi), isLast));
            lo = hi;
            guard(pieces, stream);
        }
        return pieces;
    }

    private static LocalDateTime temporal(String text, String chunkSize, String stream) {
        String t = text.trim().replace('T', ' ');
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay();
            }
            return LocalDateTime.parse(t.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new ReplicationConfigException("stream " + stream + ": chunk_size " + chunkSize
                    + " needs a date or timestamp range, got '" + text + "'");
        }
    }

    private static void guard(List<KeyRange> pieces, String stream) {
        if (pieces.size() > MAX_PIECES) {
            throw new ReplicationConfigException(
                    "stream " + stream + ": chunk_size splits the range into more than " + MAX_PIECES + " pieces");
        }
    }
}
