package dev.quarry.starrocks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One Stream Load transaction (docs/starrocks.md §2): {@code begin → load × n → [prepare] → commit}, or rollback.
 * Rows of all loads become visible together at commit; closing an uncommitted transaction rolls it back.
 * Loads are not retried inside a transaction (a half-sent load would be ambiguous); commit and rollback are,
 * since StarRocks answers a repeated commit or rollback with OK.
 */
public final class StreamLoadTransaction implements AutoCloseable {
    private final StreamLoader loader;
    private final String database;
    private final String table;
    private final String label;
    private final LoadOptions options;
    private OptionalLong txnId = OptionalLong.empty();
    private State state = State.OPEN;

    private enum State {
        OPEN,
        PREPARED,
        COMMITTED,
        ROLLED_BACK,
        FAILED
    }

    StreamLoadTransaction(StreamLoader loader, String database, String table, String label, LoadOptions options) {
        this.loader = loader;
        this.database = database;
        this.table = table;
        this.label = label;
        this.options = options;
    }

    void begun(OptionalLong id) {
        this.txnId = id;
    }

    public String label() {
        return label;
    }

    public String database() {
        return database;
    }

    public String table() {
        return table;
    }

    LoadOptions options() {
        return options;
    }

    public OptionalLong txnId() {
        return txnId;
    }

    /** Sends one chunk; CSV chunks must end with the row delimiter. */
    public synchronized void load(LoadBody body) {
        require(State.OPEN, "load");
        try {
            loader.transactionCall("load", this, body, false);
        } catch (RuntimeException e) {
            state = State.FAILED; // StarRocks rolls the transaction back itself when a load fails (docs/starrocks.md
            // §2.2)
            throw e;
        }
    }

    /** First phase of a two-phase commit: the data is durable but not visible until {@link #commit()}. */
    public synchronized void prepare() {
        require(State.OPEN, "prepare");
        loader.transactionCall("prepare", this, null, false);
        state = State.PREPARED;
    }

    /** Makes every loaded chunk visible at once. */
    public synchronized LoadResult commit() {
        if (state != State.OPEN && state != State.PREPARED) {
            throw new IllegalStateException("transaction " + label + " cannot commit: it is " + state);
        }
        JsonNode json = loader.transactionCall("commit", this, null, true);
        state = State.COMMITTED;
        String status = LoadResponses.text(json, "Status", "status").orElse("");
        LoadResult.Outcome outcome = status.equals("PUBLISH_TIMEOUT") || status.equals("Publish Timeout")
                ? LoadResult.Outcome.COMMITTED
                : LoadResult.Outcome.LOADED;
        Optional<LoadResult.Counts> counts =
                json.has("NumberLoadedRows") ? Optional.of(LoadResponses.counts(json)) : Optional.empty();
        OptionalLong id = LoadResponses.txnId(json);
        return new LoadResult(
                label,
                outcome,
                id.isPresent() ? id : txnId,
                counts,
                LoadResponses.text(json, "Message", "msg").orElse(""));
    }

    /** Discards everything loaded; the label becomes reusable. */
    public synchronized void rollback() {
        if (state == State.ROLLED_BACK) {
            return;
        }
        if (state == State.COMMITTED) {
            throw new IllegalStateException("transaction " + label + " is already committed");
        }
        loader.transactionCall("rollback", this, null, true);
        state = State.ROLLED_BACK;
    }

    /** Rolls back unless committed; a rollback failure is reported on the debug channel, not thrown. */
    @Override
    public synchronized void close() {
        if (state == State.OPEN || state == State.PREPARED || state == State.FAILED) {
            try {
                loader.transactionCall("rollback", this, null, true);
                state = State.ROLLED_BACK;
            } catch (RuntimeException e) {
                loader.debug("rollback of transaction " + label + " failed: " + e.getMessage());
            }
        }
    }

    private void require(State expected, String op) {
        if (state != expected) {
            throw new IllegalStateException("transaction " + label + " cannot " + op + ": it is " + state);
        }
    }
}
