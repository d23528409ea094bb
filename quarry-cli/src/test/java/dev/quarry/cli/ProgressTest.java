package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void progressReadsLikeSlings() {
        assertThat(Progress.text(1_234_567, 120_400_000, 12_000_000_000L))
                .isEqualTo("12s 1,234,567 rows 102,881 r/s 120 MB");
        assertThat(Progress.text(0, 0, 0)).isEqualTo("0s 0 rows 0 r/s 0 B");
        assertThat(Progress.bytesText(5_300_000)).isEqualTo("5.3 MB");
    }
}
