package dev.quarry.sandbox.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A load transaction. Rows are converted in Java and appended with DuckDB's Appender into a private TEMP stage table
 * (invisible to queries); commit applies the stage with the table's semantics and records the label VISIBLE in one
 * DuckDB transaction (docs/starrocks.md §1.5, §2). Loads with {@code columns} expressions or {@code where} stage raw text and
 * convert in SQL instead. This class keeps the transaction's state, options and running totals; {@link LoadStage}
 * owns the stage table.
 */
final class DuckLoadTxn implements LoadTxn {
    private final DuckEngine engine;
    private final TableDef table;
    private final String label;
    private final long txnId;
    private final LoadStage stage;
    private volatile TxnState state = TxnState.PREPARE;
    private long total;
    private long loaded;
    private long filtered;
    private long unselected;
    private long bytes;
    private final List<AppendResult.RejectedRow> rejected = new ArrayList<>();
    private String mergeCondition;

    DuckLoadTxn(DuckEngine engine, TableDef table, String label, long txnId) {
        this.engine = engine;
        this.table = table;
        this.label = label;
        this.txnId = txnId;
        this.stage = new LoadStage(engine, table, txnId);
    }

    String database() {
        return table.db();
    }

    @Override
    public long txnId() {
        return txnId;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public TxnState state() {
        return state;
    }

    @Override
    public List<ResultColumn> targetColumns() {
        List<ResultColumn> out = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            out.add(c.type().column(c.name(), c.nullable()));
        }
        return out;
    }

    @Override
    public AppendResult append(LoadBatch batch) throws SqlError {
        engine.lock.lock();
        try {
            if (state != TxnState.PREPARE) {
                throw SqlError.of("transaction " + txnId + " is " + state + ", cannot load more data");
            }
            boolean partial = batch.partialUpdate();
            if ((partial || batch.mergeCondition() != null) && table.keysType() != KeysType.PRIMARY) {
                abort("invalid load options");
                throw SqlError.of(
                        partial
                                ? "partial update is only supported by primary key table"
                                : "merge condition is only supported by primary key table");
            }
            if (batch.mergeCondition() != null) {
                ColumnDef mc = table.column(batch.mergeCondition()).orElse(null);
                if (mc == null || mc.key()) {
                    abort("invalid merge condition");
                    throw SqlError.of("Merge condition column " + batch.mergeCondition()
                            + " does not exist or is a key column in table " + table.name());
                }
                mergeCondition = mc.name();
            }
            try {
                AppendResult r = stage.append(batch, partial);
                total += r.totalRows();
                loaded += r.loadedRows();
                filtered += r.filteredRows();
                unselected += r.unselectedRows();
                bytes += r.loadBytes();
                for (AppendResult.RejectedRow row : r.rejected()) {
                    if (rejected.size() < LoadStage.MAX_REJECTED) {
                        rejected.add(row);
                    }
                }
                return r;
            } catch (SQLException e) {
                abort(e.getMessage());
                throw DuckEngine.translate(e);
            } catch (SqlError e) {
                abort(e.getMessage());
                throw e;
            }
        } finally {
            engine.lock.unlock();
        }
    }

    @Override
    public void prepare() throws SqlError {
        engine.lock.lock();
        try {
            if (state == TxnState.PREPARED) {
                return;
            }
            if (state != TxnState.PREPARE) {
                throw SqlError.of("cannot prepare transaction " + txnId + " in state " + state);
            }
            state = TxnState.PREPARED;
        } finally {
            engine.lock.unlock();
        }
    }

    @Override
    public CommitResult commit() throws SqlError {
        engine.lock.lock();
        try {
            if (state.finished()) {
                return new CommitResult(txnId, state, totals());
            }
            if (state == TxnState.ABORTED) {
                throw SqlError.of("cannot commit aborted transaction " + txnId + ", label " + label);
            }
            if (loaded == 0 && engine.fe.bool("empty_load_as_error")) {
                abort("no data");
                // docs/starrocks.md §1.6: ERR_NO_PARTITIONS_HAVE_DATA_LOAD, code 5603, SQLSTATE 02000, current text.
                throw new SqlError(
                        5603,
                        "02000",
                        "No partitions have data available for loading. If you are sure there may "
                                + "be no data to be loaded, you can use `ADMIN SET FRONTEND CONFIG ('empty_load_as_error' = "
                                + "'false')` to ensure such load jobs can succeed");
            }
            TableDef current = engine.catalog.table(table.db(), table.name()).orElse(null);
            if (current == null || current.id() != table.id()) {
                abort("table changed");
                throw SqlError.of("Table " + table.name() + " was dropped or replaced during the load");
            }
            engine.inTransaction(() -> {
                if (stage.created() && !engine.config.blackhole()) {
                    new TableWriter(engine)
                            .apply(
                                    current,
                                    stage.relation(current),
                                    stage.providedColumns(current),
                                    stage.hasOp(),
                                    mergeCondition);
                }
                engine.recordLabel(table.db(), label, txnId, TxnState.VISIBLE, table.name());
                return null;
            });
            state = TxnState.VISIBLE;
            stage.drop();
            engine.finished(this);
            engine.mvs().baseChanged(current);
            return new CommitResult(txnId, state, totals());
        } finally {
            engine.lock.unlock();
        }
    }

    @Override
    public void abort(String reason) {
        engine.lock.lock();
        try {
            if (state == TxnState.ABORTED || state.finished()) {
                return;
            }
            state = TxnState.ABORTED;
            stage.drop();
            try {
                engine.recordLabel(table.db(), label, txnId, TxnState.ABORTED, table.name());
            } catch (SQLException ignored) {
                // The label is free again either way: ABORTED and absent both allow reuse.
            }
            engine.finished(this);
        } finally {
            engine.lock.unlock();
        }
    }

    @Override
    public AppendResult totals() {
        return new AppendResult(total, loaded, filtered, unselected, bytes, rejected);
    }
}
