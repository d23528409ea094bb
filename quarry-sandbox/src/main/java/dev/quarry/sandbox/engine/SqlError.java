package dev.quarry.sandbox.engine;

import java.util.Objects;

/**
 * An error that reaches the client as a MySQL ERR packet (code, SQLSTATE, message) or inside a Stream Load
 * response's Message. Messages are StarRocks' texts (docs/starrocks.md §3.2, §5.9).
 */
public class SqlError extends Exception {
    private final int code;
    private final String sqlState;

    public SqlError(int code, String sqlState, String message) {
        super(Objects.requireNonNull(message, "message is null"));
        this.code = code;
        this.sqlState = Objects.requireNonNull(sqlState, "sqlState is null");
    }

    public int code() {
        return code;
    }

    public String sqlState() {
        return sqlState;
    }

    /** StarRocks' most common form: 1064 / HY000 {@code Getting analyzing error. Detail message: <detail>}. */
    public static SqlError analysis(String detail) {
        return new SqlError(1064, "HY000", "Getting analyzing error. Detail message: " + detail);
    }

    /** 1064 / HY000 with a message used as is. */
    public static SqlError of(String message) {
        return new SqlError(1064, "HY000", message);
    }
}
