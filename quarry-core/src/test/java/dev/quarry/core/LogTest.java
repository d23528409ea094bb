package dev.quarry.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-08T07:05:09Z"), ZoneId.of("UTC"));

    @AfterEach
    void reset() {
        Log.configure(System.err, false, Clock.system(ZoneId.systemDefault()));
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void linesHaveTimeLevelAndMessage() {
        Log.configure(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, clock);
        Log.info("connecting");
        Log.warn("slow");
        Log.error("failed");
        Log.debug("hidden");
        Log.sql("select 1");
        assertThat(output()).isEqualTo("07:05:09 INF connecting\n07:05:09 WRN slow\n07:05:09 ERR failed\n");
    }

    @Test
    void debugShowsSqlAndHttpWithoutSecrets() {
        Log.configure(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, clock);
        Log.sql("  CREATE USER x IDENTIFIED BY 'abc'");
        Log.sql("ALTER ROLE q WITH LOGIN PASSWORD 'it''s'");
        Log.http("PUT", URI.create("http://root:Pw12345@fe:8030/api/db/t/_stream_load"));
        Log.debug("connecting to postgresql://u:Pw12345@h/db");
        assertThat(output()).isEqualTo("""
                07:05:09 DBG SQL: CREATE USER x IDENTIFIED BY '****'
                07:05:09 DBG SQL: ALTER ROLE q WITH LOGIN PASSWORD '****'
                07:05:09 DBG HTTP: PUT http://fe:8030/api/db/t/_stream_load
                07:05:09 DBG connecting to postgresql://u:****@h/db
                """);
    }
}
