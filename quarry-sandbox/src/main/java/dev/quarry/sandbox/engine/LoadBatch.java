package dev.quarry.sandbox.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rows parsed by the HTTP front end from a CSV or JSON body, plus the load's column mapping.
 *
 * @param sourceColumns the name of each field position (the {@code columns} header's plain names, or the table's
 *     columns in order when the header is absent); may name temporary columns that only feed expressions
 * @param derived target column (or {@code __op}) → SQL expression over source columns, from {@code columns: c = expr}
 * @param where the {@code where} header's predicate, or {@code null}; rows it removes count as unselected
 * @param strictMode the {@code strict_mode} header: a value that fails conversion filters the row instead of becoming NULL
 * @param timezone the {@code timezone} header (default Asia/Shanghai)
 * @param partialUpdate the {@code partial_update} header (PRIMARY KEY tables)
 * @param mergeCondition the {@code merge_condition} column, or {@code null}
 * @param rows raw field values per row, {@code null} for SQL NULL ({@code \N} in CSV, JSON null)
 * @param rawRows for error reporting: the source text of each row, index-aligned with {@code rows} (may be empty)
 */
public record LoadBatch(
        List<String> sourceColumns,
        Map<String, String> derived,
        String where,
        boolean strictMode,
        String timezone,
        boolean partialUpdate,
        String mergeCondition,
        List<String[]> rows,
        List<String> rawRows) {
    public LoadBatch {
        sourceColumns = List.copyOf(sourceColumns);
        derived = Map.copyOf(derived);
        Objects.requireNonNull(rows, "rows is null");
        Objects.requireNonNull(rawRows, "rawRows is null");
        Objects.requireNonNull(timezone, "timezone is null");
    }
}
