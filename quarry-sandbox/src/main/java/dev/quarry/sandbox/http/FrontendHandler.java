package dev.quarry.sandbox.http;

import dev.quarry.sandbox.engine.Engine;
import dev.quarry.sandbox.engine.SqlError;
import dev.quarry.sandbox.engine.TxnState;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The FE HTTP port: authenticates Stream Loads and redirects them to the BE port without reading the body
 * (LoadAction, docs/starrocks.md §1.1), answers label state, health and bootstrap probes.
 */
final class FrontendHandler {
    private final Engine engine;
    private final BasicAuth auth;
    private final int backends;
    private final String version;
    private volatile String beHost = "127.0.0.1";
    private volatile int bePort;
    private volatile int queryPort;

    FrontendHandler(Engine engine, BasicAuth auth, int backends, String version) {
        this.engine = engine;
        this.auth = auth;
        this.backends = backends;
        this.version = version;
    }

    void advertise(String host, int beHttpPort, int mysqlPort) {
        this.beHost = host;
        this.bePort = beHttpPort;
        this.queryPort = mysqlPort;
    }

    void handle(Exchange ex) throws IOException {
        HttpRequest req = ex.request;
        String[] parts = req.segments();
        if (parts.length == 5 && parts[1].equals("api") && parts[4].equals("_stream_load")) {
            if (!req.method.equals("PUT")) {
                ex.text(405, "Method Not Allowed");
                return;
            }
            if (!authenticated(ex)) {
                return;
            }
            streamLoad(ex, parts[2], parts[3]);
        } else if (parts.length == 4 && parts[1].equals("api") && parts[2].equals("transaction")) {
            if (!req.method.equals("POST") && !req.method.equals("PUT")) {
                ex.text(405, "Method Not Allowed");
                return;
            }
            if (!authenticated(ex)) {
                return;
            }
            // TransactionLoadAction sends every operation on to the BE that coordinates the label.
            redirect(ex, req.path);
        } else if (parts.length == 4
                && parts[1].equals("api")
                && parts[3].equals("get_load_state")
                && req.method.equals("GET")) {
            if (!authenticated(ex)) {
                return;
            }
            loadState(ex, parts[2], req.query.get("label"));
        } else if (req.path.equals("/api/health") && req.method.equals("GET")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", "OK");
            m.put("msg", "Success");
            m.put("online_backend_num", backends);
            m.put("total_backend_num", backends);
            ex.json(200, JsonText.fe(m));
        } else if (req.path.equals("/api/bootstrap") && req.method.equals("GET")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", "OK");
            m.put("msg", "Success");
            m.put("version", version);
            m.put("queryPort", queryPort);
            ex.json(200, JsonText.fe(m));
        } else {
            ex.text(404, "Not Found");
        }
    }

    private boolean authenticated(Exchange ex) throws IOException {
        BasicAuth.Result who = auth.check(ex.request.header("Authorization"));
        if (who.ok()) {
            return true;
        }
        String msg = who.present() ? BasicAuth.deniedMessage(who.user(), ex.clientHost()) : "Need auth information.";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "FAILED");
        body.put("code", "1");
        body.put("msg", msg);
        body.put("message", msg);
        // RestBaseAction: AccessDeniedException -> 401 with a Basic challenge (docs/starrocks.md §1.1).
        ex.send(
                401,
                Map.of("WWW-Authenticate", "Basic realm=\"\"", "Content-Type", "application/json; charset=utf-8"),
                JsonText.fe(body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return false;
    }

    private void streamLoad(Exchange ex, String db, String table) throws IOException {
        if (!ex.request.expectsContinue()) {
            failed(ex, "There is no 100-continue header");
            return;
        }
        if (db.isEmpty()) {
            failed(ex, "No database selected.");
            return;
        }
        if (table.isEmpty()) {
            failed(ex, "No table selected.");
            return;
        }
        if (backends == 0) {
            failed(ex, "No backend alive.");
            return;
        }
        redirect(ex, ex.request.path);
    }

    /** LoadAction's DdlException answer: HTTP 200, TransactionResult JSON. */
    private static void failed(Exchange ex, String message) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Status", "FAILED");
        m.put("Message", "class com.starrocks.common.DdlException: " + message);
        ex.json(200, JsonText.fe(m));
    }

    private void redirect(Exchange ex, String path) throws IOException {
        String location;
        try {
            location = new URI(
                            "http",
                            null,
                            beHost,
                            bePort,
                            path,
                            ex.request.rawQuery == null ? null : HttpRequest.decode(ex.request.rawQuery, false),
                            null)
                    .toASCIIString();
        } catch (URISyntaxException e) {
            ex.text(400, "cannot build the redirect location: " + e.getMessage());
            return;
        }
        ex.send(307, Map.of("Location", location), new byte[0]);
    }

    private void loadState(Exchange ex, String db, String label) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        if (db.isEmpty() || label == null || label.isEmpty()) {
            String msg = db.isEmpty() ? "No database selected." : "No label selected.";
            m.put("status", "FAILED");
            m.put("code", "1");
            m.put("msg", msg);
            m.put("message", msg);
            ex.json(200, JsonText.fe(m));
            return;
        }
        Optional<TxnState> state;
        try {
            state = engine.labelState(db, label);
        } catch (SqlError e) {
            String msg = "unknown database, database=" + db;
            m.put("status", "FAILED");
            m.put("code", "1");
            m.put("msg", msg);
            m.put("message", msg);
            ex.json(200, JsonText.fe(m));
            return;
        }
        m.put("status", "OK");
        m.put("code", "0");
        m.put("msg", "Success");
        m.put("message", "Success");
        m.put("state", state.orElse(TxnState.UNKNOWN).name());
        ex.json(200, JsonText.fe(m));
    }
}
