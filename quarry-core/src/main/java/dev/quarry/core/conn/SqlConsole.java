package dev.quarry.core.conn;

import dev.quarry.core.Log;
import dev.quarry.core.output.ResultTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Runs a statement the user typed ({@code quarry conns exec}, {@code quarry fetch}) the way a SQL console does, on
 * any database: the statement is the user's text, never built here. Callers turn {@link SQLException} into their
 * module's error.
 */
public final class SqlConsole {
    private SqlConsole() {}

    /**
     * Runs one statement of any kind: each result set (at most {@code limit} rows, 0 = all) goes to {@code results},
     * each update count to {@code updates}, in the order the server sends them.
     */
    public static void run(
            Connection connection, String sql, int limit, Consumer<ResultTable> results, IntConsumer updates)
            throws SQLException {
        Log.sql(sql);
        try (Statement st = connection.createStatement()) {
            if (limit > 0) {
                // One extra row tells whether the output was cut.
                st.setMaxRows(limit + 1);
            }
            boolean isResult = st.execute(sql);
            while (true) {
                if (isResult) {
                    try (ResultSet rs = st.getResultSet()) {
                        results.accept(ResultTable.read(rs, limit));
                    }
                } else {
                    int updated = st.getUpdateCount();
                    if (updated < 0) {
                        break;
                    }
                    updates.accept(updated);
                }
                isResult = st.getMoreResults();
            }
        }
    }
}
