package dev.quarry.sandbox.http;

import static dev.quarry.sandbox.http.LoadReplies.ms;
import static dev.quarry.sandbox.http.LoadReplies.ordered;
import static dev.quarry.sandbox.http.LoadReplies.txnMap;

import dev.quarry.sandbox.Fault;
import dev.quarry.sandbox.QueryLog;
import dev.quarry.sandbox.engine.Engine;
import dev.quarry.sandbox.engine.LabelAlreadyExistsException;
import dev.quarry.sandbox.engine.LoadTxn;
import dev.quarry.sandbox.engine.SqlError;
import dev.quarry.sandbox.engine.TxnState;
import dev.quarry.sandbox.load.LoadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transaction interface ({@code /api/transaction/begin|load|prepare|commit|rollback}, docs/starrocks.md §2) on the BE port:
 * one transaction across several requests, keyed by database and label.
 */
final class TransactionAction {
    private final Engine engine;
    private final BasicAuth auth;
    private final QueryLog log;
    private final ErrorLogs errorLogs;
    private final Faults faults;
    private final Map<String, TxnEntry> transactions = new ConcurrentHashMap<>();

    TransactionAction(Engine engine, BasicAuth auth, QueryLog log, ErrorLogs errorLogs, Faults faults) {
        this.engine = engine;
        this.auth = auth;
        this.log = log;
        this.errorLogs = errorLogs;
        this.faults = faults;
    }

    /** A transaction begun through /api/transaction/begin, with its running counts. */
    private static final class TxnEntry {
        final LoadTxn txn;
        final String table;
        final LoadCounters counters = new LoadCounters();
        double maxFilterRatio;

        TxnEntry(LoadTxn txn, String table) {
            this.txn = txn;
            this.table = table;
        }
    }

    void run(Exchange ex, String op) throws IOException {
        long start = System.nanoTime();
        HttpRequest req = ex.request;
        BasicAuth.Result who = auth.check(req.header("Authorization"));
        if (!who.ok()) {
            String msg = who.present()
                    ? BasicAuth.deniedMessage(who.user(), ex.clientHost())
                    : "no valid Basic authorization";
            txnReply(ex, "FAILED", msg, null);
            return;
        }
        String db = req.header("db");
        if (db == null || db.isEmpty()) {
            txnReply(ex, "FAILED", "No database selected.", null);
            return;
        }
        String label;
        try {
            label = LoadOptions.label(req.header("label"), false);
        } catch (SqlError e) {
            txnReply(ex, "FAILED", e.getMessage(), null);
            return;
        }
        String key = db + '\u0000' + label;
        Map<String, Object> reply;
        synchronized (lockFor(key)) {
            reply = switch (op) {
                case "begin" -> begin(db, req.header("table"), label, key, start);
                case "load" -> load(ex, label, key);
                case "prepare" -> prepare(label, key, start);
                case "commit" -> commit(label, key, start);
                case "rollback" -> rollback(label, key);
                default -> txnMap("FAILED", "unknown transaction operation: " + op, null);
            };
        }
        if (reply == null) {
            return;
        }
        ex.json(200, JsonText.be(reply));
        TxnEntry e = transactions.get(key);
        log.load(
                who.user(),
                db,
                e == null ? req.header("table") : e.table,
                label,
                "txn " + op + ": " + reply.get("Status"),
                ms(start),
                "OK".equals(reply.get("Status")) ? null : String.valueOf(reply.get("Message")),
                e == null ? 0 : e.counters.loaded,
                req::header);
    }

    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** Transactions remembered for the status matrix; beyond this, finished and aborted ones are forgotten. */
    private static final int KEEP_TRANSACTIONS = 10_000;

    private void forgetFinished() {
        if (transactions.size() < KEEP_TRANSACTIONS) {
            return;
        }
        transactions.entrySet().removeIf(e -> {
            TxnState state = e.getValue().txn.state();
            boolean done = state == TxnState.ABORTED || state.finished();
            if (done) {
                locks.remove(e.getKey());
            }
            return done;
        });
    }

    private Object lockFor(String key) {
        return locks.computeIfAbsent(key, k -> new Object());
    }

    private Map<String, Object> begin(String db, String table, String label, String key, long start) {
        if (table == null || table.isEmpty()) {
            return txnMap("FAILED", "No table selected.", null);
        }
        try {
            LoadTxn txn = engine.beginLoad(db, table, label);
            forgetFinished();
            transactions.put(key, new TxnEntry(txn, table));
            Map<String, Object> m = txnMap("OK", "", label);
            m.put("TxnId", txn.txnId());
            m.put("BeginTxnTimeMs", ms(start));
            return m;
        } catch (LabelAlreadyExistsException e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Status", "LABEL_ALREADY_EXISTS");
            m.put("ExistingJobStatus", e.existingJobStatus());
            m.put("Message", e.getMessage());
            return m;
        } catch (SqlError e) {
            return txnMap("FAILED", e.getMessage(), null);
        }
    }

    private Map<String, Object> load(Exchange ex, String label, String key) throws IOException {
        TxnEntry entry = transactions.get(key);
        if (entry == null) {
            return txnMap("FAILED", "transaction with label " + label + " does not exist", null);
        }
        TxnState state = entry.txn.state();
        if (state == TxnState.ABORTED || state.finished()) {
            return txnMap(
                    "TXN_NOT_EXISTS", "Transaction with label " + label + " is not running, state: " + state, null);
        }
        if (state == TxnState.PREPARED) {
            return txnMap("FAILED", "Transaction with label " + label + " is already prepared", null);
        }
        long start = System.nanoTime();
        Fault fault = faults.take();
        if (fault != null && fault.kind() == Fault.Kind.HTTP_500) {
            ex.json(
                    500,
                    JsonText.be(ordered("status", "FAILED", "msg", "injected fault: HTTP 500 (sandbox test aid)")));
            return null;
        }
        if (fault != null && fault.kind() == Fault.Kind.STALL) {
            faults.stall(fault.stall().toMillis());
        }
        long bytesBefore = entry.counters.bytes;
        try {
            LoadOptions options = LoadOptions.parse(ex.request::header);
            StreamLoadAction.checkBodySize(ex.request, options);
            entry.maxFilterRatio = options.maxFilterRatio();
            ex.continueIfExpected();
            InputStream body = ex.body();
            if (fault != null && fault.kind() == Fault.Kind.DROP_CONNECTION) {
                Faults.dropMidBody(ex, body);
                return null;
            }
            BodyLoader.append(entry.txn, options, body, entry.counters);
        } catch (SqlError | HttpRequest.BadRequest e) {
            // Errors in load roll the transaction back (docs/starrocks.md §2.2).
            entry.txn.abort(e.getMessage());
            return txnMap("FAILED", e.getMessage(), null);
        } catch (IOException | RuntimeException e) {
            entry.txn.abort("load aborted: " + e);
            throw e;
        }
        Map<String, Object> m = txnMap("OK", "", label);
        m.put("TxnId", entry.txn.txnId());
        m.put("LoadBytes", entry.counters.bytes - bytesBefore);
        m.put("StreamLoadPlanTimeMs", 0L);
        m.put("ReceivedDataTimeMs", ms(start));
        return m;
    }

    private Map<String, Object> prepare(String label, String key, long start) {
        TxnEntry entry = transactions.get(key);
        if (entry == null) {
            return txnMap("FAILED", "transaction with label " + label + " does not exist", null);
        }
        TxnState state = entry.txn.state();
        if (state == TxnState.ABORTED || state.finished()) {
            return txnMap(
                    "TXN_NOT_EXISTS", "Transaction with label " + label + " is not running, state: " + state, null);
        }
        if (entry.counters.tooManyFiltered(entry.maxFilterRatio)) {
            entry.txn.abort("too many filtered rows");
            return countsMap(txnMap("FAILED", "too many filtered rows", label), entry, start, 0);
        }
        try {
            entry.txn.prepare();
        } catch (SqlError e) {
            entry.txn.abort(e.getMessage());
            return txnMap("INTERNAL_ERROR", e.getMessage(), null);
        }
        return countsMap(txnMap("OK", "", label), entry, start, 0);
    }

    private Map<String, Object> commit(String label, String key, long start) {
        TxnEntry entry = transactions.get(key);
        if (entry == null) {
            return txnMap("FAILED", "transaction with label " + label + " does not exist", null);
        }
        LoadTxn txn = entry.txn;
        TxnState state = txn.state();
        if (state.finished()) {
            // TransactionLoadAction: committing a committed transaction again is OK.
            return txnMap("OK", "label " + label + " transaction " + txn.txnId() + " has already committed", label);
        }
        if (state == TxnState.ABORTED) {
            return txnMap(
                    "FAILED",
                    "class com.starrocks.common.UserException: cannot commit aborted transaction " + txn.txnId()
                            + ", label " + label + " ",
                    null);
        }
        if (entry.counters.tooManyFiltered(entry.maxFilterRatio)) {
            txn.abort("too many filtered rows");
            Map<String, Object> m = countsMap(txnMap("FAILED", "too many filtered rows", label), entry, start, 0);
            putErrorUrl(m, entry.counters);
            return m;
        }
        long commitStart = System.nanoTime();
        try {
            txn.commit();
        } catch (SqlError e) {
            // begin + commit with no data answers INTERNAL_ERROR (test_stream_load_basic_txn).
            return txnMap("INTERNAL_ERROR", e.getMessage(), null);
        }
        Map<String, Object> m = countsMap(txnMap("OK", "", label), entry, start, ms(commitStart));
        putErrorUrl(m, entry.counters);
        return m;
    }

    private void putErrorUrl(Map<String, Object> m, LoadCounters counters) {
        String url = errorLogs.url(counters);
        if (url != null) {
            m.put("ErrorURL", url);
        }
    }

    private Map<String, Object> rollback(String label, String key) {
        TxnEntry entry = transactions.get(key);
        if (entry == null) {
            return txnMap("FAILED", "transaction with label " + label + " does not exist", null);
        }
        LoadTxn txn = entry.txn;
        TxnState state = txn.state();
        if (state.finished()) {
            return txnMap(
                    "FAILED",
                    "class com.starrocks.common.UserException: cannot abort committed transaction " + txn.txnId()
                            + ", label " + label + " ",
                    null);
        }
        if (state != TxnState.ABORTED) {
            txn.abort("rolled back by the client");
        }
        return txnMap("OK", "", label);
    }

    private static Map<String, Object> countsMap(Map<String, Object> m, TxnEntry entry, long start, long commitMs) {
        return LoadReplies.counts(m, entry.txn.txnId(), entry.counters, start, commitMs);
    }

    private void txnReply(Exchange ex, String status, String message, String label) throws IOException {
        ex.json(200, JsonText.be(txnMap(status, message, label)));
    }
}
