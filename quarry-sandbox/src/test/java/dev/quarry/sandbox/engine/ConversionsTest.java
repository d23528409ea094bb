package dev.quarry.sandbox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Text → value rules of the load hot path (docs/starrocks.md §4 ranges; DATETIME has no zone). */
class ConversionsTest {

    @Test
    void epochDayMatchesTheCalendarAcrossTheWholeRange() {
        for (LocalDate d = LocalDate.of(0, 1, 1); d.getYear() <= 9999; d = d.plusDays(97)) {
            assertThat(Dates.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
                    .as(d.toString())
                    .isEqualTo(d.toEpochDay());
        }
    }

    private static String datetime(String text) {
        long micros = Dates.parse(text, false);
        if (micros == Long.MIN_VALUE) {
            return null;
        }
        return Values.datetime(LocalDateTime.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000, ZoneOffset.UTC));
    }

    @Test
    void datetimeTextForms() {
        assertThat(datetime("2024-03-10 02:30:00")).isEqualTo("2024-03-10 02:30:00");
        assertThat(datetime("2024-03-10T02:30:00.5")).isEqualTo("2024-03-10 02:30:00.500000");
        assertThat(datetime("2024/3/1 1:02:03")).isEqualTo("2024-03-01 01:02:03");
        assertThat(datetime("20240301")).isEqualTo("2024-03-01 00:00:00");
        assertThat(datetime("20240301123456")).isEqualTo("2024-03-01 12:34:56");
        assertThat(datetime("0000-01-01 00:00:00")).isEqualTo("0000-01-01 00:00:00");
        assertThat(datetime("2023-02-29")).isNull();
        assertThat(datetime("2024-01-01 24:00:00")).isNull();
        assertThat(datetime("10000-01-01")).isNull();
        assertThat(datetime("yesterday")).isNull();
    }

    @Test
    void decimalsRoundHalfUpAndRejectOverflow() {
        FieldSlot slot = new FieldSlot(ColumnType.decimal(6, 2), "d");
        assertThat(slot.parse("1234.565")).isNull();
        assertThat(slot.parse("9999.99")).isNull();
        assertThat(slot.parse("9999.995"))
                .isEqualTo("Value '9999.995' is out of range for column 'd' of type decimal(6, 2)");
        assertThat(slot.parse("12345")).contains("out of range");
        assertThat(slot.parse("1e3")).isNull();
        assertThat(slot.parse("abc")).isEqualTo("Value 'abc' is invalid for column 'd' of type decimal(6, 2)");
    }

    @Test
    void integersCheckTheirRange() {
        FieldSlot tiny = new FieldSlot(ColumnType.of(SqlType.TINYINT), "t");
        assertThat(tiny.parse("127")).isNull();
        assertThat(tiny.parse("128")).isEqualTo("Value '128' is out of range for column 't' of type tinyint(4)");
        assertThat(tiny.parse("1.0")).isEqualTo("Value '1.0' is invalid for column 't' of type tinyint(4)");
        FieldSlot big = new FieldSlot(ColumnType.of(SqlType.BIGINT), "b");
        assertThat(big.parse("-9223372036854775808")).isNull();
        assertThat(big.parse("9223372036854775808")).contains("out of range");
        FieldSlot s = new FieldSlot(ColumnType.varchar(4), "s");
        assertThat(s.parse("éé")).isNull();
        assertThat(s.parse("ééé")).startsWith("The length of input is too long than schema. column: s");
    }
}
