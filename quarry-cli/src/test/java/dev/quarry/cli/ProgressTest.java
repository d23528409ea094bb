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

    @Test
    void anEstimatedTotalGivesAShareAndAnEta() {
        // 250,000 of 1,000,000 rows in 5 s: 50,000 r/s, 750,000 to go.
        assertThat(Progress.share(250_000, 1_000_000, 5_000_000_000L)).isEqualTo(" 25% ETA 15s");
        assertThat(Progress.share(100, 1_000_000, 1_000_000_000L)).isEqualTo(" 0% ETA 2h46m");
        assertThat(Progress.share(10, -1, 1_000_000_000L)).as("no estimate").isEmpty();
        assertThat(Progress.share(2_000, 1_000, 1_000_000_000L))
                .as("a low estimate")
                .isEmpty();
        assertThat(Progress.duration(185)).isEqualTo("3m05s");
    }

    @Test
    void withoutATerminalARunningStreamIsLoggedPeriodically() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        dev.quarry.core.Log.configure(
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
                false,
                java.time.Clock.systemUTC());
        dev.quarry.replicate.source.ReadProgress counters = new dev.quarry.replicate.source.ReadProgress();
        counters.expect(10);
        counters.add(100);
        try (Progress progress = Progress.logging(50);
                Progress.Tracked tracked = progress.track("shop.orders", counters)) {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> err.toString(java.nio.charset.StandardCharsets.UTF_8)
                            .contains("stream shop.orders: "));
        }
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("1 rows")
                .contains("100 B (10% ETA ");
    }
}
