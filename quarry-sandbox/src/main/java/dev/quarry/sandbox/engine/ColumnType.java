package dev.quarry.sandbox.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A StarRocks column type (docs/starrocks.md §4) with its DuckDB storage type and StarRocks' printed forms.
 *
 * @param base the type family
 * @param length CHAR/VARCHAR/VARBINARY length in bytes, DECIMAL precision, DATETIME fractional digits, else 0
 * @param scale DECIMAL scale, else 0
 * @param children element types of ARRAY (1), MAP (2), STRUCT (n)
 * @param fieldNames STRUCT field names, index-aligned with children
 * @param string true when written as STRING (VARCHAR(65533) in StarRocks)
 */
record ColumnType(
        SqlType base, int length, int scale, List<ColumnType> children, List<String> fieldNames, boolean string) {

    /** VARCHAR's maximum length in 2.1–4.1 (docs/starrocks.md §4.2). */
    static final int MAX_VARCHAR = 1048576;

    static final int STRING_LENGTH = 65533;

    ColumnType {
        Objects.requireNonNull(base, "base is null");
        children = List.copyOf(children);
        fieldNames = List.copyOf(fieldNames);
    }

    static ColumnType of(SqlType base) {
        return new ColumnType(base, 0, 0, List.of(), List.of(), false);
    }

    static ColumnType varchar(int length) {
        return new ColumnType(SqlType.VARCHAR, length, 0, List.of(), List.of(), false);
    }

    static ColumnType decimal(int precision, int scale) {
        return new ColumnType(SqlType.DECIMAL, precision, scale, List.of(), List.of(), false);
    }

    /** Parses a type in StarRocks' CREATE TABLE grammar. */
    static ColumnType parse(Cursor c) throws SqlError {
        Token t = c.peek();
        if (t.kind() != Token.Kind.WORD) {
            throw c.unexpected("a column type");
        }
        String name = t.upper();
        c.next();
        switch (name) {
            case "BOOLEAN", "BOOL" -> {
                return of(SqlType.BOOLEAN);
            }
            case "TINYINT" -> {
                skipWidth(c);
                return of(SqlType.TINYINT);
            }
            case "SMALLINT" -> {
                skipWidth(c);
                return of(SqlType.SMALLINT);
            }
            case "INT", "INTEGER" -> {
                skipWidth(c);
                return of(SqlType.INT);
            }
            case "BIGINT" -> {
                skipWidth(c);
                return of(SqlType.BIGINT);
            }
            case "LARGEINT" -> {
                skipWidth(c);
                return of(SqlType.LARGEINT);
            }
            case "FLOAT" -> {
                return of(SqlType.FLOAT);
            }
            case "DOUBLE" -> {
                return of(SqlType.DOUBLE);
            }
            case "DECIMAL", "DECIMALV2", "DECIMAL32", "DECIMAL64", "DECIMAL128", "NUMERIC", "NUMBER" -> {
                int p = 10;
                int s = 0;
                if (name.equals("DECIMAL32")) {
                    p = 9;
                } else if (name.equals("DECIMAL64")) {
                    p = 18;
                } else if (name.equals("DECIMAL128")) {
                    p = 38;
                }
                if (c.acceptSymbol("(")) {
                    p = (int) c.integer();
                    if (c.acceptSymbol(",")) {
                        s = (int) c.integer();
                    }
                    c.expectSymbol(")");
                }
                if (p < 1 || p > 38) {
                    throw SqlError.analysis("DECIMAL's precision should range from 1 to 38");
                }
                if (s < 0 || s > p) {
                    throw SqlError.analysis("DECIMAL(P[,S]) type P must be greater than or equal to the value of S");
                }
                return decimal(p, s);
            }
            case "DATE" -> {
                return of(SqlType.DATE);
                // No TIMESTAMP type in StarRocks (docs/starrocks.md §4.3).
            }
            case "DATETIME" -> {
                int frac = 0;
                if (c.acceptSymbol("(")) {
                    frac = (int) c.integer();
                    c.expectSymbol(")");
                }
                return new ColumnType(SqlType.DATETIME, frac, 0, List.of(), List.of(), false);
            }
            case "CHAR" -> {
                int len = optionalLength(c, 1);
                if (len < 1 || len > 255) {
                    throw SqlError.analysis("Char size must between 1 and 255. Current size is " + len);
                }
                return new ColumnType(SqlType.CHAR, len, 0, List.of(), List.of(), false);
            }
            case "VARCHAR" -> {
                int len = optionalLength(c, 1);
                if (len < 1 || len > MAX_VARCHAR) {
                    throw SqlError.analysis(
                            "Varchar size must between 1 and " + MAX_VARCHAR + ". Current size is " + len);
                }
                return varchar(len);
            }
            case "STRING", "TEXT" -> {
                return new ColumnType(SqlType.VARCHAR, STRING_LENGTH, 0, List.of(), List.of(), true);
            }
            case "BINARY", "VARBINARY" -> {
                return new ColumnType(
                        SqlType.VARBINARY, optionalLength(c, MAX_VARCHAR), 0, List.of(), List.of(), false);
            }
            case "JSON" -> {
                return of(SqlType.JSON);
            }
            case "BITMAP" -> {
                return of(SqlType.BITMAP);
            }
            case "HLL" -> {
                return of(SqlType.HLL);
            }
            case "PERCENTILE" -> {
                return of(SqlType.PERCENTILE);
            }
            case "ARRAY" -> {
                c.expectSymbol("<");
                ColumnType element = parse(c);
                c.expectSymbol(">");
                return new ColumnType(SqlType.ARRAY, 0, 0, List.of(element), List.of(), false);
            }
            case "MAP" -> {
                c.expectSymbol("<");
                ColumnType key = parse(c);
                c.expectSymbol(",");
                ColumnType value = parse(c);
                c.expectSymbol(">");
                return new ColumnType(SqlType.MAP, 0, 0, List.of(key, value), List.of(), false);
            }
            case "STRUCT" -> {
                c.expectSymbol("<");
                List<ColumnType> types = new ArrayList<>();
                List<String> names = new ArrayList<>();
                do {
                    names.add(c.identifier());
                    c.acceptSymbol(":");
                    types.add(parse(c));
                } while (c.acceptSymbol(","));
                c.expectSymbol(">");
                return new ColumnType(SqlType.STRUCT, 0, 0, types, names, false);
            }
            default -> {
                c.reset(c.index() - 1);
                throw c.unexpected("a column type");
            }
        }
    }

    private static void skipWidth(Cursor c) throws SqlError {
        if (c.acceptSymbol("(")) {
            c.integer();
            c.expectSymbol(")");
        }
    }

    private static int optionalLength(Cursor c, int dflt) throws SqlError {
        if (c.acceptSymbol("(")) {
            int len = (int) c.integer();
            c.expectSymbol(")");
            return len;
        }
        return dflt;
    }

    /** The DuckDB type that stores values of this type. */
    String duckType() {
        return switch (base) {
            case BOOLEAN -> "BOOLEAN";
            case TINYINT -> "TINYINT";
            case SMALLINT -> "SMALLINT";
            case INT -> "INTEGER";
            case BIGINT -> "BIGINT";
            case LARGEINT -> "HUGEINT";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case DECIMAL -> "DECIMAL(" + length + "," + scale + ")";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP";
            case CHAR, VARCHAR, BITMAP, HLL, PERCENTILE, NULL_TYPE -> "VARCHAR";
            case BINARY, VARBINARY -> "BLOB";
            case JSON -> "JSON";
            case ARRAY -> children.get(0).duckType() + "[]";
            case MAP ->
                "MAP(" + children.get(0).duckType() + ", " + children.get(1).duckType() + ")";
            case STRUCT -> {
                StringBuilder b = new StringBuilder("STRUCT(");
                for (int i = 0; i < children.size(); i++) {
                    if (i > 0) {
                        b.append(", ");
                    }
                    b.append(Sql.quoteIdent(fieldNames.get(i)))
                            .append(' ')
                            .append(children.get(i).duckType());
                }
                yield b.append(')').toString();
            }
        };
    }

    /** As SHOW CREATE TABLE prints it ({@code int(11)}, {@code varchar(20)}, {@code decimal(10, 2)}). */
    String showCreate() {
        return switch (base) {
            case TINYINT -> "tinyint(4)";
            case SMALLINT -> "smallint(6)";
            case INT -> "int(11)";
            case BIGINT -> "bigint(20)";
            case LARGEINT -> "largeint(40)";
            case DECIMAL -> "decimal(" + length + ", " + scale + ")";
            case DATETIME -> "datetime";
            case CHAR -> "char(" + length + ")";
            case VARCHAR -> "varchar(" + length + ")";
            case BINARY, VARBINARY -> "varbinary(" + length + ")";
            case ARRAY -> "array<" + children.get(0).showCreate() + ">";
            case MAP ->
                "map<" + children.get(0).showCreate() + "," + children.get(1).showCreate() + ">";
            case STRUCT -> {
                StringBuilder b = new StringBuilder("struct<");
                for (int i = 0; i < children.size(); i++) {
                    if (i > 0) {
                        b.append(", ");
                    }
                    b.append(fieldNames.get(i))
                            .append(' ')
                            .append(children.get(i).showCreate());
                }
                yield b.append('>').toString();
            }
            default -> base.name().toLowerCase(Locale.ROOT);
        };
    }

    /** As DESC and information_schema.columns.DATA_TYPE print it (no display widths). */
    String dataType() {
        return switch (base) {
            case DECIMAL -> "decimal";
            case CHAR -> "char";
            case VARCHAR -> "varchar";
            case ARRAY, MAP, STRUCT -> showCreate();
            default -> base.name().toLowerCase(Locale.ROOT);
        };
    }

    /** As DESC prints it. */
    String describe() {
        return switch (base) {
            case DECIMAL -> "decimal(" + length + "," + scale + ")";
            case CHAR -> "char(" + length + ")";
            case VARCHAR -> "varchar(" + length + ")";
            case VARBINARY, BINARY -> "varbinary(" + length + ")";
            default -> showCreate().replaceAll("\\(\\d+\\)", "");
        };
    }

    boolean floating() {
        return base == SqlType.FLOAT || base == SqlType.DOUBLE;
    }

    boolean complex() {
        return base == SqlType.ARRAY || base == SqlType.MAP || base == SqlType.STRUCT;
    }

    /** PRIMARY KEY columns: BOOLEAN, integers, LARGEINT, VARCHAR/STRING, DATE, DATETIME (docs/starrocks.md §3.2). */
    boolean allowedInPrimaryKey() {
        return switch (base) {
            case BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, LARGEINT, VARCHAR, CHAR, DATE, DATETIME -> true;
            default -> false;
        };
    }

    /** DUPLICATE/AGGREGATE/UNIQUE keys: numeric incl. DECIMAL, strings, dates; never FLOAT/DOUBLE/JSON/complex. */
    boolean allowedInKey() {
        return switch (base) {
            case BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, LARGEINT, DECIMAL, VARCHAR, CHAR, DATE, DATETIME -> true;
            default -> false;
        };
    }

    /** The name StarRocks uses in key-type errors, e.g. {@code DOUBLE}, {@code DECIMAL64(10, 2)}. */
    String errorName() {
        if (base == SqlType.DECIMAL) {
            String family = length <= 9 ? "DECIMAL32" : length <= 18 ? "DECIMAL64" : "DECIMAL128";
            return family + "(" + length + ", " + scale + ")";
        }
        if (base == SqlType.VARCHAR) {
            return "VARCHAR(" + length + ")";
        }
        return base.name();
    }

    /** Display length for the wire protocol column definition. */
    long displayLength() {
        return switch (base) {
            case BOOLEAN -> 1;
            case TINYINT -> 4;
            case SMALLINT -> 6;
            case INT -> 11;
            case BIGINT -> 20;
            case LARGEINT -> 40;
            case FLOAT -> 12;
            case DOUBLE -> 22;
            case DECIMAL -> length + 2;
            case DATE -> 10;
            case DATETIME -> 19 + (length > 0 ? length + 1 : 0);
            case CHAR, VARCHAR, VARBINARY, BINARY -> length;
            default -> 65533;
        };
    }

    ResultColumn column(String name, boolean nullable) {
        int sc = base == SqlType.DECIMAL ? scale : base == SqlType.DATETIME ? length : 0;
        return new ResultColumn(name, base == SqlType.BINARY ? SqlType.VARBINARY : base, displayLength(), sc, nullable);
    }
}
