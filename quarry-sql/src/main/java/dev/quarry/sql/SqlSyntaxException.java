package dev.quarry.sql;

/**
 * A statement outside StarRocks' grammar. The message has StarRocks' form (docs/sql.md §4):
 * {@code Getting syntax error at line L, column C. Detail message: <detail>}, with a 1-based line and a 0-based
 * column.
 */
public final class SqlSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String detail;

    public SqlSyntaxException(int line, int column, String detail) {
        super("Getting syntax error at line " + line + ", column " + column + ". Detail message: " + detail);
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** The 1-based line of the offending input. */
    public int line() {
        return line;
    }

    /** The 0-based column of the offending input within its line. */
    public int column() {
        return column;
    }

    /** The text after {@code Detail message: }. */
    public String detail() {
        return detail;
    }
}
