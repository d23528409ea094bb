package dev.quarry.sandbox.http;

import dev.quarry.sandbox.Fault;
import dev.quarry.sandbox.QueryLog;
import dev.quarry.sandbox.engine.CommitResult;
import dev.quarry.sandbox.engine.Engine;
import dev.quarry.sandbox.engine.LabelAlreadyExistsException;
import dev.quarry.sandbox.engine.LoadTxn;
import dev.quarry.sandbox.engine.SqlError;
import dev.quarry.sandbox.engine.TxnState;
import dev.quarry.sandbox.load.LoadFormat;
import dev.quarry.sandbox.load.LoadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The BE HTTP port: performs Stream Loads (also when sent here directly), the transaction interface, and serves
 * error logs. Responses follow docs/starrocks.md §1.4 and §2 and are HTTP 200 even when the load failed.
 */
final class BackendHandler {
    /** BE {@code streaming_load_max_mb} default since 3.0 (docs/starrocks.md §1.8). */
    static final long MAX_BODY_BYTES = 102400L << 20;
    /** BE {@code streaming_load_max_batch_size_mb}: JSON bodies (docs/starrocks.md §1.8). */
    static final long MAX_JSON_BYTES = 100L << 20;

    private final Engine engine;
    private final BasicAuth auth;
    private final QueryLog log;
    private final ErrorLogs errorLogs;
    private final Faults faults;
    private final Map<String, TxnEntry> transactions = new ConcurrentHashMap<>();
    private volatile String errorUrlBase = "";

    BackendHandler(Engine engine, BasicAuth auth, QueryLog log, ErrorLogs errorLogs, Faults faults) {
        this.engine = engine;
        this.auth = auth;
        this.log = log;
        this.errorLogs = errorLogs;
        this.faults = faults;
    }

    void advertise(String host, int bePort) {
        errorUrlBase = "http://" + host + ":" + bePort + "/api/_load_error_log?file=";
    }

    void handle(Exchange ex) throws IOException {
        HttpRequest req = ex.request;
        String[] parts = req.path.split("/");
        // ["", "api", db, table, "_stream_load"]
        if (parts.length == 5 && parts[1].equals("api") && parts[4].equals("_stream_load")) {
            if (!req.method.equals("PUT")) {
                ex.text(405, "Method Not Allowed");
                return;
            }
            streamLoad(ex, parts[2], parts[3]);
        } else if (parts.length == 4 && parts[1].equals("api") && parts[2].equals("transaction")) {
            if (!req.method.equals("POST") && !req.method.equals("PUT")) {
                ex.text(405, "Method Not Allowed");
                return;
            }
            transaction(ex, parts[3]);
        } else if (req.path.equals("/api/_load_error_log") && req.method.equals("GET")) {
            String file = req.query.get("file");
            String content = file == null ? null : errorLogs.get(file);
            if (content == null) {
                ex.text(404, "error log not found: " + file);
            } else {
                ex.text(200, content);
            }
        } else if (req.path.equals("/api/health") && req.method.equals("GET")) {
            ex.json(200, JsonText.be(ordered("status", "OK", "msg", "To Be Added")));
        } else {
            ex.text(404, "Not Found");
        }
    }

    // ---- plain Stream Load ----

    private void streamLoad(Exchange ex, String db, String table) throws IOException {
        long start = System.nanoTime();
        HttpRequest req = ex.request;
        String headerLabel = req.header("label");
        Fault fault = faults.take();
        if (fault != null && fault.kind() == Fault.Kind.HTTP_500) {
            ex.json(500, JsonText.be(ordered("status", "FAILED", "msg", "injected fault: HTTP 500 (sandbox test aid)")));
            log.load(null, db, table, headerLabel, "HTTP 500", 0, "injected fault", 0);
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.STALL) {
            sleep(fault.stall().toMillis());
        }
        BasicAuth.Result who = auth.check(req.header("Authorization"));
        if (!who.ok()) {
            String msg = who.present() ? BasicAuth.deniedMessage(who.user(), ex.clientHost()) : "no valid Basic authorization";
            respondLoad(ex, -1, headerLabel == null ? "" : headerLabel, "Fail", null, msg, new LoadCounters(), 0, 0, 0,
                    start, null);
            log.load(who.user(), db, table, headerLabel, "Fail", ms(start), msg, 0);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(req::header);
            checkBodySize(req, options);
        } catch (SqlError | HttpRequest.BadRequest e) {
            respondLoad(ex, -1, headerLabel == null ? "" : headerLabel, "Fail", null, e.getMessage(),
                    new LoadCounters(), 0, 0, 0, start, null);
            log.load(who.user(), db, table, headerLabel, "Fail", ms(start), e.getMessage(), 0);
            return;
        }
        String label = options.label();
        long beginStart = System.nanoTime();
        LoadTxn txn;
        try {
            txn = engine.beginLoad(db, table, label);
        } catch (LabelAlreadyExistsException e) {
            respondLoad(ex, -1, label, "Label Already Exists", e.existingJobStatus(), e.getMessage(),
                    new LoadCounters(), 0, 0, 0, start, null);
            log.load(who.user(), db, table, label, "Label Already Exists", ms(start), e.getMessage(), 0);
            return;
        } catch (SqlError e) {
            respondLoad(ex, -1, label, "Fail", null, e.getMessage(), new LoadCounters(), 0, 0, 0, start, null);
            log.load(who.user(), db, table, label, "Fail", ms(start), e.getMessage(), 0);
            return;
        }
        long beginMs = ms(beginStart);
        LoadCounters counters = new LoadCounters();
        try {
            ex.continueIfExpected();
            InputStream body = ex.body();
            if (fault != null && fault.kind() == Fault.Kind.DROP_CONNECTION) {
                dropMidBody(ex, body);
                txn.abort("injected fault: connection dropped");
                log.load(who.user(), db, table, label, "dropped", ms(start), "injected fault", 0);
                return;
            }
            BodyLoader.append(txn, options, body, counters, start + options.timeoutSeconds() * 1_000_000_000L);
        } catch (SqlError | HttpRequest.BadRequest e) {
            txn.abort(e.getMessage());
            respondLoad(ex, txn.txnId(), label, "Fail", null, e.getMessage(), counters, beginMs, 0, 0, start,
                    errorUrl(counters));
            log.load(who.user(), db, table, label, "Fail", ms(start), e.getMessage(), 0);
            return;
        } catch (FixedLengthInputStream.ShortBodyException e) {
            txn.abort(e.getMessage());
            respondLoad(ex, txn.txnId(), label, "Fail", null, e.getMessage(), counters, beginMs, 0, 0, start, null);
            log.load(who.user(), db, table, label, "Fail", ms(start), e.getMessage(), 0);
            return;
        } catch (RuntimeException e) {
            String msg = "Unexpected exception: " + e;
            txn.abort(msg);
            respondLoad(ex, txn.txnId(), label, "Fail", null, msg, counters, beginMs, 0, 0, start, null);
            log.load(who.user(), db, table, label, "Fail", ms(start), msg, 0);
            return;
        } catch (IOException e) {
            txn.abort("load aborted: " + e);
            log.load(who.user(), db, table, label, "Fail", ms(start), e.toString(), 0);
            throw e;
        }
        if (counters.tooManyFiltered(options.maxFilterRatio())) {
            txn.abort("too many filtered rows");
            respondLoad(ex, txn.txnId(), label, "Fail", null, "too many filtered rows", counters, beginMs,
                    counters.readNanos / 1_000_000, counters.writeNanos / 1_000_000, start, errorUrl(counters));
            log.load(who.user(), db, table, label, "Fail", ms(start), "too many filtered rows", 0);
            return;
        }
        long commitStart = System.nanoTime();
        CommitResult result;
        try {
            result = txn.commit();
        } catch (SqlError | RuntimeException e) {
            respondLoad(ex, txn.txnId(), label, "Fail", null, e.getMessage(), counters, beginMs,
                    counters.readNanos / 1_000_000, counters.writeNanos / 1_000_000, start, errorUrl(counters));
            log.load(who.user(), db, table, label, "Fail", ms(start), e.getMessage(), 0);
            return;
        }
        long commitMs = ms(commitStart);
        // COMMITTED but not yet VISIBLE is StarRocks' "Publish Timeout": the data will appear; do not retry.
        String status = result.state() == TxnState.COMMITTED ? "Publish Timeout" : "Success";
        Map<String, Object> m = loadJson(result.txnId(), label, status, null, "OK", counters, beginMs,
                counters.readNanos / 1_000_000, counters.writeNanos / 1_000_000, commitMs, start, errorUrl(counters));
        ex.json(200, JsonText.be(m));
        log.load(who.user(), db, table, label, status, ms(start), null, counters.loaded);
    }

    private void checkBodySize(HttpRequest req, LoadOptions options) throws SqlError, HttpRequest.BadRequest {
        long length = req.contentLength();
        if (length > MAX_BODY_BYTES) {
            throw SqlError.of("body size " + length + " exceed limit: " + MAX_BODY_BYTES + ", label=" + options.label()
                    + ". You can increase the limit by setting streaming_load_max_mb in be.conf.");
        }
        if (options.format() == LoadFormat.JSON && length > MAX_JSON_BYTES && !options.ignoreJsonSize()) {
            throw SqlError.of("The size of this batch exceed the max size [" + MAX_JSON_BYTES
                    + "]  of json type data  data [ " + length + " ]. Set ignore_json_size to skip the check, "
                    + "although it may lead huge memory consuming.");
        }
    }

    private static void dropMidBody(Exchange ex, InputStream body) {
        byte[] sink = new byte[8192];
        try {
            int read = 0;
            while (read < 16 * 1024) {
                int n = body.read(sink);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (IOException e) {
            // the fault is the point; the client side sees the reset
        }
        ex.reset();
    }

    private String errorUrl(LoadCounters counters) {
        if (counters.rejected.isEmpty()) {
            return null;
        }
        return errorUrlBase + errorLogs.store(counters.rejected);
    }

    private void respondLoad(Exchange ex, long txnId, String label, String status, String existing, String message,
                             LoadCounters c, long beginMs, long readMs, long writeMs, long start, String errorUrl)
            throws IOException {
        ex.json(200, JsonText.be(loadJson(txnId, label, status, existing, message, c, beginMs, readMs, writeMs, 0,
                start, errorUrl)));
    }

    /** StreamLoadContext::to_json key order (docs/starrocks.md §1.4). */
    private static Map<String, Object> loadJson(long txnId, String label, String status, String existing,
                                                String message, LoadCounters c, long beginMs, long readMs,
                                                long writeMs, long commitMs, long start, String errorUrl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("TxnId", txnId);
        m.put("Label", label);
        m.put("Status", status);
        if (existing != null) {
            m.put("ExistingJobStatus", existing);
        }
        m.put("Message", message);
        m.put("NumberTotalRows", c.total);
        m.put("NumberLoadedRows", c.loaded);
        m.put("NumberFilteredRows", c.filtered);
        m.put("NumberUnselectedRows", c.unselected);
        m.put("LoadBytes", c.bytes);
        m.put("LoadTimeMs", ms(start));
        m.put("BeginTxnTimeMs", beginMs);
        m.put("StreamLoadPlanTimeMs", 0L);
        m.put("ReadDataTimeMs", readMs);
        m.put("WriteDataTimeMs", writeMs);
        m.put("CommitAndPublishTimeMs", commitMs);
        if (errorUrl != null) {
            m.put("ErrorURL", errorUrl);
        }
        return m;
    }

    // ---- transaction interface (docs/starrocks.md §2) ----

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

    private void transaction(Exchange ex, String op) throws IOException {
        long start = System.nanoTime();
        HttpRequest req = ex.request;
        BasicAuth.Result who = auth.check(req.header("Authorization"));
        if (!who.ok()) {
            String msg = who.present() ? BasicAuth.deniedMessage(who.user(), ex.clientHost()) : "no valid Basic authorization";
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
        log.load(who.user(), db, e == null ? req.header("table") : e.table, label,
                "txn " + op + ": " + reply.get("Status"), ms(start),
                "OK".equals(reply.get("Status")) ? null : String.valueOf(reply.get("Message")),
                e == null ? 0 : e.counters.loaded);
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
            return txnMap("TXN_NOT_EXISTS", "Transaction with label " + label + " is not running, state: " + state, null);
        }
        if (state == TxnState.PREPARED) {
            return txnMap("FAILED", "Transaction with label " + label + " is already prepared", null);
        }
        long start = System.nanoTime();
        Fault fault = faults.take();
        if (fault != null && fault.kind() == Fault.Kind.HTTP_500) {
            ex.json(500, JsonText.be(ordered("status", "FAILED", "msg", "injected fault: HTTP 500 (sandbox test aid)")));
            return null;
        }
        if (fault != null && fault.kind() == Fault.Kind.STALL) {
            sleep(fault.stall().toMillis());
        }
        long bytesBefore = entry.counters.bytes;
        try {
            LoadOptions options = LoadOptions.parse(ex.request::header);
            checkBodySize(ex.request, options);
            entry.maxFilterRatio = options.maxFilterRatio();
            ex.continueIfExpected();
            InputStream body = ex.body();
            if (fault != null && fault.kind() == Fault.Kind.DROP_CONNECTION) {
                dropMidBody(ex, body);
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
            return txnMap("TXN_NOT_EXISTS", "Transaction with label " + label + " is not running, state: " + state, null);
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
            return txnMap("FAILED", "class com.starrocks.common.UserException: cannot commit aborted transaction "
                    + txn.txnId() + ", label " + label + " ", null);
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
        String url = errorUrl(counters);
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
            return txnMap("FAILED", "class com.starrocks.common.UserException: cannot abort committed transaction "
                    + txn.txnId() + ", label " + label + " ", null);
        }
        if (state != TxnState.ABORTED) {
            txn.abort("rolled back by the client");
        }
        return txnMap("OK", "", label);
    }

    private static Map<String, Object> countsMap(Map<String, Object> m, TxnEntry entry, long start, long commitMs) {
        LoadCounters c = entry.counters;
        m.put("TxnId", entry.txn.txnId());
        m.put("NumberTotalRows", c.total);
        m.put("NumberLoadedRows", c.loaded);
        m.put("NumberFilteredRows", c.filtered);
        m.put("NumberUnselectedRows", c.unselected);
        m.put("LoadBytes", c.bytes);
        m.put("LoadTimeMs", ms(start));
        m.put("StreamLoadPlanTimeMs", 0L);
        m.put("ReceivedDataTimeMs", c.readNanos / 1_000_000);
        m.put("WriteDataTimeMs", c.writeNanos / 1_000_000);
        m.put("CommitAndPublishTimeMs", commitMs);
        return m;
    }

    /** to_resp_json order: Status, Message, then Label on success. */
    private static Map<String, Object> txnMap(String status, String message, String label) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Status", status);
        m.put("Message", message);
        if (label != null) {
            m.put("Label", label);
        }
        return m;
    }

    private void txnReply(Exchange ex, String status, String message, String label) throws IOException {
        ex.json(200, JsonText.be(txnMap(status, message, label)));
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
