package dev.quarry.sandbox.engine;

import java.util.List;

/**
 * One load transaction into one table: a plain Stream Load (begin, append once, commit) or the transaction
 * interface (begin, append many times, prepare, commit or rollback). Nothing appended is visible before
 * {@link #commit()}; commit makes all of it visible at once, or none of it.
 */
public interface LoadTxn {

    long txnId();

    String label();

    TxnState state();

    /** The target table's columns in schema order (CSV fields map to these positionally unless the load names columns). */
    List<ResultColumn> targetColumns();

    /** Converts, filters and stages rows. Throws for errors that fail the whole load (unknown column in mapping...). */
    AppendResult append(LoadBatch batch) throws SqlError;

    /** PREPARE → PREPARED (transaction interface). */
    void prepare() throws SqlError;

    /**
     * Makes all appended rows visible atomically and records the label as VISIBLE. With no rows and FE config
     * {@code empty_load_as_error} true, fails with StarRocks' exact empty-load message (docs/starrocks.md §1.6) and aborts.
     */
    CommitResult commit() throws SqlError;

    /** Discards everything staged; the label becomes reusable. Idempotent. */
    void abort(String reason);

    /** Totals over all appends so far. */
    AppendResult totals();
}
