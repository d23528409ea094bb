package dev.quarry.sandbox.load;

import dev.quarry.sandbox.engine.SqlError;
import dev.quarry.sql.LoadColumn;
import dev.quarry.sql.SqlParser;
import dev.quarry.sql.SqlSyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code columns} header: {@code a, b, tmp, c = expr, __op = ...}, read with StarRocks' grammar (docs/sql.md §6).
 * Plain names are the source fields in order; {@code name = expr} items derive a target column (or {@code __op}) from
 * them, kept as the expression's text.
 */
public record ColumnMapping(List<String> sourceColumns, Map<String, String> derived) {
    public ColumnMapping {
        sourceColumns = List.copyOf(sourceColumns);
        derived = Collections.unmodifiableMap(new LinkedHashMap<>(derived));
    }

    /** Fails with StarRocks' syntax error for a header outside the grammar (a bare reserved word, say). */
    public static ColumnMapping parse(String header) throws SqlError {
        List<LoadColumn> items;
        try {
            items = SqlParser.parseLoadColumns(header);
        } catch (SqlSyntaxException e) {
            throw SqlError.of(e.getMessage());
        }
        List<String> source = new ArrayList<>();
        Map<String, String> derived = new LinkedHashMap<>();
        for (LoadColumn item : items) {
            if (item.expressionText().isPresent()) {
                derived.put(item.name(), item.expressionText().get());
            } else {
                source.add(item.name());
            }
        }
        return new ColumnMapping(source, derived);
    }

    /** The {@code where} header as written, checked with StarRocks' grammar; {@code null} stays {@code null}. */
    public static String checkWhere(String where) throws SqlError {
        if (where != null) {
            try {
                SqlParser.parseLoadWhere(where);
            } catch (SqlSyntaxException e) {
                throw SqlError.of(e.getMessage());
            }
        }
        return where;
    }
}
