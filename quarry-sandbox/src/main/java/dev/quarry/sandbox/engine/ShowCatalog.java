package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.ShowRows.columns;
import static dev.quarry.sandbox.engine.ShowRows.filtered;
import static dev.quarry.sandbox.engine.ShowRows.likeOrWhere;
import static dev.quarry.sandbox.engine.ShowRows.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * SHOW and DESC of catalog objects: databases, tables, columns, CREATE statements, indexes, schema-change jobs,
 * materialized views, partitions, table status. Each method starts after the SHOW keywords {@link Show} matched.
 */
final class ShowCatalog {
    private final DuckSession session;
    private final DuckEngine engine;

    ShowCatalog(DuckSession session) {
        this.session = session;
        this.engine = session.engine;
    }

    private String millis(long epochMillis) {
        return ShowRows.millis(epochMillis, session.zone());
    }

    /** SHOW DATABASES | SCHEMAS. */
    StatementResult databases(Cursor c) throws SqlError {
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

    /** SHOW [FULL] TABLES. */
    StatementResult tables(Cursor c, boolean full) throws SqlError {
        String db = session.currentDatabase();
        if (c.acceptWord("FROM") || c.acceptWord("IN")) {
            db = c.identifier();
        }
        if ("information_schema".equalsIgnoreCase(db)) {
            String like = likeOrWhere(c);
            List<List<String>> out = new ArrayList<>();
            for (List<String> r : session.runQuery("SELECT view_name FROM duckdb_views() WHERE schema_name = '"
                            + InformationSchema.SCHEMA + "' ORDER BY view_name")
                    .rows()) {
                if (like == null || Like.matches(like, r.get(0))) {
                    out.add(full ? List.of(r.get(0), "SYSTEM VIEW") : List.of(r.get(0)));
                }
            }
            return rows(
                    full
                            ? columns("Tables_in_information_schema", "Table_type")
                            : columns("Tables_in_information_schema"),
                    out);
        }
        db = session.requireDatabase(db);
        String like = likeOrWhere(c);
        c.expectEnd();
        List<List<String>> out = new ArrayList<>();
        for (TableDef t : engine.catalog.tables(db)) {
            if (like != null && !Like.matches(like, t.name())) {
                continue;
            }
            out.add(
                    full
                            ? List.of(t.name(), t.kind() == TableDef.Kind.VIEW ? "VIEW" : "BASE TABLE")
                            : List.of(t.name()));
        }
        return rows(full ? columns("Tables_in_" + db, "Table_type") : columns("Tables_in_" + db), out);
    }

    /** SHOW [FULL] COLUMNS | FIELDS. */
    StatementResult tableColumns(Cursor c, boolean full) throws SqlError {
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
            List<String> r = new ArrayList<>(List.of(
                    col.name(), col.type().describe(), col.nullable() ? "YES" : "NO", col.key() ? "true" : "false"));
            r.add(col.defaultValue());
            r.add(col.aggType() == null ? "" : col.aggType().name());
            if (full) {
                r.add("");
                r.add("");
                r.add(col.comment());
            }
            out.add(r);
        }
        return rows(
                full
                        ? columns(
                                "Field",
                                "Type",
                                "Null",
                                "Key",
                                "Default",
                                "Extra",
                                "Collation",
                                "Privileges",
                                "Comment")
                        : columns("Field", "Type", "Null", "Key", "Default", "Extra"),
                out);
    }

    /** SHOW INDEX | INDEXES | KEYS. */
    StatementResult indexes(Cursor c) throws SqlError {
        if (!c.acceptWord("FROM")) {
            c.expectWord("IN");
        }
        Cursor.QualifiedName qn = c.qualifiedName();
        if (c.acceptWord("FROM") || c.acceptWord("IN")) {
            qn = new Cursor.QualifiedName(c.identifier(), qn.name());
        }
        session.requireTable(qn);
        // The sandbox keeps no secondary (bitmap / bloom filter) indexes.
        return rows(
                columns(
                        "Table",
                        "Non_unique",
                        "Key_name",
                        "Seq_in_index",
                        "Column_name",
                        "Collation",
                        "Cardinality",
                        "Sub_part",
                        "Packed",
                        "Null",
                        "Index_type",
                        "Comment"),
                List.of());
    }

    /** SHOW ALTER TABLE COLUMN | ROLLUP | MATERIALIZED VIEW: the sandbox's ALTERs finish at once. */
    StatementResult alterJobs(Cursor c) throws SqlError {
        if (!c.acceptWord("COLUMN")) {
            if (!c.acceptWord("ROLLUP")) {
                c.expectWord("MATERIALIZED", "VIEW");
            }
            return rows(
                    columns(
                            "JobId",
                            "TableName",
                            "CreateTime",
                            "FinishedTime",
                            "BaseIndexName",
                            "RollupIndexName",
                            "RollupId",
                            "TransactionId",
                            "State",
                            "Msg",
                            "Progress",
                            "Timeout"),
                    List.of());
        }
        String db = session.currentDatabase();
        if (c.acceptWord("FROM") || c.acceptWord("IN")) {
            db = c.identifier();
        }
        db = session.requireDatabase(db);
        List<ResultColumn> cols = columns(
                "JobId",
                "TableName",
                "CreateTime",
                "FinishTime",
                "IndexName",
                "IndexId",
                "OriginIndexId",
                "SchemaVersion",
                "TransactionId",
                "State",
                "Msg",
                "Progress",
                "Timeout");
        List<List<String>> jobs = new ArrayList<>();
        for (DuckEngine.AlterJob j : engine.alterJobs(db)) {
            jobs.add(List.of(
                    Long.toString(j.jobId()),
                    j.table(),
                    millis(j.createMillis()),
                    millis(j.finishMillis()),
                    j.table(),
                    Long.toString(j.tableId() + 1),
                    Long.toString(j.tableId()),
                    "1:0",
                    Long.toString(j.jobId()),
                    "FINISHED",
                    "",
                    "N/A",
                    "86400"));
        }
        return rows(cols, filtered(session, cols, jobs, c));
    }

    /** SHOW MATERIALIZED VIEWS. */
    StatementResult materializedViews(Cursor c) throws SqlError {
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
            List<String> r = new ArrayList<>(List.of(
                    Long.toString(t.id()),
                    db,
                    t.name(),
                    engine.mvs().refreshType(t),
                    Boolean.toString(MaterializedViews.inactiveReason(t) == null)));
            r.add(ShowCreate.materializedView(t));
            out.add(r);
        }
        return rows(columns("id", "database_name", "name", "refresh_type", "is_active", "text"), out);
    }

    /** SHOW [TEMPORARY] PARTITIONS FROM t. */
    StatementResult partitions(Cursor c) throws SqlError {
        c.expectWord("FROM");
        TableDef t = session.requireTable(c.qualifiedName());
        Partitions parts = Partitions.of(t);
        List<String> names = new ArrayList<>(parts.names());
        String timeKey = parts.timeKeySql();
        if (names.isEmpty() && timeKey != null) {
            // Expression (automatic) partitions exist for the time buckets that hold data (docs/starrocks.md §3.5).
            for (List<String> r : session.runQuery("SELECT DISTINCT strftime(" + timeKey + ", '%Y%m%d%H') FROM "
                            + t.duckName() + " WHERE " + timeKey + " IS NOT NULL ORDER BY 1")
                    .rows()) {
                names.add("p" + r.get(0).substring(0, parts.timeNameDigits()));
            }
        }
        if (names.isEmpty() && t.partitionDesc() == null) {
            names.add(t.name());
        }
        List<ResultColumn> cols = columns(
                "PartitionId",
                "PartitionName",
                "VisibleVersion",
                "VisibleVersionTime",
                "VisibleVersionHash",
                "State",
                "PartitionKey",
                "Range",
                "DistributionKey",
                "Buckets",
                "ReplicationNum",
                "StorageMedium",
                "CooldownTime",
                "LastConsistencyCheckTime",
                "DataSize",
                "StorageSize",
                "IsInMemory",
                "RowCount",
                "DataVersion",
                "VersionEpoch",
                "VersionTxnType");
        List<List<String>> out = new ArrayList<>();
        long id = t.id();
        for (String n : names) {
            List<String> r = new ArrayList<>(List.of(
                    Long.toString(++id),
                    n,
                    "1",
                    millis(t.createdMillis()),
                    "0",
                    "NORMAL",
                    String.join(", ", t.partitionColumns()),
                    "",
                    t.randomDistribution() ? "ALL KEY" : String.join(", ", t.distributionColumns()),
                    Integer.toString(Math.max(t.buckets(), 1)),
                    t.properties().getOrDefault("replication_num", "3"),
                    "HDD",
                    "9999-12-31 23:59:59",
                    "NULL",
                    "0B",
                    "0B",
                    "false",
                    "0",
                    "1",
                    "0",
                    "TXN_NORMAL"));
            out.add(r);
        }
        return rows(cols, filtered(session, cols, out, c));
    }

    /** SHOW TABLE STATUS. */
    StatementResult tableStatus(Cursor c) throws SqlError {
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
        return rows(
                columns(
                        "Name",
                        "Engine",
                        "Version",
                        "Row_format",
                        "Rows",
                        "Avg_row_length",
                        "Data_length",
                        "Max_data_length",
                        "Index_length",
                        "Data_free",
                        "Auto_increment",
                        "Create_time",
                        "Update_time",
                        "Check_time",
                        "Collation",
                        "Checksum",
                        "Create_options",
                        "Comment"),
                out);
    }

    /** SHOW CREATE DATABASE | TABLE | VIEW | MATERIALIZED VIEW. */
    StatementResult create(Cursor c) throws SqlError {
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
            case VIEW -> {
                return rows(
                        columns("View", "Create View", "character_set_client", "collation_connection"),
                        List.of(List.of(t.name(), ShowCreate.view(t), "utf8", "utf8_general_ci")));
            }
            case MATERIALIZED_VIEW -> {
                return rows(
                        columns(mv ? "Materialized View" : "Table", mv ? "Create Materialized View" : "Create Table"),
                        List.of(List.of(t.name(), ShowCreate.materializedView(t))));
            }
            default -> {
                if (view || mv) {
                    throw SqlError.analysis(
                            "'" + t.db() + "." + t.name() + "' is not " + (view ? "VIEW" : "MATERIALIZED VIEW"));
                }
                return rows(columns("Table", "Create Table"), List.of(List.of(t.name(), ShowCreate.table(t))));
            }
        }
    }

    /** DESC[RIBE] t [ALL]. */
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
            r.add(
                    col.aggType() == null || t.keysType() != KeysType.AGGREGATE
                            ? ""
                            : col.aggType().name());
            out.add(r);
        }
        return rows(
                all
                        ? columns("IndexName", "IndexKeysType", "Field", "Type", "Null", "Key", "Default", "Extra")
                        : columns("Field", "Type", "Null", "Key", "Default", "Extra"),
                out);
    }
}
