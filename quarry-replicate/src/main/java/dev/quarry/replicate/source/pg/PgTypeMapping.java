package dev.quarry.replicate.source.pg;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.source.TypeOverrides;
import dev.quarry.starrocks.StarRocksType;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The PostgreSQL → StarRocks type table, and for each column the SQL expression that makes PostgreSQL print the
 * value in the text form Stream Load parses for that StarRocks type. Nothing is widened, truncated or rounded
 * silently: a value StarRocks cannot hold fails the read with a message naming the column.
 *
 * <table>
 * <tr><th>PostgreSQL</th><th>StarRocks</th><th>text sent</th></tr>
 * <tr><td>bool</td><td>BOOLEAN</td><td>1 / 0</td></tr>
 * <tr><td>int2, int4, int8, oid</td><td>SMALLINT, INT, BIGINT, BIGINT</td><td>as printed</td></tr>
 * <tr><td>numeric(p,s), p ≤ 76</td><td>DECIMAL(p,s) (p &gt; 38 needs StarRocks 4.0)</td><td>as printed; NaN/±Infinity fail</td></tr>
 * <tr><td>numeric, numeric(p &gt; 76)</td><td>DECIMAL(38,9)</td><td>a value with more than 29 integer or 9 fraction
 *   digits fails (never rounded); choose another type with {@code columns:}</td></tr>
 * <tr><td>float4, float8</td><td>FLOAT, DOUBLE</td><td>shortest exact form; NaN and ±Infinity fail (StarRocks has
 *   no portable spelling for them); map the column to a string with {@code columns:} to keep them as text</td></tr>
 * <tr><td>varchar(n), char(n)</td><td>VARCHAR(min(4n, 1048576)) — StarRocks counts bytes, PostgreSQL characters</td>
 *   <td>as stored; char(n) keeps its padding</td></tr>
 * <tr><td>text, varchar, char without length, xml, tsvector, ranges, composites, geometric and any other type</td>
 *   <td>VARCHAR(1048576)</td><td>PostgreSQL's output text</td></tr>
 * <tr><td>uuid</td><td>VARCHAR(36)</td><td>8-4-4-4-12 lower-case hex</td></tr>
 * <tr><td>json, jsonb</td><td>JSON</td><td>the JSON text</td></tr>
 * <tr><td>bytea</td><td>VARBINARY(1048576)</td><td>hex digits without {@code \x} (docs/starrocks.md §1.3)</td></tr>
 * <tr><td>date</td><td>DATE</td><td>YYYY-MM-DD; ±infinity and dates outside 0001-01-01..9999-12-31 fail</td></tr>
 * <tr><td>timestamp</td><td>DATETIME</td><td>YYYY-MM-DD HH:MI:SS[.ffffff] (microseconds kept, trailing zeros dropped); ±infinity and years
 *   outside 1..9999 fail</td></tr>
 * <tr><td>timestamptz</td><td>DATETIME</td><td>the instant in the target zone (UTC unless target_options.timezone),
 *   converted by PostgreSQL's AT TIME ZONE, never by the JVM zone</td></tr>
 * <tr><td>time, timetz</td><td>VARCHAR(15), VARCHAR(24)</td><td>HH:MI:SS[.ffffff][+HH[:MI]]</td></tr>
 * <tr><td>interval</td><td>VARCHAR(64)</td><td>ISO 8601 ({@code P1Y2M3DT4H5M6S}; IntervalStyle iso_8601)</td></tr>
 * <tr><td>inet, cidr, macaddr, macaddr8</td><td>VARCHAR(64), VARCHAR(64), VARCHAR(17), VARCHAR(23)</td><td>as printed</td></tr>
 * <tr><td>bit(n), varbit(n)</td><td>VARCHAR(n) (unbounded: 1048576)</td><td>0/1 digits</td></tr>
 * <tr><td>enum</td><td>VARCHAR(64) (labels are at most 63 bytes)</td><td>the label</td></tr>
 * <tr><td>money</td><td>VARCHAR(32)</td><td>as numeric, without currency symbol or grouping</td></tr>
 * <tr><td>arrays of int2/int4/int8/float4/float8/numeric/bool/text/varchar/char/uuid/date</td><td>ARRAY&lt;T&gt;</td>
 *   <td>JSON array text; multi-dimensional values fail the load</td></tr>
 * <tr><td>other arrays</td><td>VARCHAR(1048576)</td><td>JSON array text</td></tr>
 * </table>
 */
final class PgTypeMapping {
    static final int VARCHAR_CAP = StarRocksType.VARCHAR_MAX;
    static final StarRocksType UNBOUNDED_NUMERIC = StarRocksType.decimal(38, 9);
    /** Marks our own failures inside PostgreSQL error messages, so the reader can show just the reason. */
    static final String FAILURE_MARK = "quarry: ";

    private final ZoneId targetZone;
    private final boolean emptyAsNull;

    PgTypeMapping(ZoneId targetZone, boolean emptyAsNull) {
        this.targetZone = requireNonNull(targetZone, "targetZone is null");
        this.emptyAsNull = emptyAsNull;
    }

    /** A source column mapped: target name and type, nullability, and the SELECT expression feeding Stream Load. */
    record Mapped(String name, StarRocksType type, boolean nullable, String expression) {
        Mapped {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(expression, "expression is null");
        }
    }

    Mapped map(PgColumn column, String table) {
        return map(column, table, Optional.empty());
    }

    /**
     * Maps a column; {@code override} is a {@code columns:} entry (a StarRocks type or a Sling type name such as
     * {@code string(255)}, {@code decimal(10,2)}, optionally followed by {@code not_null}).
     */
    Mapped map(PgColumn column, String table, Optional<String> override) {
        String c = PgSql.ident(column.name());
        String where = "column " + column.name() + " (" + column.type().declared() + ") of " + table;
        Mapped natural = natural(column, c, where);
        if (override.isEmpty()) {
            return natural;
        }
        String text = override.get().trim();
        boolean notNull = false;
        if (text.toLowerCase(Locale.ROOT).endsWith(" not_null")) {
            notNull = true;
            text = text.substring(0, text.length() - " not_null".length()).trim();
        }
        StarRocksType type = overrideType(text, where);
        String expression = natural.expression();
        if (isText(type) && !isText(natural.type())) {
            expression =
                    column.type().kind() == PgType.Kind.ARRAY ? "pg_catalog.to_json(" + c + ")::text" : c + "::text";
        } else if (type instanceof StarRocksType.Decimal decimal && isNumber(column.type())) {
            expression = fitDecimal(c, decimal, where);
        }
        return new Mapped(column.name(), type, natural.nullable() && !notNull, expression);
    }

    private Mapped natural(PgColumn column, String c, String where) {
        PgType t = column.type();
        boolean nullable = !column.notNull();
        if (t.kind() == PgType.Kind.ARRAY) {
            PgType element = t.element().orElseThrow();
            StarRocksType elementType = arrayElement(element);
            String json = "pg_catalog.to_json(" + c + ")::text";
            return new Mapped(
                    column.name(),
                    elementType == null ? varchar(VARCHAR_CAP) : StarRocksType.array(elementType),
                    nullable,
                    json);
        }
        if (t.kind() == PgType.Kind.ENUM) {
            return new Mapped(column.name(), varchar(64), nullable, c + "::text");
        }
        switch (t.name()) {
            case "bool" -> {
                return new Mapped(column.name(), StarRocksType.Scalar.BOOLEAN, nullable, c + "::int4");
            }
            case "int2" -> {
                return new Mapped(column.name(), StarRocksType.Scalar.SMALLINT, nullable, c);
            }
            case "int4" -> {
                return new Mapped(column.name(), StarRocksType.Scalar.INT, nullable, c);
            }
            case "int8", "oid" -> {
                return new Mapped(column.name(), StarRocksType.Scalar.BIGINT, nullable, c);
            }
            case "numeric" -> {
                StarRocksType.Decimal d = numericType(t);
                // A numeric(p,s) column cannot hold ±Infinity (PostgreSQL rejects them with "numeric field overflow"
                // when applying the typmod; PgSourceIT pins this), so NaN is the only value DECIMAL cannot take, and
                // one equality test finds it (NaN = NaN holds for numeric) without printing the value twice.
                // Measured: 0.07 s of PostgreSQL time per 1M orders rows, against 0.4 s for comparing its text.
                String message = PgSql.literal(FAILURE_MARK + where + " holds a value DECIMAL cannot store: ");
                String expression = d == UNBOUNDED_NUMERIC
                        ? fitDecimal(c, d, where)
                        : "CASE WHEN " + c + " = 'NaN'::numeric THEN (" + message + " || " + c
                                + "::text)::int4::numeric ELSE " + c + " END";
                return new Mapped(column.name(), d, nullable, expression);
            }
            case "float4", "float8" -> {
                return new Mapped(
                        column.name(),
                        t.name().equals("float4") ? StarRocksType.Scalar.FLOAT : StarRocksType.Scalar.DOUBLE,
                        nullable,
                        guarded(
                                c,
                                c + " IN ('NaN', 'Infinity', '-Infinity')",
                                where + " holds a value StarRocks " + (t.name().equals("float4") ? "FLOAT" : "DOUBLE")
                                        + " cannot load (map it with columns: {" + column.name()
                                        + ": string} to keep it as text): ",
                                c + "::text"));
            }
            case "money" -> {
                return new Mapped(column.name(), varchar(32), nullable, c + "::numeric::text");
            }
            case "varchar", "bpchar" -> {
                return new Mapped(column.name(), varchar(characters(t.length())), nullable, text(c));
            }
            case "text", "citext" -> {
                return new Mapped(column.name(), varchar(VARCHAR_CAP), nullable, text(c));
            }
            case "char" -> {
                return new Mapped(column.name(), varchar(4), nullable, c + "::text");
            }
            case "name" -> {
                return new Mapped(column.name(), varchar(64), nullable, c + "::text");
            }
            case "uuid" -> {
                return new Mapped(column.name(), varchar(36), nullable, c + "::text");
            }
            case "json", "jsonb" -> {
                return new Mapped(column.name(), StarRocksType.Scalar.JSON, nullable, c + "::text");
            }
            case "bytea" -> {
                return new Mapped(
                        column.name(),
                        StarRocksType.varbinary(VARCHAR_CAP),
                        nullable,
                        guarded(
                                c,
                                "pg_catalog.octet_length(" + c + ") > " + VARCHAR_CAP,
                                where + " is longer than VARBINARY's " + VARCHAR_CAP + " bytes; length ",
                                "pg_catalog.encode(" + c + ", 'hex')",
                                "pg_catalog.octet_length(" + c + ")::text"));
            }
            case "date" -> {
                return new Mapped(
                        column.name(),
                        StarRocksType.Scalar.DATE,
                        nullable,
                        temporal(c, where, "DATE", "date", "'0001-01-01'::date", "'10000-01-01'::date"));
            }
            case "timestamp" -> {
                return new Mapped(
                        column.name(),
                        StarRocksType.Scalar.DATETIME,
                        nullable,
                        temporal(
                                c,
                                where,
                                "DATETIME",
                                "timestamp",
                                "'0001-01-01'::timestamp",
                                "'10000-01-01'::timestamp"));
            }
            case "timestamptz" -> {
                String zone = PgSql.literal(targetZone.getId());
                String local = "(" + c + " AT TIME ZONE " + zone + ")";
                // The range is checked on the stored instant against bounds the planner folds to constants (the
                // conversion is monotonic at years 1 and 10000, where zones keep a fixed offset; ±infinity lie
                // beyond both), so the conversion runs once per row. The local value goes out through the type's own
                // output: DateStyle 'ISO, YMD' (set by PgRowReader) prints YYYY-MM-DD HH:MI:SS[.f…] with the
                // microseconds PostgreSQL holds and trailing zeros dropped, which DATETIME parses to the same value
                // (docs/starrocks.md §4.3, DATETIME), at less CPU than to_char.
                String message =
                        PgSql.literal(FAILURE_MARK + where + " holds a value outside StarRocks DATETIME's range: ");
                return new Mapped(
                        column.name(),
                        StarRocksType.Scalar.DATETIME,
                        nullable,
                        "CASE WHEN " + c + " < ('0001-01-01'::timestamp AT TIME ZONE " + zone + ")"
                                + " OR " + c + " >= ('10000-01-01'::timestamp AT TIME ZONE " + zone + ")"
                                + " THEN (" + message + " || " + local + "::text)::int4::text::timestamp ELSE " + local
                                + " END");
            }
            case "time" -> {
                return new Mapped(column.name(), varchar(15), nullable, c + "::text");
            }
            case "timetz" -> {
                return new Mapped(column.name(), varchar(24), nullable, c + "::text");
            }
            case "interval" -> {
                return new Mapped(column.name(), varchar(64), nullable, c + "::text");
            }
            case "inet", "cidr" -> {
                // The output function, not ::text: the cast appends /32 or /128 to a host address.
                return new Mapped(column.name(), varchar(64), nullable, c);
            }
            case "macaddr" -> {
                return new Mapped(column.name(), varchar(17), nullable, c + "::text");
            }
            case "macaddr8" -> {
                return new Mapped(column.name(), varchar(23), nullable, c + "::text");
            }
            case "bit", "varbit" -> {
                return new Mapped(
                        column.name(),
                        varchar(t.length() > 0 ? Math.min(t.length(), VARCHAR_CAP) : VARCHAR_CAP),
                        nullable,
                        c + "::text");
            }
            default -> {
                return new Mapped(column.name(), varchar(VARCHAR_CAP), nullable, c);
            }
        }
    }

    private String text(String c) {
        return emptyAsNull ? "NULLIF(" + c + ", '')" : c;
    }

    /** ARRAY element types whose JSON form StarRocks reads back exactly; null for the rest. */
    private static StarRocksType arrayElement(PgType element) {
        if (element.kind() != PgType.Kind.BASE) {
            return null;
        }
        return switch (element.name()) {
            case "int2" -> StarRocksType.Scalar.SMALLINT;
            case "int4" -> StarRocksType.Scalar.INT;
            case "int8" -> StarRocksType.Scalar.BIGINT;
            case "float4" -> StarRocksType.Scalar.FLOAT;
            case "float8" -> StarRocksType.Scalar.DOUBLE;
            case "bool" -> StarRocksType.Scalar.BOOLEAN;
            case "numeric" -> numericType(element);
            case "varchar", "bpchar" -> varchar(characters(element.length()));
            case "text" -> varchar(VARCHAR_CAP);
            case "uuid" -> varchar(36);
            case "date" -> StarRocksType.Scalar.DATE;
            default -> null;
        };
    }

    static StarRocksType.Decimal numericType(PgType t) {
        int p = t.numericPrecision();
        if (p < 0 || p > 76) {
            return (StarRocksType.Decimal) UNBOUNDED_NUMERIC;
        }
        int s = t.numericScale();
        if (s < 0) {
            // numeric(p,-k) rounds to 10^k: values have p+k integer digits and no fraction.
            return p - s <= 76 ? new StarRocksType.Decimal(p - s, 0) : (StarRocksType.Decimal) UNBOUNDED_NUMERIC;
        }
        return new StarRocksType.Decimal(Math.max(p, s), s);
    }

    /** PostgreSQL counts characters, StarRocks bytes; a UTF-8 character takes at most 4 bytes. */
    private static int characters(int length) {
        return length < 0 ? VARCHAR_CAP : (int) Math.min(4L * length, VARCHAR_CAP);
    }

    private static StarRocksType varchar(int length) {
        return StarRocksType.varchar(length);
    }

    /** The value when it fits DECIMAL(p,s) exactly, else a failure: never rounded, never NaN. */
    private static String fitDecimal(String c, StarRocksType.Decimal d, String where) {
        String n = c + "::numeric";
        String message = PgSql.literal(FAILURE_MARK + where + " holds a value DECIMAL(" + d.precision() + ", "
                + d.scale() + ") cannot store exactly (choose a wider type with columns:): ");
        return "CASE WHEN " + c + " IS NULL THEN NULL"
                + " WHEN " + n + "::text IN ('NaN', 'Infinity', '-Infinity')"
                + " OR pg_catalog.abs(" + n + ") >= 1e" + (d.precision() - d.scale())
                + " OR " + n + " <> pg_catalog.round(" + n + ", " + d.scale() + ")"
                + " THEN (" + message + " || " + c + "::text)::int4::text"
                + " ELSE pg_catalog.round(" + n + ", " + d.scale() + ")::text END";
    }

    /**
     * The value through its type's own output (DateStyle 'ISO, YMD': YYYY-MM-DD, plus HH:MI:SS[.f…] for timestamp,
     * microseconds kept), or a failure outside [min, maxExclusive); ±infinity lie beyond both bounds and NULL
     * passes as NULL.
     */
    private static String temporal(
            String value, String where, String target, String pgType, String min, String maxExclusive) {
        String message =
                PgSql.literal(FAILURE_MARK + where + " holds a value outside StarRocks " + target + "'s range: ");
        return "CASE WHEN " + value + " < " + min + " OR " + value + " >= " + maxExclusive
                + " THEN (" + message + " || " + value + "::text)::int4::text::" + pgType
                + " ELSE " + value + " END";
    }

    /**
     * {@code good} unless {@code bad} holds, in which case the read fails with {@code message} and the value. The
     * failure is a cast of our message to int4: PostgreSQL has no raise in plain SQL, and the message depends
     * on the row, so the planner cannot fold it into a failure of its own.
     */
    private static String guarded(String c, String bad, String message, String good) {
        return guarded(c, bad, message, good, c + "::text");
    }

    private static String guarded(String c, String bad, String message, String good, String shown) {
        return "CASE WHEN " + c + " IS NULL THEN NULL WHEN " + bad + " THEN (" + PgSql.literal(FAILURE_MARK + message)
                + " || " + shown + ")::int4::text ELSE " + good + "::text END";
    }

    private static boolean isText(StarRocksType type) {
        return type instanceof StarRocksType.Varchar
                || type instanceof StarRocksType.Char
                || type == StarRocksType.Scalar.STRING;
    }

    private static boolean isNumber(PgType t) {
        return t.kind() == PgType.Kind.BASE
                && (t.name().equals("numeric")
                        || t.name().startsWith("int")
                        || t.name().startsWith("float"));
    }

    /** A {@code columns:} type (docs/sling.md §3.3); see {@link TypeOverrides#parse}. */
    static StarRocksType overrideType(String text, String where) {
        return TypeOverrides.parse(text, where, UNBOUNDED_NUMERIC);
    }
}
