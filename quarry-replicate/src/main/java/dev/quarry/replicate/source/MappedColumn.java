package dev.quarry.replicate.source;

import static java.util.Objects.requireNonNull;

import dev.quarry.starrocks.StarRocksType;

/** A column as a read delivers it: its target name, the StarRocks type its text is written for, and nullability. */
public record MappedColumn(String name, StarRocksType type, boolean nullable) {
    public MappedColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
