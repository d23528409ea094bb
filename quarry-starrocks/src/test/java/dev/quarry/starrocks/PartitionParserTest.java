package dev.quarry.starrocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SQLMesh's partitions strings are read into specs and rendered back by construction. */
class PartitionParserTest {

    @Test
    void seedRangePartitions() {
        assertThat(PartitionSpec.RangePartition.parse(
                        "PARTITION p20240101 VALUES [(\"2024-01-01\"), (\"2024-01-02\"))"))
                .isEqualTo(
                        PartitionSpec.RangePartition.fixed("p20240101", List.of("2024-01-01"), List.of("2024-01-02")));
        assertThat(PartitionSpec.RangePartition.parse("partition `p 1` values less than ('2024-01-01', '5')"))
                .isEqualTo(PartitionSpec.RangePartition.lessThan("p 1", List.of("2024-01-01", "5")));
        assertThat(PartitionSpec.RangePartition.parse("PARTITION pmax VALUES LESS THAN MAXVALUE"))
                .isEqualTo(PartitionSpec.RangePartition.lessThan("pmax", List.of()));
        assertThat(PartitionSpec.RangePartition.parse("PARTITION pmax VALUES LESS THAN (MAXVALUE)"))
                .isEqualTo(PartitionSpec.RangePartition.lessThan("pmax", List.of()));
        assertThat(PartitionSpec.RangePartition.parse(
                        "START (\"2024-01-01\") END (\"2024-02-01\") EVERY (INTERVAL 1 day)"))
                .isEqualTo(
                        PartitionSpec.RangePartition.batch("2024-01-01", "2024-02-01", 1, Optional.of(TimeUnit.DAY)));
        assertThat(PartitionSpec.RangePartition.parse("START (1) END (100) EVERY (10)"))
                .isEqualTo(PartitionSpec.RangePartition.batch("1", "100", 10, Optional.empty()));
    }

    @Test
    void listPartitions() {
        assertThat(PartitionSpec.ListPartition.parse("PARTITION p_eu VALUES IN (\"de\", 'fr')"))
                .isEqualTo(PartitionSpec.ListPartition.of("p_eu", "de", "fr"));
        assertThat(PartitionSpec.ListPartition.parse("PARTITION p1 VALUES IN ((\"de\", 1), (\"fr\", 2))")
                        .values())
                .containsExactly(List.of("de", "1"), List.of("fr", "2"));
    }

    @Test
    void pastedSqlCannotSmuggleStatements() {
        assertThatThrownBy(() ->
                        PartitionSpec.RangePartition.parse("PARTITION p VALUES LESS THAN (\"1\")); DROP TABLE x; --"))
                .hasMessageStartingWith(
                        "invalid partition 'PARTITION p VALUES LESS THAN (\"1\")); DROP TABLE x; --': unexpected ')'");
        assertThatThrownBy(() -> PartitionSpec.RangePartition.parse("PARTITION p VALUES LESS THAN (now())"))
                .hasMessageContaining("expected a quoted value or a number, got 'now'");
        assertThatThrownBy(() -> PartitionSpec.ListPartition.parse("PARTITION p VALUES IN (\"a\""))
                .hasMessageEndingWith("expected ')'");
    }

    @Test
    void parsedPartitionsRenderAsStarRocksWritesThem() {
        String sql = StarRocksDialect.latest()
                .partitionClause(
                        PartitionSpec.range(
                                List.of("dt"),
                                List.of(PartitionSpec.RangePartition.parse(
                                        "PARTITION p1 VALUES [('2024-01-01'), ('2024-01-02'))"))),
                        "t");
        assertThat(sql)
                .isEqualTo(
                        "PARTITION BY RANGE(`dt`) (\n  PARTITION `p1` VALUES [(\"2024-01-01\"), (\"2024-01-02\"))\n)");
    }

    @Test
    void seedExpressionLists() {
        assertThat(PartitionSpec.parseExpressions("(date_trunc('day', col2), col3)"))
                .isEqualTo(PartitionSpec.expressions(
                        PartitionSpec.PartitionExpr.dateTrunc(TimeUnit.DAY, "col2"),
                        PartitionSpec.PartitionExpr.column("col3")));
        assertThat(PartitionSpec.parseExpressions("DATE_TRUNC(\"month\", `event time`)"))
                .isEqualTo(
                        PartitionSpec.expressions(PartitionSpec.PartitionExpr.dateTrunc(TimeUnit.MONTH, "event time")));
        assertThat(PartitionSpec.parseExpressions("time_slice(ts, INTERVAL 6 hour), region"))
                .isEqualTo(PartitionSpec.expressions(
                        PartitionSpec.PartitionExpr.timeSlice("ts", 6, TimeUnit.HOUR),
                        PartitionSpec.PartitionExpr.column("region")));
        assertThatThrownBy(() -> PartitionSpec.parseExpressions("from_unixtime(ts)"))
                .hasMessage(
                        "unsupported partition expression 'from_unixtime(ts)': expected a column, date_trunc('unit', column) "
                                + "or time_slice(column, INTERVAL n unit)");
        assertThatThrownBy(() -> PartitionSpec.parseExpressions("date_trunc('fortnight', ts)"))
                .hasMessage("partition expression 'date_trunc('fortnight', ts)': unknown time unit 'fortnight'");
    }
}
