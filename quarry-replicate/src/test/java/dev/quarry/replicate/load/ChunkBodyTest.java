package dev.quarry.replicate.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkBodyTest {
    /** A source that, like the COPY reader, yields at most one short row per read and counts how often it is read. */
    private static final class Rows extends InputStream {
        private final ByteArrayInputStream data;
        int reads;

        Rows(byte[] bytes) {
            data = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            reads++;
            return data.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            reads++;
            return data.read(b, off, Math.min(len, 37));
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void anAbandonedAttemptIsResentWholeAndTheSourceIsReadOnce() throws IOException {
        byte[] data = bytes(200_000);
        Rows rows = new Rows(data);
        ChunkBody body = new ChunkBody(rows);
        try (InputStream first = body.open()) {
            assertThat(first.readNBytes(70_000)).isEqualTo(java.util.Arrays.copyOf(data, 70_000));
        }
        int readsSoFar = rows.reads;
        try (InputStream second = body.open()) {
            assertThat(second.readAllBytes()).isEqualTo(data);
        }
        try (InputStream third = body.open()) {
            assertThat(third.readAllBytes())
                    .as("a further resend needs no source")
                    .isEqualTo(data);
        }
        assertThat(rows.reads).isGreaterThan(readsSoFar);
        assertThat(rows.read()).as("source consumed exactly").isEqualTo(-1);
    }

    @Test
    void readsGatherManyRowsPerCall() throws IOException {
        ChunkBody body = new ChunkBody(new Rows(bytes(100_000)));
        byte[] buf = new byte[64 * 1024];
        assertThat(body.open().read(buf, 0, buf.length))
                .as("a full HTTP chunk, not one row")
                .isEqualTo(buf.length);
    }

    @Test
    void chunksOfExactlyTheBufferSizeAndEmptyChunksComeBackUnchanged() throws IOException {
        for (int n : new int[] {0, 1, 64 * 1024, 64 * 1024 + 1, 128 * 1024}) {
            byte[] data = bytes(n);
            assertThat(new ChunkBody(new Rows(data)).open().readAllBytes())
                    .as(n + " bytes")
                    .isEqualTo(data);
        }
    }

    @Test
    void aReusedArrayCarriesNoBytesOfTheChunkBefore() throws IOException {
        byte[] big = bytes(300_000);
        ChunkBody first = new ChunkBody(new Rows(big));
        assertThat(first.open().readAllBytes()).isEqualTo(big);
        byte[] small = bytes(1000);
        ChunkBody second = new ChunkBody(new Rows(small), first.buffer());
        assertThat(second.buffer()).as("the grown array is taken over").isSameAs(first.buffer());
        assertThat(second.open().readAllBytes()).isEqualTo(small);
        assertThat(second.open().readAllBytes()).as("resent").isEqualTo(small);
    }
}
