package dev.quarry.sandbox.engine;

/**
 * DELETE on DUPLICATE / AGGREGATE / UNIQUE KEY tables accepts only {@code col op value} conditions joined by AND,
 * with ops {@code = > < >= <= != <> IN NOT IN IS [NOT] NULL}; AGGREGATE and UNIQUE tables only on key columns
 * (docs/starrocks.md §5.3; texts of StarRocks' DeleteAnalyzer).
 */
final class DeletePredicate {
    private DeletePredicate() {}

    private static final String ONLY =
            "Where clause only supports compound predicate, binary predicate, is_null predicate " + "and in predicate";

    static void check(Cursor c, TableDef t) throws SqlError {
        while (true) {
            conjunct(c, t);
            if (c.atEnd()) {
                return;
            }
            if (c.isWord("OR") || c.peek().isSymbol("||")) {
                throw SqlError.analysis("Compound predicate's op should be AND");
            }
            if (!c.acceptWord("AND") && !c.acceptSymbol("&&")) {
                throw SqlError.analysis(ONLY);
            }
        }
    }

    private static void conjunct(Cursor c, TableDef t) throws SqlError {
        if (c.peek().isSymbol("(")) {
            throw SqlError.analysis(ONLY);
        }
        Token first = c.peek();
        if (!first.isIdentifier() || c.peek(1).isSymbol("(") || isLiteralWord(first)) {
            throw SqlError.analysis(
                    first.isWord("NOT") || first.isWord("EXISTS") || isLiteralWord(first)
                            ? ONLY
                            : "Left expr of binary predicate should be column name");
        }
        c.next();
        if (c.acceptSymbol(".")) {
            first = c.next();
        }
        String col = first.value();
        ColumnDef def = t.column(col)
                .orElseThrow(() -> SqlError.analysis("Unknown column '" + col + "' in '" + t.name() + "'"));
        if ((!def.key() && t.keysType() != KeysType.DUPLICATE) || def.type().floating()) {
            throw SqlError.analysis("Column[" + def.name()
                    + "] is not key column or storage model is not duplicate or column " + "type is float or double.");
        }
        if (c.acceptWord("IS")) {
            c.acceptWord("NOT");
            c.expectWord("NULL");
            return;
        }
        boolean not = c.acceptWord("NOT");
        if (c.acceptWord("IN")) {
            c.expectSymbol("(");
            if (c.isWord("SELECT") || c.isWord("WITH")) {
                throw SqlError.analysis("Child of in predicate should be value");
            }
            do {
                value(c, "Child of in predicate should be value");
            } while (c.acceptSymbol(","));
            c.expectSymbol(")");
            return;
        }
        if (not || c.isWord("BETWEEN") || c.isWord("LIKE")) {
            throw SqlError.analysis(ONLY);
        }
        Token op = c.next();
        if (!(op.isSymbol("=")
                || op.isSymbol(">")
                || op.isSymbol("<")
                || op.isSymbol(">=")
                || op.isSymbol("<=")
                || op.isSymbol("!=")
                || op.isSymbol("<>"))) {
            throw SqlError.analysis(ONLY);
        }
        value(c, "Right expr of binary predicate should be value");
    }

    private static void value(Cursor c, String error) throws SqlError {
        c.acceptSymbol("-");
        Token v = c.next();
        boolean literal = v.kind() == Token.Kind.STRING || v.kind() == Token.Kind.NUMBER || isLiteralWord(v);
        if (!literal
                || c.peek().isSymbol("(")
                || c.peek().isSymbol("+")
                || c.peek().isSymbol("*")) {
            throw SqlError.analysis(error);
        }
    }

    private static boolean isLiteralWord(Token t) {
        return t.isWord("TRUE") || t.isWord("FALSE") || t.isWord("NULL");
    }
}
