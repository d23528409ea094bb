package dev.quarry.replicate.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.replicate.config.Mode;
import dev.quarry.replicate.plan.TargetTable;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamResultTest {
    private static StreamResult result(long rows, long bytes, Duration elapsed) {
        return new StreamResult(
                "demo.orders",
                new TargetTable(Optional.of("demo"), "orders"),
                Mode.FULL_REFRESH,
                rows,
                rows,
                bytes,
                1,
                elapsed);
    }

    @Test
    void summaryHasSlingsShape() {
        assertThat(result(60000, 5_300_000, Duration.ofMillis(2628)).summary())
                .isEqualTo("inserted 60000 rows into demo.orders in 2 secs [22,831 r/s] [5.3 MB]");
        assertThat(result(10000, 1_100_000, Duration.ofMillis(1066)).summary())
                .isEqualTo("inserted 10000 rows into demo.orders in 1 secs [9,381 r/s] [1.1 MB]");
        assertThat(result(0, 0, Duration.ofMillis(80)).summary())
                .isEqualTo("inserted 0 rows into demo.orders in 0 secs");
        assertThat(StreamResult.siBytes(216_000)).isEqualTo("216 kB");
        assertThat(StreamResult.siBytes(999)).isEqualTo("999 B");
    }
}
