package dev.quarry.sandbox.load;

import dev.quarry.sandbox.engine.SqlError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** Column separators and row delimiters: a UTF-8 string of at most 50 bytes, or {@code \x..} hex bytes (docs/starrocks.md §1.2). */
public final class Separator {
    private static final int MAX_BYTES = 50;

    private final byte[] bytes;

    private Separator(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The separator's bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Separator other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return display(bytes);
    }

    static Separator parse(String header, String fallback, String name) throws SqlError {
        return new Separator(parseBytes(header, fallback, name));
    }

    private static byte[] parseBytes(String header, String fallback, String name) throws SqlError {
        String value = header == null ? fallback : header;
        if (value.isEmpty()) {
            throw SqlError.of(name + " is empty");
        }
        byte[] bytes;
        if (value.length() > 2 && (value.startsWith("\\x") || value.startsWith("\\X"))) {
            String hex = value.substring(2);
            if (hex.length() % 2 != 0 || !hex.matches("[0-9a-fA-F]+")) {
                throw SqlError.of("invalid " + name + ": " + value);
            }
            bytes = HexFormat.of().parseHex(hex);
        } else {
            bytes = value.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BYTES) {
            throw SqlError.of(name + " is limited to " + MAX_BYTES + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    /** enclose and escape are single bytes; -1 when absent. */
    static int singleByte(String header, String name) throws SqlError {
        if (header == null || header.isEmpty()) {
            return -1;
        }
        byte[] b = parseBytes(header, header, name);
        if (b.length != 1) {
            throw SqlError.of(name + " must be a single byte, got '" + header + "'");
        }
        return b[0] & 0xff;
    }

    static String display(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes);
        return out.toString(StandardCharsets.UTF_8);
    }
}
