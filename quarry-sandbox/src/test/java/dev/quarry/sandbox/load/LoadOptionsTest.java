package dev.quarry.sandbox.load;

import static dev.quarry.sandbox.load.CsvRowReaderTest.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.sandbox.engine.SqlError;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void defaultsFollowStarRocks() throws Exception {
        LoadOptions o = options();
        assertThat(o.label()).matches("[-0-9a-f]{36}");
        assertThat(o.format()).isEqualTo(LoadFormat.CSV);
        assertThat(o.columnSeparator().bytes()).containsExactly('\t');
        assertThat(o.rowDelimiter().bytes()).containsExactly('\n');
        assertThat(o.timezone()).isEqualTo("Asia/Shanghai");
        assertThat(o.timeoutSeconds()).isEqualTo(600);
        assertThat(o.maxFilterRatio()).isZero();
        assertThat(o.strictMode()).isFalse();
        assertThat(o.columns()).isNull();
    }

    @Test
    void labelFormatErrorUsesStarRocksText() {
        assertThatThrownBy(() -> options("label", "bad label!"))
                .isInstanceOf(SqlError.class)
                .hasMessage("Label format error. regex: ^[-\\w]{1,128}$, label: bad label!");
        assertThatThrownBy(() -> options("label", "x".repeat(129))).hasMessageStartingWith("Label format error.");
    }

    @Test
    void labelWithDashAndUnderscoreIsValid() throws Exception {
        assertThat(options("label", "orders-2026_11_21-chunk-7").label()).isEqualTo("orders-2026_11_21-chunk-7");
    }

    @Test
    void unknownFormatAndBadValuesAreRejected() {
        assertThatThrownBy(() -> options("format", "parquet")).hasMessage("unknown data format, format=parquet");
        assertThatThrownBy(() -> options("timeout", "ten")).hasMessage("Invalid timeout format");
        assertThatThrownBy(() -> options("strict_mode", "yes"))
                .hasMessage("Invalid strict mode format. Must be bool type");
        assertThatThrownBy(() -> options("max_filter_ratio", "2")).hasMessageContaining("max_filter_ratio");
        assertThatThrownBy(() -> options("timezone", "Mars/Olympus"))
                .hasMessage("Unknown or incorrect time zone: 'Mars/Olympus'");
        assertThatThrownBy(() -> options("enclose", "ab")).hasMessageContaining("single byte");
    }

    @Test
    void formatIsCaseInsensitiveAndJsonOptionsParse() throws Exception {
        LoadOptions o = options(
                "format",
                "Json",
                "strip_outer_array",
                "TRUE",
                "jsonpaths",
                "[\"$.id\", \"$.a.b\", \"$.arr[1]\"]",
                "json_root",
                "$.data");
        assertThat(o.format()).isEqualTo(LoadFormat.JSON);
        assertThat(o.stripOuterArray()).isTrue();
        assertThat(o.jsonPaths()).containsExactly("/id", "/a/b", "/arr/1");
        assertThat(o.jsonRoot()).isEqualTo("/data");
    }

    @Test
    void columnsHeaderSplitsSourcesFromExpressions() throws Exception {
        ColumnMapping m =
                ColumnMapping.parse("id, `name`, tmp, score = tmp * 2, d = if(tmp > 1, 'a,b', 'c'), __op = 'delete'");
        assertThat(m.sourceColumns()).containsExactly("id", "name", "tmp");
        assertThat(m.derived())
                .containsEntry("score", "tmp * 2")
                .containsEntry("d", "if(tmp > 1, 'a,b', 'c')")
                .containsEntry("__op", "'delete'");
        assertThatThrownBy(() -> ColumnMapping.parse("a,,b"))
                .hasMessage("Getting syntax error at line 1, column 2. Detail message: Unexpected input ',', "
                        + "the most similar input is {a legal identifier}.");
    }
}
