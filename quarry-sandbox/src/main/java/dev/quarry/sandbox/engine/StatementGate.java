package dev.quarry.sandbox.engine;

import dev.quarry.sql.SqlParser;
import dev.quarry.sql.SqlSyntaxException;
import dev.quarry.sql.ast.Statement;

/**
 * The front end's first step: every statement a client sends is parsed with StarRocks' grammar (quarry-sql) before
 * anything runs, so what StarRocks refuses as a syntax error is refused here with its message, error 1064
 * (docs/sql.md §8).
 */
final class StatementGate {
    private StatementGate() {}

    /** The statement's tree; a statement outside StarRocks' grammar fails with StarRocks' syntax error. */
    static Statement check(String sql) throws SqlError {
        try {
            return SqlParser.parseStatement(sql);
        } catch (SqlSyntaxException e) {
            throw new SqlError(1064, "HY000", e.getMessage());
        }
    }
}
