package dev.quarry.sandbox.load;

import static dev.quarry.sandbox.load.CsvRowReaderTest.options;
import static dev.quarry.sandbox.load.CsvRowReaderTest.trickle;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRowReaderTest {

    private static List<List<String>> read(LoadOptions o, String body, List<String> cols, List<String> rejects)
            throws Exception {
        RowReader r = RowReader.open(o, trickle(body), cols);
        List<List<String>> out = new ArrayList<>();
        RowReader.Chunk c;
        while ((c = r.next(2)) != null) {
            c.rows().forEach(row -> out.add(Arrays.asList(row)));
            c.rejected().forEach(x -> rejects.add(x.reason()));
        }
        return out;
    }

    @Test
    void stripOuterArrayMatchesKeysToColumns() throws Exception {
        List<String> rejects = new ArrayList<>();
        var rows = read(
                options("format", "json", "strip_outer_array", "true"),
                "[{\"id\":1,\"name\":\"a\",\"amount\":12.30},{\"id\":2,\"amount\":null},{\"ID\":3,\"name\":\"c\"}]",
                List.of("id", "name", "amount"),
                rejects);
        assertThat(rows)
                .containsExactly(
                        List.of("1", "a", "12.30"), Arrays.asList("2", null, null), Arrays.asList("3", "c", null));
        assertThat(rejects).isEmpty();
    }

    @Test
    void consecutiveObjectsAreRowsAndNestedValuesStayJson() throws Exception {
        List<String> rejects = new ArrayList<>();
        var rows = read(
                options("format", "json"),
                "{\"id\":1,\"tags\":[\"x\",\"y\"],\"ok\":true}\n{\"id\":2,\"tags\":{\"k\":1}}",
                List.of("id", "tags", "ok"),
                rejects);
        assertThat(rows).containsExactly(List.of("1", "[\"x\",\"y\"]", "true"), Arrays.asList("2", "{\"k\":1}", null));
    }

    @Test
    void arrayWithoutStripIsRejected() throws Exception {
        List<String> rejects = new ArrayList<>();
        var rows = read(options("format", "json"), "[{\"id\":1}]", List.of("id"), rejects);
        assertThat(rows).isEmpty();
        assertThat(rejects).containsExactly("JSON data is an array, strip_outer_array must be set true");
    }

    @Test
    void jsonPathsAndJsonRootPickFields() throws Exception {
        List<String> rejects = new ArrayList<>();
        var rows = read(
                options(
                        "format",
                        "json",
                        "strip_outer_array",
                        "true",
                        "json_root",
                        "$.data",
                        "jsonpaths",
                        "[\"$.k\", \"$.v.inner\"]"),
                "{\"data\":[{\"k\":1,\"v\":{\"inner\":\"x\"}},{\"k\":2,\"v\":{}}]}",
                List.of("a", "b"),
                rejects);
        assertThat(rows).containsExactly(List.of("1", "x"), Arrays.asList("2", null));
    }

    @Test
    void bigDecimalsKeepEveryDigit() throws Exception {
        List<String> rejects = new ArrayList<>();
        var rows = read(
                options("format", "json"), "{\"d\": 12345678901234567890.123456789012345678}", List.of("d"), rejects);
        assertThat(rows).containsExactly(List.of("12345678901234567890.123456789012345678"));
    }
}
