package dev.quarry.sandbox.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/**
 * Converting values to column types: SQL casts for INSERT, and Java parsing of raw load fields straight into DuckDB's
 * Appender (the Stream Load hot path).
 */
final class Conversions {
    private Conversions() {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigInteger LARGEINT_MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    private static final BigInteger LARGEINT_MIN = LARGEINT_MAX.negate();

    /** DuckDB expression converting {@code in} to {@code type}, NULL when it does not convert. */
    static String sqlCast(String in, ColumnType type) {
        return switch (type.base()) {
            case CHAR, VARCHAR, BITMAP, HLL, PERCENTILE -> "CAST(" + in + " AS VARCHAR)";
            case DATETIME ->
                "(CASE WHEN year(TRY_CAST(" + in + " AS TIMESTAMP)) BETWEEN 0 AND 9999 THEN TRY_CAST(" + in
                        + " AS TIMESTAMP) END)";
            case DATE ->
                "(CASE WHEN year(TRY_CAST(" + in + " AS DATE)) BETWEEN 0 AND 9999 THEN TRY_CAST(" + in
                        + " AS DATE) END)";
            case ARRAY, MAP, STRUCT -> "TRY_CAST(" + in + " AS " + type.duckType() + ")";
            default -> "TRY_CAST(" + in + " AS " + type.duckType() + ")";
        };
    }

    /** Condition that the value exceeds a CHAR/VARCHAR byte length (StarRocks measures bytes, docs/starrocks.md §4.2), or null. */
    static String sqlTooLong(String in, ColumnType type) {
        if (type.base() == SqlType.VARCHAR || type.base() == SqlType.CHAR) {
            return "coalesce(strlen(CAST(" + in + " AS VARCHAR)) > " + type.length() + ", false)";
        }
        return null;
    }

    /** Whether a column is staged as raw text and cast in SQL at commit (complex types). */
    static boolean stagedAsText(ColumnType type) {
        return type.complex();
    }

    /** A value that did not convert; {@link #reason} says why. */
    static final class Failure {
        final String reason;

        Failure(String reason) {
            this.reason = reason;
        }
    }

    record Micros(long value) {}

    record Days(int value) {}

    /** Converts {@code raw} (never null) to {@code type}'s Java value for the Appender, or a {@link Failure}. */
    static Object convert(ColumnType type, String raw, String column) {
        switch (type.base()) {
            case BOOLEAN -> {
                if (raw.equalsIgnoreCase("true") || raw.equals("1")) {
                    return true;
                }
                if (raw.equalsIgnoreCase("false") || raw.equals("0")) {
                    return false;
                }
                return invalid(raw, type, column);
            }
            case TINYINT, SMALLINT, INT, BIGINT -> {
                long v;
                try {
                    v = Long.parseLong(raw);
                } catch (NumberFormatException e) {
                    return invalid(raw, type, column);
                }
                switch (type.base()) {
                    case TINYINT:
                        return v < Byte.MIN_VALUE || v > Byte.MAX_VALUE
                                ? outOfRange(raw, type, column)
                                : (Object) (byte) v;
                    case SMALLINT:
                        return v < Short.MIN_VALUE || v > Short.MAX_VALUE
                                ? outOfRange(raw, type, column)
                                : (Object) (short) v;
                    case INT:
                        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE
                                ? outOfRange(raw, type, column)
                                : (Object) (int) v;
                    default:
                        return v;
                }
            }
            case LARGEINT -> {
                BigInteger v;
                try {
                    v = new BigInteger(raw);
                } catch (NumberFormatException e) {
                    return invalid(raw, type, column);
                }
                if (v.compareTo(LARGEINT_MAX) > 0 || v.compareTo(LARGEINT_MIN) < 0) {
                    return outOfRange(raw, type, column);
                }
                return v;
            }
            case FLOAT, DOUBLE -> {
                char last = raw.isEmpty() ? ' ' : raw.charAt(raw.length() - 1);
                if (last == 'd' || last == 'D' || last == 'f' || last == 'F') {
                    return invalid(raw, type, column);
                }
                try {
                    double d = Double.parseDouble(raw);
                    return type.base() == SqlType.FLOAT ? (Object) (float) d : (Object) d;
                } catch (NumberFormatException e) {
                    return invalid(raw, type, column);
                }
            }
            case DECIMAL -> {
                BigDecimal v;
                try {
                    v = new BigDecimal(raw).setScale(type.scale(), RoundingMode.HALF_UP);
                } catch (NumberFormatException | ArithmeticException e) {
                    return invalid(raw, type, column);
                }
                if (v.precision() - v.scale() > type.length() - type.scale()) {
                    return outOfRange(raw, type, column);
                }
                return v;
            }
            case DATE -> {
                long micros = Dates.parse(raw, true);
                if (micros == Long.MIN_VALUE) {
                    return invalid(raw, type, column);
                }
                return new Days((int) Math.floorDiv(micros, 86_400_000_000L));
            }
            case DATETIME -> {
                long micros = Dates.parse(raw, false);
                if (micros == Long.MIN_VALUE) {
                    return invalid(raw, type, column);
                }
                return new Micros(micros);
            }
            case CHAR, VARCHAR -> {
                if (raw.length() * 3L > type.length() && utf8Length(raw) > type.length()) {
                    return new Failure("The length of input is too long than schema. column: " + column + ", input: '"
                            + abbreviate(raw) + "', length: " + utf8Length(raw) + ", schema length: " + type.length());
                }
                return raw;
            }
            case JSON -> {
                try {
                    JSON.readTree(raw);
                } catch (java.io.IOException e) {
                    return invalid(raw, type, column);
                }
                return raw;
            }
            case BINARY, VARBINARY -> {
                // Stream Load CSV carries binary values as bare hex digits, "ab" for the byte 0xAB, no 0x prefix
                // (docs/starrocks.md §1.3; StarRocks doc data-types/string-type/BINARY.md, Method 4).
                try {
                    return java.util.HexFormat.of().parseHex(raw);
                } catch (IllegalArgumentException e) {
                    return invalid(raw, type, column);
                }
            }
            default -> {
                return raw;
            }
        }
    }

    /** Appends a value produced by {@link #convert} (or null). */
    static void appendValue(DuckDBAppender a, Object v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else if (v instanceof String s) {
            a.append(s);
        } else if (v instanceof Long l) {
            a.append(l.longValue());
        } else if (v instanceof Integer i) {
            a.append(i.intValue());
        } else if (v instanceof Micros m) {
            a.appendEpochMicros(m.value());
        } else if (v instanceof Days d) {
            a.appendEpochDays(d.value());
        } else if (v instanceof BigDecimal d) {
            a.append(d);
        } else if (v instanceof Double d) {
            a.append(d.doubleValue());
        } else if (v instanceof Float f) {
            a.append(f.floatValue());
        } else if (v instanceof Short sh) {
            a.append(sh.shortValue());
        } else if (v instanceof Byte b) {
            a.append(b.byteValue());
        } else if (v instanceof Boolean b) {
            a.append(b.booleanValue());
        } else if (v instanceof BigInteger b) {
            a.append(b);
        } else if (v instanceof byte[] bytes) {
            a.append(bytes);
        } else {
            a.append(v.toString());
        }
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static Failure invalid(String raw, ColumnType type, String column) {
        return new Failure(
                "Value '" + abbreviate(raw) + "' is invalid for column '" + column + "' of type " + type.showCreate());
    }

    private static Failure outOfRange(String raw, ColumnType type, String column) {
        return new Failure("Value '" + abbreviate(raw) + "' is out of range for column '" + column + "' of type "
                + type.showCreate());
    }

    private static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
