package dev.quarry.sandbox.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** CREATE / DROP / ALTER / TRUNCATE for databases, tables, views; materialized views via {@link MaterializedViews}. */
final class Ddl {
    private final DuckSession session;
    private final DuckEngine engine;

    Ddl(DuckSession session) {
        this.session = session;
        this.engine = session.engine;
    }

    StatementResult run(Cursor c) throws SqlError {
        Token head = c.next();
        return switch (head.upper()) {
            case "CREATE" -> create(c);
            case "DROP" -> drop(c);
            case "ALTER" -> alter(c);
            case "TRUNCATE" -> truncate(c);
            case "REFRESH" -> {
                c.expectWord("MATERIALIZED", "VIEW");
                yield engine.mvs().refreshStatement(session, c);
            }
            case "CANCEL" -> {
                c.expectWord("REFRESH", "MATERIALIZED", "VIEW");
                c.qualifiedName();
                yield StatementResult.Ok.of(0);
            }
            default -> throw c.unexpected("CREATE, DROP, ALTER");
        };
    }

    private StatementResult create(Cursor c) throws SqlError {
        if (c.acceptWord("DATABASE") || c.acceptWord("SCHEMA")) {
            boolean ifNotExists = c.acceptWord("IF", "NOT", "EXISTS");
            String db = c.identifier();
            if (c.acceptSymbol(".")) {
                db = c.identifier();
            }
            if (c.acceptWord("PROPERTIES")) {
                CreateTableParser.properties(c);
            }
            c.expectEnd();
            return createDatabase(db, ifNotExists);
        }
        boolean orReplace = false;
        int orAt = c.index();
        if (c.acceptWord("OR", "REPLACE")) {
            orReplace = true;
        }
        c.acceptWord("EXTERNAL");
        c.acceptWord("TEMPORARY");
        if (c.isWord("TABLE")) {
            if (orReplace) {
                // StarRocks' grammar only has CREATE OR REPLACE VIEW (docs/starrocks.md §5.5): TABLE is unexpected
                // here.
                throw c.unexpected("'VIEW'");
            }
            c.next();
            return createTable(c);
        }
        if (c.acceptWord("VIEW")) {
            return createView(c, orReplace);
        }
        if (c.acceptWord("MATERIALIZED", "VIEW")) {
            if (orReplace) {
                c.reset(orAt);
                throw c.unexpected("TABLE, VIEW, MATERIALIZED VIEW");
            }
            return engine.mvs().create(session, c);
        }
        if (c.isWord("INDEX")
                || c.isWord("USER")
                || c.isWord("ROLE")
                || c.isWord("RESOURCE")
                || c.isWord("CATALOG")
                || c.isWord("FUNCTION")
                || c.isWord("GLOBAL")
                || c.isWord("REPOSITORY")
                || c.isWord("ROUTINE")) {
            throw SqlError.analysis(
                    "The sandbox does not support CREATE " + c.peek().upper());
        }
        throw c.unexpected("DATABASE, TABLE, VIEW, MATERIALIZED VIEW");
    }

    StatementResult createDatabase(String db, boolean ifNotExists) throws SqlError {
        if (engine.catalog.hasDatabase(db) || Catalog.SYSTEM_DATABASES.contains(db.toLowerCase(Locale.ROOT))) {
            if (ifNotExists) {
                return StatementResult.Ok.of(0);
            }
            throw new SqlError(1007, "HY000", "Can't create database '" + db + "'; database exists");
        }
        if (db.startsWith("__")) {
            throw SqlError.analysis("Incorrect database name '" + db + "'");
        }
        if (DuckEngine.DUCKDB_RESERVED.contains(db.toLowerCase(Locale.ROOT))) {
            throw SqlError.analysis("The sandbox cannot host a database named '" + db
                    + "': its storage engine (DuckDB) reserves that name");
        }
        engine.inTransaction(() -> {
            engine.catalog.createDatabase(
                    engine.connection(),
                    db,
                    engine.nextObjectId(),
                    engine.clock().millis());
            return null;
        });
        return StatementResult.Ok.of(1);
    }

    private StatementResult createTable(Cursor c) throws SqlError {
        boolean ifNotExists = c.acceptWord("IF", "NOT", "EXISTS");
        Cursor.QualifiedName qn = c.qualifiedName();
        String db = session.requireDatabase(qn.db());
        if (c.acceptWord("LIKE")) {
            Cursor.QualifiedName src = c.qualifiedName();
            c.expectEnd();
            TableDef from = session.requireTable(src);
            if (from.kind() == TableDef.Kind.VIEW) {
                throw SqlError.analysis("Create table like does not support create view.");
            }
            if (exists(db, qn.name(), ifNotExists)) {
                return StatementResult.Ok.of(0);
            }
            TableDef def = new TableDef(
                    db,
                    qn.name(),
                    TableDef.Kind.TABLE,
                    engine.nextObjectId(),
                    from.columns(),
                    from.keysType(),
                    from.keys(),
                    from.comment(),
                    from.partitionDesc(),
                    from.partitionColumns(),
                    from.randomDistribution(),
                    from.distributionColumns(),
                    from.buckets(),
                    from.orderBy(),
                    from.properties(),
                    null,
                    null,
                    engine.clock().millis());
            engine.inTransaction(() -> {
                createStorage(def);
                return null;
            });
            return StatementResult.Ok.of(0);
        }
        CreateTableParser.Parsed p = CreateTableParser.parse(c, true);
        if (p.asQueryFrom >= 0) {
            return createTableAsSelect(c, db, qn.name(), p, ifNotExists);
        }
        if (p.columns.isEmpty()) {
            throw c.unexpected("'('");
        }
        TableDef def = TableValidator.build(engine, db, qn.name(), p, 0);
        if (exists(db, qn.name(), ifNotExists)) {
            return StatementResult.Ok.of(0);
        }
        TableDef withId = new TableDef(
                def.db(),
                def.name(),
                def.kind(),
                engine.nextObjectId(),
                def.columns(),
                def.keysType(),
                def.keys(),
                def.comment(),
                def.partitionDesc(),
                def.partitionColumns(),
                def.randomDistribution(),
                def.distributionColumns(),
                def.buckets(),
                def.orderBy(),
                def.properties(),
                null,
                null,
                def.createdMillis());
        engine.inTransaction(() -> {
            createStorage(withId);
            return null;
        });
        return StatementResult.Ok.of(0);
    }

    private boolean exists(String db, String name, boolean ifNotExists) throws SqlError {
        if (engine.catalog.table(db, name).isPresent()) {
            if (ifNotExists) {
                return true;
            }
            throw new SqlError(
                    1050, "42S01", "Getting analyzing error. Detail message: Table '" + name + "' already exists.");
        }
        return false;
    }

    void createStorage(TableDef def) throws SQLException {
        Connection conn = engine.connection();
        StringBuilder b =
                new StringBuilder("CREATE TABLE ").append(def.duckName()).append(" (");
        for (int i = 0; i < def.columns().size(); i++) {
            ColumnDef col = def.columns().get(i);
            if (i > 0) {
                b.append(", ");
            }
            b.append(Sql.quoteIdent(col.name())).append(' ').append(col.type().duckType());
        }
        b.append(')');
        DuckEngine.exec(conn, b.toString());
        engine.catalog.put(conn, def);
    }

    private StatementResult createTableAsSelect(
            Cursor c, String db, String name, CreateTableParser.Parsed p, boolean ifNotExists) throws SqlError {
        if (exists(db, name, ifNotExists)) {
            return StatementResult.Ok.of(0);
        }
        String query =
                Rewriter.rewrite(c.sql(), c.tokens(), p.asQueryFrom, c.tokens().size() - 1, session);
        String src = "__ctas_src";
        return engine.inTransaction(() -> {
            Connection conn = engine.connection(session.currentDatabase());
            DuckEngine.exec(conn, "CREATE OR REPLACE TEMP TABLE " + src + " AS " + query);
            List<ColumnDef> cols = new ArrayList<>();
            try (Statement s = conn.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM " + src + " LIMIT 0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String colName = i - 1 < p.columnAliases.size() ? p.columnAliases.get(i - 1) : md.getColumnLabel(i);
                    ColumnType t = fromDuck(md.getColumnTypeName(i));
                    cols.add(new ColumnDef(colName, t, true, false, null, null, false, false, ""));
                }
            }
            CreateTableParser.Parsed full = new CreateTableParser.Parsed();
            full.columns.addAll(cols);
            full.keysType = p.keysType;
            full.keys = p.keys;
            full.comment = p.comment;
            full.partitionDesc = p.partitionDesc;
            full.partitionColumns = p.partitionColumns;
            full.random = p.random;
            full.distributionColumns = p.distributionColumns;
            full.buckets = p.buckets;
            full.orderBy = p.orderBy;
            full.properties = new LinkedHashMap<>(p.properties);
            TableDef def = TableValidator.build(engine, db, name, full, engine.nextObjectId());
            createStorage(def);
            long rows = new TableWriter(engine).insertFromRelation(def, src, def.columnNames(), false);
            DuckEngine.exec(conn, "DROP TABLE IF EXISTS " + src);
            return StatementResult.Ok.of(rows);
        });
    }

    /** StarRocks type of a DuckDB result column (CTAS turns strings into VARCHAR(65533), docs/starrocks.md §5.4). */
    static ColumnType fromDuck(String duckType) throws SqlError {
        String t = duckType.toUpperCase(Locale.ROOT);
        if (t.endsWith("[]")) {
            return new ColumnType(
                    SqlType.ARRAY, 0, 0, List.of(fromDuck(t.substring(0, t.length() - 2))), List.of(), false);
        }
        if (t.startsWith("DECIMAL(")) {
            String[] ps = t.substring(8, t.length() - 1).split(",", -1);
            return ColumnType.decimal(Integer.parseInt(ps[0].trim()), Integer.parseInt(ps[1].trim()));
        }
        return switch (t) {
            case "BOOLEAN" -> ColumnType.of(SqlType.BOOLEAN);
            case "TINYINT" -> ColumnType.of(SqlType.TINYINT);
            case "SMALLINT", "UTINYINT" -> ColumnType.of(SqlType.SMALLINT);
            case "INTEGER", "USMALLINT" -> ColumnType.of(SqlType.INT);
            case "BIGINT", "UINTEGER" -> ColumnType.of(SqlType.BIGINT);
            case "HUGEINT", "UBIGINT", "UHUGEINT" -> ColumnType.of(SqlType.LARGEINT);
            case "FLOAT" -> ColumnType.of(SqlType.FLOAT);
            case "DOUBLE" -> ColumnType.of(SqlType.DOUBLE);
            case "DATE" -> ColumnType.of(SqlType.DATE);
            case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_MS", "TIMESTAMP_NS", "TIMESTAMP_S" ->
                ColumnType.of(SqlType.DATETIME);
            case "JSON" -> ColumnType.of(SqlType.JSON);
            case "BLOB" -> new ColumnType(SqlType.VARBINARY, ColumnType.MAX_VARCHAR, 0, List.of(), List.of(), false);
            default -> new ColumnType(SqlType.VARCHAR, ColumnType.STRING_LENGTH, 0, List.of(), List.of(), false);
        };
    }

    private StatementResult createView(Cursor c, boolean orReplace) throws SqlError {
        boolean ifNotExists = c.acceptWord("IF", "NOT", "EXISTS");
        Cursor.QualifiedName qn = c.qualifiedName();
        String db = session.requireDatabase(qn.db());
        List<String> names = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        if (c.acceptSymbol("(")) {
            do {
                names.add(c.identifier());
                comments.add(c.acceptWord("COMMENT") ? c.string() : "");
            } while (c.acceptSymbol(","));
            c.expectSymbol(")");
        }
        String comment = "";
        String security = null;
        while (!c.isWord("AS")) {
            if (c.acceptWord("COMMENT")) {
                comment = c.string();
            } else if (c.acceptWord("SECURITY")) {
                if (c.acceptWord("NONE")) {
                    security = "NONE";
                } else {
                    c.expectWord("INVOKER");
                    security = "INVOKER";
                }
            } else {
                throw c.unexpected("AS");
            }
        }
        c.expectWord("AS");
        int queryFrom = c.index();
        String original = c.rest();
        String query =
                Rewriter.rewrite(c.sql(), c.tokens(), queryFrom, c.tokens().size() - 1, session);
        Optional<TableDef> existing = engine.catalog.table(db, qn.name());
        if (existing.isPresent()) {
            if (existing.get().kind() != TableDef.Kind.VIEW) {
                throw new SqlError(
                        1050,
                        "42S01",
                        "Getting analyzing error. Detail message: Table '" + qn.name() + "' already exists.");
            }
            if (ifNotExists) {
                return StatementResult.Ok.of(0);
            }
            if (!orReplace) {
                throw new SqlError(
                        1050,
                        "42S01",
                        "Getting analyzing error. Detail message: Table '" + qn.name() + "' already exists.");
            }
        }
        String sec = security;
        String cmt = comment;
        engine.inTransaction(() -> {
            Connection conn = engine.connection(db);
            StringBuilder b = new StringBuilder("CREATE OR REPLACE VIEW ").append(Sql.table(db, qn.name()));
            if (!names.isEmpty()) {
                b.append(" (");
                for (int i = 0; i < names.size(); i++) {
                    b.append(i > 0 ? ", " : "").append(Sql.quoteIdent(names.get(i)));
                }
                b.append(')');
            }
            b.append(" AS ").append(query);
            DuckEngine.exec(conn, b.toString());
            List<ColumnDef> cols = new ArrayList<>();
            try (Statement s = conn.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM " + Sql.table(db, qn.name()) + " LIMIT 0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    cols.add(new ColumnDef(
                            md.getColumnLabel(i),
                            fromDuck(md.getColumnTypeName(i)),
                            true,
                            false,
                            null,
                            null,
                            false,
                            false,
                            i - 1 < comments.size() ? comments.get(i - 1) : ""));
                }
            }
            Map<String, String> props = new LinkedHashMap<>();
            if (sec != null) {
                props.put("security", sec);
            }
            engine.catalog.put(
                    conn,
                    new TableDef(
                            db,
                            qn.name(),
                            TableDef.Kind.VIEW,
                            engine.nextObjectId(),
                            cols,
                            null,
                            List.of(),
                            cmt,
                            null,
                            List.of(),
                            false,
                            List.of(),
                            0,
                            List.of(),
                            props,
                            original,
                            null,
                            engine.clock().millis()));
            return null;
        });
        return StatementResult.Ok.of(0);
    }

    private StatementResult drop(Cursor c) throws SqlError {
        if (c.acceptWord("DATABASE") || c.acceptWord("SCHEMA")) {
            boolean ifExists = c.acceptWord("IF", "EXISTS");
            String db = c.identifier();
            c.acceptWord("FORCE");
            c.expectEnd();
            if (!engine.catalog.hasDatabase(db)) {
                if (ifExists) {
                    return StatementResult.Ok.of(0);
                }
                throw new SqlError(1008, "HY000", "Can't drop database '" + db + "'; database doesn't exist");
            }
            engine.mvs().forgetDatabase(db);
            engine.inTransaction(() -> {
                engine.catalog.dropDatabase(engine.connection(), db);
                return null;
            });
            session.forgetDatabase(db);
            return StatementResult.Ok.of(0);
        }
        TableDef.Kind kind;
        if (c.acceptWord("TABLE")) {
            kind = TableDef.Kind.TABLE;
        } else if (c.acceptWord("VIEW")) {
            kind = TableDef.Kind.VIEW;
        } else if (c.acceptWord("MATERIALIZED", "VIEW")) {
            kind = TableDef.Kind.MATERIALIZED_VIEW;
        } else if (c.acceptWord("TEMPORARY", "TABLE")) {
            kind = TableDef.Kind.TABLE;
        } else {
            throw c.unexpected("DATABASE, TABLE, VIEW, MATERIALIZED VIEW");
        }
        boolean ifExists = c.acceptWord("IF", "EXISTS");
        Cursor.QualifiedName qn = c.qualifiedName();
        c.acceptWord("FORCE");
        c.expectEnd();
        String db = session.requireDatabase(qn.db());
        Optional<TableDef> def = engine.catalog.table(db, qn.name());
        if (def.isEmpty() || (kind != TableDef.Kind.TABLE && def.get().kind() != kind)) {
            if (ifExists) {
                return StatementResult.Ok.of(0);
            }
            if (kind == TableDef.Kind.MATERIALIZED_VIEW) {
                throw SqlError.analysis("Materialized view " + qn.name() + " is not found");
            }
            if (kind == TableDef.Kind.VIEW && def.isPresent()) {
                throw SqlError.analysis("'" + db + "." + qn.name() + "' is not VIEW");
            }
            throw DuckEngine.unknownTable(db, qn.name());
        }
        TableDef t = def.get();
        if (kind == TableDef.Kind.TABLE && t.kind() == TableDef.Kind.MATERIALIZED_VIEW) {
            throw SqlError.analysis("The data of '" + qn.name() + "' cannot be dropped because '" + qn.name()
                    + "' is a materialized view,use 'drop materialized view " + qn.name() + "' to drop it.");
        }
        engine.inTransaction(() -> {
            dropStorage(t);
            return null;
        });
        engine.mvs().forget(t);
        return StatementResult.Ok.of(0);
    }

    void dropStorage(TableDef t) throws SQLException {
        Connection conn = engine.connection();
        DuckEngine.exec(
                conn,
                (t.kind() == TableDef.Kind.VIEW ? "DROP VIEW IF EXISTS " : "DROP TABLE IF EXISTS ") + t.duckName());
        engine.catalog.remove(conn, t.db(), t.name());
    }

    private StatementResult truncate(Cursor c) throws SqlError {
        c.acceptWord("TABLE");
        Cursor.QualifiedName qn = c.qualifiedName();
        TableDef t = session.requireTable(qn);
        List<String> partitions = List.of();
        if (c.acceptWord("PARTITION") || c.acceptWord("PARTITIONS")) {
            partitions = c.identifierList();
        }
        c.expectEnd();
        if (t.kind() == TableDef.Kind.VIEW) {
            throw SqlError.analysis("Only support truncate OLAP table or MATERIALIZED VIEW");
        }
        Partitions parts = Partitions.of(t);
        String where = parts.predicateFor(partitions);
        engine.inTransaction(() -> {
            DuckEngine.exec(
                    engine.connection(), "DELETE FROM " + t.duckName() + (where == null ? "" : " WHERE " + where));
            return null;
        });
        engine.mvs().baseChanged(t);
        return StatementResult.Ok.of(0);
    }

    private StatementResult alter(Cursor c) throws SqlError {
        if (c.acceptWord("MATERIALIZED", "VIEW")) {
            return engine.mvs().alter(session, c);
        }
        if (c.acceptWord("VIEW")) {
            // ALTER VIEW v AS query == CREATE OR REPLACE VIEW v AS query.
            return createView(c, true);
        }
        if (c.acceptWord("DATABASE")) {
            throw SqlError.analysis("The sandbox does not support ALTER DATABASE");
        }
        c.expectWord("TABLE");
        Cursor.QualifiedName qn = c.qualifiedName();
        TableDef t = session.requireTable(qn);
        return new AlterTable(session, this, t).run(c);
    }
}
