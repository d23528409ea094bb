package dev.quarry.starrocks;

import static dev.quarry.starrocks.StarRocksType.Scalar.BIGINT;
import static dev.quarry.starrocks.StarRocksType.Scalar.DATE;
import static dev.quarry.starrocks.StarRocksType.Scalar.INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialectTest {
    private final StarRocksDialect latest = StarRocksDialect.latest();

    @Test
    void identifiersAreBacktickQuotedWithBackticksDoubled() {
        assertThat(StarRocksDialect.quote("weird`name")).isEqualTo("`weird``name`");
        assertThat(StarRocksDialect.qualified("my db", "t`1")).isEqualTo("`my db`.`t``1`");
        assertThatThrownBy(() -> StarRocksDialect.quote("")).hasMessage("identifier is empty");
    }

    @Test
    void literalsEscapeQuotesAndBackslashes() {
        assertThat(StarRocksDialect.literal("it's")).isEqualTo("'it''s'");
        assertThat(StarRocksDialect.literal("C:\\temp\\")).isEqualTo("'C:\\\\temp\\\\'");
        assertThat(StarRocksDialect.literal("line1\nline2 😀")).isEqualTo("'line1\nline2 😀'");
        // A value ending in a backslash must not escape the closing quote.
        assertThat(StarRocksDialect.literal("\\'; DROP TABLE t; --")).isEqualTo("'\\\\''; DROP TABLE t; --'");
    }

    @Test
    void hostileNamesCannotBreakOutOfGeneratedDdl() {
        TableSpec t = TableSpec.builder("db", "t` (x INT); DROP TABLE y; --")
                .column(ColumnSpec.of("c`", INT).withComment("x' OR '1"))
                .property("k\"", "v\\\"")
                .build();
        assertThat(latest.createTable(t, false)).isEqualTo("""
                                                           CREATE TABLE `db`.`t`` (x INT); DROP TABLE y; --` (
                                                             `c``` INT NULL COMMENT 'x'' OR ''1'
                                                           )
                                                           PROPERTIES (
                                                             "k\\"" = "v\\\\\\""
                                                           )\
                                                           """);
    }

    @Test
    void dynamicOverwriteAndMaterializedViewActivation() {
        assertThat(latest.setDynamicOverwrite(true)).isEqualTo("SET dynamic_overwrite = true");
        assertThat(latest.setDynamicOverwrite(false)).isEqualTo("SET dynamic_overwrite = false");
        assertThatThrownBy(() -> StarRocksDialect.forVersion(StarRocksVersion.parse("3.3.9"))
                        .setDynamicOverwrite(true))
                .hasMessageContaining("needs StarRocks 3.4.0 or later; the target is 3.3.9");
        assertThat(latest.activateMaterializedView("quarry__s", "mv`1"))
                .isEqualTo("ALTER MATERIALIZED VIEW `quarry__s`.`mv``1` ACTIVE");
    }

    @Test
    void versionGatesNameTheFeatureAndTheRelease() {
        StarRocksDialect v32 = StarRocksDialect.forVersion(StarRocksVersion.parse("3.2.9"));
        TableSpec ordered = TableSpec.builder("db", "t")
                .column("a", INT)
                .column("b", INT)
                .orderBy("b")
                .build();
        assertThatThrownBy(() -> v32.createTable(ordered, false))
                .hasMessage(
                        "table db.t: ORDER BY on a DUPLICATE, AGGREGATE or UNIQUE KEY table needs StarRocks 3.3.0 or later; the target is 3.2.9");
        TableSpec pkOrdered = TableSpec.builder("db", "t")
                .column("a", INT)
                .column("b", INT)
                .primaryKey("a")
                .orderBy("b")
                .build();
        assertThat(v32.createTable(pkOrdered, false)).contains("ORDER BY(`b`)");

        ViewSpec secure = ViewSpec.of("db", "v", "SELECT 1").withSecurity(ViewSpec.Security.NONE);
        assertThatThrownBy(() -> StarRocksDialect.forVersion(StarRocksVersion.parse("3.4.0"))
                        .createView(secure, false))
                .hasMessage("view db.v: CREATE VIEW ... SECURITY needs StarRocks 3.4.1 or later; the target is 3.4.0");
        assertThat(StarRocksDialect.forVersion(StarRocksVersion.parse("3.4.1")).createView(secure, false))
                .contains("SECURITY NONE");

        TableSpec wide = TableSpec.builder("db", "t")
                .column("d", StarRocksType.decimal(50, 10))
                .build();
        assertThatThrownBy(() -> StarRocksDialect.forVersion(StarRocksVersion.parse("3.5.0"))
                        .createTable(wide, false))
                .hasMessage(
                        "table db.t, column d: DECIMAL with precision above 38 needs StarRocks 4.0.0 or later; the target is 3.5.0");
        assertThat(latest.createTable(wide, false)).contains("`d` DECIMAL(50, 10) NULL");

        TableSpec random = TableSpec.builder("db", "t")
                .column("a", INT)
                .distribution(Distribution.random())
                .build();
        assertThatThrownBy(() -> StarRocksDialect.forVersion(StarRocksVersion.parse("3.0.9"))
                        .createTable(random, false))
                .hasMessageContaining("DISTRIBUTED BY RANDOM needs StarRocks 3.1.0 or later");
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(StarRocksVersion.parse("3.10.0").atLeast(StarRocksVersion.parse("3.9.9")))
                .isTrue();
        assertThat(StarRocksVersion.parse("StarRocks version 2.5.3")).isEqualTo(new StarRocksVersion(2, 5, 3));
        assertThat(StarRocksVersion.parse("3.3.5-5ab9a8b")).isEqualTo(new StarRocksVersion(3, 3, 5));
        assertThat(StarRocksVersion.parse("4.0")).isEqualTo(new StarRocksVersion(4, 0, 0));
        assertThatThrownBy(() -> StarRocksVersion.parse("unknown")).hasMessage("not a StarRocks version: 'unknown'");
    }

    @Test
    void deleteNeverUsesBetweenAndAllConditionsAreAnded() {
        assertThat(latest.delete(
                        "db",
                        "t",
                        List.of(
                                Condition.eq("region", Literal.string("o'hare")),
                                Condition.lessThan("n", Literal.number(10)))))
                .isEqualTo("DELETE FROM `db`.`t` WHERE `region` = 'o''hare' AND `n` < 10");
    }

    @Test
    void insertLabelsAreChecked() {
        assertThatThrownBy(() -> latest.insertInto("db", "t", Optional.of("bad label!"), List.of(), "SELECT 1"))
                .hasMessageStartingWith("invalid load label 'bad label!'");
        assertThat(latest.insertOverwrite("db", "t", List.of("p20240101"), Optional.of("l1"), List.of("a"), "SELECT 1"))
                .isEqualTo("INSERT OVERWRITE `db`.`t` PARTITION(`p20240101`) WITH LABEL `l1` (`a`)\nSELECT 1");
    }

    @Test
    void staticAndMiscStatements() {
        assertThat(latest.setFrontendConfig("default_replication_num", "1"))
                .isEqualTo("ADMIN SET FRONTEND CONFIG (\"default_replication_num\" = \"1\")");
        assertThat(latest.setTableComment("db", "t", "a 'b'")).isEqualTo("ALTER TABLE `db`.`t` COMMENT = 'a ''b'''");
        assertThat(latest.setColumnComment("db", "t", "c", "x"))
                .isEqualTo("ALTER TABLE `db`.`t` MODIFY COLUMN `c` COMMENT 'x'");
        assertThat(latest.truncatePartitions("db", "t", List.of("p1", "p2")))
                .isEqualTo("TRUNCATE TABLE `db`.`t` PARTITION(`p1`, `p2`)");
        assertThat(latest.showLatestSchemaChange("db", "t'1"))
                .isEqualTo(
                        "SHOW ALTER TABLE COLUMN FROM `db` WHERE TableName = 't''1' ORDER BY CreateTime DESC LIMIT 1");
        assertThat(latest.refreshMaterializedView("db", "mv", false)).isEqualTo("REFRESH MATERIALIZED VIEW `db`.`mv`");
        assertThat(latest.addColumn(
                        "db",
                        "t",
                        ColumnSpec.of("ts", StarRocksType.Scalar.DATETIME)
                                .notNull()
                                .withDefault(ColumnSpec.Default.currentTimestamp())))
                .isEqualTo("ALTER TABLE `db`.`t` ADD COLUMN `ts` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP");
        assertThat(latest.dropColumn("db", "t", "a`b")).isEqualTo("ALTER TABLE `db`.`t` DROP COLUMN `a``b`");
        TableSpec auto = TableSpec.builder("db", "t")
                .column(ColumnSpec.of("id", BIGINT).withAutoIncrement())
                .column("d", DATE)
                .build();
        assertThat(latest.createTable(auto, false)).contains("`id` BIGINT NOT NULL AUTO_INCREMENT");
    }

    @Test
    void stagingTableKeepsEverythingButTheName() {
        TableSpec t = GoldenDdl.userEventsInc();
        TableSpec staging = t.withName("golden", "user_events_inc__tmp");
        assertThat(latest.createTable(staging, false))
                .isEqualTo(latest.createTable(t, false).replace("`user_events_inc`", "`user_events_inc__tmp`"));
    }
}
