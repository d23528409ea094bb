package dev.quarry.replicate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How rows travel from PostgreSQL's COPY to Stream Load: CSV, comma-separated, every non-NULL value enclosed in
 * double quotes with inner quotes doubled (RFC 4180), NULL as an unenclosed {@code \N}, rows ended by LF.
 *
 * <p>Why this framing: enclosing every value lets text carry commas, tabs, CR/LF, quotes, backslashes and any
 * UTF-8 unchanged; an enclosed {@code "\N"} stays the two-character string while the bare {@code \N} is NULL
 * (spec/starrocks.md §1.2), and {@code ""} is the empty string. No escape byte is declared: with one, a bare
 * {@code \N} would read as an escaped {@code N}, and every backslash in text would need doubling.
 */
final class CsvFraming {
    static final String COPY_OPTIONS = "(FORMAT csv, DELIMITER ',', NULL '\\N', QUOTE '\"', ESCAPE '\"', FORCE_QUOTE *, ENCODING 'UTF8')";

    private CsvFraming() {
    }

    /** {@code COPY (select) TO STDOUT} in this framing. */
    static String copy(String select) {
        return "COPY (" + select + ") TO STDOUT WITH " + COPY_OPTIONS;
    }

    /** The Stream Load headers that read this framing, for the given target columns in SELECT order. */
    static Map<String, String> loadHeaders(List<String> columns) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("format", "CSV");
        headers.put("column_separator", ",");
        headers.put("row_delimiter", "\\n");
        headers.put("enclose", "\"");
        headers.put("columns", String.join(",", columns.stream().map(c -> "`" + c.replace("`", "``") + "`").toList()));
        return headers;
    }
}
