package dev.quarry.replicate;

import dev.quarry.starrocks.LoadOptions;
import java.util.List;

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

    /** Stream Load options that read this framing, for the target columns in SELECT order. */
    static LoadOptions loadOptions(List<String> columns) {
        return LoadOptions.csv().withColumnSeparator(",").withRowDelimiter("\n").withEnclose('"').withColumns(columns);
    }
}
