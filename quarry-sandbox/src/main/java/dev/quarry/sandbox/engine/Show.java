package dev.quarry.sandbox.engine;

import java.time.LocalDateTime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** SHOW, DESC and ADMIN statements. */
final class Show {
    private final DuckSession session;
    private final DuckEngine engine;

    Show(DuckSession session) {
        this.session = session;
        this.engine = session.engine;
    }

    private static List<ResultColumn> columns(String... names) {
        List<ResultColumn> out = new ArrayList<>();
        for (String n : names) {
            out.add(new ResultColumn(n, SqlType.VARCHAR, 256, 0, true));
        }
        return out;
    }

    private static StatementResult.Rows rows(List<ResultColumn> cols, List<List<String>> rows) {
        return new StatementResult.Rows(cols, rows);
    }

    /** {@code LIKE 'p'} → p; {@code WHERE Variable_name = 'x'} → exact x as a pattern; none → null. */
    private static String likeOrWhere(Cursor c) throws SqlError {
        if (c.acceptWord("LIKE")) {
            return c.string();
        }
        if (c.acceptWord("WHERE")) {
            c.identifier();
            if (c.acceptWord("LIKE")) {
                return c.string();
            }
            c.expectSymbol("=");
            return c.string().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
        return null;
    }

    private String millis(long epochMillis) {
        return Values.datetime(java.time.LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(epochMillis), session.zone())
                .withNano(0));
    }

    /** Applies the statement's remaining WHERE / ORDER BY / LIMIT to rows of text columns, evaluated by DuckDB. */
    private List<List<String>> filtered(List<ResultColumn> cols, List<List<String>> rows, Cursor c) throws SqlError {
        if (c.atEnd()) {
            return rows;
        }
        String rest = Rewriter.rewrite(c.sql(), c.tokens(), c.index(), c.tokens().size() - 1, session);
        List<String> names = new ArrayList<>();
        for (ResultColumn col : cols) {
            names.add(Sql.quoteIdent(col.name()));
        }
        StringBuilder select = new StringBuilder("SELECT * FROM (");
        if (rows.isEmpty()) {
            select.append("SELECT ");
            for (int i = 0; i < names.size(); i++) {
                select.append(i > 0 ? ", " : "").append("CAST(NULL AS VARCHAR) AS ").append(names.get(i));
            }
            select.append(" LIMIT 0");
        } else {
            select.append("VALUES ");
            for (int r = 0; r < rows.size(); r++) {
                select.append(r > 0 ? ", " : "").append('(');
                for (int i = 0; i < names.size(); i++) {
                    String v = rows.get(r).get(i);
                    select.append(i > 0 ? ", " : "").append(v == null ? "CAST(NULL AS VARCHAR)" : Sql.quoteString(v));
                }
                select.append(')');
            }
        }
        select.append(") v");
        if (!rows.isEmpty()) {
            select.append('(').append(String.join(", ", names)).append(')');
        }
        return session.runQuery(select + " " + rest).rows();
    }

    /** Filters (Variable_name, Value) rows with a WHERE predicate evaluated by DuckDB. */
    private List<List<String>> filter(List<List<String>> all, Cursor c) throws SqlError {
        String predicate = Rewriter.rewrite(c.sql(), c.tokens(), c.index(), c.tokens().size() - 1, session);
        StringBuilder values = new StringBuilder();
        for (List<String> r : all) {
            values.append(values.length() == 0 ? "" : ", ").append('(').append(Sql.quoteString(r.get(0))).append(", ")
                    .append(Sql.quoteString(r.get(1))).append(')');
        }
        return session.runQuery("SELECT * FROM (VALUES " + values + ") v(Variable_name, Value) WHERE " + predicate
                + " ORDER BY Variable_name").rows();
    }

    StatementResult run(Cursor c) throws SqlError {
        boolean full = c.acceptWord("FULL");
        if (c.acceptWord("DATABASES") || c.acceptWord("SCHEMAS")) {
            if (c.acceptWord("FROM") || c.acceptWord("IN")) {
                c.identifier();
            }
            String like = likeOrWhere(c);
            c.expectEnd();
            TreeSet<String> all = new TreeSet<>(engine.catalog.databases());
            all.addAll(Catalog.SYSTEM_DATABASES);
            List<List<String>> out = new ArrayList<>();
            for (String d : all) {
                if (like == null || Like.matches(like, d)) {
                    out.add(List.of(d));
                }
            }
            return rows(columns("Database"), out);
        }
        if (c.acceptWord("TABLES")) {
            String db = session.currentDatabase();
            if (c.acceptWord("FROM") || c.acceptWord("IN")) {
                db = c.identifier();
            }
            if ("information_schema".equalsIgnoreCase(db)) {
                String like = likeOrWhere(c);
                List<List<String>> out = new ArrayList<>();
                for (List<String> r : session.runQuery("SELECT view_name FROM duckdb_views() WHERE schema_name = '"
                        + InformationSchema.SCHEMA + "' ORDER BY view_name").rows()) {
                    if (like == null || Like.matches(like, r.get(0))) {
                        out.add(full ? List.of(r.get(0), "SYSTEM VIEW") : List.of(r.get(0)));
                    }
                }
                return rows(full ? columns("Tables_in_information_schema", "Table_type")
                        : columns("Tables_in_information_schema"), out);
            }
            db = session.requireDatabase(db);
            String like = likeOrWhere(c);
            c.expectEnd();
            List<List<String>> out = new ArrayList<>();
            for (TableDef t : engine.catalog.tables(db)) {
                if (like != null && !Like.matches(like, t.name())) {
                    continue;
                }
                out.add(full ? List.of(t.name(), t.kind() == TableDef.Kind.VIEW ? "VIEW" : "BASE TABLE") : List.of(t.name()));
            }
            return rows(full ? columns("Tables_in_" + db, "Table_type") : columns("Tables_in_" + db), out);
        }
        if (c.acceptWord("CREATE")) {
            return showCreate(c);
        }
        if (c.acceptWord("COLUMNS") || c.acceptWord("FIELDS")) {
            if (!c.acceptWord("FROM")) {
                c.expectWord("IN");
            }
            Cursor.QualifiedName qn = c.qualifiedName();
            if (c.acceptWord("FROM") || c.acceptWord("IN")) {
                qn = new Cursor.QualifiedName(c.identifier(), qn.name());
            }
            String like = likeOrWhere(c);
            TableDef t = session.requireTable(qn);
            List<List<String>> out = new ArrayList<>();
            for (ColumnDef col : t.columns()) {
                if (like != null && !Like.matches(like, col.name())) {
                    continue;
                }
                List<String> r = new ArrayList<>(List.of(col.name(), col.type().describe(), col.nullable() ? "YES" : "NO",
                        col.key() ? "true" : "false"));
                r.add(col.defaultValue());
                r.add(col.aggType() == null ? "" : col.aggType().name());
                if (full) {
                    r.add("");
                    r.add("");
                    r.add(col.comment());
                }
                out.add(r);
            }
            return rows(full ? columns("Field", "Type", "Null", "Key", "Default", "Extra", "Collation", "Privileges", "Comment")
                    : columns("Field", "Type", "Null", "Key", "Default", "Extra"), out);
        }
        if (c.isWord("VARIABLES") || c.isWord("SESSION", "VARIABLES") || c.isWord("GLOBAL", "VARIABLES")
                || c.isWord("LOCAL", "VARIABLES")) {
            if (!c.acceptWord("VARIABLES")) {
                c.next();
                c.next();
            }
            List<List<String>> all = session.variables.rows(null);
            if (c.acceptWord("WHERE")) {
                return rows(columns("Variable_name", "Value"), filter(all, c));
            }
            String like = likeOrWhere(c);
            c.expectEnd();
            return rows(columns("Variable_name", "Value"), session.variables.rows(like));
        }
        if (c.acceptWord("BACKENDS")) {
            return backends();
        }
        if (c.acceptWord("FRONTENDS")) {
            return frontends();
        }
        if (c.acceptWord("PROC")) {
            String path = c.string();
            c.expectEnd();
            return proc(path);
        }
        if (c.acceptWord("INDEX") || c.acceptWord("INDEXES") || c.acceptWord("KEYS")) {
            if (!c.acceptWord("FROM")) {
                c.expectWord("IN");
            }
            Cursor.QualifiedName qn = c.qualifiedName();
            if (c.acceptWord("FROM") || c.acceptWord("IN")) {
                qn = new Cursor.QualifiedName(c.identifier(), qn.name());
            }
            session.requireTable(qn);
            // The sandbox keeps no secondary (bitmap / bloom filter) indexes.
            return rows(columns("Table", "Non_unique", "Key_name", "Seq_in_index", "Column_name", "Collation", "Cardinality",
                    "Sub_part", "Packed", "Null", "Index_type", "Comment"), List.of());
        }
        if (c.acceptWord("ALTER", "TABLE")) {
            if (!c.acceptWord("COLUMN")) {
                if (!c.acceptWord("ROLLUP")) {
                    c.expectWord("MATERIALIZED", "VIEW");
                }
                return rows(columns("JobId", "TableName", "CreateTime", "FinishedTime", "BaseIndexName", "RollupIndexName",
                        "RollupId", "TransactionId", "State", "Msg", "Progress", "Timeout"), List.of());
            }
            String db = session.currentDatabase();
            if (c.acceptWord("FROM") || c.acceptWord("IN")) {
                db = c.identifier();
            }
            db = session.requireDatabase(db);
            List<ResultColumn> cols = columns("JobId", "TableName", "CreateTime", "FinishTime", "IndexName", "IndexId",
                    "OriginIndexId", "SchemaVersion", "TransactionId", "State", "Msg", "Progress", "Timeout");
            List<List<String>> jobs = new ArrayList<>();
            for (DuckEngine.AlterJob j : engine.alterJobs(db)) {
                jobs.add(List.of(Long.toString(j.jobId()), j.table(), millis(j.createMillis()), millis(j.finishMillis()),
                        j.table(), Long.toString(j.tableId() + 1), Long.toString(j.tableId()), "1:0",
                        Long.toString(j.jobId()), "FINISHED", "", "N/A", "86400"));
            }
            return rows(cols, filtered(cols, jobs, c));
        }
        if (c.acceptWord("WARNINGS") || c.acceptWord("ERRORS")) {
            return rows(columns("Level", "Code", "Message"), List.of());
        }
        if (c.acceptWord("STATUS") || c.isWord("SESSION", "STATUS") || c.isWord("GLOBAL", "STATUS")) {
            return rows(columns("Variable_name", "Value"), List.of());
        }
        if (c.acceptWord("ENGINES")) {
            return rows(columns("Engine", "Support", "Comment", "Transactions", "XA", "Savepoints"),
                    List.of(List.of("OLAP", "DEFAULT", "Default storage engine of StarRocks", "YES", "NO", "NO")));
        }
        if (c.acceptWord("CHARSET") || c.acceptWord("CHARACTER", "SET")) {
            return rows(columns("Charset", "Description", "Default collation", "Maxlen"),
                    List.of(List.of("utf8", "UTF-8 Unicode", "utf8_general_ci", "3")));
        }
        if (c.acceptWord("COLLATION")) {
            return rows(columns("Collation", "Charset", "Id", "Default", "Compiled", "Sortlen"),
                    List.of(List.of("utf8_general_ci", "utf8", "33", "Yes", "Yes", "1")));
        }
        if (c.acceptWord("PROCESSLIST")) {
            return rows(columns("Id", "User", "Host", "Db", "Command", "ConnectionStartTime", "Time", "State", "Info"), List.of());
        }
        if (c.acceptWord("CATALOGS")) {
            return rows(columns("Catalog", "Type", "Comment"),
                    List.of(List.of("default_catalog", "Internal", "An internal catalog contains this cluster's self-managed tables.")));
        }
        if (c.acceptWord("GRANTS")) {
            return rows(columns("UserIdentity", "Catalog", "Grants"),
                    List.of(List.of("'" + session.user() + "'@'%'", "", "GRANT 'root' TO '" + session.user() + "'@'%'")));
        }
        if (c.acceptWord("MATERIALIZED", "VIEWS")) {
            String db = session.currentDatabase();
            if (c.acceptWord("FROM") || c.acceptWord("IN")) {
                db = c.identifier();
            }
            db = session.requireDatabase(db);
            String like = likeOrWhere(c);
            List<List<String>> out = new ArrayList<>();
            for (TableDef t : engine.catalog.tables(db)) {
                if (t.kind() != TableDef.Kind.MATERIALIZED_VIEW || (like != null && !Like.matches(like, t.name()))) {
                    continue;
                }
                List<String> r = new ArrayList<>(List.of(Long.toString(t.id()), db, t.name(), engine.mvs().refreshType(t),
                        Boolean.toString(MaterializedViews.inactiveReason(t) == null)));
                r.add(ShowCreate.materializedView(t));
                out.add(r);
            }
            return rows(columns("id", "database_name", "name", "refresh_type", "is_active", "text"), out);
        }
        if (c.acceptWord("TEMPORARY", "PARTITIONS") || c.acceptWord("PARTITIONS")) {
            c.expectWord("FROM");
            TableDef t = session.requireTable(c.qualifiedName());
            Partitions parts = Partitions.of(t);
            List<String> names = new ArrayList<>(parts.names());
            String timeKey = parts.timeKeySql();
            if (names.isEmpty() && timeKey != null) {
                // Expression (automatic) partitions exist for the time buckets that hold data (spec §3.4).
                for (List<String> r : session.runQuery("SELECT DISTINCT strftime(" + timeKey + ", '%Y%m%d%H') FROM "
                        + t.duckName() + " WHERE " + timeKey + " IS NOT NULL ORDER BY 1").rows()) {
                    names.add("p" + r.get(0).substring(0, parts.timeNameDigits()));
                }
            }
            if (names.isEmpty() && t.partitionDesc() == null) {
                names.add(t.name());
            }
            List<ResultColumn> cols = columns("PartitionId", "PartitionName", "VisibleVersion", "VisibleVersionTime",
                    "VisibleVersionHash", "State", "PartitionKey", "Range", "DistributionKey", "Buckets", "ReplicationNum",
                    "StorageMedium", "CooldownTime", "LastConsistencyCheckTime", "DataSize", "StorageSize", "IsInMemory",
                    "RowCount", "DataVersion", "VersionEpoch", "VersionTxnType");
            List<List<String>> out = new ArrayList<>();
            long id = t.id();
            for (String n : names) {
                List<String> r = new ArrayList<>(List.of(Long.toString(++id), n, "1", millis(t.createdMillis()), "0", "NORMAL",
                        String.join(", ", t.partitionColumns()), "", t.randomDistribution() ? "ALL KEY"
                                : String.join(", ", t.distributionColumns()),
                        Integer.toString(Math.max(t.buckets(), 1)), t.properties().getOrDefault("replication_num", "3"), "HDD",
                        "9999-12-31 23:59:59", "NULL", "0B", "0B", "false", "0", "1", "0", "TXN_NORMAL"));
                out.add(r);
            }
            return rows(cols, filtered(cols, out, c));
        }
        if (c.acceptWord("TABLE", "STATUS")) {
            String db = session.currentDatabase();
            if (c.acceptWord("FROM") || c.acceptWord("IN")) {
                db = c.identifier();
            }
            db = session.requireDatabase(db);
            String like = likeOrWhere(c);
            List<List<String>> out = new ArrayList<>();
            for (TableDef t : engine.catalog.tables(db)) {
                if (like != null && !Like.matches(like, t.name())) {
                    continue;
                }
                List<String> r = new ArrayList<>();
                r.add(t.name());
                r.add(t.kind() == TableDef.Kind.VIEW ? null : "StarRocks");
                for (int i = 0; i < 15; i++) {
                    r.add(null);
                }
                r.add(t.comment());
                out.add(r);
            }
            return rows(columns("Name", "Engine", "Version", "Row_format", "Rows", "Avg_row_length", "Data_length",
                    "Max_data_length", "Index_length", "Data_free", "Auto_increment", "Create_time", "Update_time",
                    "Check_time", "Collation", "Checksum", "Create_options", "Comment"), out);
        }
        throw c.unexpected("DATABASES, TABLES, CREATE, COLUMNS, VARIABLES, BACKENDS, PROC");
    }

    private StatementResult showCreate(Cursor c) throws SqlError {
        if (c.acceptWord("DATABASE") || c.acceptWord("SCHEMA")) {
            String db = c.identifier();
            c.expectEnd();
            if (!engine.catalog.hasDatabase(db)) {
                throw DuckEngine.unknownDatabase(db);
            }
            return rows(columns("Database", "Create Database"), List.of(List.of(db, "CREATE DATABASE `" + db + "`")));
        }
        boolean mv = c.acceptWord("MATERIALIZED", "VIEW");
        boolean view = !mv && c.acceptWord("VIEW");
        if (!mv && !view) {
            c.expectWord("TABLE");
        }
        TableDef t = session.requireTable(c.qualifiedName());
        c.expectEnd();
        switch (t.kind()) {
            case VIEW:
                return rows(columns("View", "Create View", "character_set_client", "collation_connection"),
                        List.of(List.of(t.name(), ShowCreate.view(t), "utf8", "utf8_general_ci")));
            case MATERIALIZED_VIEW:
                return rows(columns(mv ? "Materialized View" : "Table", mv ? "Create Materialized View" : "Create Table"),
                        List.of(List.of(t.name(), ShowCreate.materializedView(t))));
            default:
                if (view || mv) {
                    throw SqlError.analysis("'" + t.db() + "." + t.name() + "' is not " + (view ? "VIEW" : "MATERIALIZED VIEW"));
                }
                return rows(columns("Table", "Create Table"), List.of(List.of(t.name(), ShowCreate.table(t))));
        }
    }

    StatementResult describe(Cursor c) throws SqlError {
        TableDef t = session.requireTable(c.qualifiedName());
        boolean all = c.acceptWord("ALL");
        c.expectEnd();
        List<List<String>> out = new ArrayList<>();
        for (ColumnDef col : t.columns()) {
            List<String> r = new ArrayList<>();
            if (all) {
                r.add(t.name());
                r.add(t.keysType() == null ? "" : t.keysType().model());
            }
            r.add(col.name());
            r.add(col.type().describe());
            r.add(col.nullable() ? "YES" : "NO");
            r.add(col.key() ? "true" : "false");
            r.add(col.defaultValue());
            r.add(col.aggType() == null || t.keysType() != KeysType.AGGREGATE ? "" : col.aggType().name());
            out.add(r);
        }
        return rows(all ? columns("IndexName", "IndexKeysType", "Field", "Type", "Null", "Key", "Default", "Extra")
                : columns("Field", "Type", "Null", "Key", "Default", "Extra"), out);
    }

    private String nowText() {
        return Values.datetime(LocalDateTime.ofInstant(engine.clock().instant(), session.zone()).withNano(0));
    }

    private StatementResult backends() {
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
        return rows(columns("BackendId", "IP", "HeartbeatPort", "BePort", "HttpPort", "BrpcPort", "LastStartTime",
                "LastHeartbeat", "Alive", "SystemDecommissioned", "ClusterDecommissioned", "TabletNum", "DataUsedCapacity",
                "AvailCapacity", "TotalCapacity", "UsedPct", "MaxDiskUsedPct", "ErrMsg", "Version", "Status",
                "DataTotalCapacity", "DataUsedPct", "CpuCores", "NumRunningQueries", "MemUsedPct", "CpuUsedPct",
                "DataCacheMetrics", "Location"), out);
    }

    private StatementResult frontends() {
        Engine.Addresses a = engine.addresses();
        List<String> r = List.of("sandbox_fe", a.host(), "9010", Integer.toString(a.httpPort()), Integer.toString(a.queryPort()),
                "9020", "LEADER", "1", "1", "true", "1", "true", "true", nowText(), "true", "",
                engine.config.starRocksVersion(), nowText());
        return rows(columns("Name", "IP", "EditLogPort", "HttpPort", "QueryPort", "RpcPort", "Role", "ClusterId", "Join",
                "Alive", "ReplayedJournalId", "LastHeartbeat", "IsHelper", "ErrMsg", "StartTime", "Version"),
                List.of(new ArrayList<>(r.subList(0, 16))));
    }

    private StatementResult proc(String path) throws SqlError {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        switch (p.toLowerCase(Locale.ROOT)) {
            case "/backends":
                return backends();
            case "/frontends":
                return frontends();
            case "/dbs": {
                List<List<String>> out = new ArrayList<>();
                for (String db : engine.catalog.databases()) {
                    out.add(List.of(Long.toString(engine.catalog.databaseId(db)), db,
                            Integer.toString(engine.catalog.tables(db).size()), "8388608.000 TB", "NULL", "1073741824"));
                }
                return rows(columns("DbId", "DbName", "TableNum", "Quota", "LastConsistencyCheckTime", "ReplicaQuota"), out);
            }
            default:
                throw SqlError.analysis("Proc path '" + path + "' doesn't exist");
        }
    }

    /** ADMIN SET FRONTEND CONFIG ("k" = "v"); ADMIN SHOW FRONTEND CONFIG [LIKE 'p'] (spec §5). */
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
