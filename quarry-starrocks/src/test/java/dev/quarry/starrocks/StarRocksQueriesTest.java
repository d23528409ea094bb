package dev.quarry.starrocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queries StarRocksQueries renders: checkpoints and counts, and the wrappers around a model's own query. */
class StarRocksQueriesTest {
    private static final List<Condition> JANUARY = List.of(
            Condition.atLeast("ds", Literal.date(LocalDate.of(2024, 1, 1))),
            Condition.lessThan("ds", Literal.date(LocalDate.of(2024, 2, 1))));

    @Test
    void checkpointsAndCountsQuoteEveryName() {
        assertThat(StarRocksQueries.countRows("db", "t`x")).isEqualTo("SELECT COUNT(*) FROM `db`.`t``x`");
        assertThat(StarRocksQueries.selectMax("db", "t", "id", false)).isEqualTo("SELECT MAX(`id`) FROM `db`.`t`");
        assertThat(StarRocksQueries.selectMax("db", "t", "at", true))
                .isEqualTo("SELECT DATE_FORMAT(MAX(`at`), '%Y-%m-%d %H:%i:%s.%f') FROM `db`.`t`");
        assertThat(StarRocksQueries.showPartitions("db", "t")).isEqualTo("SHOW PARTITIONS FROM `db`.`t`");
        assertThat(StarRocksQueries.selectOne()).isEqualTo("SELECT 1");
        assertThat(StarRocksQueries.selectVersionComment()).isEqualTo("SELECT @@version_comment");
    }

    @Test
    void rangesAreTwoComparisonsNeverBetween() {
        assertThat(StarRocksQueries.filter("SELECT 1 AS ds", JANUARY))
                .isEqualTo(
                        "SELECT * FROM (\nSELECT 1 AS ds\n) AS __quarry_batch\nWHERE `ds` >= '2024-01-01' AND `ds` < '2024-02-01'");
        assertThat(StarRocksQueries.rowsWhere("db", "t", JANUARY))
                .isEqualTo("(SELECT * FROM `db`.`t` WHERE `ds` >= '2024-01-01' AND `ds` < '2024-02-01')");
    }

    @Test
    void onePerKeyKeepsTheColumnsInOrder() {
        assertThat(StarRocksQueries.onePerKey("SELECT * FROM src", List.of("id"), List.of("id", "v")))
                .isEqualTo("""
                SELECT `id`, `v` FROM (
                  SELECT *, ROW_NUMBER() OVER (PARTITION BY `id` ORDER BY `id`) AS __quarry_rn
                  FROM (
                SELECT * FROM src
                  ) AS __quarry_src
                ) AS __quarry_dedup
                WHERE __quarry_rn = 1""");
        assertThat(StarRocksQueries.onePerKey("q", List.of("a", "b"), List.of()))
                .startsWith("SELECT * FROM (");
    }

    @Test
    void wrappersOfAQuery() {
        assertThat(StarRocksQueries.countRows("SELECT 1"))
                .isEqualTo("SELECT COUNT(*) FROM (\nSELECT 1\n) AS __quarry_count");
        assertThat(StarRocksQueries.noRows("SELECT 1"))
                .isEqualTo("SELECT * FROM (\nSELECT 1\n) AS __quarry_probe LIMIT 0");
        assertThat(StarRocksQueries.selectAll("quarry__s", "s__t__0123456789"))
                .isEqualTo("SELECT * FROM `quarry__s`.`s__t__0123456789`");
        assertThat(StarRocksQueries.fromItem(StarRocksQueries.derivedTable("SELECT 1"), "x"))
                .isEqualTo("(SELECT 1) AS x");
        assertThat(StarRocksQueries.fromItem("`db`.`t`", "x")).isEqualTo("`db`.`t`");
    }

    @Test
    void valuesAreConstants() {
        assertThat(StarRocksQueries.values(
                        List.of(Arrays.asList(1L, null, true, "it's"), Arrays.asList(2.5, "x", false, "\\"))))
                .isEqualTo("VALUES (1, NULL, TRUE, 'it''s'), (2.5, 'x', FALSE, '\\\\')");
    }
}
