package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A StarRocks column type: a closed set of scalar types plus the parameterised ones.
 * Limits come from docs/starrocks.md §4; {@link #parse(String)} reads what {@link #sql()} writes and the usual
 * spellings found in DDL ({@code INTEGER}, {@code DECIMAL64(18, 2)}, {@code ARRAY<INT>}, ...).
 */
public sealed interface StarRocksType
        permits StarRocksType.Scalar,
                StarRocksType.Decimal,
                StarRocksType.Char,
                StarRocksType.Varchar,
                StarRocksType.Varbinary,
                StarRocksType.Array,
                StarRocksType.Map,
                StarRocksType.Struct {

    /** VARCHAR's upper bound from 2.1 to 4.1; 4.2 raised it (gated by {@link Feature#LONG_VARCHAR}). */
    int VARCHAR_MAX = 1_048_576;
    /** VARCHAR's upper bound from 4.2. */
    int VARCHAR_MAX_42 = 2_147_482_624;
    /** The length STRING stands for. */
    int STRING_LENGTH = 65_533;

    /** The type as StarRocks DDL spells it. */
    String sql();

    /** May be a DUPLICATE / AGGREGATE / UNIQUE key or sort key column (never FLOAT, DOUBLE, JSON, binary or complex; docs/starrocks.md §3.2). */
    boolean keyCapable();

    /** May be a PRIMARY KEY column: BOOLEAN, integers, LARGEINT, VARCHAR/STRING, DATE, DATETIME (docs/starrocks.md §3.2). */
    boolean primaryKeyCapable();

    /** True for numeric types SUM may aggregate. */
    default boolean numeric() {
        return false;
    }

    static StarRocksType decimal(int precision, int scale) {
        return new Decimal(precision, scale);
    }

    static StarRocksType varchar(int length) {
        return new Varchar(length);
    }

    static StarRocksType charType(int length) {
        return new Char(length);
    }

    static StarRocksType varbinary(int length) {
        return new Varbinary(length);
    }

    static StarRocksType array(StarRocksType element) {
        return new Array(element);
    }

    static StarRocksType map(StarRocksType key, StarRocksType value) {
        return new Map(key, value);
    }

    /** Reads a type string such as {@code "DECIMAL(38, 9)"} or {@code "array<varchar(10)>"}. */
    static StarRocksType parse(String text) {
        requireNonNull(text, "type is null");
        return new TypeParser(text).parseWhole();
    }

    /** Types without parameters. */
    enum Scalar implements StarRocksType {
        BOOLEAN(true, true, false),
        TINYINT(true, true, true),
        SMALLINT(true, true, true),
        INT(true, true, true),
        BIGINT(true, true, true),
        LARGEINT(true, true, true),
        FLOAT(false, false, true),
        DOUBLE(false, false, true),
        DATE(true, true, false),
        DATETIME(true, true, false),
        /** VARCHAR(65533) under another name (docs/starrocks.md §4.2). */
        STRING(true, true, false),
        JSON(false, false, false),
        BITMAP(false, false, false),
        HLL(false, false, false),
        PERCENTILE(false, false, false);

        private final boolean key;
        private final boolean primaryKey;
        private final boolean numeric;

        Scalar(boolean key, boolean primaryKey, boolean numeric) {
            this.key = key;
            this.primaryKey = primaryKey;
            this.numeric = numeric;
        }

        @Override
        public String sql() {
            return name();
        }

        @Override
        public boolean keyCapable() {
            return key;
        }

        @Override
        public boolean primaryKeyCapable() {
            return primaryKey;
        }

        @Override
        public boolean numeric() {
            return numeric;
        }
    }

    /**
     * DECIMAL(P, S): P in 1..76 (above 38 is DECIMAL256, gated by {@link Feature#DECIMAL256}), 0 ≤ S ≤ P.
     * Not a PRIMARY KEY type (docs/starrocks.md §3.2).
     */
    record Decimal(int precision, int scale) implements StarRocksType {
        public Decimal {
            if (precision < 1 || precision > 76) {
                throw new InvalidSpecException(
                        "DECIMAL precision must be 1..76 (38 before StarRocks 4.0), got " + precision);
            }
            if (scale < 0 || scale > precision) {
                throw new InvalidSpecException("DECIMAL scale must be 0.." + precision + ", got " + scale);
            }
        }

        @Override
        public String sql() {
            return "DECIMAL(" + precision + ", " + scale + ")";
        }

        @Override
        public boolean keyCapable() {
            return true;
        }

        @Override
        public boolean primaryKeyCapable() {
            return false;
        }

        @Override
        public boolean numeric() {
            return true;
        }
    }

    /** CHAR(n), n in 1..255 bytes. */
    record Char(int length) implements StarRocksType {
        public Char {
            if (length < 1 || length > 255) {
                throw new InvalidSpecException("CHAR length must be 1..255 bytes, got " + length);
            }
        }

        @Override
        public String sql() {
            return "CHAR(" + length + ")";
        }

        @Override
        public boolean keyCapable() {
            return true;
        }

        @Override
        public boolean primaryKeyCapable() {
            return false;
        }
    }

    /** VARCHAR(n) in bytes: 1..1048576, up to 2147482624 from 4.2 ({@link Feature#LONG_VARCHAR}). */
    record Varchar(int length) implements StarRocksType {
        public Varchar {
            if (length < 1 || length > VARCHAR_MAX_42) {
                throw new InvalidSpecException("VARCHAR length must be 1.." + VARCHAR_MAX + " bytes (" + VARCHAR_MAX_42
                        + " from StarRocks 4.2), got " + length);
            }
        }

        @Override
        public String sql() {
            return "VARCHAR(" + length + ")";
        }

        @Override
        public boolean keyCapable() {
            return true;
        }

        @Override
        public boolean primaryKeyCapable() {
            return true;
        }
    }

    /** VARBINARY(n), n in 1..1048576 bytes; never a key, partition or bucket column (docs/starrocks.md §4.2). */
    record Varbinary(int length) implements StarRocksType {
        public Varbinary {
            if (length < 1 || length > VARCHAR_MAX) {
                throw new InvalidSpecException("VARBINARY length must be 1.." + VARCHAR_MAX + " bytes, got " + length);
            }
        }

        @Override
        public String sql() {
            return "VARBINARY(" + length + ")";
        }

        @Override
        public boolean keyCapable() {
            return false;
        }

        @Override
        public boolean primaryKeyCapable() {
            return false;
        }
    }

    /** ARRAY&lt;T&gt;. */
    record Array(StarRocksType element) implements StarRocksType {
        public Array {
            requireNonNull(element, "element is null");
        }

        @Override
        public String sql() {
            return "ARRAY<" + element.sql() + ">";
        }

        @Override
        public boolean keyCapable() {
            return false;
        }

        @Override
        public boolean primaryKeyCapable() {
            return false;
        }
    }

    /** MAP&lt;K, V&gt;. */
    record Map(StarRocksType key, StarRocksType value) implements StarRocksType {
        public Map {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }

        @Override
        public String sql() {
            return "MAP<" + key.sql() + ", " + value.sql() + ">";
        }

        @Override
        public boolean keyCapable() {
            return false;
        }

        @Override
        public boolean primaryKeyCapable() {
            return false;
        }
    }

    /** STRUCT&lt;name T, ...&gt; with ordered, unique field names. */
    record Struct(java.util.Map<String, StarRocksType> fields) implements StarRocksType {
        public Struct {
            requireNonNull(fields, "fields is null");
            if (fields.isEmpty()) {
                throw new InvalidSpecException("STRUCT needs at least one field");
            }
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String sql() {
            List<String> parts = new ArrayList<>();
            fields.forEach((name, type) -> parts.add(Sql.quote(name) + " " + type.sql()));
            return "STRUCT<" + String.join(", ", parts) + ">";
        }

        @Override
        public boolean keyCapable() {
            return false;
        }

        @Override
        public boolean primaryKeyCapable() {
            return false;
        }
    }
}
