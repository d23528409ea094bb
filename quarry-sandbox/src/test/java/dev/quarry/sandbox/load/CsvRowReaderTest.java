package dev.quarry.sandbox.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.sandbox.engine.SqlError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CsvRowReaderTest {

    static LoadOptions options(String... kv) throws SqlError {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < kv.length; i += 2) {
            h.put(kv[i], kv[i + 1]);
        }
        return LoadOptions.parse(h::get);
    }

    /** Hands out one byte per read, so every separator straddles a refill. */
    static InputStream trickle(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            int pos;

            @Override
            public int read() {
                return pos < b.length ? b[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] out, int off, int len) {
                if (pos >= b.length) {
                    return -1;
                }
                out[off] = b[pos++];
                return 1;
            }
        };
    }

    static List<List<String>> rows(LoadOptions o, InputStream in, int fields, List<String> rejects)
            throws IOException, SqlError {
        RowReader r = new CsvRowReader(o, in, fields);
        List<List<String>> out = new ArrayList<>();
        RowReader.Chunk c;
        while ((c = r.next(3)) != null) {
            for (String[] row : c.rows()) {
                out.add(Arrays.asList(row));
            }
            c.rejected().forEach(x -> rejects.add(x.reason() + " | " + x.row()));
        }
        return out;
    }

    @Test
    void defaultsAreTabAndNewlineWithBackslashNAsNull() throws Exception {
        List<String> rejects = new ArrayList<>();
        var rows = rows(
                options(),
                new ByteArrayInputStream("1\ta\n2\t\\N\n3\t\n".getBytes(StandardCharsets.UTF_8)),
                2,
                rejects);
        assertThat(rows).containsExactly(List.of("1", "a"), Arrays.asList("2", null), List.of("3", ""));
        assertThat(rejects).isEmpty();
    }

    @Test
    void multiByteSeparatorsSurviveOneByteReads() throws Exception {
        List<String> rejects = new ArrayList<>();
        var rows = rows(
                options("column_separator", "||", "row_delimiter", "\\x0d0a"),
                trickle("1||héllo||x\r\n2||wörld||y\r\n3||z|w||v"),
                3,
                rejects);
        assertThat(rows)
                .containsExactly(List.of("1", "héllo", "x"), List.of("2", "wörld", "y"), List.of("3", "z|w", "v"));
    }

    @Test
    void hexSeparatorAndEmptyLinesSkipped() throws Exception {
        List<String> rejects = new ArrayList<>();
        var rows = rows(options("column_separator", "\\x01"), trickle("a\u0001b\n\n\nc\u0001d\n"), 2, rejects);
        assertThat(rows).containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void encloseKeepsSeparatorsAndDelimitersAndDoubledQuotes() throws Exception {
        List<String> rejects = new ArrayList<>();
        var rows = rows(
                options("column_separator", ",", "enclose", "\""),
                trickle("1,\"a,b\",\"say \"\"hi\"\"\"\n2,\"line1\nline2\",plain\n"),
                3,
                rejects);
        assertThat(rows).containsExactly(List.of("1", "a,b", "say \"hi\""), List.of("2", "line1\nline2", "plain"));
    }

    @Test
    void escapeMakesTheNextByteLiteral() throws Exception {
        List<String> rejects = new ArrayList<>();
        var rows = rows(options("column_separator", ",", "escape", "\\"), trickle("1,a\\,b\n2,c\n"), 2, rejects);
        assertThat(rows).containsExactly(List.of("1", "a,b"), List.of("2", "c"));
    }

    @Test
    void unquotedBackslashNStaysNullWhenAnEscapeIsSet() throws Exception {
        // Reported: with `escape: \` the \N marker became the text "N" (docs/starrocks.md §1.3: CSV NULL is \N).
        List<String> rejects = new ArrayList<>();
        var rows = rows(
                options("column_separator", ",", "escape", "\\"), trickle("1,\\N,x\\,y\n2,\\\\N,\\N\n"), 3, rejects);
        List<String> first = new ArrayList<>();
        first.add("1");
        first.add(null);
        first.add("x,y");
        List<String> second = new ArrayList<>();
        second.add("2");
        second.add("\\N");
        second.add(null);
        assertThat(rows).containsExactly(first, second);
        assertThat(rejects).isEmpty();
    }

    @Test
    void skipHeaderAndTrimSpace() throws Exception {
        List<String> rejects = new ArrayList<>();
        var rows = rows(
                options("column_separator", ",", "skip_header", "1", "trim_space", "true"),
                trickle("id,name\n 1 ,  ann \n2,bob"),
                2,
                rejects);
        assertThat(rows).containsExactly(List.of("1", "ann"), List.of("2", "bob"));
    }

    @Test
    void wrongFieldCountIsFilteredWithStarRocksReason() throws Exception {
        List<String> rejects = new ArrayList<>();
        var rows = rows(options("column_separator", ","), trickle("1,a\n2\n3,c,extra\n4,d\n"), 2, rejects);
        assertThat(rows).containsExactly(List.of("1", "a"), List.of("4", "d"));
        assertThat(rejects)
                .containsExactly(
                        "Value count does not match column count. Expect 2, but got 1. | 2",
                        "Value count does not match column count. Expect 2, but got 3. | 3,c,extra");
    }

    @Test
    void rawRowsRebuildTheSourceText() throws Exception {
        RowReader r = new CsvRowReader(options("column_separator", ","), trickle("1,\\N\n"), 2);
        RowReader.Chunk c = r.next(10);
        assertThat(c.rawRows()).containsExactly("1,\\N");
        assertThat(r.next(10)).isNull();
    }

    @Test
    void largeBodyStreamsInBoundedChunks() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.append(i).append('\t').append("value-").append(i).append('\n');
        }
        RowReader r = new CsvRowReader(
                options(), new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), 2);
        long n = 0;
        RowReader.Chunk c;
        String last = null;
        while ((c = r.next(4096)) != null) {
            assertThat(c.rows()).hasSizeLessThanOrEqualTo(4096);
            n += c.rows().size();
            last = c.rows().get(c.rows().size() - 1)[1];
        }
        assertThat(n).isEqualTo(100_000);
        assertThat(last).isEqualTo("value-99999");
    }
}
