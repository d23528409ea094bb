package dev.quarry.sandbox.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** ALTER TABLE: SWAP WITH, RENAME, column changes, COMMENT, SET properties (docs/starrocks.md §5.1). */
final class AlterTable {
    private final Ddl ddl;
    private final DuckEngine engine;
    private final TableDef table;

    AlterTable(DuckSession session, Ddl ddl, TableDef table) {
        this.ddl = ddl;
        this.engine = session.engine;
        this.table = table;
    }

    StatementResult run(Cursor c) throws SqlError {
        if (table.kind() == TableDef.Kind.VIEW) {
            throw SqlError.analysis("Do not support alter view with ALTER TABLE statement, use ALTER VIEW instead");
        }
        if (c.acceptWord("SWAP", "WITH")) {
            String other = c.identifier();
            c.expectEnd();
            return swap(other);
        }
        if (c.acceptWord("RENAME")) {
            if (c.acceptWord("COLUMN")) {
                String from = c.identifier();
                c.acceptWord("TO");
                String to = c.identifier();
                c.expectEnd();
                return renameColumn(from, to);
            }
            c.acceptWord("TO");
            // A bare identifier only: `db.name` is a syntax error in StarRocks (docs/starrocks.md §5.1, RENAME).
            String to = c.identifier();
            c.expectEnd();
            return rename(to);
        }
        if (c.acceptWord("COMMENT")) {
            c.acceptSymbol("=");
            String comment = c.string();
            c.expectEnd();
            return save(table.withComment(comment));
        }
        if (c.acceptWord("SET")) {
            Map<String, String> props = new TreeMap<>(table.properties());
            props.putAll(CreateTableParser.properties(c));
            c.expectEnd();
            if (props.containsKey("replication_num")) {
                TableValidator.checkReplication(engine, table.name(), props);
            }
            return save(table.withProperties(props));
        }
        if (c.isWord("ADD", "COLUMN") || c.isWord("DROP", "COLUMN") || c.isWord("MODIFY", "COLUMN")) {
            List<ColumnDef> cols = new ArrayList<>(table.columns());
            do {
                cols = columnChange(c, cols);
            } while (c.acceptSymbol(","));
            c.expectEnd();
            return rebuild(cols);
        }
        if (c.isWord("ADD", "PARTITION") || c.isWord("ADD", "PARTITIONS")) {
            c.next();
            int from = c.index();
            c.next();
            c.acceptWord("IF", "NOT", "EXISTS");
            String name = c.identifier();
            if (!c.isWord("VALUES")) {
                throw c.unexpected("VALUES");
            }
            while (!c.atEnd() && !c.isWord("DISTRIBUTED") && !c.isWord("PROPERTIES")) {
                c.next();
            }
            String item = c.textFrom(from)
                    .replaceFirst("(?i)^PARTITIONS", "PARTITION")
                    .replaceFirst("(?i)IF\\s+NOT\\s+EXISTS\\s+", "");
            Partitions parts = Partitions.of(table);
            if (parts.names().stream().anyMatch(name::equalsIgnoreCase)) {
                if (c.tokens().stream().anyMatch(t -> t.isWord("EXISTS"))) {
                    return StatementResult.Ok.of(0);
                }
                throw SqlError.analysis("Duplicate partition name " + name);
            }
            String desc = table.partitionDesc();
            if (desc == null
                    || !desc.trim().endsWith(")")
                    || (parts.names().isEmpty()
                            && !desc.contains("PARTITION ")
                            && !desc.toUpperCase(java.util.Locale.ROOT).matches("(?s).*(RANGE|LIST).*"))) {
                throw SqlError.analysis("Table " + table.name() + " is not a range or list partitioned table");
            }
            String trimmed = desc.trim();
            String body = trimmed.substring(0, trimmed.length() - 1).trim();
            String next = body.endsWith("(") ? body + item + ")" : body + ",\n" + item + ")";
            return save(withPartitionDesc(next));
        }
        if (c.isWord("DROP", "PARTITION")) {
            c.next();
            c.next();
            boolean ifExists = c.acceptWord("IF", "EXISTS");
            String name = c.identifier();
            c.acceptWord("FORCE");
            c.expectEnd();
            Partitions parts = Partitions.of(table);
            if (parts.names().stream().noneMatch(name::equalsIgnoreCase)) {
                if (ifExists) {
                    return StatementResult.Ok.of(0);
                }
                throw SqlError.analysis("Partition " + name + " does not exist");
            }
            String predicate = parts.predicateFor(List.of(name));
            String desc = Partitions.without(table.partitionDesc(), name);
            TableDef next = withPartitionDesc(desc);
            engine.inTransaction(() -> {
                DuckEngine.exec(engine.connection(), "DELETE FROM " + table.duckName() + " WHERE " + predicate);
                engine.catalog.put(engine.connection(), next);
                return null;
            });
            return StatementResult.Ok.of(0);
        }
        if (c.isWord("ORDER", "BY")) {
            c.next();
            c.next();
            List<String> order = c.identifierList();
            c.expectEnd();
            for (String o : order) {
                if (table.column(o).isEmpty()) {
                    throw SqlError.analysis("Unknown column '" + o + "' does not exist");
                }
            }
            return save(new TableDef(
                    table.db(),
                    table.name(),
                    table.kind(),
                    table.id(),
                    table.columns(),
                    table.keysType(),
                    table.keys(),
                    table.comment(),
                    table.partitionDesc(),
                    table.partitionColumns(),
                    table.randomDistribution(),
                    table.distributionColumns(),
                    table.buckets(),
                    order,
                    table.properties(),
                    table.query(),
                    table.refresh(),
                    table.createdMillis()));
        }
        throw SqlError.analysis("The sandbox does not support this ALTER TABLE clause: " + c.rest());
    }

    private List<ColumnDef> columnChange(Cursor c, List<ColumnDef> cols) throws SqlError {
        String op = c.next().upper();
        c.expectWord("COLUMN");
        switch (op) {
            case "ADD" -> {
                ColumnDef col = CreateTableParser.column(c, new ArrayList<>());
                ColumnDef existing = cols.stream()
                        .filter(x -> x.named(col.name()))
                        .findFirst()
                        .orElse(null);
                // Texts of test_alter_table_abnormal (docs/starrocks.md §8).
                if (existing != null && table.column(existing.name()).isPresent()) {
                    if (table.keysType() == KeysType.PRIMARY) {
                        throw SqlError.of("Can not add column which already exists in column id: " + existing.name()
                                + ", you can remove " + Sql.backquote(existing.name()) + " "
                                + existing.type().showCreate()
                                + (existing.nullable() ? " NULL" : " NOT NULL") + " COMMENT "
                                + Sql.dquote(existing.comment())
                                + " and try again.");
                    }
                    throw SqlError.of("Can not add column which already exists in base table: " + existing.name());
                }
                if (existing != null) {
                    throw SqlError.of("Repeatedly add same column with different definition: " + col.name());
                }
                rejectAggregation(col);
                ColumnDef added = col.withKey(false, col.nullable());
                if (table.keysType() == KeysType.AGGREGATE && added.aggType() == null) {
                    added = new ColumnDef(
                            added.name(),
                            added.type(),
                            added.nullable(),
                            false,
                            AggType.REPLACE,
                            added.defaultValue(),
                            added.defaultIsExpression(),
                            false,
                            added.comment());
                }
                if (!added.nullable() && added.defaultValue() == null) {
                    throw SqlError.of("Can not add column which is NOT NULL and has no default value");
                }
                int at = cols.size();
                if (c.acceptWord("FIRST")) {
                    throw SqlError.of("Can not add column at first position of a table with keys");
                } else if (c.acceptWord("AFTER")) {
                    String after = c.identifier();
                    at = indexOf(cols, after) + 1;
                }
                c.acceptWord("TO");
                cols.add(at, added);
                return cols;
            }
            case "DROP" -> {
                String name = c.identifier();
                int i = -1;
                for (int k = 0; k < cols.size(); k++) {
                    if (cols.get(k).named(name)) {
                        i = k;
                    }
                }
                if (i < 0) {
                    throw SqlError.of("Column does not exists: " + name);
                }
                ColumnDef col = cols.get(i);
                if (col.key() && table.keysType() == KeysType.PRIMARY) {
                    throw SqlError.of("Can not drop key column in primary data model table");
                }
                if (col.key() && table.keysType() == KeysType.UNIQUE) {
                    throw SqlError.of("Can not drop key column in Unique data model table");
                }
                if (table.partitionColumns().stream().anyMatch(col::named)) {
                    throw SqlError.of(
                            "Partition column[" + col.name() + "] cannot be dropped. index[" + table.name() + "]");
                }
                if (table.distributionColumns().stream().anyMatch(col::named)) {
                    throw SqlError.of(
                            "Distribution column[" + col.name() + "] cannot be dropped. index[" + table.name() + "]");
                }
                if (table.keysType() == KeysType.PRIMARY
                        && table.orderBy().stream().anyMatch(col::named)) {
                    throw SqlError.of("Can not drop sort column in primary data model table");
                }
                if (col.key() && cols.stream().filter(ColumnDef::key).count() == 1) {
                    throw SqlError.of("Can not drop the last key column");
                }
                cols.remove(i);
                return cols;
            }
            default -> {
                String name = c.identifier();
                int i = indexOf(cols, name);
                ColumnDef old = cols.get(i);
                if (c.acceptWord("COMMENT")) {
                    cols.set(i, old.withComment(c.string()));
                    return cols;
                }
                c.reset(c.index() - 1);
                ColumnDef col = CreateTableParser.column(c, new ArrayList<>());
                rejectAggregation(col);
                if (old.key() && table.keysType() == KeysType.PRIMARY) {
                    throw SqlError.of("Can not modify key column: " + old.name() + " for primary key table");
                }
                if (table.keysType() == KeysType.PRIMARY
                        && table.orderBy().stream().anyMatch(old::named)) {
                    throw SqlError.of("Can not modify sort column in primary data model table");
                }
                ColumnDef next = new ColumnDef(
                        old.name(),
                        col.type(),
                        old.key() ? old.nullable() : col.nullable(),
                        old.key(),
                        col.aggType() != null ? col.aggType() : old.aggType(),
                        col.defaultValue(),
                        col.defaultIsExpression(),
                        col.autoIncrement(),
                        col.comment().isEmpty() ? old.comment() : col.comment());
                if (c.acceptWord("AFTER")) {
                    String after = c.identifier();
                    cols.remove(i);
                    cols.add(indexOf(cols, after) + 1, next);
                } else {
                    cols.set(i, next);
                }
                return cols;
            }
        }
    }

    /** Aggregate functions belong to AGGREGATE tables; PRIMARY KEY tolerates them (test_alter_table_abnormal). */
    private void rejectAggregation(ColumnDef col) throws SqlError {
        if (col.aggType() == null) {
            return;
        }
        if (table.keysType() == KeysType.UNIQUE || table.keysType() == KeysType.DUPLICATE) {
            throw SqlError.of("Can not assign aggregation method on column in "
                    + (table.keysType() == KeysType.UNIQUE ? "Unique" : "Duplicate") + " data model table: "
                    + col.name());
        }
    }

    private TableDef withPartitionDesc(String desc) {
        return new TableDef(
                table.db(),
                table.name(),
                table.kind(),
                table.id(),
                table.columns(),
                table.keysType(),
                table.keys(),
                table.comment(),
                desc,
                table.partitionColumns(),
                table.randomDistribution(),
                table.distributionColumns(),
                table.buckets(),
                table.orderBy(),
                table.properties(),
                table.query(),
                table.refresh(),
                table.createdMillis());
    }

    private int indexOf(List<ColumnDef> cols, String name) throws SqlError {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).named(name)) {
                return i;
            }
        }
        throw SqlError.analysis("Column '" + name + "' does not exist");
    }

    private StatementResult save(TableDef def) throws SqlError {
        engine.inTransaction(() -> {
            engine.catalog.put(engine.connection(), def);
            return null;
        });
        return StatementResult.Ok.of(0);
    }

    /** Column changes recreate the DuckDB table so its physical order matches the catalog's. */
    private StatementResult rebuild(List<ColumnDef> cols) throws SqlError {
        long started = engine.clock().millis();
        TableDef next = table.withColumns(cols);
        engine.inTransaction(() -> {
            Connection conn = engine.connection();
            String tmp = "__alter_" + table.id();
            TableDef staged = next.renamed(table.db(), tmp);
            ddl.createStorage(staged);
            List<String> select = new ArrayList<>();
            for (ColumnDef col : cols) {
                if (table.column(col.name()).isPresent()) {
                    select.add("TRY_CAST(" + Sql.quoteIdent(col.name()) + " AS "
                            + col.type().duckType() + ")");
                } else {
                    select.add(TableWriter.defaultSql(col));
                }
            }
            DuckEngine.exec(
                    conn,
                    "INSERT INTO " + staged.duckName() + " SELECT " + String.join(", ", select) + " FROM "
                            + table.duckName());
            engine.catalog.remove(conn, table.db(), tmp);
            DuckEngine.exec(conn, "DROP TABLE " + table.duckName());
            DuckEngine.exec(conn, "ALTER TABLE " + staged.duckName() + " RENAME TO " + Sql.quoteIdent(table.name()));
            engine.catalog.put(conn, next);
            return null;
        });
        engine.recordAlterJob(next, started);
        return StatementResult.Ok.of(0);
    }

    private StatementResult renameColumn(String from, String to) throws SqlError {
        List<ColumnDef> cols = new ArrayList<>(table.columns());
        int i = indexOf(cols, from);
        if (cols.stream().anyMatch(x -> x.named(to))) {
            throw SqlError.analysis("Column name [" + to + "] is already used");
        }
        cols.set(i, cols.get(i).withName(to));
        String oldName = cols.get(i).name();
        List<String> keys = replace(table.keys(), from, to);
        TableDef next = new TableDef(
                table.db(),
                table.name(),
                table.kind(),
                table.id(),
                cols,
                table.keysType(),
                keys,
                table.comment(),
                table.partitionDesc(),
                replace(table.partitionColumns(), from, to),
                table.randomDistribution(),
                replace(table.distributionColumns(), from, to),
                table.buckets(),
                replace(table.orderBy(), from, to),
                table.properties(),
                table.query(),
                table.refresh(),
                table.createdMillis());
        engine.inTransaction(() -> {
            DuckEngine.exec(
                    engine.connection(),
                    "ALTER TABLE " + table.duckName() + " RENAME COLUMN " + Sql.quoteIdent(from) + " TO "
                            + Sql.quoteIdent(oldName));
            engine.catalog.put(engine.connection(), next);
            return null;
        });
        return StatementResult.Ok.of(0);
    }

    private static List<String> replace(List<String> names, String from, String to) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(n.equalsIgnoreCase(from) ? to : n);
        }
        return out;
    }

    private StatementResult rename(String to) throws SqlError {
        if (engine.catalog.table(table.db(), to).isPresent()) {
            throw new SqlError(
                    1050, "42S01", "Getting analyzing error. Detail message: Table '" + to + "' already exists.");
        }
        engine.inTransaction(() -> {
            renameStorage(table, to);
            return null;
        });
        engine.mvs().renamed(table, to);
        return StatementResult.Ok.of(0);
    }

    private void renameStorage(TableDef t, String to) throws SQLException {
        Connection conn = engine.connection();
        DuckEngine.exec(conn, "ALTER TABLE " + t.duckName() + " RENAME TO " + Sql.quoteIdent(to));
        engine.catalog.remove(conn, t.db(), t.name());
        engine.catalog.put(conn, t.renamed(t.db(), to));
    }

    /** Atomic exchange of two tables, catalog metadata included (docs/starrocks.md §5.1, SWAP). */
    private StatementResult swap(String otherName) throws SqlError {
        TableDef other = engine.catalog
                .table(table.db(), otherName)
                .orElseThrow(() -> DuckEngine.unknownTable(table.db(), otherName));
        if (other.kind() != TableDef.Kind.TABLE || table.kind() != TableDef.Kind.TABLE) {
            throw SqlError.analysis("Materialized view can not be swapped");
        }
        engine.inTransaction(() -> {
            Connection conn = engine.connection();
            String tmp = "__swap_" + table.id();
            DuckEngine.exec(conn, "ALTER TABLE " + table.duckName() + " RENAME TO " + Sql.quoteIdent(tmp));
            DuckEngine.exec(conn, "ALTER TABLE " + other.duckName() + " RENAME TO " + Sql.quoteIdent(table.name()));
            DuckEngine.exec(
                    conn, "ALTER TABLE " + Sql.table(table.db(), tmp) + " RENAME TO " + Sql.quoteIdent(other.name()));
            engine.catalog.remove(conn, table.db(), table.name());
            engine.catalog.remove(conn, table.db(), other.name());
            engine.catalog.put(conn, table.renamed(table.db(), other.name()));
            engine.catalog.put(conn, other.renamed(table.db(), table.name()));
            return null;
        });
        engine.mvs().baseChanged(table);
        engine.mvs().baseChanged(other);
        engine.mvs().swapped(table, other);
        return StatementResult.Ok.of(0);
    }
}
