package dev.quarry.sql;

import dev.quarry.sql.ast.Expr;
import dev.quarry.sql.ast.Statement;
import java.util.List;

/**
 * Reads StarRocks SQL (docs/sql.md §1). Every method throws {@link SqlSyntaxException} with StarRocks' message for
 * input outside StarRocks' grammar.
 */
public final class SqlParser {
    private SqlParser() {}

    /** One statement, optionally followed by a semicolon. */
    public static Statement parseStatement(String sql) {
        return new StatementParser(sql).singleStatement();
    }

    /** One expression and nothing after it. */
    public static Expr parseExpression(String sql) {
        StatementParser p = new StatementParser(sql);
        Expr e = p.expression();
        p.expectEnd();
        return e;
    }

    /**
     * A Stream Load {@code columns} header: {@code a, b, tmp, c = expr, __op = tmp} (docs/sql.md §6). Plain names are
     * the body's fields in order; {@code name = expr} items derive a column.
     */
    public static List<LoadColumn> parseLoadColumns(String header) {
        return new StatementParser(header).loadColumns();
    }

    /** A Stream Load {@code where} header: one boolean expression (docs/sql.md §6). */
    public static Expr parseLoadWhere(String header) {
        return parseExpression(header);
    }
}
