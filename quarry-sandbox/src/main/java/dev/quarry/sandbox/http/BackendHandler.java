package dev.quarry.sandbox.http;

import static dev.quarry.sandbox.http.LoadReplies.ordered;

import dev.quarry.sandbox.QueryLog;
import dev.quarry.sandbox.engine.Engine;
import java.io.IOException;

/**
 * The BE HTTP port: performs Stream Loads (also when sent here directly), the transaction interface, and serves
 * error logs. Responses follow docs/starrocks.md §1.4 and §2 and are HTTP 200 even when the load failed.
 * This class routes requests: {@link StreamLoadAction} runs plain Stream Loads, {@link TransactionAction} the
 * transaction interface, {@link LoadReplies} shapes their JSON.
 */
final class BackendHandler {
    private final ErrorLogs errorLogs;
    private final StreamLoadAction streamLoad;
    private final TransactionAction transaction;

    BackendHandler(Engine engine, BasicAuth auth, QueryLog log, ErrorLogs errorLogs, Faults faults) {
        this.errorLogs = errorLogs;
        this.streamLoad = new StreamLoadAction(engine, auth, log, errorLogs, faults);
        this.transaction = new TransactionAction(engine, auth, log, errorLogs, faults);
    }

    void advertise(String host, int bePort) {
        errorLogs.advertise(host, bePort);
    }

    void handle(Exchange ex) throws IOException {
        HttpRequest req = ex.request;
        String[] parts = req.segments();
        // ["", "api", db, table, "_stream_load"]
        if (parts.length == 5 && parts[1].equals("api") && parts[4].equals("_stream_load")) {
            if (!req.method.equals("PUT")) {
                ex.text(405, "Method Not Allowed");
                return;
            }
            streamLoad.run(ex, parts[2], parts[3]);
        } else if (parts.length == 4 && parts[1].equals("api") && parts[2].equals("transaction")) {
            if (!req.method.equals("POST") && !req.method.equals("PUT")) {
                ex.text(405, "Method Not Allowed");
                return;
            }
            transaction.run(ex, parts[3]);
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
}
