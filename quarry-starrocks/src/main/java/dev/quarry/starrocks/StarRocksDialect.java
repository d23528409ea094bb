package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders the statements that change a cluster, from specs, for one target release: DDL of databases, tables, views and
 * materialized views (CREATE, DROP, ALTER, SWAP, partitions, and the SHOW that follows a schema change), INSERT and
 * DELETE, and session and FE settings; {@link StarRocksQueries} renders the queries that only read. Identifiers are
 * always quoted and constants always escaped here, never by callers. Clause order follows StarRocks' CREATE TABLE
 * grammar (docs/starrocks.md §3.1,
 * and docs/starrocks.md §5.6 for materialized views); a feature the target release lacks fails with a message naming the release it needs.
 */
public final class StarRocksDialect {
    private static final String INDENT = "  ";

    private final StarRocksVersion version;

    private StarRocksDialect(StarRocksVersion version) {
        this.version = requireNonNull(version, "version is null");
    }

    public static StarRocksDialect forVersion(StarRocksVersion version) {
        return new StarRocksDialect(version);
    }

    /** The dialect of {@link StarRocksVersion#LATEST}, for rendering before a cluster has been probed. */
    public static StarRocksDialect latest() {
        return new StarRocksDialect(StarRocksVersion.LATEST);
    }

    public StarRocksVersion version() {
        return version;
    }

    public boolean supports(Feature feature) {
        return feature.supportedBy(version);
    }

    /** {@code `name`}, with backticks inside doubled. */
    public static String quote(String identifier) {
        return Sql.quote(identifier);
    }

    /** {@code `db`.`name`}. */
    public static String qualified(String database, String name) {
        return Sql.qualified(requireNonNull(database, "database is null"), name);
    }

    /** A single-quoted string literal with quotes and backslashes escaped. */
    public static String literal(String value) {
        return Sql.literal(value);
    }

    // ---------------------------------------------------------------- statements of a user's table_ddl

    private static final java.util.regex.Pattern CREATE_TABLE_NAME = java.util.regex.Pattern.compile(
            "^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?((?:`(?:[^`]|``)+`|[A-Za-z0-9_$]+)"
                    + "(?:\\s*\\.\\s*(?:`(?:[^`]|``)+`|[A-Za-z0-9_$]+))?)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * The name a CREATE TABLE statement (a user's {@code table_ddl}) creates, as written ({@code `db` . `t`},
     * {@code db.t} or {@code t}); empty when {@code ddl} is not a CREATE TABLE statement.
     */
    public static Optional<String> createdTableName(String ddl) {
        java.util.regex.Matcher m = CREATE_TABLE_NAME.matcher(ddl);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code ddl} creating {@code database.name} instead: only the name right after CREATE TABLE changes. */
    public static String renameCreatedTable(String ddl, String database, String name) {
        java.util.regex.Matcher m = CREATE_TABLE_NAME.matcher(ddl);
        if (!m.find()) {
            throw new IllegalArgumentException("not a CREATE TABLE statement");
        }
        return ddl.substring(0, m.start(1)) + qualified(database, name) + ddl.substring(m.end(1));
    }

    // ---------------------------------------------------------------- databases

    public String createDatabase(String database, boolean ifNotExists) {
        return "CREATE DATABASE " + (ifNotExists ? "IF NOT EXISTS " : "") + Sql.quote(database);
    }

    public String dropDatabase(String database, boolean ifExists) {
        return "DROP DATABASE " + (ifExists ? "IF EXISTS " : "") + Sql.quote(database);
    }

    // ---------------------------------------------------------------- tables

    /** CREATE TABLE with key columns first and clauses in StarRocks' order. */
    public String createTable(TableSpec table, boolean ifNotExists) {
        String where = "table " + table.database() + "." + table.name();
        StringBuilder sb = new StringBuilder("CREATE TABLE ");
        if (ifNotExists) {
            sb.append("IF NOT EXISTS ");
        }
        sb.append(qualified(table.database(), table.name())).append(" (\n");
        List<String> defs = new ArrayList<>();
        for (ColumnSpec c : table.columns()) {
            defs.add(INDENT + columnDefinition(c, where));
        }
        sb.append(String.join(",\n", defs)).append("\n)");
        if (!table.keyColumns().isEmpty()) {
            sb.append('\n')
                    .append(table.keyType().sql())
                    .append('(')
                    .append(Sql.quoteAll(table.keyColumns()))
                    .append(')');
        }
        table.comment().ifPresent(c -> sb.append("\nCOMMENT ").append(Sql.literal(c)));
        table.partition().ifPresent(p -> sb.append('\n').append(partitionClause(p, where)));
        table.distribution().ifPresent(d -> sb.append('\n').append(distributionClause(d, where)));
        if (!table.orderBy().isEmpty()) {
            (table.keyType() == KeyType.PRIMARY ? Feature.ORDER_BY_PRIMARY_KEY : Feature.ORDER_BY_ANY_TABLE)
                    .require(version, where);
            sb.append("\nORDER BY(").append(Sql.quoteAll(table.orderBy())).append(')');
        }
        appendProperties(sb, table.properties());
        return sb.toString();
    }

    /**
     * {@code CREATE TABLE t [key] [COMMENT] [PARTITION BY] [DISTRIBUTED BY] [ORDER BY] [PROPERTIES] AS query}: columns
     * and types come from the query, which must return the key columns first.
     */
    public String createTableAsSelect(TableAsSelectSpec table, boolean ifNotExists) {
        String where = "table " + table.database() + "." + table.name();
        StringBuilder sb = new StringBuilder("CREATE TABLE ");
        if (ifNotExists) {
            sb.append("IF NOT EXISTS ");
        }
        sb.append(qualified(table.database(), table.name()));
        if (!table.keyColumns().isEmpty()) {
            sb.append('\n')
                    .append(table.keyType().sql())
                    .append('(')
                    .append(Sql.quoteAll(table.keyColumns()))
                    .append(')');
        }
        table.comment().ifPresent(c -> sb.append("\nCOMMENT ").append(Sql.literal(c)));
        table.partition().ifPresent(p -> sb.append('\n').append(partitionClause(p, where)));
        table.distribution().ifPresent(d -> sb.append('\n').append(distributionClause(d, where)));
        if (!table.orderBy().isEmpty()) {
            (table.keyType() == KeyType.PRIMARY ? Feature.ORDER_BY_PRIMARY_KEY : Feature.ORDER_BY_ANY_TABLE)
                    .require(version, where);
            sb.append("\nORDER BY(").append(Sql.quoteAll(table.orderBy())).append(')');
        }
        appendProperties(sb, table.properties());
        return sb.append("\nAS\n").append(table.query().strip()).toString();
    }

    /** A dry run's note where a CREATE TABLE goes whose columns are known only once what the query reads exists. */
    public static String pendingCreateTable(String database, String table) {
        return "-- CREATE TABLE IF NOT EXISTS " + qualified(database, table)
                + " (columns of the query, known once what it reads exists)";
    }

    /** {@code CREATE TABLE [IF NOT EXISTS] db.t LIKE db.source}: same schema, keys, partitions and distribution, no rows. */
    public String createTableLike(
            String database, String name, String sourceDatabase, String sourceName, boolean ifNotExists) {
        return "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + qualified(database, name) + " LIKE "
                + qualified(sourceDatabase, sourceName);
    }

    public String dropTable(String database, String name, boolean ifExists) {
        return "DROP TABLE " + (ifExists ? "IF EXISTS " : "") + qualified(database, name);
    }

    public String truncateTable(String database, String name) {
        return "TRUNCATE TABLE " + qualified(database, name);
    }

    public String truncatePartitions(String database, String name, List<String> partitions) {
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException(
                    "TRUNCATE TABLE " + database + "." + name + " PARTITION needs at least one partition");
        }
        return "TRUNCATE TABLE " + qualified(database, name) + " PARTITION(" + Sql.quoteAll(partitions) + ")";
    }

    /** Atomically exchanges two tables of one database (docs/starrocks.md §5.1: synchronous; dependent MVs become inactive). */
    public String swapTable(String database, String table, String other) {
        return "ALTER TABLE " + qualified(database, table) + " SWAP WITH " + Sql.quote(other);
    }

    /** Renames within a database: StarRocks refuses a qualified target name (docs/starrocks.md §5.1). */
    public String renameTable(String database, String from, String to) {
        return "ALTER TABLE " + qualified(database, from) + " RENAME " + Sql.quote(to);
    }

    /** Adds a column at the end; StarRocks runs it as an asynchronous schema change (docs/starrocks.md §5.1). */
    public String addColumn(String database, String table, ColumnSpec column) {
        return "ALTER TABLE " + qualified(database, table) + " ADD COLUMN "
                + columnDefinition(column, "table " + database + "." + table);
    }

    /**
     * Changes a column's type (keeping it nullable or not as {@code column} says), an asynchronous schema change like
     * ADD COLUMN (docs/starrocks.md §5.1).
     */
    public String modifyColumn(String database, String table, ColumnSpec column) {
        return "ALTER TABLE " + qualified(database, table) + " MODIFY COLUMN "
                + columnDefinition(column, "table " + database + "." + table);
    }

    /**
     * Drops a column, also an asynchronous schema change (docs/starrocks.md §5.1); used to undo {@link #addColumn} when
     * the load that needed the column failed.
     */
    public String dropColumn(String database, String table, String column) {
        return "ALTER TABLE " + qualified(database, table) + " DROP COLUMN " + Sql.quote(column);
    }

    /**
     * The newest column schema change of {@code table}: {@code SHOW ALTER TABLE COLUMN FROM db WHERE TableName = 't'
     * ORDER BY CreateTime DESC LIMIT 1}; its {@code State} column reaches FINISHED or CANCELLED.
     */
    public String showLatestSchemaChange(String database, String table) {
        return "SHOW ALTER TABLE COLUMN FROM " + Sql.quote(database) + " WHERE TableName = " + Sql.literal(table)
                + " ORDER BY CreateTime DESC LIMIT 1";
    }

    /** {@code ALTER TABLE t COMMENT = '...'}; the {@code =} is required (docs/starrocks.md §5.1). */
    public String setTableComment(String database, String table, String comment) {
        return "ALTER TABLE " + qualified(database, table) + " COMMENT = " + Sql.literal(comment);
    }

    /** {@code ALTER TABLE t MODIFY COLUMN c COMMENT '...'}, which StarRocks accepts without a type. */
    public String setColumnComment(String database, String table, String column, String comment) {
        return "ALTER TABLE " + qualified(database, table) + " MODIFY COLUMN " + Sql.quote(column) + " COMMENT "
                + Sql.literal(comment);
    }

    // ---------------------------------------------------------------- views

    public String createView(ViewSpec view, boolean orReplace) {
        String where = "view " + view.database() + "." + view.name();
        StringBuilder sb = new StringBuilder(orReplace ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ");
        sb.append(qualified(view.database(), view.name()));
        appendViewColumns(sb, view.columns());
        view.comment().ifPresent(c -> sb.append("\nCOMMENT ").append(Sql.literal(c)));
        view.security().ifPresent(s -> {
            Feature.VIEW_SECURITY.require(version, where);
            sb.append("\nSECURITY ").append(s.name());
        });
        return sb.append("\nAS\n").append(view.query().strip()).toString();
    }

    public String dropView(String database, String name, boolean ifExists) {
        return "DROP VIEW " + (ifExists ? "IF EXISTS " : "") + qualified(database, name);
    }

    /**
     * CREATE MATERIALIZED VIEW in the order of StarRocks' documented grammar: COMMENT, DISTRIBUTED BY, REFRESH,
     * PARTITION BY, ORDER BY, PROPERTIES, AS query.
     */
    public String createMaterializedView(MaterializedViewSpec mv, boolean ifNotExists) {
        String where = "materialized view " + mv.database() + "." + mv.name();
        StringBuilder sb = new StringBuilder("CREATE MATERIALIZED VIEW ");
        if (ifNotExists) {
            sb.append("IF NOT EXISTS ");
        }
        sb.append(qualified(mv.database(), mv.name()));
        appendViewColumns(sb, mv.columns());
        mv.comment().ifPresent(c -> sb.append("\nCOMMENT ").append(Sql.literal(c)));
        mv.distribution().ifPresent(d -> sb.append('\n').append(distributionClause(d, where)));
        sb.append('\n').append(mv.refresh().sql());
        mv.partition().ifPresent(p -> {
            requireFeatures(p, where);
            sb.append("\nPARTITION BY ").append(partitionExpression(p));
        });
        if (!mv.orderBy().isEmpty()) {
            sb.append("\nORDER BY(").append(Sql.quoteAll(mv.orderBy())).append(')');
        }
        appendProperties(sb, mv.properties());
        return sb.append("\nAS\n").append(mv.query().strip()).toString();
    }

    public String dropMaterializedView(String database, String name, boolean ifExists) {
        return "DROP MATERIALIZED VIEW " + (ifExists ? "IF EXISTS " : "") + qualified(database, name);
    }

    /** {@code REFRESH MATERIALIZED VIEW mv [WITH SYNC MODE]}; SYNC returns when the refresh task has finished. */
    public String refreshMaterializedView(String database, String name, boolean sync) {
        String sql = "REFRESH MATERIALIZED VIEW " + qualified(database, name);
        if (sync) {
            Feature.REFRESH_SYNC_MODE.require(version, "materialized view " + database + "." + name);
            sql += " WITH SYNC MODE";
        }
        return sql;
    }

    /**
     * {@code ALTER MATERIALIZED VIEW mv ACTIVE}: {@code ALTER TABLE ... SWAP WITH} sets the materialized views over the
     * swapped tables inactive (docs/starrocks.md §5.1), and they stay so until reactivated.
     */
    public String activateMaterializedView(String database, String name) {
        return "ALTER MATERIALIZED VIEW " + qualified(database, name) + " ACTIVE";
    }

    // ---------------------------------------------------------------- sessions

    /**
     * {@code SET dynamic_overwrite = true|false}: with it on, INSERT OVERWRITE replaces only the partitions the new rows
     * fall into instead of the whole table (docs/starrocks.md §5.2, since 3.4.0). It is a session variable, so callers turn it off again
     * before the session runs another INSERT OVERWRITE.
     */
    public String setDynamicOverwrite(boolean on) {
        Feature.DYNAMIC_OVERWRITE.require(version, "INSERT OVERWRITE of the partitions a batch covers");
        return "SET dynamic_overwrite = " + on;
    }

    // ---------------------------------------------------------------- DML

    /**
     * {@code INSERT INTO t [WITH LABEL l] [(cols)] query}. A label makes the statement's load transaction findable
     * and refuses a second run with the same label (docs/starrocks.md §5.2).
     */
    public String insertInto(
            String database, String table, Optional<String> label, List<String> columns, String query) {
        return insert("INSERT INTO ", database, table, List.of(), label, columns, query);
    }

    /**
     * {@code INSERT OVERWRITE t [PARTITION(p, ...)] [WITH LABEL l] [(cols)] query}: replaces the whole table, or the
     * listed partitions, atomically (docs/starrocks.md §5.2, since 2.4).
     */
    public String insertOverwrite(
            String database,
            String table,
            List<String> partitions,
            Optional<String> label,
            List<String> columns,
            String query) {
        return insert("INSERT OVERWRITE ", database, table, partitions, label, columns, query);
    }

    private String insert(
            String verb,
            String database,
            String table,
            List<String> partitions,
            Optional<String> label,
            List<String> columns,
            String query) {
        requireNonNull(query, "query is null");
        StringBuilder sb = new StringBuilder(verb).append(qualified(database, table));
        if (!partitions.isEmpty()) {
            sb.append(" PARTITION(").append(Sql.quoteAll(partitions)).append(')');
        }
        label.ifPresent(l -> sb.append(" WITH LABEL ").append(Sql.quote(Labels.check(l))));
        if (!columns.isEmpty()) {
            sb.append(" (").append(Sql.quoteAll(columns)).append(')');
        }
        return sb.append('\n').append(query.strip()).toString();
    }

    /**
     * DELETE with simple {@code AND}-ed comparisons, which every table type accepts; with no conditions the whole
     * table is emptied with TRUNCATE, since DUPLICATE/UNIQUE/AGGREGATE tables refuse {@code DELETE ... WHERE TRUE}.
     */
    public String delete(String database, String table, List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return truncateTable(database, table);
        }
        return "DELETE FROM " + qualified(database, table) + " WHERE "
                + conditions.stream().map(Condition::sql).collect(Collectors.joining(" AND "));
    }

    /** {@code ADMIN SET FRONTEND CONFIG ("key" = "value")}: FE dynamic items only, lost on restart (docs/starrocks.md §5.8). */
    public String setFrontendConfig(String key, String value) {
        return "ADMIN SET FRONTEND CONFIG (" + Sql.doubleQuoted(key) + " = " + Sql.doubleQuoted(value) + ")";
    }

    // ---------------------------------------------------------------- pieces

    /** One column definition: {@code `c` TYPE [agg] NULL|NOT NULL [DEFAULT ...] [AUTO_INCREMENT] [COMMENT '...']}. */
    String columnDefinition(ColumnSpec c, String where) {
        requireTypeFeatures(c.type(), where + ", column " + c.name());
        StringBuilder sb = new StringBuilder(Sql.quote(c.name()))
                .append(' ')
                .append(c.type().sql());
        c.aggregate().ifPresent(a -> sb.append(' ').append(a.name()));
        sb.append(c.nullable() ? " NULL" : " NOT NULL");
        c.defaultValue().ifPresent(d -> sb.append(" DEFAULT ").append(d.sql()));
        if (c.autoIncrement()) {
            Feature.AUTO_INCREMENT.require(version, where + ", column " + c.name());
            sb.append(" AUTO_INCREMENT");
        }
        c.comment().ifPresent(text -> sb.append(" COMMENT ").append(Sql.literal(text)));
        return sb.toString();
    }

    private void requireTypeFeatures(StarRocksType type, String where) {
        if (type instanceof StarRocksType.Decimal decimal && decimal.precision() > 38) {
            Feature.DECIMAL256.require(version, where);
        } else if (type instanceof StarRocksType.Varchar varchar && varchar.length() > StarRocksType.VARCHAR_MAX) {
            Feature.LONG_VARCHAR.require(version, where);
        } else if (type instanceof StarRocksType.Varbinary) {
            Feature.VARBINARY.require(version, where);
        } else if (type instanceof StarRocksType.Array array) {
            requireTypeFeatures(array.element(), where);
        } else if (type instanceof StarRocksType.Map map) {
            requireTypeFeatures(map.key(), where);
            requireTypeFeatures(map.value(), where);
        } else if (type instanceof StarRocksType.Struct struct) {
            for (StarRocksType t : struct.fields().values()) {
                requireTypeFeatures(t, where);
            }
        }
    }

    String partitionClause(PartitionSpec spec, String where) {
        if (spec instanceof PartitionSpec.ByExpressions e) {

            e.expressions().forEach(x -> requireFeatures(x, where));
            String list = e.expressions().stream()
                    .map(StarRocksDialect::partitionExpression)
                    .collect(Collectors.joining(", "));
            // Plain column lists are parenthesised; function expressions are written bare, as StarRocks documents them.
            return "PARTITION BY " + (e.onlyColumns() ? "(" + list + ")" : list);
        }
        if (spec instanceof PartitionSpec.ByRange r) {

            List<String> parts =
                    r.partitions().stream().map(p -> INDENT + rangePartition(p)).collect(Collectors.toList());
            return "PARTITION BY RANGE(" + Sql.quoteAll(r.columns()) + ") (\n" + String.join(",\n", parts) + "\n)";
        }
        PartitionSpec.ByList l = (PartitionSpec.ByList) spec;
        Feature.LIST_PARTITIONING.require(version, where);
        List<String> parts = new ArrayList<>();
        for (PartitionSpec.ListPartition p : l.partitions()) {
            String values = l.columns().size() == 1
                    ? p.values().stream().map(v -> Sql.doubleQuoted(v.get(0))).collect(Collectors.joining(", "))
                    : p.values().stream().map(StarRocksDialect::tuple).collect(Collectors.joining(", "));
            parts.add(INDENT + "PARTITION " + Sql.quote(p.name()) + " VALUES IN (" + values + ")");
        }
        return "PARTITION BY LIST(" + Sql.quoteAll(l.columns()) + ") (\n" + String.join(",\n", parts) + "\n)";
    }

    private void requireFeatures(PartitionSpec.PartitionExpr expr, String where) {
        (expr instanceof PartitionSpec.PartitionExpr.Column
                        ? Feature.LIST_PARTITIONING
                        : Feature.EXPRESSION_PARTITIONING)
                .require(version, where);
    }

    private static String partitionExpression(PartitionSpec.PartitionExpr expr) {
        if (expr instanceof PartitionSpec.PartitionExpr.DateTrunc d) {

            return "date_trunc(" + d.unit().truncLiteral() + ", " + Sql.quote(d.column()) + ")";
        }
        if (expr instanceof PartitionSpec.PartitionExpr.TimeSlice t) {

            return "time_slice(" + Sql.quote(t.column()) + ", INTERVAL " + t.count() + " "
                    + t.unit().name() + ")";
        }
        return Sql.quote(expr.column());
    }

    private static String rangePartition(PartitionSpec.RangePartition p) {
        if (p instanceof PartitionSpec.RangePartition.LessThan lt) {

            return "PARTITION " + Sql.quote(lt.partitionName()) + " VALUES LESS THAN "
                    + (lt.upper().isEmpty() ? "MAXVALUE" : tuple(lt.upper()));
        }
        if (p instanceof PartitionSpec.RangePartition.Fixed f) {

            return "PARTITION " + Sql.quote(f.partitionName()) + " VALUES [" + tuple(f.lower()) + ", "
                    + tuple(f.upper()) + ")";
        }
        PartitionSpec.RangePartition.Batch b = (PartitionSpec.RangePartition.Batch) p;
        String every =
                b.unit().map(u -> "INTERVAL " + b.every() + " " + u.name()).orElse(Integer.toString(b.every()));
        return "START (" + Sql.doubleQuoted(b.start()) + ") END (" + Sql.doubleQuoted(b.end()) + ") EVERY (" + every
                + ")";
    }

    private static String tuple(List<String> values) {
        return values.stream().map(Sql::doubleQuoted).collect(Collectors.joining(", ", "(", ")"));
    }

    String distributionClause(Distribution d, String where) {
        StringBuilder sb = new StringBuilder("DISTRIBUTED BY ");
        if (d instanceof Distribution.Hash hash) {
            sb.append("HASH(").append(Sql.quoteAll(hash.columns())).append(')');
        } else {
            Feature.RANDOM_DISTRIBUTION.require(version, where);
            sb.append("RANDOM");
        }
        d.buckets().ifPresent(n -> sb.append(" BUCKETS ").append(n));
        return sb.toString();
    }

    private static void appendViewColumns(StringBuilder sb, List<ViewSpec.ViewColumn> columns) {
        if (columns.isEmpty()) {
            return;
        }
        List<String> defs = new ArrayList<>();
        for (ViewSpec.ViewColumn c : columns) {
            defs.add(INDENT
                    + Sql.quote(c.name())
                    + c.comment().map(t -> " COMMENT " + Sql.literal(t)).orElse(""));
        }
        sb.append(" (\n").append(String.join(",\n", defs)).append("\n)");
    }

    private static void appendProperties(StringBuilder sb, Map<String, String> properties) {
        if (properties.isEmpty()) {
            return;
        }
        List<String> pairs = new ArrayList<>();
        properties.forEach((k, v) -> pairs.add(INDENT + Sql.doubleQuoted(k) + " = " + Sql.doubleQuoted(v)));
        sb.append("\nPROPERTIES (\n").append(String.join(",\n", pairs)).append("\n)");
    }
}
