package dev.quarry.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultFormatTest {
    private static final ResultTable COUNTS = new ResultTable(
            List.of(new ResultTable.Column("t", false), new ResultTable.Column("n", true)),
            List.of(List.of("users", 10000L), List.of("orders", 60000L), Arrays.asList("events", null)),
            false);

    @Test
    void tableIsBoxedWithTheServersHeadersAndRightAlignedNumbers() {
        assertThat(ResultFormat.TABLE.render(COUNTS)).isEqualTo("""
                +--------+-------+
                | t      | n     |
                +--------+-------+
                | users  | 10000 |
                | orders | 60000 |
                | events |  NULL |
                +--------+-------+
                """);
    }

    @Test
    void emptyResultShowsOnlyTheHeader() {
        ResultTable empty = ResultTable.of(List.of("id"), List.of());
        assertThat(ResultFormat.TABLE.render(empty)).isEqualTo("+----+\n| id |\n+----+\n");
    }

    @Test
    void multibyteTextAndNewlinesKeepTheBoxAligned() {
        ResultTable t = ResultTable.of(List.of("name"), List.of(List.of("Zoë"), List.of("a\nb")));
        assertThat(ResultFormat.TABLE.render(t)).isEqualTo("""
                +------+
                | name |
                +------+
                | Zoë  |
                | a\\nb |
                +------+
                """);
    }

    @Test
    void longCellsAreCut() {
        ResultTable t = ResultTable.of(List.of("v"), List.of(List.of("x".repeat(200))));
        String line = ResultFormat.TABLE.render(t).split("\n", -1)[3];
        assertThat(line).isEqualTo("| " + "x".repeat(ResultFormat.MAX_CELL_WIDTH - 3) + "... |");
    }

    @Test
    void csvQuotesWhenNeededAndKeepsNullDistinctFromEmpty() {
        ResultTable t = ResultTable.of(
                List.of("id", "note"),
                List.of(List.of(1, "plain"), List.of(2, "a, \"b\""), Arrays.asList(3, null), List.of(4, "")));
        assertThat(ResultFormat.CSV.render(t))
                .isEqualTo("id,note\r\n1,plain\r\n2,\"a, \"\"b\"\"\"\r\n3,\r\n4,\"\"\r\n");
    }

    @Test
    void jsonKeepsNumbersBooleansAndNulls() {
        ResultTable t = ResultTable.of(
                List.of("id", "amount", "ok", "note"),
                List.of(Arrays.asList(1L, new BigDecimal("351.330000"), true, null)));
        assertThat(ResultFormat.JSON.render(t).replaceAll("\\s+", ""))
                .isEqualTo("[{\"id\":1,\"amount\":351.330000,\"ok\":true,\"note\":null}]");
    }
}
