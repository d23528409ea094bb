package dev.quarry.sandbox.engine;

/**
 * Hand-written parsing of StarRocks date/datetime text ({@code YYYY-MM-DD[ HH:MM:SS[.ffffff]]}, {@code T} separator,
 * {@code YYYYMMDD[HHMMSS]}, {@code /} separators) into epoch microseconds of the wall-clock value. No time zone is
 * involved: DATETIME has none (docs/starrocks.md §4.3).
 */
final class Dates {
    private Dates() {}

    /** Epoch micros, or {@link Long#MIN_VALUE} when the text is not a valid value in 0000-01-01 … 9999-12-31. */
    static long parse(String s, boolean dateOnly) {
        int n = s.length();
        int year;
        int month;
        int day;
        int pos;
        if (n >= 8 && n != 10 && allDigits(s, 0, 8) && (n == 8 || n == 14 || (n > 14 && s.charAt(14) == '.'))) {
            year = num(s, 0, 4);
            month = num(s, 4, 6);
            day = num(s, 6, 8);
            pos = 8;
            if (n == 8) {
                return compose(year, month, day, 0, 0, 0, 0);
            }
            if (!allDigits(s, 8, 14)) {
                return Long.MIN_VALUE;
            }
            int h = num(s, 8, 10);
            int mi = num(s, 10, 12);
            int se = num(s, 12, 14);
            int micros = n > 14 ? fraction(s, 15) : 0;
            return micros < 0 ? Long.MIN_VALUE : compose(year, month, day, h, mi, se, micros);
        }
        if (n < 8) {
            return Long.MIN_VALUE;
        }
        pos = 0;
        int[] out = new int[1];
        pos = digits(s, pos, 4, 4, out);
        if (pos < 0) {
            return Long.MIN_VALUE;
        }
        year = out[0];
        if (pos >= n || (s.charAt(pos) != '-' && s.charAt(pos) != '/')) {
            return Long.MIN_VALUE;
        }
        pos = digits(s, pos + 1, 1, 2, out);
        if (pos < 0) {
            return Long.MIN_VALUE;
        }
        month = out[0];
        if (pos >= n || (s.charAt(pos) != '-' && s.charAt(pos) != '/')) {
            return Long.MIN_VALUE;
        }
        pos = digits(s, pos + 1, 1, 2, out);
        if (pos < 0) {
            return Long.MIN_VALUE;
        }
        day = out[0];
        if (pos == n) {
            return compose(year, month, day, 0, 0, 0, 0);
        }
        char sep = s.charAt(pos);
        if (sep != ' ' && sep != 'T') {
            return Long.MIN_VALUE;
        }
        pos = digits(s, pos + 1, 1, 2, out);
        if (pos < 0) {
            return Long.MIN_VALUE;
        }
        int hour = out[0];
        int minute = 0;
        int second = 0;
        int micros = 0;
        if (pos < n && s.charAt(pos) == ':') {
            pos = digits(s, pos + 1, 1, 2, out);
            if (pos < 0) {
                return Long.MIN_VALUE;
            }
            minute = out[0];
            if (pos < n && s.charAt(pos) == ':') {
                pos = digits(s, pos + 1, 1, 2, out);
                if (pos < 0) {
                    return Long.MIN_VALUE;
                }
                second = out[0];
                if (pos < n && s.charAt(pos) == '.') {
                    micros = fraction(s, pos + 1);
                    if (micros < 0) {
                        return Long.MIN_VALUE;
                    }
                    pos = n;
                }
            }
        }
        if (pos != n) {
            return Long.MIN_VALUE;
        }
        long v = compose(year, month, day, hour, minute, second, micros);
        if (dateOnly && v != Long.MIN_VALUE) {
            return Math.floorDiv(v, 86_400_000_000L) * 86_400_000_000L;
        }
        return v;
    }

    private static int fraction(String s, int from) {
        int n = s.length();
        if (from >= n || n - from > 9) {
            return -1;
        }
        int v = 0;
        int digits = 0;
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (digits < 6) {
                v = v * 10 + (c - '0');
                digits++;
            }
        }
        while (digits < 6) {
            v *= 10;
            digits++;
        }
        return v;
    }

    private static int digits(String s, int from, int min, int max, int[] out) {
        int v = 0;
        int i = from;
        while (i < s.length() && i - from < max && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i - from < min) {
            return -1;
        }
        out[0] = v;
        return i;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (civil-from-days inverse, no allocation). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    private static long compose(int year, int month, int day, int hour, int minute, int second, int micros) {
        if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 || year > 9999) {
            return Long.MIN_VALUE;
        }
        int dim = switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        if (day > dim) {
            return Long.MIN_VALUE;
        }
        long days = epochDay(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000_000L + second * 1_000_000L + micros;
    }
}
