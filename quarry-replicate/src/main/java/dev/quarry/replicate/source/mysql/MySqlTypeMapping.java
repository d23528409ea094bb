package dev.quarry.replicate.source.mysql;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.source.TypeOverrides;
import dev.quarry.starrocks.StarRocksType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The MySQL/MariaDB → StarRocks type table (docs/type-mapping.md §7.2), and for each column the SELECT expression
 * that makes the server print its value in the text form Stream Load parses, plus what the reader checks or converts
 * on the way ({@link Handling}). Nothing is widened, truncated or rounded silently: a value StarRocks cannot hold
 * fails the read with a message naming the column.
 */
final class MySqlTypeMapping {
    static final int CAP = StarRocksType.VARCHAR_MAX;
    static final StarRocksType.Decimal WIDEST_DECIMAL = new StarRocksType.Decimal(65, 30);

    /** What the reader does with a column's bytes on the way to the CSV. */
    enum Handling {
        /** Digits, signs, points and exponents: copied, never enclosed. */
        NUMBER,
        /** TINYINT(1) or BIT(1): must be 0 or 1. */
        BOOLEAN,
        /** Text (also JSON, ENUM, SET, TIME, WKT): enclosed when it must be, at most {@code limit} bytes. */
        TEXT,
        /** Hex digits of a binary value: at most {@code limit} bytes once decoded. */
        HEX,
        /** DATE or DATETIME: a zero date (month or day 00) becomes NULL with a warning. */
        DATE,
        /** TIMESTAMP: as DATE, and the UTC wall time the session prints moves to the target zone. */
        TIMESTAMP,
        /** A number read into a narrower DECIMAL chosen with {@code columns:}: it must fit exactly. */
        DECIMAL_FIT
    }

    /** A mapped column: target name and type, nullability, the SELECT expression, and the reader's handling. */
    record Mapped(String name, StarRocksType type, boolean nullable, String expression, Handling handling, int limit) {
        Mapped {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(expression, "expression is null");
            requireNonNull(handling, "handling is null");
        }
    }

    private final boolean emptyAsNull;

    MySqlTypeMapping(boolean emptyAsNull) {
        this.emptyAsNull = emptyAsNull;
    }

    static String where(MySqlColumn column, String table) {
        return "column " + column.name() + " (" + column.columnType() + ") of " + table;
    }

    /**
     * Maps a column; {@code override} is a {@code columns:} entry (a StarRocks type or a Sling type name, optionally
     * followed by {@code not_null}).
     */
    Mapped map(MySqlColumn column, String table, Optional<String> override) {
        Mapped natural = natural(column);
        if (override.isEmpty()) {
            return natural;
        }
        String text = override.get().trim();
        boolean notNull = false;
        if (text.toLowerCase(Locale.ROOT).endsWith(" not_null")) {
            notNull = true;
            text = text.substring(0, text.length() - " not_null".length()).trim();
        }
        StarRocksType type = TypeOverrides.parse(text, where(column, table), WIDEST_DECIMAL);
        boolean nullable = natural.nullable() && !notNull;
        String c = MySqlSql.ident(column.name());
        if (TypeOverrides.isText(type)) {
            int limit = type instanceof StarRocksType.Varchar v ? v.length() : StarRocksType.STRING_LENGTH;
            String expression = TypeOverrides.isText(natural.type()) || natural.handling() == Handling.HEX
                    ? natural.expression()
                    : "CAST(" + c + " AS CHAR)";
            Handling handling = natural.handling() == Handling.HEX ? Handling.HEX : Handling.TEXT;
            return new Mapped(column.name(), type, nullable, expression, handling, limit);
        }
        if (type instanceof StarRocksType.Decimal && isNumber(natural)) {
            return new Mapped(column.name(), type, nullable, natural.expression(), Handling.DECIMAL_FIT, 0);
        }
        Handling handling = natural.handling();
        if (type == StarRocksType.Scalar.BOOLEAN && handling == Handling.NUMBER) {
            handling = Handling.BOOLEAN;
        } else if (type != StarRocksType.Scalar.BOOLEAN && handling == Handling.BOOLEAN) {
            handling = Handling.NUMBER;
        }
        return new Mapped(column.name(), type, nullable, natural.expression(), handling, natural.limit());
    }

    private static boolean isNumber(Mapped m) {
        return m.handling() == Handling.NUMBER || m.handling() == Handling.BOOLEAN;
    }

    private Mapped natural(MySqlColumn column) {
        String c = MySqlSql.ident(column.name());
        String name = column.name();
        boolean nullable = !column.notNull();
        boolean unsigned = column.unsigned();
        if (column.json()) {
            return new Mapped(name, StarRocksType.Scalar.JSON, nullable, c, Handling.TEXT, 0);
        }
        switch (column.base()) {
            case "tinyint" -> {
                // BOOL is TINYINT(1); Sling maps it to BOOLEAN too (docs/type-mapping.md §7.3).
                if (!unsigned && column.length(4) == 1) {
                    return number(name, StarRocksType.Scalar.BOOLEAN, nullable, c, Handling.BOOLEAN);
                }
                return number(
                        name, unsigned ? StarRocksType.Scalar.SMALLINT : StarRocksType.Scalar.TINYINT, nullable, c);
            }
            case "smallint" -> {
                return number(name, unsigned ? StarRocksType.Scalar.INT : StarRocksType.Scalar.SMALLINT, nullable, c);
            }
            case "mediumint" -> {
                return number(name, StarRocksType.Scalar.INT, nullable, c);
            }
            case "int", "integer" -> {
                return number(name, unsigned ? StarRocksType.Scalar.BIGINT : StarRocksType.Scalar.INT, nullable, c);
            }
            case "bigint" -> {
                return number(
                        name, unsigned ? StarRocksType.Scalar.LARGEINT : StarRocksType.Scalar.BIGINT, nullable, c);
            }
            case "decimal", "numeric", "fixed", "dec" -> {
                int p = column.length(10);
                int s = column.scale(0);
                return number(name, StarRocksType.decimal(Math.max(1, p), s), nullable, c);
            }
            case "float" -> {
                // The server prints FLOAT with 6 significant digits, which loses bits; as DOUBLE it prints the exact
                // value, and StarRocks rounds that to the same FLOAT (docs/type-mapping.md §7.3).
                return number(name, StarRocksType.Scalar.FLOAT, nullable, "(" + c + " + 0E0)");
            }
            case "double", "real" -> {
                return number(name, StarRocksType.Scalar.DOUBLE, nullable, c);
            }
            case "bit" -> {
                int bits = column.length(1);
                String value = "CAST(" + c + " AS UNSIGNED)";
                if (bits == 1) {
                    return number(name, StarRocksType.Scalar.BOOLEAN, nullable, value, Handling.BOOLEAN);
                }
                return number(
                        name, bits < 64 ? StarRocksType.Scalar.BIGINT : StarRocksType.Scalar.LARGEINT, nullable, value);
            }
            case "year" -> {
                return number(name, StarRocksType.Scalar.SMALLINT, nullable, c);
            }
            case "date" -> {
                return new Mapped(name, StarRocksType.Scalar.DATE, nullable, c, Handling.DATE, 0);
            }
            case "datetime" -> {
                return new Mapped(name, StarRocksType.Scalar.DATETIME, nullable, c, Handling.DATE, 0);
            }
            case "timestamp" -> {
                return new Mapped(name, StarRocksType.Scalar.DATETIME, nullable, c, Handling.TIMESTAMP, 0);
            }
            case "time" -> {
                // -838:59:59.000000 at the longest; StarRocks has no TIME column type.
                return text(name, 17, nullable, c);
            }
            case "char", "varchar" -> {
                long bytes = (long) Math.max(1, column.length(1)) * bytesPerCharacter(column.charset());
                return text(name, (int) Math.min(bytes, CAP), nullable, orNull(c));
            }
            case "tinytext", "text", "mediumtext", "longtext", "long" -> {
                long bytes = textBytes(column.base()) * expansion(column.charset());
                return text(name, (int) Math.min(bytes, CAP), nullable, orNull(c));
            }
            case "enum", "set" -> {
                List<String> labels = column.labels();
                int characters = 1;
                if (column.base().equals("enum")) {
                    for (String label : labels) {
                        characters = Math.max(characters, label.length());
                    }
                } else {
                    characters =
                            Math.max(1, labels.stream().mapToInt(String::length).sum() + labels.size() - 1);
                }
                long bytes = (long) characters * bytesPerCharacter(column.charset());
                return text(name, (int) Math.min(bytes, CAP), nullable, orNull(c));
            }
            case "binary", "varbinary" -> {
                return binary(name, Math.min(Math.max(1, column.length(1)), CAP), nullable, c);
            }
            case "tinyblob", "blob", "mediumblob", "longblob" -> {
                return binary(name, (int) Math.min(textBytes(column.base()), CAP), nullable, c);
            }
            case "geometry",
                    "point",
                    "linestring",
                    "polygon",
                    "multipoint",
                    "multilinestring",
                    "multipolygon",
                    "geometrycollection",
                    "geomcollection" -> {
                // Well-known text; the SRID is not kept (docs/type-mapping.md §7.3).
                return text(name, CAP, nullable, "ST_AsText(" + c + ")");
            }
            default -> {
                return text(name, CAP, nullable, "CAST(" + c + " AS CHAR)");
            }
        }
    }

    private String orNull(String c) {
        return emptyAsNull ? "NULLIF(" + c + ", '')" : c;
    }

    private static Mapped number(String name, StarRocksType type, boolean nullable, String expression) {
        return number(name, type, nullable, expression, Handling.NUMBER);
    }

    private static Mapped number(
            String name, StarRocksType type, boolean nullable, String expression, Handling handling) {
        return new Mapped(name, type, nullable, expression, handling, 0);
    }

    private static Mapped text(String name, int bytes, boolean nullable, String expression) {
        return new Mapped(name, StarRocksType.varchar(bytes), nullable, expression, Handling.TEXT, bytes);
    }

    /** Binary values travel as hex digits (docs/starrocks.md §1.3). */
    private static Mapped binary(String name, int bytes, boolean nullable, String c) {
        return new Mapped(name, StarRocksType.varbinary(bytes), nullable, "HEX(" + c + ")", Handling.HEX, bytes);
    }

    /** The largest value of a TEXT or BLOB type, in bytes of its own character set. */
    private static long textBytes(String base) {
        return switch (base) {
            case "tinytext", "tinyblob" -> 255L;
            case "text", "blob" -> 65_535L;
            case "mediumtext", "mediumblob", "long" -> 16_777_215L;
            default -> 4_294_967_295L;
        };
    }

    /**
     * The most UTF-8 bytes one character of {@code charset} takes: CHAR and VARCHAR count characters, StarRocks
     * counts bytes, and values arrive as UTF-8 (latin1 is cp1252 in MySQL, whose € takes 3 bytes).
     */
    static int bytesPerCharacter(String charset) {
        return switch (charset) {
            case "ascii", "binary" -> 1;
            case "utf8mb3", "utf8", "latin1" -> 3;
            default -> 4;
        };
    }

    /** How much a TEXT value's byte length can grow when re-encoded as UTF-8. */
    private static int expansion(String charset) {
        return switch (charset) {
            case "utf8mb4", "utf8mb3", "utf8", "ascii", "binary", "" -> 1;
            default -> 4;
        };
    }
}
