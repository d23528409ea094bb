package dev.quarry.replicate.load;

import dev.quarry.starrocks.LoadOptions;
import java.util.List;

/**
 * How rows travel from a source's read to Stream Load: CSV, comma-separated, NULL as an unenclosed {@code \N}, rows
 * ended by LF, values holding the delimiter, a quote, CR or LF (or equal to {@code \N}) enclosed in double quotes with
 * inner quotes doubled (the framing {@link dev.quarry.replicate.source.Source#read} promises). Stream Load with
 * {@code enclose} reads enclosed and bare fields alike, so every value stays exact. An empty bare field is the empty
 * string (only {@code \N} is NULL). No escape byte is declared: with one, a bare {@code \N} would read as an escaped
 * {@code N}, and every backslash in text would need doubling.
 */
final class CsvFraming {
    private CsvFraming() {}

    /** Stream Load options that read this framing, for the target columns in SELECT order. */
    static LoadOptions loadOptions(List<String> columns) {
        return LoadOptions.csv()
                .withColumnSeparator(",")
                .withRowDelimiter("\n")
                .withEnclose('"')
                .withColumns(columns);
    }
}
