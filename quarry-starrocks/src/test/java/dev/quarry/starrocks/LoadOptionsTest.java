package dev.quarry.starrocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void columnsAreBackquotedSoReservedWordsSurviveStarRocksGrammar() {
        assertThat(LoadOptions.csv()
                        .withColumns(List.of("order", "key", "desc", "id"))
                        .headers())
                .containsEntry("columns", "`order`, `key`, `desc`, `id`");
    }

    @Test
    void headersInTheOrderGiven() {
        LoadOptions o = LoadOptions.csv()
                .withColumnSeparator("|")
                .withColumns(List.of("id", "order date", "x`y"))
                .withEnclose('"')
                .withMaxFilterRatio(0.1)
                .withStrictMode(true)
                .withTimezone(ZoneId.of("UTC"))
                .withTimeout(Duration.ofMinutes(20))
                .withPartialUpdate(true)
                .withHeader("skip_header", "1");
        assertThat(o.headers())
                .containsExactly(
                        java.util.Map.entry("format", "csv"),
                        java.util.Map.entry("column_separator", "|"),
                        java.util.Map.entry("columns", "`id`, `order date`, `x``y`"),
                        java.util.Map.entry("enclose", "\""),
                        java.util.Map.entry("max_filter_ratio", "0.1"),
                        java.util.Map.entry("strict_mode", "true"),
                        java.util.Map.entry("timezone", "UTC"),
                        java.util.Map.entry("timeout", "1200"),
                        java.util.Map.entry("partial_update", "true"),
                        java.util.Map.entry("skip_header", "1"));
    }

    @Test
    void controlCharacterDelimitersAreWrittenInHex() {
        // Header values cannot carry a tab or newline; StarRocks reads \xHH.
        assertThat(LoadOptions.csv().withColumnSeparator("\t").headers()).containsEntry("column_separator", "\\x09");
        assertThat(LoadOptions.csv().withRowDelimiter("\u0002\n").headers())
                .containsEntry("row_delimiter", "\\x02\\x0A");
    }

    @Test
    void invalidOptionsAreRefusedWithTheirRule() {
        assertThatThrownBy(() -> LoadOptions.csv().withMaxFilterRatio(1.5))
                .hasMessage("max_filter_ratio must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> LoadOptions.csv().withTimeout(Duration.ofDays(4)))
                .hasMessage("Stream Load timeout must be 1 to 259200 seconds, got 345600");
        assertThatThrownBy(() -> LoadOptions.csv().withHeader("Authorization", "Basic x"))
                .hasMessage("header Authorization is set by the Stream Load client itself");
        assertThatThrownBy(() -> LoadOptions.csv().withHeader("label", "x"))
                .hasMessage("header label is set by the Stream Load client itself");
        assertThatThrownBy(() -> LoadOptions.csv().withHeader("where", "a = 1\r\nX-Evil: 1"))
                .hasMessage("header where must not contain a line break");
        assertThatThrownBy(() -> LoadOptions.csv().withColumnSeparator("x".repeat(51)))
                .hasMessage("column_separator must be 1 to 50 bytes");
        assertThatThrownBy(() -> LoadOptions.json().withColumns(List.of())).hasMessage("columns must not be empty");
    }

    @Test
    void loaderRefusesCredentialsInTheUrlAndBadNames() {
        assertThatThrownBy(() -> StreamLoader.builder(java.net.URI.create("http://root:pw@fe:8030"), "root", "pw"))
                .hasMessage("the FE URL must not contain credentials; pass user and password separately");
        assertThatThrownBy(() -> StreamLoader.builder(java.net.URI.create("ftp://fe:8030"), "root", ""))
                .hasMessage("the FE URL must be http://host:port, got ftp://fe:8030");
        StreamLoader loader = StreamLoader.builder(java.net.URI.create("http://127.0.0.1:1"), "root", "")
                .maxAttempts(1)
                .build();
        assertThatThrownBy(() -> loader.load("db", "a/b", "l1", LoadOptions.csv(), LoadBody.of(new byte[1])))
                .hasMessage("invalid table name 'a/b' for Stream Load");
        assertThatThrownBy(() -> loader.load("db", "t", "no spaces", LoadOptions.csv(), LoadBody.of(new byte[1])))
                .hasMessageStartingWith("invalid load label 'no spaces'");
    }

    @Test
    void anUnreachableFrontendIsRetriedThenReported() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        StreamLoader loader = StreamLoader.builder(
                        java.net.URI.create("http://127.0.0.1:" + closedPort), "root", "pw-not-shown")
                .maxAttempts(2)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(10))
                .build();
        assertThatThrownBy(() -> loader.load(
                        "db",
                        "t",
                        "l1",
                        LoadOptions.csv(),
                        LoadBody.of("1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(StreamLoadException.class, e -> {
                    assertThat(e.getMessage())
                            .startsWith("Stream Load into db.t (label l1): ConnectException")
                            .endsWith("(gave up after 2 attempts)")
                            .doesNotContain("pw-not-shown");
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isEqualTo("TRANSPORT");
                });
    }
}
