package dev.quarry.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpRequestTest {

    private static HttpRequest parse(String wire) throws Exception {
        return HttpRequest.read(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parsesTargetHeadersCaseInsensitivelyAndTheBody() throws Exception {
        HttpRequest r = parse("put /api/db%201/t/_stream_load?label=a%2Bb&flag HTTP/1.1\r\n"
                + "Label: L1\r\nexpect: 100-continue\r\nContent-Length: 3\r\n\r\nabcEXTRA");
        assertThat(r.method).isEqualTo("PUT");
        assertThat(r.path).isEqualTo("/api/db 1/t/_stream_load");
        assertThat(r.query).containsEntry("label", "a+b").containsEntry("flag", "");
        assertThat(r.header("LABEL")).isEqualTo("L1");
        assertThat(r.expectsContinue()).isTrue();
        assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
    }

    @Test
    void chunkedWinsOverContentLength() throws Exception {
        HttpRequest r = parse("""
                              PUT /x HTTP/1.1\r
                              Transfer-Encoding: chunked\r
                              Content-Length: 99\r
                              \r
                              3\r
                              abc\r
                              0\r
                              \r
                              """);
        assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
    }

    @Test
    void noBodyFramingMeansAnEmptyBody() throws Exception {
        HttpRequest r = parse("PUT /x HTTP/1.1\r\nHost: h\r\n\r\n");
        assertThat(r.body().readAllBytes()).isEmpty();
        assertThat(r.expectsContinue()).isFalse();
    }

    @Test
    void malformedOrOversizedHeadsAreBadRequests() throws Exception {
        assertThatThrownBy(() -> parse("GARBAGE\r\n\r\n")).isInstanceOf(HttpRequest.BadRequest.class);
        assertThatThrownBy(() -> parse("GET / HTTP/1.1\r\nNoColonHere\r\n\r\n"))
                .isInstanceOf(HttpRequest.BadRequest.class);
        assertThatThrownBy(() -> parse("GET / HTTP/1.1\r\nX: " + "y".repeat(70_000) + "\r\n\r\n"))
                .isInstanceOf(HttpRequest.BadRequest.class);
        assertThatThrownBy(() ->
                        parse("PUT / HTTP/1.1\r\nContent-Length: -1\r\n\r\n").body())
                .isInstanceOf(HttpRequest.BadRequest.class);
        assertThat(parse("")).isNull();
    }
}
