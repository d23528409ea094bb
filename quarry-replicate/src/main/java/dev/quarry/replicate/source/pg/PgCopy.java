package dev.quarry.replicate.source.pg;

import java.util.List;

/**
 * The COPY that writes a read in the CSV framing {@link dev.quarry.replicate.source.Source#read} promises: PostgreSQL's
 * own minimal quoting encloses in double quotes (inner quotes doubled, RFC 4180) exactly the values holding the
 * delimiter, a quote, CR or LF, and a non-NULL value equal to the NULL string, so the text {@code \N} arrives as
 * {@code "\N"} while NULL is the bare {@code \N} (docs/starrocks.md §1.3), and the body is as small as a plain
 * {@code psql COPY} one.
 *
 * <p>An empty string goes out as an empty bare field. The one place that breaks is a read of a single column: its empty
 * string would be an empty line, and Stream Load skips empty lines, so that column is force-quoted ({@code ""}).
 */
final class PgCopy {
    private static final String OPTIONS = "FORMAT csv, DELIMITER ',', NULL '\\N', QUOTE '\"', ESCAPE '\"'";

    private PgCopy() {}

    /** {@code COPY (select) TO STDOUT} in this framing for {@code select}'s columns (output names as mapped). */
    static String copy(String select, List<PgTypeMapping.Mapped> columns) {
        String forceQuote = columns.size() == 1
                ? ", FORCE_QUOTE (" + PgSql.ident(columns.get(0).name()) + ")"
                : "";
        return "COPY (" + select + ") TO STDOUT WITH (" + OPTIONS + forceQuote + ", ENCODING 'UTF8')";
    }
}
