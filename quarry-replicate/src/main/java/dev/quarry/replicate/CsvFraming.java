package dev.quarry.replicate;

import dev.quarry.starrocks.LoadOptions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How rows travel from PostgreSQL's COPY to Stream Load: CSV, comma-separated, NULL as an unenclosed {@code \N},
 * rows ended by LF. Every non-NULL value of a column whose text may hold anything (strings, JSON, arrays, ...) is
 * enclosed in double quotes with inner quotes doubled (RFC 4180); plain columns (numbers, booleans, dates,
 * datetimes, uuids: {@link PgTypeMapping.Mapped#plain}) go bare, which saves PostgreSQL and the wire a quarter of
 * the bytes of a typical table.
 *
 * <p>Why this framing: enclosing lets text carry commas, tabs, CR/LF, quotes, backslashes and any UTF-8
 * unchanged; an enclosed {@code "\N"} stays the two-character string while the bare {@code \N} is NULL
 * (spec/starrocks.md §1.2), and {@code ""} is the empty string. Plain text never holds a separator, a quote, a
 * line break or a backslash, so it reads the same bare (and PostgreSQL would enclose a value needing it anyway). No
 * escape byte is declared: with one, a bare {@code \N} would read as an escaped {@code N}, and every backslash in
 * text would need doubling.
 */
final class CsvFraming {
    private static final String OPTIONS = "FORMAT csv, DELIMITER ',', NULL '\\N', QUOTE '\"', ESCAPE '\"'";

    private CsvFraming() {
    }

    /** {@code COPY (select) TO STDOUT} in this framing for {@code select}'s columns (output names as mapped). */
    static String copy(String select, List<PgTypeMapping.Mapped> columns) {
        String enclosed = columns.stream().filter(c -> !c.plain()).map(c -> PgSql.ident(c.name())).collect(Collectors.joining(", "));
        return "COPY (" + select + ") TO STDOUT WITH (" + OPTIONS + (enclosed.isEmpty() ? "" : ", FORCE_QUOTE (" + enclosed + ")")
                + ", ENCODING 'UTF8')";
    }

    /** Stream Load options that read this framing, for the target columns in SELECT order. */
    static LoadOptions loadOptions(List<String> columns) {
        return LoadOptions.csv().withColumnSeparator(",").withRowDelimiter("\n").withEnclose('"').withColumns(columns);
    }
}
