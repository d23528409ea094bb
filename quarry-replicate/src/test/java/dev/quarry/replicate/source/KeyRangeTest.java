package dev.quarry.replicate.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyRangeTest {
    @Test
    void numericRangesSplitIntoHalfOpenPieces() {
        assertThat(KeyRange.split("1", "500", "200", "s"))
                .containsExactly(
                        new KeyRange("1", "201", false),
                        new KeyRange("201", "401", false),
                        new KeyRange("401", "500", true));
        assertThat(KeyRange.split("5", "5", "10", "s")).containsExactly(new KeyRange("5", "5", true));
    }

    @Test
    void dateRangesSplitByDuration() {
        assertThat(KeyRange.split("2026-01-01", "2026-01-20", "7d", "s"))
                .containsExactly(
                        new KeyRange("2026-01-01 00:00:00.000000", "2026-01-08 00:00:00.000000", false),
                        new KeyRange("2026-01-08 00:00:00.000000", "2026-01-15 00:00:00.000000", false),
                        new KeyRange("2026-01-15 00:00:00.000000", "2026-01-20 00:00:00.000000", true));
        assertThat(KeyRange.split("2026-01-31 12:00:00", "2026-03-01", "1m", "s"))
                .extracting(KeyRange::low)
                .containsExactly("2026-01-31 12:00:00.000000", "2026-02-28 12:00:00.000000");
        assertThat(KeyRange.split("2026-01-01 00:00:00", "2026-01-01 23:59:59", "12h", "s"))
                .hasSize(2);
    }

    @Test
    void mismatchedRangesAreConfigErrors() {
        assertThatThrownBy(() -> KeyRange.split("2026-01-01", "2026-02-01", "100", "public.t"))
                .hasMessage(
                        "stream public.t: chunk_size 100 needs a numeric range, got '2026-01-01,2026-02-01' (use a duration such as 7d for dates)");
        assertThatThrownBy(() -> KeyRange.split("1", "100", "7d", "public.t"))
                .hasMessage("stream public.t: chunk_size 7d needs a date or timestamp range, got '1'");
    }
}
