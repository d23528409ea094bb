package dev.quarry.starrocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StarRocksTypeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "BOOLEAN | BOOLEAN",
                "bool | BOOLEAN",
                "tinyint | TINYINT",
                "INT(11) | INT",
                "integer | INT",
                "bigint(20) | BIGINT",
                "LARGEINT | LARGEINT",
                "float | FLOAT",
                "DOUBLE | DOUBLE",
                "decimal | DECIMAL(10, 0)",
                "DECIMAL(38,9) | DECIMAL(38, 9)",
                "decimal64(18, 2) | DECIMAL(18, 2)",
                "DECIMAL(76, 20) | DECIMAL(76, 20)",
                "date | DATE",
                "DATETIME | DATETIME",
                "char | CHAR(1)",
                "CHAR(255) | CHAR(255)",
                "varchar(1048576) | VARCHAR(1048576)",
                "string | STRING",
                "varbinary | VARBINARY(1048576)",
                "binary(16) | VARBINARY(16)",
                "json | JSON",
                "array<int> | ARRAY<INT>",
                "ARRAY < ARRAY<varchar(10)> > | ARRAY<ARRAY<VARCHAR(10)>>",
                "map<varchar(8),decimal(10,2)> | MAP<VARCHAR(8), DECIMAL(10, 2)>",
                "struct<a int, `b c` array<date>> | STRUCT<`a` INT, `b c` ARRAY<DATE>>",
                "BITMAP | BITMAP",
                "HLL | HLL",
            })
    void parsesAndRenders(String text, String sql) {
        StarRocksType t = StarRocksType.parse(text);
        assertThat(t.sql()).isEqualTo(sql);
        assertThat(StarRocksType.parse(t.sql())).isEqualTo(t);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "DECIMAL(0, 0) | invalid StarRocks type 'DECIMAL(0, 0)' at position 14: DECIMAL precision must be 1..76 (38 before StarRocks 4.0), got 0",
                "DECIMAL(77, 0) | invalid StarRocks type 'DECIMAL(77, 0)' at position 15: DECIMAL precision must be 1..76 (38 before StarRocks 4.0), got 77",
                "DECIMAL(10, 11) | invalid StarRocks type 'DECIMAL(10, 11)' at position 16: DECIMAL scale must be 0..10, got 11",
                "CHAR(256) | invalid StarRocks type 'CHAR(256)' at position 10: CHAR length must be 1..255 bytes, got 256",
                "VARCHAR(0) | invalid StarRocks type 'VARCHAR(0)' at position 11: VARCHAR length must be 1..1048576 bytes (2147482624 from StarRocks 4.2), got 0",
                "TIMESTAMP | invalid StarRocks type 'TIMESTAMP' at position 10: unknown type 'TIMESTAMP'",
                "ARRAY<INT | invalid StarRocks type 'ARRAY<INT' at position 10: expected '>'",
                "INT INT | invalid StarRocks type 'INT INT' at position 5: unexpected 'INT'",
                "DATE(3) | invalid StarRocks type 'DATE(3)' at position 8: DATE takes no parameters",
                "VARBINARY(1048577) | invalid StarRocks type 'VARBINARY(1048577)' at position 19: VARBINARY length must be 1..1048576 bytes, got 1048577",
            })
    void rejectsWhatStarRocksRejects(String text, String message) {
        assertThatThrownBy(() -> StarRocksType.parse(text))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage(message);
    }

    @Test
    void keyCapabilitiesFollowTheTypeTable() {
        assertThat(StarRocksType.parse("VARCHAR(10)").primaryKeyCapable()).isTrue();
        assertThat(StarRocksType.parse("DECIMAL(10,2)").primaryKeyCapable()).isFalse();
        assertThat(StarRocksType.parse("DECIMAL(10,2)").keyCapable()).isTrue();
        assertThat(StarRocksType.parse("DOUBLE").keyCapable()).isFalse();
        assertThat(StarRocksType.parse("JSON").keyCapable()).isFalse();
        assertThat(StarRocksType.parse("ARRAY<INT>").keyCapable()).isFalse();
        assertThat(StarRocksType.parse("DATETIME").primaryKeyCapable()).isTrue();
    }

    @Test
    void structKeepsFieldOrder() {
        Map<String, StarRocksType> fields = new LinkedHashMap<>();
        fields.put("z", StarRocksType.Scalar.INT);
        fields.put("a", StarRocksType.Scalar.DATE);
        assertThat(new StarRocksType.Struct(fields).sql()).isEqualTo("STRUCT<`z` INT, `a` DATE>");
        assertThatThrownBy(() -> StarRocksType.parse("STRUCT<a INT, A DATE>"))
                .hasMessageContaining("duplicate STRUCT field 'A'");
    }

    @Test
    void longVarcharNeedsStarRocks42() {
        TableSpec t = TableSpec.builder("db", "t")
                .column("s", StarRocksType.varchar(2_000_000))
                .build();
        assertThatThrownBy(() -> StarRocksDialect.forVersion(StarRocksVersion.parse("4.1.0"))
                        .createTable(t, false))
                .hasMessage(
                        "table db.t, column s: VARCHAR longer than 1048576 bytes needs StarRocks 4.2.0 or later; the target is 4.1.0");
        assertThat(StarRocksDialect.forVersion(StarRocksVersion.parse("4.2.0")).createTable(t, false))
                .contains("VARCHAR(2000000)");
    }
}
