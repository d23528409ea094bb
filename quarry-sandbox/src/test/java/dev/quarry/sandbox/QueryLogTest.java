package dev.quarry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryLogTest {

    @Test
    void writesOneJsonLinePerEventAndRedactsPasswords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logs/query.log");
        Clock clock = Clock.fixed(Instant.parse("2024-02-29T23:59:58.700Z"), ZoneOffset.UTC);
        try (QueryLog log = QueryLog.open(file, clock)) {
            log.statement("root", "db1", "127.0.0.1", "CREATE USER u IDENTIFIED BY 'hunter2'", 3, null);
            log.statement("root", null, "127.0.0.1", "SET PASSWORD = PASSWORD('hunter2')", 1, "Unknown");
            Map<String, String> headers = Map.of(
                    "authorization", "Basic cm9vdDpodW50ZXIy",
                    "columns", "id, v, tmp, __op = tmp",
                    "where", "v > 'x'",
                    "format", "CSV",
                    "partial_update", "true",
                    "merge_condition", "v",
                    "x-secret-token", "hunter2");
            log.load(
                    "root",
                    "db1",
                    "t",
                    "lbl-1",
                    "Success",
                    12,
                    null,
                    42,
                    name -> headers.get(name.toLowerCase(Locale.ROOT)));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(String.join("\n", lines)).doesNotContain("hunter2");
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("kind").asText()).isEqualTo("statement");
        assertThat(first.get("statement").asText()).isEqualTo("CREATE USER u IDENTIFIED BY '***'");
        assertThat(first.get("state").asText()).isEqualTo("OK");
        assertThat(json.readTree(lines.get(1)).get("error").asText()).isEqualTo("Unknown");
        JsonNode load = json.readTree(lines.get(2));
        assertThat(load.get("label").asText()).isEqualTo("lbl-1");
        assertThat(load.get("state").asText()).isEqualTo("Success");
        assertThat(load.get("loadedRows").asLong()).isEqualTo(42);
        assertThat(load.get("time").asText()).endsWith("Z");
        JsonNode sent = load.get("headers");
        assertThat(sent.get("columns").asText()).isEqualTo("id, v, tmp, __op = tmp");
        assertThat(sent.get("where").asText()).isEqualTo("v > 'x'");
        assertThat(sent.get("format").asText()).isEqualTo("CSV");
        assertThat(sent.get("partial_update").asText()).isEqualTo("true");
        assertThat(sent.get("merge_condition").asText()).isEqualTo("v");
        // Only the load headers: never Authorization (its Basic value decodes to root:hunter2) nor unknown ones.
        assertThat(sent.has("authorization")).isFalse();
        assertThat(lines.get(2)).doesNotContain("cm9vdDpodW50ZXIy").doesNotContain("Basic");
        // Line times come from the sandbox's clock.
        assertThat(first.get("time").asText()).isEqualTo("2024-02-29T23:59:58.700Z");
    }
}
