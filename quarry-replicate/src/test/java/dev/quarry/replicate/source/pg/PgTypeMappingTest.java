package dev.quarry.replicate.source.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.replicate.config.ReplicationConfigException;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PgTypeMappingTest {
    private final PgTypeMapping mapping = new PgTypeMapping(ZoneId.of("UTC"), false);

    private static PgType type(String name, int modifier) {
        return PgType.base(name, modifier);
    }

    /** atttypmod of numeric(p,s). */
    private static int numeric(int p, int s) {
        return ((p << 16) | (s & 0x7ff)) + 4;
    }

    private String sql(PgType type) {
        return mapping.map(new PgColumn("c", type, false), "public.t").type().sql();
    }

    @Test
    void integersKeepTheirWidth() {
        assertThat(sql(type("int2", -1))).isEqualTo("SMALLINT");
        assertThat(sql(type("int4", -1))).isEqualTo("INT");
        assertThat(sql(type("int8", -1))).isEqualTo("BIGINT");
        assertThat(sql(type("oid", -1))).isEqualTo("BIGINT");
        assertThat(sql(type("bool", -1))).isEqualTo("BOOLEAN");
    }

    @Test
    void numericKeepsPrecisionAndScale() {
        assertThat(sql(type("numeric", numeric(10, 2)))).isEqualTo("DECIMAL(10, 2)");
        assertThat(sql(type("numeric", numeric(38, 38)))).isEqualTo("DECIMAL(38, 38)");
        assertThat(sql(type("numeric", numeric(1, 0)))).isEqualTo("DECIMAL(1, 0)");
        assertThat(sql(type("numeric", numeric(50, 10)))).isEqualTo("DECIMAL(50, 10)");
        assertThat(sql(type("numeric", numeric(5, -2))))
                .as("numeric(5,-2) holds up to 9999900")
                .isEqualTo("DECIMAL(7, 0)");
        assertThat(sql(type("numeric", numeric(2, 5))))
                .as("numeric(2,5) holds values below 0.001")
                .isEqualTo("DECIMAL(5, 5)");
        assertThat(sql(type("numeric", -1))).isEqualTo("DECIMAL(38, 9)");
        assertThat(sql(type("numeric", numeric(100, 2)))).isEqualTo("DECIMAL(38, 9)");
        assertThat(type("numeric", numeric(12, 4)).numericPrecision()).isEqualTo(12);
        assertThat(type("numeric", numeric(12, -3)).numericScale()).isEqualTo(-3);
    }

    @Test
    void unboundedNumericIsCheckedNotRounded() {
        String expression = mapping.map(new PgColumn("amount", type("numeric", -1), false), "public.t")
                .expression();
        assertThat(expression)
                .contains(">= 1e29")
                .contains("<> pg_catalog.round(\"amount\"::numeric, 9)")
                .contains(
                        "quarry: column amount (numeric) of public.t holds a value DECIMAL(38, 9) cannot store exactly");
    }

    @Test
    void floatsAndSpecialValues() {
        assertThat(sql(type("float4", -1))).isEqualTo("FLOAT");
        assertThat(sql(type("float8", -1))).isEqualTo("DOUBLE");
        assertThat(mapping.map(new PgColumn("x", type("float8", -1), true), "public.t")
                        .expression())
                .contains("IN ('NaN', 'Infinity', '-Infinity')");
    }

    @Test
    void textIsSizedInBytes() {
        assertThat(sql(type("varchar", 10 + 4))).isEqualTo("VARCHAR(40)");
        assertThat(sql(type("bpchar", 1 + 4))).isEqualTo("VARCHAR(4)");
        assertThat(sql(type("varchar", 262_144 + 4))).isEqualTo("VARCHAR(1048576)");
        assertThat(sql(type("varchar", 300_000 + 4))).as("capped").isEqualTo("VARCHAR(1048576)");
        assertThat(sql(type("varchar", -1))).isEqualTo("VARCHAR(1048576)");
        assertThat(sql(type("text", -1))).isEqualTo("VARCHAR(1048576)");
        assertThat(sql(type("uuid", -1))).isEqualTo("VARCHAR(36)");
        assertThat(sql(type("name", -1))).isEqualTo("VARCHAR(64)");
    }

    @Test
    void structuredAndBinaryTypes() {
        assertThat(sql(type("json", -1))).isEqualTo("JSON");
        assertThat(sql(type("jsonb", -1))).isEqualTo("JSON");
        assertThat(sql(type("bytea", -1))).isEqualTo("VARBINARY(1048576)");
        assertThat(mapping.map(new PgColumn("b", type("bytea", -1), true), "public.t")
                        .expression())
                .contains("pg_catalog.encode(\"b\", 'hex')");
    }

    @Test
    void timesMapToDatetimeOrDocumentedText() {
        assertThat(sql(type("date", -1))).isEqualTo("DATE");
        assertThat(sql(type("timestamp", 6))).isEqualTo("DATETIME");
        assertThat(sql(type("timestamptz", -1))).isEqualTo("DATETIME");
        assertThat(sql(type("time", -1))).isEqualTo("VARCHAR(15)");
        assertThat(sql(type("timetz", -1))).isEqualTo("VARCHAR(24)");
        assertThat(sql(type("interval", -1))).isEqualTo("VARCHAR(64)");
        PgTypeMapping berlin = new PgTypeMapping(ZoneId.of("Europe/Berlin"), false);
        assertThat(berlin.map(new PgColumn("ts", type("timestamptz", -1), true), "public.t")
                        .expression())
                .contains("(\"ts\" AT TIME ZONE 'Europe/Berlin')")
                .as("the type's own ISO output, not to_char")
                .endsWith(" ELSE (\"ts\" AT TIME ZONE 'Europe/Berlin') END");
    }

    @Test
    void otherTypesBecomeText() {
        assertThat(sql(type("inet", -1))).isEqualTo("VARCHAR(64)");
        assertThat(sql(type("macaddr", -1))).isEqualTo("VARCHAR(17)");
        assertThat(sql(type("bit", 8))).isEqualTo("VARCHAR(8)");
        assertThat(sql(type("money", -1))).isEqualTo("VARCHAR(32)");
        assertThat(sql(type("xml", -1))).isEqualTo("VARCHAR(1048576)");
        assertThat(sql(new PgType("mood", PgType.Kind.ENUM, -1, Optional.empty(), "mood")))
                .isEqualTo("VARCHAR(64)");
    }

    @Test
    void arraysOfScalarsBecomeArrays() {
        assertThat(sql(array(type("int4", -1)))).isEqualTo("ARRAY<INT>");
        assertThat(sql(array(type("varchar", 5 + 4)))).isEqualTo("ARRAY<VARCHAR(20)>");
        assertThat(sql(array(type("numeric", numeric(8, 3))))).isEqualTo("ARRAY<DECIMAL(8, 3)>");
        assertThat(sql(array(type("timestamptz", -1))))
                .as("no exact ARRAY form")
                .isEqualTo("VARCHAR(1048576)");
    }

    private static PgType array(PgType element) {
        return new PgType(
                "_" + element.name(),
                PgType.Kind.ARRAY,
                element.modifier(),
                Optional.of(element),
                element.name() + "[]");
    }

    @Test
    void columnsOverridesTakeSlingOrStarRocksTypes() {
        PgColumn amount = new PgColumn("amount", type("numeric", -1), false);
        PgTypeMapping.Mapped text = mapping.map(amount, "public.t", Optional.of("string(255)"));
        assertThat(text.type().sql()).isEqualTo("VARCHAR(255)");
        PgTypeMapping.Mapped exact = mapping.map(amount, "public.t", Optional.of("decimal(12,3) not_null"));
        assertThat(exact.type().sql()).isEqualTo("DECIMAL(12, 3)");
        assertThat(exact.nullable()).isFalse();
        assertThat(exact.expression()).contains(">= 1e9").contains("pg_catalog.round(\"amount\"::numeric, 3)");
        assertThat(mapping.map(amount, "public.t", Optional.of("LARGEINT"))
                        .type()
                        .sql())
                .isEqualTo("LARGEINT");
        assertThat(mapping.map(new PgColumn("flag", type("bool", -1), false), "public.t", Optional.of("string"))
                        .expression())
                .isEqualTo("\"flag\"::text");
        assertThatThrownBy(() -> mapping.map(amount, "public.t", Optional.of("number please")))
                .isInstanceOf(ReplicationConfigException.class)
                .hasMessageStartingWith(
                        "columns: 'number please' for column amount (numeric) of public.t is not a type");
    }
}
