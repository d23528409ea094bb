package dev.quarry.sandbox.mysql;

import dev.quarry.sandbox.engine.ResultColumn;
import dev.quarry.sandbox.engine.SqlError;
import dev.quarry.sandbox.engine.StatementResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Rows of a result in the binary protocol (docs/starrocks.md §7.6): a 0x00 header, a NULL bitmap whose first two bits
 * are reserved, then each non-NULL value in the fixed form of its column's MySQL type.
 */
final class BinaryRows {
    private BinaryRows() {}

    static List<byte[]> encode(StatementResult.Rows rows) throws SqlError {
        List<ResultColumn> columns = rows.columns();
        ColumnType[] types = new ColumnType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = ColumnType.of(columns.get(i).type());
        }
        List<byte[]> out = new ArrayList<>(rows.rows().size());
        Buf buf = new Buf(256);
        int bitmapBytes = (types.length + 7 + 2) / 8;
        for (List<String> row : rows.rows()) {
            buf.reset().int1(0);
            byte[] nulls = new byte[bitmapBytes];
            for (int i = 0; i < types.length; i++) {
                if (i >= row.size() || row.get(i) == null || types[i] == ColumnType.NULL) {
                    nulls[(i + 2) / 8] |= (byte) (1 << ((i + 2) % 8));
                }
            }
            buf.bytes(nulls);
            for (int i = 0; i < types.length; i++) {
                String v = i < row.size() ? row.get(i) : null;
                if (v != null && types[i] != ColumnType.NULL) {
                    value(buf, types[i], v, columns.get(i).name());
                }
            }
            out.add(Arrays.copyOf(buf.array(), buf.size()));
        }
        return out;
    }

    private static void value(Buf buf, ColumnType type, String v, String column) throws SqlError {
        try {
            switch (type) {
                case TINY -> buf.int1((int) integer(v));
                case SHORT -> buf.int2((int) integer(v));
                case LONG -> buf.int4(integer(v));
                case LONGLONG -> buf.int8(integer(v));
                case FLOAT -> buf.int4(Float.floatToIntBits((float) floating(v)));
                case DOUBLE -> buf.int8(Double.doubleToLongBits(floating(v)));
                case DATE -> date(buf, v);
                case DATETIME -> datetime(buf, v);
                // The engine carries a binary value's bytes one per char (Latin-1).
                case BLOB -> {
                    byte[] raw = v.getBytes(StandardCharsets.ISO_8859_1);
                    buf.lenenc(raw.length).bytes(raw);
                }
                case NEWDECIMAL, VAR_STRING, STRING, JSON, NULL -> buf.lenencStr(v);
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw SqlError.of("Unexpected exception: column '" + column + "' holds '" + v
                    + "', which the binary protocol cannot send as " + type);
        }
    }

    /** Integers as the engine prints them; BOOLEAN may read {@code true}/{@code false}. */
    private static long integer(String v) {
        if (v.equalsIgnoreCase("true")) {
            return 1;
        }
        if (v.equalsIgnoreCase("false")) {
            return 0;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return new BigDecimal(v).longValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException(v);
        }
    }

    private static double floating(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    /** {@code YYYY-MM-DD}: length 4, year (2 bytes), month, day. */
    private static void date(Buf buf, String v) {
        buf.int1(4)
                .int2(Integer.parseInt(v.substring(0, 4)))
                .int1(Integer.parseInt(v.substring(5, 7)))
                .int1(Integer.parseInt(v.substring(8, 10)));
    }

    /** {@code YYYY-MM-DD HH:MM:SS[.ffffff]}: length 7, or 11 with microseconds (4 bytes). */
    private static void datetime(Buf buf, String v) {
        if (v.length() == 10) {
            date(buf, v);
            return;
        }
        int micros = 0;
        if (v.length() > 20 && v.charAt(19) == '.') {
            String fraction = (v.substring(20) + "000000").substring(0, 6);
            micros = Integer.parseInt(fraction);
        }
        buf.int1(micros == 0 ? 7 : 11)
                .int2(Integer.parseInt(v.substring(0, 4)))
                .int1(Integer.parseInt(v.substring(5, 7)))
                .int1(Integer.parseInt(v.substring(8, 10)))
                .int1(Integer.parseInt(v.substring(11, 13)))
                .int1(Integer.parseInt(v.substring(14, 16)))
                .int1(Integer.parseInt(v.substring(17, 19)));
        if (micros != 0) {
            buf.int4(micros);
        }
    }
}
