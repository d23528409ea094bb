package dev.quarry.replicate.source.mysql;

import dev.quarry.replicate.source.SourceException;
import dev.quarry.replicate.source.mysql.MySqlTypeMapping.Handling;
import dev.quarry.replicate.source.mysql.MySqlTypeMapping.Mapped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one row's values as a CSV line in the framing {@link dev.quarry.replicate.source.Source#read} promises, and
 * applies each column's {@link Handling} on the way: NULL as a bare {@code \N}; a value holding a comma, quote, CR or
 * LF, or equal to {@code \N}, enclosed with inner quotes doubled; every value enclosed when there is one column.
 */
final class CsvLine {
    private static final byte[] NULL = {'\\', 'N'};

    private final List<Mapped> columns;
    private final ZoneId zone;
    private final boolean zoneIsUtc;
    private final boolean single;
    private final String what;
    private final boolean[] zeroDateSeen;
    private final List<String> warnings = new ArrayList<>();
    private byte[] buffer = new byte[256];
    private int length;

    CsvLine(List<Mapped> columns, ZoneId zone, String what) {
        this.columns = List.copyOf(columns);
        this.zone = zone;
        this.zoneIsUtc = zone.normalized().equals(ZoneOffset.UTC);
        this.single = columns.size() == 1;
        this.what = what;
        this.zeroDateSeen = new boolean[columns.size()];
    }

    void start() {
        length = 0;
    }

    byte[] buffer() {
        return buffer;
    }

    int length() {
        return length;
    }

    List<String> warnings() {
        return warnings;
    }

    /** Appends column {@code i}'s value ({@code null} for NULL), preceded by a comma unless it is the first. */
    void value(int i, byte[] v) {
        if (i > 0) {
            put((byte) ',');
        }
        if (v == null) {
            put(NULL);
            return;
        }
        Mapped column = columns.get(i);
        switch (column.handling()) {
            case NUMBER -> plain(v);
            case BOOLEAN -> {
                if (v.length != 1 || (v[0] != '0' && v[0] != '1')) {
                    throw new SourceException("reading " + what + " failed: column " + column.name() + " holds "
                            + shown(v) + ", which BOOLEAN cannot store; map it with columns: {" + column.name()
                            + ": tinyint} to keep it");
                }
                plain(v);
            }
            case TEXT -> {
                limit(column, v.length);
                textValue(v);
            }
            case HEX -> {
                limit(column, v.length / 2);
                plain(v);
            }
            case DATE -> {
                if (zeroDate(i, v)) {
                    put(NULL);
                } else {
                    plain(v);
                }
            }
            case TIMESTAMP -> {
                if (zeroDate(i, v)) {
                    put(NULL);
                } else {
                    plain(zoneIsUtc ? v : toZone(v));
                }
            }
            case DECIMAL_FIT -> plain(fit(column, v));
        }
    }

    void end() {
        put((byte) '\n');
    }

    private void plain(byte[] v) {
        if (single) {
            enclosed(v);
        } else {
            put(v);
        }
    }

    private void textValue(byte[] v) {
        if (single || needsEnclosing(v)) {
            enclosed(v);
        } else {
            put(v);
        }
    }

    private static boolean needsEnclosing(byte[] v) {
        if (v.length == 2 && v[0] == '\\' && v[1] == 'N') {
            return true;
        }
        for (byte b : v) {
            if (b == ',' || b == '"' || b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    private void enclosed(byte[] v) {
        put((byte) '"');
        for (byte b : v) {
            if (b == '"') {
                put((byte) '"');
            }
            put(b);
        }
        put((byte) '"');
    }

    private void limit(Mapped column, int bytes) {
        if (column.limit() > 0 && bytes > column.limit()) {
            throw new SourceException("reading " + what + " failed: column " + column.name() + " holds a value of "
                    + bytes + " bytes, longer than its StarRocks type "
                    + column.type().sql() + " takes"
                    + "; choose a wider type with columns:");
        }
    }

    /** Month or day 00: MySQL's zero dates, which no StarRocks DATE or DATETIME can hold. */
    private boolean zeroDate(int i, byte[] v) {
        boolean zero = v.length >= 10 && ((v[5] == '0' && v[6] == '0') || (v[8] == '0' && v[9] == '0'));
        if (zero && !zeroDateSeen[i]) {
            zeroDateSeen[i] = true;
            warnings.add("stream " + what + ": column " + columns.get(i).name() + " holds zero dates such as "
                    + shown(v) + "; they were read as NULL");
        }
        return zero;
    }

    /** {@code YYYY-MM-DD HH:MM:SS[.f...]} in UTC as the same instant's wall time in the target zone. */
    private byte[] toZone(byte[] v) {
        String t = new String(v, StandardCharsets.US_ASCII);
        LocalDateTime utc = LocalDateTime.of(
                Integer.parseInt(t.substring(0, 4)),
                Integer.parseInt(t.substring(5, 7)),
                Integer.parseInt(t.substring(8, 10)),
                Integer.parseInt(t.substring(11, 13)),
                Integer.parseInt(t.substring(14, 16)),
                Integer.parseInt(t.substring(17, 19)));
        LocalDateTime local =
                utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
        String fraction = t.length() > 19 ? t.substring(19) : "";
        String out = String.format(
                java.util.Locale.ROOT,
                "%04d-%02d-%02d %02d:%02d:%02d%s",
                local.getYear(),
                local.getMonthValue(),
                local.getDayOfMonth(),
                local.getHour(),
                local.getMinute(),
                local.getSecond(),
                fraction);
        return out.getBytes(StandardCharsets.US_ASCII);
    }

    /** The value when it fits the column's DECIMAL(p, s) exactly, never rounded. */
    private byte[] fit(Mapped column, byte[] v) {
        dev.quarry.starrocks.StarRocksType.Decimal d = (dev.quarry.starrocks.StarRocksType.Decimal) column.type();
        BigDecimal value;
        try {
            value = new BigDecimal(new String(v, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new SourceException("reading " + what + " failed: column " + column.name() + " holds " + shown(v)
                    + ", which is not a number");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int scale = Math.max(0, stripped.scale());
        int integerDigits = stripped.precision() - stripped.scale();
        if (scale > d.scale() || integerDigits > d.precision() - d.scale()) {
            throw new SourceException("reading " + what + " failed: column " + column.name() + " holds " + shown(v)
                    + ", which DECIMAL(" + d.precision() + ", " + d.scale()
                    + ") cannot store exactly (choose a wider type with columns:)");
        }
        return stripped.setScale(scale).toPlainString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String shown(byte[] v) {
        String s = new String(v, StandardCharsets.UTF_8);
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private void put(byte b) {
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = b;
    }

    private void put(byte[] bytes) {
        if (length + bytes.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes.length));
        }
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }
}
