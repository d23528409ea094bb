package dev.quarry.sandbox.engine;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** StarRocks time zone names: IANA names, {@code +hh:mm} offsets, and CST meaning Asia/Shanghai (docs/starrocks.md §4.5). */
final class Zones {
    private Zones() {}

    static String check(String value) throws SqlError {
        zone(value);
        return value;
    }

    static ZoneId zone(String value) throws SqlError {
        String v = value.trim();
        if (v.equalsIgnoreCase("CST")) {
            return ZoneId.of("Asia/Shanghai");
        }
        try {
            if (v.startsWith("+") || v.startsWith("-")) {
                return ZoneOffset.of(v);
            }
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            throw SqlError.of("Unknown or incorrect time zone: '" + value + "'");
        }
    }
}
