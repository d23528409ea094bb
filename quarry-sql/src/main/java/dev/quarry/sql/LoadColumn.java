package dev.quarry.sql;

import static java.util.Objects.requireNonNull;

import dev.quarry.sql.ast.Expr;
import java.util.Optional;

/**
 * One item of a Stream Load {@code columns} header: a field name, or a derived column {@code name = expr}
 * (docs/sql.md §6).
 *
 * @param name the column or field name, backquotes removed
 * @param expression the expression a derived column is computed by; empty for a field
 * @param expressionText the expression as written (trimmed), empty for a field
 */
public record LoadColumn(String name, Optional<Expr> expression, Optional<String> expressionText) {
    public LoadColumn {
        requireNonNull(name, "name is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(expressionText, "expressionText is null");
    }
}
