package dev.quarry.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkedInputStreamTest {

    @Test
    void decodesChunksExtensionsAndTrailers() throws IOException {
        String wire = "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: y\r\n\r\nNEXT";
        ByteArrayInputStream raw = new ByteArrayInputStream(wire.getBytes(StandardCharsets.US_ASCII));
        ChunkedInputStream in = new ChunkedInputStream(raw);
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello, world");
        assertThat(new String(raw.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("NEXT");
    }

    @Test
    void truncatedBodyIsAnError() {
        ChunkedInputStream in =
                new ChunkedInputStream(new ByteArrayInputStream("a\r\nhel".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
    }

    @Test
    void fixedLengthBodyShorterThanAnnouncedUsesTheBeWording() {
        FixedLengthInputStream in =
                new FixedLengthInputStream(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)), 10);
        assertThatThrownBy(in::readAllBytes).hasMessage("receive body don't equal with body bytes");
    }
}
