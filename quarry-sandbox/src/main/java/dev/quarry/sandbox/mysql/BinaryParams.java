package dev.quarry.sandbox.mysql;

import dev.quarry.sandbox.engine.SqlError;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Turns one COM_STMT_EXECUTE parameter, in the binary form its MySQL type code gives it (docs/starrocks.md §7.6),
 * into the StarRocks literal that stands in for the placeholder in the statement text.
 */
final class BinaryParams {
    static final int DECIMAL = 0;
    static final int TINY = 1;
    static final int SHORT = 2;
    static final int LONG = 3;
    static final int FLOAT = 4;
    static final int DOUBLE = 5;
    static final int NULL = 6;
    static final int TIMESTAMP = 7;
    static final int LONGLONG = 8;
    static final int INT24 = 9;
    static final int DATE = 10;
    static final int TIME = 11;
    static final int DATETIME = 12;
    static final int YEAR = 13;
    static final int NEWDATE = 14;
    static final int VARCHAR = 15;
    static final int BIT = 16;
    static final int TIMESTAMP2 = 17;
    static final int DATETIME2 = 18;
    static final int TIME2 = 19;
    static final int JSON = 245;
    static final int NEWDECIMAL = 246;
    static final int ENUM = 247;
    static final int SET = 248;
    static final int TINY_BLOB = 249;
    static final int MEDIUM_BLOB = 250;
    static final int LONG_BLOB = 251;
    static final int BLOB = 252;
    static final int VAR_STRING = 253;
    static final int STRING = 254;

    /** The parameter-type flag byte's bit for unsigned integers. */
    static final int UNSIGNED = 0x80;

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private BinaryParams() {}

    /**
     * Reads one value of {@code type} (low byte: MySQL type code, high byte: flags) from {@code in}.
     *
     * @throws SqlError a type code no driver sends for a parameter (StarRocks' wording)
     */
    static String read(Payload in, int type) throws SqlError {
        int code = type & 0xff;
        boolean unsigned = (type & (UNSIGNED << 8)) != 0;
        // Only the codes StarRocks' parameter parser reads; it refuses the rest, so the sandbox does too
        // (docs/starrocks.md §7.6): NEWDECIMAL (setBigDecimal), TIME, blobs (setBytes, streams), YEAR, BIT, JSON ...
        return switch (code) {
            case NULL -> "NULL";
            case TINY -> integer(unsigned ? in.int1() : (byte) in.int1());
            case SHORT -> integer(unsigned ? in.int2() : (short) in.int2());
            case LONG -> integer(unsigned ? in.int4() : (int) in.int4());
            case LONGLONG -> {
                long v = in.int8();
                yield unsigned ? Long.toUnsignedString(v) : integer(v);
            }
            case FLOAT -> "CAST('" + Float.intBitsToFloat((int) in.int4()) + "' AS FLOAT)";
            case DOUBLE -> "CAST('" + Double.longBitsToDouble(in.int8()) + "' AS DOUBLE)";
            case DECIMAL -> decimal(new String(in.lenencBytes(), StandardCharsets.US_ASCII));
            case DATE -> "CAST('" + date(in) + "' AS DATE)";
            case DATETIME, TIMESTAMP, TIMESTAMP2 -> "CAST('" + datetime(in) + "' AS DATETIME)";
            case VARCHAR, VAR_STRING, STRING -> fromBytes(in.lenencBytes());
            // StarRocks' MysqlParamParser words an unknown code this way (docs/starrocks.md §7.6).
            default -> throw SqlError.of("unknown mysql type code " + code);
        };
    }

    /**
     * A string parameter. StarRocks reads its bytes as UTF-8 (malformed bytes become U+FFFD) into a string literal
     * (docs/starrocks.md §7.6); a NUL, which the engine's SQL text cannot carry, goes as StarRocks' {@code to_binary}
     * of the text's hex digits.
     */
    static String fromBytes(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        if (text.indexOf('\0') < 0) {
            return quote(text);
        }
        return "to_binary('" + HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)) + "', 'hex')";
    }

    private static String integer(long v) {
        // A negative literal is parenthesized: "x -?" must not become the comment "x --5".
        return v < 0 ? "(" + v + ")" : Long.toString(v);
    }

    private static String decimal(String v) {
        String t = v.trim();
        if (PLAIN_DECIMAL.matcher(t).matches()) {
            return t.startsWith("-") ? "(" + t + ")" : t;
        }
        return quote(t);
    }

    /** The date part of a DATE or DATETIME value: length, year (2 bytes), month, day; length 0 is the zero date. */
    private static String date(Payload in) {
        int len = in.int1();
        if (len < 4) {
            in.skip(len);
            return "0000-00-00";
        }
        String d = String.format("%04d-%02d-%02d", in.int2(), in.int1(), in.int1());
        in.skip(len - 4);
        return d;
    }

    /** Length 0, 4 (date), 7 (+ hour, minute, second) or 11 (+ microseconds). */
    private static String datetime(Payload in) {
        int len = in.int1();
        if (len < 4) {
            in.skip(len);
            return "0000-00-00 00:00:00";
        }
        StringBuilder b = new StringBuilder(String.format("%04d-%02d-%02d", in.int2(), in.int1(), in.int1()));
        int h = 0;
        int m = 0;
        int s = 0;
        if (len >= 7) {
            h = in.int1();
            m = in.int1();
            s = in.int1();
        }
        b.append(String.format(" %02d:%02d:%02d", h, m, s));
        if (len >= 11) {
            long micros = in.int4();
            if (micros != 0) {
                b.append(String.format(".%06d", micros));
            }
        }
        in.skip(len - Math.min(len, 11));
        return b.toString();
    }

    /** A StarRocks string literal: backslashes and quotes escaped with a backslash. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\'') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('\'').toString();
    }
}
