package dev.quarry.sandbox.engine;

/** StarRocks' TransactionStatus names (docs/starrocks.md §1.5). */
public enum TxnState {
    UNKNOWN,
    PREPARE,
    PREPARED,
    COMMITTED,
    VISIBLE,
    ABORTED;

    /** COMMITTED or VISIBLE: the data is (or will be) visible. */
    public boolean finished() {
        return this == COMMITTED || this == VISIBLE;
    }
}
