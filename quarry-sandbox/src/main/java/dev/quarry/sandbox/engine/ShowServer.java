package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.ShowRows.columns;
import static dev.quarry.sandbox.engine.ShowRows.filter;
import static dev.quarry.sandbox.engine.ShowRows.likeOrWhere;
import static dev.quarry.sandbox.engine.ShowRows.rows;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SHOW of the server rather than its data: variables, backends and frontends, PROC paths, status, engines,
 * character sets, processes, catalogs, grants; and ADMIN FRONTEND CONFIG. Each method starts after the keywords
 * {@link Show} matched.
 */
final class ShowServer {
    private final DuckSession session;
    private final DuckEngine engine;

    ShowServer(DuckSession session) {
        this.session = session;
        this.engine = session.engine;
    }

    /** SHOW [SESSION | GLOBAL | LOCAL] VARIABLES, at the VARIABLES keyword or its scope. */
    StatementResult variables(Cursor c) throws SqlError {
        if (!c.acceptWord("VARIABLES")) {
            c.next();
            c.next();
        }
        List<List<String>> all = session.variables.rows(null);
        if (c.acceptWord("WHERE")) {
            return rows(columns("Variable_name", "Value"), filter(session, all, c));
        }
        String like = likeOrWhere(c);
        c.expectEnd();
        return rows(columns("Variable_name", "Value"), session.variables.rows(like));
    }

    /** SHOW PROC 'path'. */
    StatementResult proc(Cursor c) throws SqlError {
        String path = c.string();
        c.expectEnd();
        return proc(path);
    }

    /** SHOW WARNINGS | ERRORS: the sandbox raises none. */
    StatementResult warnings() {
        return rows(columns("Level", "Code", "Message"), List.of());
    }

    /** SHOW [SESSION | GLOBAL] STATUS. */
    StatementResult status() {
        return rows(columns("Variable_name", "Value"), List.of());
    }

    StatementResult engines() {
        return rows(
                columns("Engine", "Support", "Comment", "Transactions", "XA", "Savepoints"),
                List.of(List.of("OLAP", "DEFAULT", "Default storage engine of StarRocks", "YES", "NO", "NO")));
    }

    StatementResult charset() {
        return rows(
                columns("Charset", "Description", "Default collation", "Maxlen"),
                List.of(List.of("utf8", "UTF-8 Unicode", "utf8_general_ci", "3")));
    }

    StatementResult collation() {
        return rows(
                columns("Collation", "Charset", "Id", "Default", "Compiled", "Sortlen"),
                List.of(List.of("utf8_general_ci", "utf8", "33", "Yes", "Yes", "1")));
    }

    StatementResult processlist() {
        return rows(
                columns("Id", "User", "Host", "Db", "Command", "ConnectionStartTime", "Time", "State", "Info"),
                List.of());
    }

    StatementResult catalogs() {
        return rows(
                columns("Catalog", "Type", "Comment"),
                List.of(List.of(
                        "default_catalog",
                        "Internal",
                        "An internal catalog contains this cluster's self-managed tables.")));
    }

    StatementResult grants() {
        return rows(
                columns("UserIdentity", "Catalog", "Grants"),
                List.of(List.of("'" + session.user() + "'@'%'", "", "GRANT 'root' TO '" + session.user() + "'@'%'")));
    }

    private String nowText() {
        return Values.datetime(LocalDateTime.ofInstant(engine.clock().instant(), session.zone())
                .withNano(0));
    }

    StatementResult backends() {
        Engine.Addresses a = engine.addresses();
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < engine.config.backends(); i++) {
            List<String> r = new ArrayList<>();
            r.add(Long.toString(DuckEngine.FIRST_BACKEND_ID + i));
            r.add(a.host());
            r.add("9050");
            r.add("9060");
            r.add(Integer.toString(a.beHttpPort()));
            r.add("8060");
            r.add(nowText());
            r.add(nowText());
            r.add("true");
            r.add("false");
            r.add("false");
            r.add("0");
            r.add("0.000 B");
            r.add("1.000 TB");
            r.add("1.000 TB");
            r.add("0.00 %");
            r.add("0.00 %");
            r.add("");
            r.add(engine.config.starRocksVersion());
            r.add("{\"lastSuccessReportTabletsTime\":\"" + nowText() + "\"}");
            r.add("1.000 TB");
            r.add("0.00 %");
            r.add(Integer.toString(Runtime.getRuntime().availableProcessors()));
            r.add("0");
            r.add("0.00 %");
            r.add("0.0 %");
            r.add("N/A");
            r.add("");
            out.add(r);
        }
        return rows(
                columns(
                        "BackendId",
                        "IP",
                        "HeartbeatPort",
                        "BePort",
                        "HttpPort",
                        "BrpcPort",
                        "LastStartTime",
                        "LastHeartbeat",
                        "Alive",
                        "SystemDecommissioned",
                        "ClusterDecommissioned",
                        "TabletNum",
                        "DataUsedCapacity",
                        "AvailCapacity",
                        "TotalCapacity",
                        "UsedPct",
                        "MaxDiskUsedPct",
                        "ErrMsg",
                        "Version",
                        "Status",
                        "DataTotalCapacity",
                        "DataUsedPct",
                        "CpuCores",
                        "NumRunningQueries",
                        "MemUsedPct",
                        "CpuUsedPct",
                        "DataCacheMetrics",
                        "Location"),
                out);
    }

    StatementResult frontends() {
        Engine.Addresses a = engine.addresses();
        List<String> r = List.of(
                "sandbox_fe",
                a.host(),
                "9010",
                Integer.toString(a.httpPort()),
                Integer.toString(a.queryPort()),
                "9020",
                "LEADER",
                "1",
                "1",
                "true",
                "1",
                "true",
                "true",
                nowText(),
                "true",
                "",
                engine.config.starRocksVersion(),
                nowText());
        return rows(
                columns(
                        "Name",
                        "IP",
                        "EditLogPort",
                        "HttpPort",
                        "QueryPort",
                        "RpcPort",
                        "Role",
                        "ClusterId",
                        "Join",
                        "Alive",
                        "ReplayedJournalId",
                        "LastHeartbeat",
                        "IsHelper",
                        "ErrMsg",
                        "StartTime",
                        "Version"),
                List.of(new ArrayList<>(r.subList(0, 16))));
    }

    private StatementResult proc(String path) throws SqlError {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        switch (p.toLowerCase(Locale.ROOT)) {
            case "/backends" -> {
                return backends();
            }
            case "/frontends" -> {
                return frontends();
            }
            case "/dbs" -> {
                List<List<String>> out = new ArrayList<>();
                for (String db : engine.catalog.databases()) {
                    out.add(List.of(
                            Long.toString(engine.catalog.databaseId(db)),
                            db,
                            Integer.toString(engine.catalog.tables(db).size()),
                            "8388608.000 TB",
                            "NULL",
                            "1073741824"));
                }
                return rows(
                        columns("DbId", "DbName", "TableNum", "Quota", "LastConsistencyCheckTime", "ReplicaQuota"),
                        out);
            }
            default -> throw SqlError.analysis("Proc path '" + path + "' doesn't exist");
        }
    }

    /** ADMIN SET | SHOW FRONTEND CONFIG, after the ADMIN keyword. */
    StatementResult admin(Cursor c) throws SqlError {
        if (c.acceptWord("SET", "FRONTEND", "CONFIG")) {
            c.expectSymbol("(");
            String key = c.string();
            c.expectSymbol("=");
            String value = c.string();
            c.expectSymbol(")");
            c.expectEnd();
            engine.fe.set(key, value);
            return StatementResult.Ok.of(0);
        }
        if (c.acceptWord("SHOW", "FRONTEND", "CONFIG")) {
            String like = c.acceptWord("LIKE") ? c.string() : null;
            c.expectEnd();
            return rows(columns("Key", "AliasNames", "Value", "Type", "IsMutable", "Comment"), engine.fe.rows(like));
        }
        throw c.unexpected("SET FRONTEND CONFIG, SHOW FRONTEND CONFIG");
    }
}
