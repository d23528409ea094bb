package dev.quarry.replicate.source.pg;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.source.SourceTable;
import java.util.List;
import java.util.Optional;

/** A discovered source table: its columns in order and its primary key, if any. */
record PgTable(SourceTable name, List<PgColumn> columns, List<String> primaryKey) {
    PgTable {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    Optional<PgColumn> column(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    List<String> columnNames() {
        return columns.stream().map(PgColumn::name).toList();
    }
}
