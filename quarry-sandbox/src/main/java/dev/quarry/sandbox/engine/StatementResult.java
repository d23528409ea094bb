package dev.quarry.sandbox.engine;

import java.util.List;
import java.util.Objects;

/** What a statement returns to a MySQL client: rows, or an OK packet. */
public sealed interface StatementResult {

    /**
     * A text result set. Each value is StarRocks' text form of the value (DATETIME {@code YYYY-MM-DD HH:MM:SS[.ffffff]},
     * exact DECIMAL, JSON text) or {@code null} for SQL NULL.
     */
    record Rows(List<ResultColumn> columns, List<List<String>> rows) implements StatementResult {
        public Rows {
            columns = List.copyOf(columns);
            rows = List.copyOf(Objects.requireNonNull(rows, "rows is null"));
        }
    }

    /**
     * An OK packet.
     *
     * @param info the human-readable info string, e.g. StarRocks' {@code {'label':'insert_...', 'status':'VISIBLE', 'txnId':'1008'}}
     */
    record Ok(long affectedRows, int warnings, String info) implements StatementResult {
        public static Ok of(long affectedRows) {
            return new Ok(affectedRows, 0, "");
        }
    }
}
