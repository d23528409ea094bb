package dev.quarry.replicate.source.mysql;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * MySQL quoting by construction: identifiers in backticks (which no sql_mode changes), and literals written so that
 * neither {@code NO_BACKSLASH_ESCAPES} nor {@code ANSI_QUOTES} can change what they mean.
 */
final class MySqlSql {
    /** Text that reads the same under every sql_mode inside single quotes: no quote, no backslash. */
    private static final Pattern PLAIN = Pattern.compile("[0-9A-Za-z :.+_-]*");

    private MySqlSql() {}

    static String ident(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    static String qualified(String schema, String table) {
        return ident(schema) + "." + ident(table);
    }

    /**
     * A string literal: quoted as is when it holds only letters, digits and date punctuation, else its UTF-8 bytes in
     * hex converted to utf8mb4 (so backslashes and quotes need no escaping whatever the sql_mode).
     */
    static String literal(String value) {
        if (PLAIN.matcher(value).matches()) {
            return "'" + value + "'";
        }
        return "CONVERT(X'" + HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)) + "' USING utf8mb4)";
    }

    /** A number as an exact, unquoted literal (a quoted one would compare as DOUBLE and lose digits). */
    static String number(String value) {
        return new BigDecimal(value.strip()).toPlainString();
    }
}
