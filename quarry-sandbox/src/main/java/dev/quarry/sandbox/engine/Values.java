package dev.quarry.sandbox.engine;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** StarRocks' text forms of values. */
final class Values {
    private Values() {}

    /** {@code YYYY-MM-DD HH:MM:SS}, with {@code .ffffff} only when the value has sub-second digits. */
    static String datetime(LocalDateTime t) {
        StringBuilder b = new StringBuilder(26);
        int year = t.getYear();
        if (year < 1000) {
            b.append(String.format("%04d", year));
        } else {
            b.append(year);
        }
        b.append('-');
        two(b, t.getMonthValue());
        b.append('-');
        two(b, t.getDayOfMonth());
        b.append(' ');
        two(b, t.getHour());
        b.append(':');
        two(b, t.getMinute());
        b.append(':');
        two(b, t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            String m = Integer.toString(micros);
            b.append('.');
            b.append("000000", 0, 6 - m.length()).append(m);
        }
        return b.toString();
    }

    private static void two(StringBuilder b, int v) {
        if (v < 10) {
            b.append('0');
        }
        b.append(v);
    }

    static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        double abs = Math.abs(d);
        if (abs >= 1e-5 && abs < 1e15) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        String s = Double.toString(d).replace("E", "e");
        int e = s.indexOf('e');
        if (e > 0 && s.charAt(e + 1) != '-') {
            s = s.substring(0, e + 1) + "+" + s.substring(e + 1);
        }
        return s.replace(".0e", "e");
    }

    static String formatFloat(float f) {
        if (f == Math.rint(f) && Math.abs(f) < 1e7) {
            return Long.toString((long) f);
        }
        return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
    }
}
