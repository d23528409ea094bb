package dev.quarry.sandbox.engine;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/**
 * One column's converter on the load hot path: parses raw text into a primitive slot without boxing (integers,
 * dates, datetimes, DECIMAL up to 18 digits as unscaled longs), then appends it. Parsing and appending are separate
 * so a row is appended only once all of its fields converted.
 */
final class FieldSlot {
    private final ColumnType type;
    private final String column;
    private final boolean text;
    private boolean isNull;
    private long value;
    private Object object;
    private boolean overflow;

    FieldSlot(ColumnType type, String column) {
        this.type = type;
        this.column = column;
        this.text = Conversions.stagedAsText(type);
    }

    void setNull() {
        isNull = true;
        object = null;
    }

    boolean isNull() {
        return isNull;
    }

    /** Sets a converted value produced elsewhere (defaults). */
    void setObject(Object v) {
        isNull = v == null;
        object = v;
        if (v instanceof Conversions.Micros m) {
            value = m.value();
            object = null;
        } else if (v instanceof Conversions.Days d) {
            value = d.value();
            object = null;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            Number num = (Number) v;
            value = num.longValue();
            object = null;
        } else if (v instanceof BigDecimal d && type.base() == SqlType.DECIMAL && type.length() <= 18) {
            value = d.unscaledValue().longValue();
            object = null;
        } else if (v instanceof Boolean b) {
            value = b ? 1 : 0;
            object = null;
        }
    }

    /** Parses {@code raw} (non-null); returns null on success or StarRocks-style reason on failure (slot becomes NULL). */
    String parse(String raw) {
        isNull = false;
        object = null;
        if (text) {
            object = raw;
            return null;
        }
        switch (type.base()) {
            case TINYINT, SMALLINT, INT, BIGINT -> {
                if (!parseLong(raw)) {
                    return fail(invalid(raw));
                }
                long min;
                long max;
                switch (type.base()) {
                    case TINYINT -> {
                        min = Byte.MIN_VALUE;
                        max = Byte.MAX_VALUE;
                    }
                    case SMALLINT -> {
                        min = Short.MIN_VALUE;
                        max = Short.MAX_VALUE;
                    }
                    case INT -> {
                        min = Integer.MIN_VALUE;
                        max = Integer.MAX_VALUE;
                    }
                    default -> {
                        min = Long.MIN_VALUE;
                        max = Long.MAX_VALUE;
                    }
                }
                if (overflow || value < min || value > max) {
                    return fail(outOfRange(raw));
                }
                return null;
            }
            case DATE -> {
                long micros = Dates.parse(raw, true);
                if (micros == Long.MIN_VALUE) {
                    return fail(invalid(raw));
                }
                value = Math.floorDiv(micros, 86_400_000_000L);
                return null;
            }
            case DATETIME -> {
                long micros = Dates.parse(raw, false);
                if (micros == Long.MIN_VALUE) {
                    return fail(invalid(raw));
                }
                value = micros;
                return null;
            }
            case DECIMAL -> {
                if (type.length() <= 18 && parseDecimal(raw)) {
                    return null;
                }
                Object v = Conversions.convert(type, raw, column);
                if (v instanceof Conversions.Failure f) {
                    return fail(f.reason);
                }
                setObject(v);
                return null;
            }
            case CHAR, VARCHAR -> {
                if (raw.length() * 3L > type.length() && Conversions.utf8Length(raw) > type.length()) {
                    return fail("The length of input is too long than schema. column: " + column + ", input: '"
                            + (raw.length() > 100 ? raw.substring(0, 100) + "..." : raw) + "', length: "
                            + Conversions.utf8Length(raw) + ", schema length: " + type.length());
                }
                object = raw;
                return null;
            }
            default -> {
                Object v = Conversions.convert(type, raw, column);
                if (v instanceof Conversions.Failure f) {
                    return fail(f.reason);
                }
                setObject(v);
                return null;
            }
        }
    }

    private String fail(String reason) {
        isNull = true;
        object = null;
        return reason;
    }

    private boolean parseLong(String s) {
        overflow = false;
        int n = s.length();
        if (n == 0 || n > 20) {
            return false;
        }
        int i = 0;
        boolean negative = false;
        char first = s.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i = 1;
            if (n == 1) {
                return false;
            }
        }
        if (n - i > 18) {
            try {
                value = Long.parseLong(s);
                return true;
            } catch (NumberFormatException e) {
                overflow = s.substring(i).chars().allMatch(Character::isDigit);
                return overflow;
            }
        }
        long v = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            v = v * 10 + (c - '0');
        }
        value = negative ? -v : v;
        return true;
    }

    /** Plain decimal text into an unscaled long at the column's scale, rounding half up; false when unusual. */
    private boolean parseDecimal(String s) {
        int n = s.length();
        int scale = type.scale();
        int i = 0;
        boolean negative = false;
        if (n == 0) {
            return false;
        }
        char first = s.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i = 1;
        }
        long unscaled = 0;
        int intDigits = 0;
        int fracDigits = 0;
        boolean dot = false;
        boolean roundUp = false;
        boolean any = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (dot) {
                    return false;
                }
                dot = true;
                continue;
            }
            if (c < '0' || c > '9') {
                return false;
            }
            any = true;
            if (dot) {
                if (fracDigits < scale) {
                    unscaled = unscaled * 10 + (c - '0');
                    fracDigits++;
                } else if (fracDigits == scale) {
                    roundUp = c >= '5';
                    fracDigits++;
                }
            } else {
                if (intDigits > 0 || c != '0') {
                    intDigits++;
                }
                if (intDigits > type.length() - scale) {
                    return false;
                }
                unscaled = unscaled * 10 + (c - '0');
            }
        }
        if (!any) {
            return false;
        }
        for (int k = Math.min(fracDigits, scale); k < scale; k++) {
            unscaled *= 10;
        }
        if (roundUp) {
            unscaled++;
            if (unscaled >= pow10(type.length())) {
                return false;
            }
        }
        value = negative ? -unscaled : unscaled;
        return true;
    }

    private static long pow10(int p) {
        long v = 1;
        for (int i = 0; i < p; i++) {
            v *= 10;
        }
        return v;
    }

    void append(DuckDBAppender a) throws SQLException {
        if (isNull) {
            a.appendNull();
            return;
        }
        if (object != null) {
            Conversions.appendValue(a, object);
            return;
        }
        switch (type.base()) {
            case TINYINT -> a.append((byte) value);
            case SMALLINT -> a.append((short) value);
            case INT -> a.append((int) value);
            case BIGINT -> a.append(value);
            case DATE -> a.appendEpochDays((int) value);
            case DATETIME -> a.appendEpochMicros(value);
            case BOOLEAN -> a.append(value != 0);
            case DECIMAL -> {
                if (type.length() <= 4) {
                    a.appendDecimal((short) value);
                } else if (type.length() <= 9) {
                    a.appendDecimal((int) value);
                } else {
                    a.appendDecimal(value);
                }
            }
            default -> a.append(value);
        }
    }

    private String invalid(String raw) {
        return "Value '" + (raw.length() > 100 ? raw.substring(0, 100) + "..." : raw) + "' is invalid for column '"
                + column + "' of type " + type.showCreate();
    }

    private String outOfRange(String raw) {
        return "Value '" + (raw.length() > 100 ? raw.substring(0, 100) + "..." : raw) + "' is out of range for column '"
                + column + "' of type " + type.showCreate();
    }
}
