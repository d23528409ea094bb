package dev.quarry.replicate.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.starrocks.StarRocksType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading MySQL's declared types, and the mapping decisions that depend only on them. */
class MySqlColumnTest {
    private static MySqlColumn column(String type, String charset) {
        return new MySqlColumn("c", type, charset, false, false);
    }

    private static StarRocksType mapped(String type, String charset) {
        return new MySqlTypeMapping(false)
                .map(column(type, charset), "t", Optional.empty())
                .type();
    }

    @Test
    void declaredTypesAreReadPartByPart() {
        MySqlColumn c = column("bigint(20) unsigned zerofill", "");
        assertThat(c.base()).isEqualTo("bigint");
        assertThat(c.unsigned()).isTrue();
        assertThat(c.length(-1)).isEqualTo(20);
        MySqlColumn d = column("DECIMAL(65,30)", "");
        assertThat(d.length(10)).isEqualTo(65);
        assertThat(d.scale(0)).isEqualTo(30);
        assertThat(column("enum('a','it''s','x,y')", "utf8mb4").labels()).containsExactly("a", "it's", "x,y");
        assertThat(column("enum('a(1)')", "utf8mb4").length(-1)).isEqualTo(-1);
        assertThat(MySqlColumn.charsetOfCollation("utf8mb4_uca1400_ai_ci")).isEqualTo("utf8mb4");
        assertThat(MySqlColumn.charsetOfCollation("binary")).isEqualTo("binary");
    }

    @Test
    void lengthsBecomeBytesOfUtf8() {
        assertThat(mapped("varchar(10)", "utf8mb4")).isEqualTo(StarRocksType.varchar(40));
        assertThat(mapped("varchar(10)", "utf8mb3")).isEqualTo(StarRocksType.varchar(30));
        assertThat(mapped("varchar(10)", "latin1")).isEqualTo(StarRocksType.varchar(30));
        assertThat(mapped("char(10)", "ascii")).isEqualTo(StarRocksType.varchar(10));
        assertThat(mapped("varchar(300000)", "utf8mb4")).isEqualTo(StarRocksType.varchar(1_048_576));
        assertThat(mapped("tinytext", "utf8mb4")).isEqualTo(StarRocksType.varchar(255));
        assertThat(mapped("tinytext", "latin1")).isEqualTo(StarRocksType.varchar(1020));
        assertThat(mapped("set('ab','c')", "utf8mb4")).isEqualTo(StarRocksType.varchar(16));
    }

    @Test
    void integersWidenOnlyWhenUnsignedNeedsIt() {
        assertThat(mapped("tinyint(1)", "")).isEqualTo(StarRocksType.Scalar.BOOLEAN);
        assertThat(mapped("tinyint(1) unsigned", "")).isEqualTo(StarRocksType.Scalar.SMALLINT);
        assertThat(mapped("tinyint(4)", "")).isEqualTo(StarRocksType.Scalar.TINYINT);
        assertThat(mapped("int(10) unsigned", "")).isEqualTo(StarRocksType.Scalar.BIGINT);
        assertThat(mapped("bigint(20) unsigned", "")).isEqualTo(StarRocksType.Scalar.LARGEINT);
        assertThat(mapped("bit(64)", "")).isEqualTo(StarRocksType.Scalar.LARGEINT);
        assertThat(mapped("decimal(65,30)", "")).isEqualTo(StarRocksType.decimal(65, 30));
    }

    @Test
    void syntaxErrorsPointIntoTheUsersSql() {
        String sql = "SELECT id,\n  name FORM items";
        assertThat(QueryProbe.position(
                        sql,
                        "You have an error in your SQL syntax; check the manual for the right syntax to use near"
                                + " 'items) AS `quarry_probe` LIMIT 0' at line 2"))
                .isEqualTo(" (line 2, column 13 of the sql)");
        assertThat(QueryProbe.position(sql, "Table 'x.items' doesn't exist")).isEmpty();
    }

    @Test
    void checkpointLiteralsAreExactWhateverTheSqlMode() {
        assertThat(MySqlSource.literal(
                        column("bigint(20) unsigned", ""), "18446744073709551615", java.time.ZoneOffset.UTC))
                .isEqualTo("18446744073709551615");
        assertThat(MySqlSource.literal(column("datetime(3)", ""), "2026-05-01 00:00:00.250", java.time.ZoneOffset.UTC))
                .isEqualTo("'2026-05-01 00:00:00.250'");
        assertThat(MySqlSource.literal(column("varchar(10)", "utf8mb4"), "it's\\", java.time.ZoneOffset.UTC))
                .isEqualTo("CONVERT(X'697427735c' USING utf8mb4)");
        assertThat(MySqlSource.literal(
                        column("timestamp(6)", ""),
                        "2026-04-30 20:00:00",
                        java.time.ZoneId.of("America/Bahia_Banderas")))
                .isEqualTo("'2026-05-01 02:00:00.000000'");
    }
}
