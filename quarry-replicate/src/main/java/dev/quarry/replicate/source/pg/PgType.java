package dev.quarry.replicate.source.pg;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A PostgreSQL column type resolved through pg_catalog: domains replaced by their base type, arrays by their
 * element, with the type modifier decoded where it carries a length, precision or scale.
 *
 * @param name the base type's {@code typname} ({@code int4}, {@code numeric}, {@code bpchar}, ...); for enums the enum's name
 * @param kind what sort of type it is
 * @param modifier {@code atttypmod} (or the domain's {@code typtypmod}); -1 when none
 * @param element the element type of an array
 * @param declared the type as {@code format_type} shows it, for messages
 */
record PgType(String name, Kind kind, int modifier, Optional<PgType> element, String declared) {
    enum Kind {
        BASE,
        ENUM,
        ARRAY,
        OTHER
    }

    PgType {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(element, "element is null");
        requireNonNull(declared, "declared is null");
        if ((kind == Kind.ARRAY) != element.isPresent()) {
            throw new IllegalArgumentException("only an array has an element type");
        }
    }

    static PgType base(String name, int modifier) {
        return new PgType(name, Kind.BASE, modifier, Optional.empty(), name);
    }

    /** numeric's declared precision, or -1 for unbounded numeric. */
    int numericPrecision() {
        return modifier < 4 ? -1 : ((modifier - 4) >> 16) & 0xffff;
    }

    /** numeric's declared scale (PostgreSQL 15+ allows -1000..1000, stored as 11 bits in two's complement). */
    int numericScale() {
        if (modifier < 4) {
            return 0;
        }
        int raw = (modifier - 4) & 0x7ff;
        return raw >= 0x400 ? raw - 0x800 : raw;
    }

    /** varchar(n) / char(n) / bit(n) length in characters (or bits), or -1 when unbounded. */
    int length() {
        if (name.equals("bit") || name.equals("varbit")) {
            return modifier;
        }
        return modifier < 4 ? -1 : modifier - 4;
    }
}
