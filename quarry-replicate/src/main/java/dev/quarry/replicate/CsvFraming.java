package dev.quarry.replicate;

import dev.quarry.starrocks.LoadOptions;
import java.util.List;

/**
 * How rows travel from PostgreSQL's COPY to Stream Load: CSV, comma-separated, NULL as an unenclosed {@code \N},
 * rows ended by LF, and PostgreSQL's own minimal quoting: it encloses in double quotes (inner quotes doubled, RFC
 * 4180) exactly the values holding the delimiter, a quote, CR or LF, and a non-NULL value equal to the NULL string,
 * so the text {@code \N} arrives as {@code "\N"} while NULL is the bare {@code \N} (docs/starrocks.md §1.3).
 * Stream Load with {@code enclose} reads enclosed and bare fields alike, so every value stays exact and the body is
 * as small as a plain {@code psql COPY} one.
 *
 * <p>An empty string goes out as an empty bare field, which Stream Load reads as the empty string (only {@code \N}
 * is NULL). The one place that breaks is a read of a single column: its empty string would be an empty line, and
 * Stream Load skips empty lines, so that column is force-quoted ({@code ""}). No escape byte is declared: with
 * one, a bare {@code \N} would read as an escaped {@code N}, and every backslash in text would need doubling.
 */
final class CsvFraming {
    private static final String OPTIONS = "FORMAT csv, DELIMITER ',', NULL '\\N', QUOTE '\"', ESCAPE '\"'";

    private CsvFraming() {
    }

    /** {@code COPY (select) TO STDOUT} in this framing for {@code select}'s columns (output names as mapped). */
    static String copy(String select, List<PgTypeMapping.Mapped> columns) {
        String forceQuote = columns.size() == 1 ? ", FORCE_QUOTE (" + PgSql.ident(columns.get(0).name()) + ")" : "";
        return "COPY (" + select + ") TO STDOUT WITH (" + OPTIONS + forceQuote + ", ENCODING 'UTF8')";
    }

    /** Stream Load options that read this framing, for the target columns in SELECT order. */
    static LoadOptions loadOptions(List<String> columns) {
        return LoadOptions.csv().withColumnSeparator(",").withRowDelimiter("\n").withEnclose('"').withColumns(columns);
    }
}
