package dev.quarry.models.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimesTest {
    // 01:30 UTC is still the previous evening in America/Bahia_Banderas (UTC-6): the day must come from UTC.
    private static final Instant NOW = Instant.parse("2024-03-10T01:30:00Z");

    @Test
    void absoluteAndRelativeTimesAreUtc() {
        assertThat(Times.parse("2024-01-01", NOW)).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(Times.parse("2024-01-01 12:34:56", NOW)).isEqualTo(Instant.parse("2024-01-01T12:34:56Z"));
        assertThat(Times.parse("2024-01-01T12:34:56.123456", NOW))
                .isEqualTo(Instant.parse("2024-01-01T12:34:56.123456Z"));
        assertThat(Times.parse("1704067200000", NOW)).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(Times.parse("now", NOW)).isEqualTo(NOW);
        assertThat(Times.parse("today", NOW)).isEqualTo(Instant.parse("2024-03-10T00:00:00Z"));
        assertThat(Times.parse("Yesterday", NOW)).isEqualTo(Instant.parse("2024-03-09T00:00:00Z"));
        assertThat(Times.parse("1 week ago", NOW)).isEqualTo(Instant.parse("2024-03-03T01:30:00Z"));
        assertThat(Times.parse("2 months ago", NOW)).isEqualTo(Instant.parse("2024-01-10T01:30:00Z"));
        assertThatThrownBy(() -> Times.parse("2024-13-01", NOW)).hasMessage("not a time: '2024-13-01'");
    }

    @Test
    void modelsExposeStartAndEnd() {
        Model m = new ModelReader("models/t.sql", Map.of(), new ArrayList<>())
                .read("MODEL (name a.b, kind FULL, start '1 day ago', end '2024-03-31'); SELECT 1");
        assertThat(m.startAt(NOW)).contains(Instant.parse("2024-03-09T01:30:00Z"));
        assertThat(m.endAt(NOW)).contains(Instant.parse("2024-03-31T00:00:00Z"));
    }
}
