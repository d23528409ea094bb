package dev.quarry.replicate.source.mysql;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.source.SourceTable;
import java.util.List;
import java.util.Optional;

/** A discovered table or view: its columns in order, its primary key, and the server's row estimate. */
record MySqlTable(SourceTable name, List<MySqlColumn> columns, List<String> primaryKey, long estimatedRows) {
    MySqlTable {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    Optional<MySqlColumn> column(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    List<String> columnNames() {
        return columns.stream().map(MySqlColumn::name).toList();
    }
}
