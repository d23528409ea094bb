package dev.quarry.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A StarRocks type as written: the upper-cased name ({@code INT}, {@code DECIMAL}, {@code ARRAY}, ...), its number
 * parameters, and for ARRAY, MAP and STRUCT the element types (with STRUCT field names in {@code fieldNames}).
 */
public record DataType(String name, List<Integer> params, List<DataType> children, List<String> fieldNames) {
    public DataType {
        requireNonNull(name, "name is null");
        params = List.copyOf(params);
        children = List.copyOf(children);
        fieldNames = List.copyOf(fieldNames);
    }

    public static DataType of(String name, List<Integer> params) {
        return new DataType(name, params, List.of(), List.of());
    }
}
