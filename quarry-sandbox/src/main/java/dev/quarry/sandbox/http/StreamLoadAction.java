package dev.quarry.sandbox.http;

import static dev.quarry.sandbox.http.LoadReplies.loadJson;
import static dev.quarry.sandbox.http.LoadReplies.ms;
import static dev.quarry.sandbox.http.LoadReplies.ordered;

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
import java.util.Map;

/** A plain Stream Load ({@code PUT /api/db/table/_stream_load}) on the BE port: one request, one transaction. */
final class StreamLoadAction {
    /** BE {@code streaming_load_max_mb} default since 3.0 (docs/starrocks.md §1.8). */
    private static final long MAX_BODY_BYTES = 102400L << 20;
    /** BE {@code streaming_load_max_batch_size_mb}: JSON bodies (docs/starrocks.md §1.8). */
    private static final long MAX_JSON_BYTES = 100L << 20;

    private final Engine engine;
    private final BasicAuth auth;
    private final QueryLog log;
    private final ErrorLogs errorLogs;
    private final Faults faults;

    StreamLoadAction(Engine engine, BasicAuth auth, QueryLog log, ErrorLogs errorLogs, Faults faults) {
        this.engine = engine;
        this.auth = auth;
        this.log = log;
        this.errorLogs = errorLogs;
        this.faults = faults;
    }

    void run(Exchange ex, String db, String table) throws IOException {
        long start = System.nanoTime();
        HttpRequest req = ex.request;
        String headerLabel = req.header("label");
        Fault fault = faults.take();
        if (fault != null && fault.kind() == Fault.Kind.HTTP_500) {
            ex.json(
                    500,
                    JsonText.be(ordered("status", "FAILED", "msg", "injected fault: HTTP 500 (sandbox test aid)")));
            log.load(null, db, table, headerLabel, "HTTP 500", 0, "injected fault", 0, req::header);
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.STALL) {
            faults.stall(fault.stall().toMillis());
        }
        BasicAuth.Result who = auth.check(req.header("Authorization"));
        if (!who.ok()) {
            String msg = who.present()
                    ? BasicAuth.deniedMessage(who.user(), ex.clientHost())
                    : "no valid Basic authorization";
            respondLoad(
                    ex,
                    -1,
                    headerLabel == null ? "" : headerLabel,
                    "Fail",
                    null,
                    msg,
                    new LoadCounters(),
                    0,
                    0,
                    0,
                    start,
                    null);
            log.load(who.user(), db, table, headerLabel, "Fail", ms(start), msg, 0, req::header);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(req::header);
            checkBodySize(req, options);
        } catch (SqlError | HttpRequest.BadRequest e) {
            respondLoad(
                    ex,
                    -1,
                    headerLabel == null ? "" : headerLabel,
                    "Fail",
                    null,
                    e.getMessage(),
                    new LoadCounters(),
                    0,
                    0,
                    0,
                    start,
                    null);
            log.load(who.user(), db, table, headerLabel, "Fail", ms(start), e.getMessage(), 0, req::header);
            return;
        }
        String label = options.label();
        long beginStart = System.nanoTime();
        LoadTxn txn;
        try {
            txn = engine.beginLoad(db, table, label);
        } catch (LabelAlreadyExistsException e) {
            respondLoad(
                    ex,
                    -1,
                    label,
                    "Label Already Exists",
                    e.existingJobStatus(),
                    e.getMessage(),
                    new LoadCounters(),
                    0,
                    0,
                    0,
                    start,
                    null);
            log.load(who.user(), db, table, label, "Label Already Exists", ms(start), e.getMessage(), 0, req::header);
            return;
        } catch (SqlError e) {
            respondLoad(ex, -1, label, "Fail", null, e.getMessage(), new LoadCounters(), 0, 0, 0, start, null);
            log.load(who.user(), db, table, label, "Fail", ms(start), e.getMessage(), 0, req::header);
            return;
        }
        long beginMs = ms(beginStart);
        LoadCounters counters = new LoadCounters();
        try {
            ex.continueIfExpected();
            InputStream body = ex.body();
            if (fault != null && fault.kind() == Fault.Kind.DROP_CONNECTION) {
                Faults.dropMidBody(ex, body);
                txn.abort("injected fault: connection dropped");
                log.load(who.user(), db, table, label, "dropped", ms(start), "injected fault", 0, req::header);
                return;
            }
            BodyLoader.append(txn, options, body, counters, start + options.timeoutSeconds() * 1_000_000_000L);
        } catch (SqlError | HttpRequest.BadRequest e) {
            txn.abort(e.getMessage());
            respondLoad(
                    ex,
                    txn.txnId(),
                    label,
                    "Fail",
                    null,
                    e.getMessage(),
                    counters,
                    beginMs,
                    0,
                    0,
                    start,
                    errorLogs.url(counters));
            log.load(who.user(), db, table, label, "Fail", ms(start), e.getMessage(), 0, req::header);
            return;
        } catch (FixedLengthInputStream.ShortBodyException e) {
            txn.abort(e.getMessage());
            respondLoad(ex, txn.txnId(), label, "Fail", null, e.getMessage(), counters, beginMs, 0, 0, start, null);
            log.load(who.user(), db, table, label, "Fail", ms(start), e.getMessage(), 0, req::header);
            return;
        } catch (RuntimeException e) {
            String msg = "Unexpected exception: " + e;
            txn.abort(msg);
            respondLoad(ex, txn.txnId(), label, "Fail", null, msg, counters, beginMs, 0, 0, start, null);
            log.load(who.user(), db, table, label, "Fail", ms(start), msg, 0, req::header);
            return;
        } catch (IOException e) {
            txn.abort("load aborted: " + e);
            log.load(who.user(), db, table, label, "Fail", ms(start), e.toString(), 0, req::header);
            throw e;
        }
        if (counters.tooManyFiltered(options.maxFilterRatio())) {
            txn.abort("too many filtered rows");
            respondLoad(
                    ex,
                    txn.txnId(),
                    label,
                    "Fail",
                    null,
                    "too many filtered rows",
                    counters,
                    beginMs,
                    counters.readNanos / 1_000_000,
                    counters.writeNanos / 1_000_000,
                    start,
                    errorLogs.url(counters));
            log.load(who.user(), db, table, label, "Fail", ms(start), "too many filtered rows", 0, req::header);
            return;
        }
        long commitStart = System.nanoTime();
        CommitResult result;
        try {
            result = txn.commit();
        } catch (SqlError | RuntimeException e) {
            respondLoad(
                    ex,
                    txn.txnId(),
                    label,
                    "Fail",
                    null,
                    e.getMessage(),
                    counters,
                    beginMs,
                    counters.readNanos / 1_000_000,
                    counters.writeNanos / 1_000_000,
                    start,
                    errorLogs.url(counters));
            log.load(who.user(), db, table, label, "Fail", ms(start), e.getMessage(), 0, req::header);
            return;
        }
        long commitMs = ms(commitStart);
        // COMMITTED but not yet VISIBLE is StarRocks' "Publish Timeout": the data will appear; do not retry.
        String status = result.state() == TxnState.COMMITTED ? "Publish Timeout" : "Success";
        Map<String, Object> m = loadJson(
                result.txnId(),
                label,
                status,
                null,
                "OK",
                counters,
                beginMs,
                counters.readNanos / 1_000_000,
                counters.writeNanos / 1_000_000,
                commitMs,
                start,
                errorLogs.url(counters));
        ex.json(200, JsonText.be(m));
        log.load(who.user(), db, table, label, status, ms(start), null, counters.loaded, req::header);
    }

    static void checkBodySize(HttpRequest req, LoadOptions options) throws SqlError, HttpRequest.BadRequest {
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

    private void respondLoad(
            Exchange ex,
            long txnId,
            String label,
            String status,
            String existing,
            String message,
            LoadCounters c,
            long beginMs,
            long readMs,
            long writeMs,
            long start,
            String errorUrl)
            throws IOException {
        ex.json(
                200,
                JsonText.be(loadJson(
                        txnId, label, status, existing, message, c, beginMs, readMs, writeMs, 0, start, errorUrl)));
    }
}
