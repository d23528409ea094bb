package dev.quarry.starrocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadBodyTest {

    private static byte[] row(long i) {
        return (i + ",row-" + i + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void producerBodyDeliversEveryByteInOrderAndCanBeReopened() throws Exception {
        long rows = 500_000;
        LoadBody body = LoadBody.fromProducer(
                out -> {
                    for (long i = 0; i < rows; i++) {
                        out.write(row(i)); // small unflushed writes: the pipe must not stall on them
                    }
                },
                64 * 1024);
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        long expectedBytes = 0;
        for (long i = 0; i < rows; i++) {
            byte[] r = row(i);
            expected.update(r);
            expectedBytes += r.length;
        }
        String want = HexFormat.of().formatHex(expected.digest());
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            MessageDigest got = MessageDigest.getInstance("SHA-256");
            long bytes = 0;
            try (InputStream in = body.open()) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    got.update(buf, 0, n);
                    bytes += n;
                }
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("LoadBodyTest: %d bytes through a 64 KiB producer pipe in %d ms%n", bytes, ms);
            assertThat(bytes).isEqualTo(expectedBytes);
            assertThat(HexFormat.of().formatHex(got.digest())).isEqualTo(want);
        }
    }

    @Test
    void producerFailureSurfacesAtTheReaderInsteadOfAShortBody() {
        LoadBody body = LoadBody.fromProducer(
                out -> {
                    out.write(row(1));
                    throw new IOException("COPY aborted by the source");
                },
                4096);
        assertThatThrownBy(() -> {
                    try (InputStream in = body.open()) {
                        in.readAllBytes();
                    }
                })
                .isInstanceOf(IOException.class)
                .hasMessage("the load body could not be produced: COPY aborted by the source");
    }

    @Test
    void closingTheReaderStopsTheProducer() throws Exception {
        AtomicInteger written = new AtomicInteger();
        Thread[] producerThread = new Thread[1];
        LoadBody body = LoadBody.fromProducer(
                out -> {
                    producerThread[0] = Thread.currentThread();
                    while (true) {
                        out.write(new byte[1024]);
                        written.incrementAndGet();
                    }
                },
                8192);
        try (InputStream in = body.open()) {
            assertThat(in.read(new byte[100])).isPositive();
        }
        await("the producer stops")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> producerThread[0] != null && !producerThread[0].isAlive());
        assertThat(producerThread[0].isAlive()).isFalse();
        // Bounded: the producer got at most a few buffers ahead of a reader that read 100 bytes.
        assertThat(written.get()).isLessThan(64);
    }

    @Test
    void tinyBuffersAreRejected() {
        assertThatThrownBy(() -> LoadBody.fromProducer(out -> {}, 100))
                .hasMessage("pipe buffer must be at least 4096 bytes, got 100");
    }
}
