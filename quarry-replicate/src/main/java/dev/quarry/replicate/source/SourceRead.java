package dev.quarry.replicate.source;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A read ready to run ({@link Source#prepare}): the columns it delivers, in order, the primary key (the stream's, else
 * the table's), and the statement the source runs, in its own SQL (shown by a dry run).
 */
public record SourceRead(String stream, List<MappedColumn> columns, List<String> primaryKey, String statement) {
    public SourceRead {
        requireNonNull(stream, "stream is null");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        requireNonNull(statement, "statement is null");
    }

    public List<String> columnNames() {
        return columns.stream().map(MappedColumn::name).toList();
    }
}
