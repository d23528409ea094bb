package dev.quarry.sandbox.engine;

/** A label is taken by a transaction that is not ABORTED (docs/starrocks.md §1.4, §1.5). */
public final class LabelAlreadyExistsException extends SqlError {
    private final TxnState existing;

    public LabelAlreadyExistsException(String label, TxnState existing) {
        super(1064, "HY000", "Label [" + label + "] has already been used.");
        this.existing = existing;
    }

    /** The state of the transaction holding the label. */
    public TxnState existing() {
        return existing;
    }

    /** {@code RUNNING} or {@code FINISHED}, as Stream Load's ExistingJobStatus reports it. */
    public String existingJobStatus() {
        return existing.finished() ? "FINISHED" : "RUNNING";
    }
}
