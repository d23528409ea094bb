package dev.quarry.replicate.source;

import static java.util.Objects.requireNonNull;

import dev.quarry.starrocks.StarRocksType;
import java.util.List;

/** A source table as its catalog describes it: columns in order, mapped to StarRocks types, and its primary key. */
public record DescribedTable(SourceTable table, List<Column> columns, List<String> primaryKey) {
    public DescribedTable {
        requireNonNull(table, "table is null");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /**
     * A column: its name, its type as the source declares it ({@code numeric(12,2)}), the StarRocks type it maps to by
     * default, and whether it may hold NULL.
     */
    public record Column(String name, String sourceType, StarRocksType type, boolean nullable) {
        public Column {
            requireNonNull(name, "name is null");
            requireNonNull(sourceType, "sourceType is null");
            requireNonNull(type, "type is null");
        }
    }
}
