package dev.quarry.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CREATE, ALTER, DROP and TRUNCATE TABLE with the parts of a table definition (docs/sql.md §3). */
public sealed interface TableStatement extends Statement {

    /**
     * CREATE TABLE in its three forms: with a column list, AS a query ({@code asQuery}, where {@code columns} may be
     * empty and {@code columnNames} renames the query's columns), or LIKE another table ({@code like}).
     */
    record CreateTable(
            boolean temporary,
            boolean external,
            boolean ifNotExists,
            List<String> name,
            List<ColumnDefinition> columns,
            List<IndexDefinition> indexes,
            Optional<String> engine,
            Optional<KeyDesc> key,
            Optional<String> comment,
            Optional<PartitionDesc> partition,
            Optional<Distribution> distribution,
            List<String> orderBy,
            Map<String, String> properties,
            List<String> columnNames,
            Optional<Query> asQuery,
            Optional<List<String>> like)
            implements TableStatement {
        public CreateTable {
            name = List.copyOf(name);
            columns = List.copyOf(columns);
            indexes = List.copyOf(indexes);
            requireNonNull(engine, "engine is null");
            requireNonNull(key, "key is null");
            requireNonNull(comment, "comment is null");
            requireNonNull(partition, "partition is null");
            requireNonNull(distribution, "distribution is null");
            orderBy = List.copyOf(orderBy);
            properties = Props.copy(properties);
            columnNames = List.copyOf(columnNames);
            requireNonNull(asQuery, "asQuery is null");
            like = like.map(List::copyOf);
        }
    }

    /**
     * A column: {@code name type [agg] [NULL | NOT NULL] [DEFAULT ... | AUTO_INCREMENT | AS expr] [COMMENT '']}.
     * {@code nullable} is empty when neither NULL nor NOT NULL is written; a DEFAULT is a string literal, NULL,
     * CURRENT_TIMESTAMP or a function call.
     */
    record ColumnDefinition(
            String name,
            DataType type,
            Optional<String> aggregate,
            Optional<Boolean> nullable,
            Optional<Expr> defaultValue,
            boolean autoIncrement,
            Optional<Expr> generated,
            Optional<String> comment) {
        public ColumnDefinition {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(aggregate, "aggregate is null");
            requireNonNull(nullable, "nullable is null");
            requireNonNull(defaultValue, "defaultValue is null");
            requireNonNull(generated, "generated is null");
            requireNonNull(comment, "comment is null");
        }
    }

    /** {@code INDEX name (cols) [USING type] [COMMENT '']}. */
    record IndexDefinition(String name, List<String> columns, Optional<String> using, Optional<String> comment) {
        public IndexDefinition {
            requireNonNull(name, "name is null");
            columns = List.copyOf(columns);
            requireNonNull(using, "using is null");
            requireNonNull(comment, "comment is null");
        }
    }

    /** {@code DUPLICATE | AGGREGATE | UNIQUE | PRIMARY KEY (cols)}; kind upper case. */
    record KeyDesc(String kind, List<String> columns) {
        public KeyDesc {
            requireNonNull(kind, "kind is null");
            columns = List.copyOf(columns);
        }
    }

    /**
     * PARTITION BY: kind RANGE, LIST or EXPRESSION (columns or functions such as date_trunc/time_slice without
     * RANGE/LIST); {@code by} the columns or expressions; {@code partitions} the partitions written out.
     */
    record PartitionDesc(String kind, List<Expr> by, List<PartitionDefinition> partitions) {
        public PartitionDesc {
            requireNonNull(kind, "kind is null");
            by = List.copyOf(by);
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * One partition: kind LESS_THAN ({@code values} holds one bound list, MAXVALUE as {@code MAXVALUE}), FIXED
     * ({@code [lower, upper)}: two lists), IN (one list per value; a multi-column value is a list of several) or
     * BATCH ({@code START (s) END (e) EVERY (...)}, name empty).
     */
    record PartitionDefinition(
            String kind,
            Optional<String> name,
            boolean ifNotExists,
            List<List<String>> values,
            Optional<Expr> every,
            Map<String, String> properties) {
        public PartitionDefinition {
            requireNonNull(kind, "kind is null");
            requireNonNull(name, "name is null");
            values = values.stream().map(List::copyOf).toList();
            requireNonNull(every, "every is null");
            properties = Props.copy(properties);
        }
    }

    /** {@code DISTRIBUTED BY HASH (cols) [BUCKETS n]} or {@code DISTRIBUTED BY RANDOM [BUCKETS n]}. */
    record Distribution(String kind, List<String> columns, Optional<Long> buckets) {
        public Distribution {
            requireNonNull(kind, "kind is null");
            columns = List.copyOf(columns);
            requireNonNull(buckets, "buckets is null");
        }
    }

    record AlterTable(List<String> name, List<AlterClause> clauses) implements TableStatement {
        public AlterTable {
            name = List.copyOf(name);
            clauses = List.copyOf(clauses);
        }
    }

    record DropTable(boolean temporary, boolean ifExists, List<String> name, boolean force) implements TableStatement {
        public DropTable {
            name = List.copyOf(name);
        }
    }

    record TruncateTable(List<String> name, List<String> partitions) implements TableStatement {
        public TruncateTable {
            name = List.copyOf(name);
            partitions = List.copyOf(partitions);
        }
    }

    /** One change of ALTER TABLE. */
    sealed interface AlterClause {}

    /** ADD COLUMN; position {@code FIRST}, {@code AFTER <col>} or empty. */
    record AddColumns(List<ColumnDefinition> columns, Optional<String> position) implements AlterClause {
        public AddColumns {
            columns = List.copyOf(columns);
            requireNonNull(position, "position is null");
        }
    }

    record DropColumn(String name) implements AlterClause {
        public DropColumn {
            requireNonNull(name, "name is null");
        }
    }

    /** MODIFY COLUMN with a full definition, or {@code MODIFY COLUMN c COMMENT ''} (definition empty). */
    record ModifyColumn(
            String name, Optional<ColumnDefinition> definition, Optional<String> comment, Optional<String> position)
            implements AlterClause {
        public ModifyColumn {
            requireNonNull(name, "name is null");
            requireNonNull(definition, "definition is null");
            requireNonNull(comment, "comment is null");
            requireNonNull(position, "position is null");
        }
    }

    /** RENAME COLUMN ({@code what} COLUMN), RENAME PARTITION, RENAME ROLLUP or a table rename (TABLE, from empty). */
    record Rename(String what, String from, String to) implements AlterClause {
        public Rename {
            requireNonNull(what, "what is null");
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }
    }

    record SwapWith(String other) implements AlterClause {
        public SwapWith {
            requireNonNull(other, "other is null");
        }
    }

    record SetComment(String comment) implements AlterClause {
        public SetComment {
            requireNonNull(comment, "comment is null");
        }
    }

    /** {@code SET ("k" = "v")}, or {@code MODIFY PARTITION (p, ...) SET (...)} when partitions are given. */
    record SetProperties(List<String> partitions, Map<String, String> properties) implements AlterClause {
        public SetProperties {
            partitions = List.copyOf(partitions);
            properties = Props.copy(properties);
        }
    }

    record AddPartition(boolean temporary, PartitionDefinition partition, Optional<Distribution> distribution)
            implements AlterClause {
        public AddPartition {
            requireNonNull(partition, "partition is null");
            requireNonNull(distribution, "distribution is null");
        }
    }

    record DropPartition(boolean temporary, boolean ifExists, List<String> names, boolean force)
            implements AlterClause {
        public DropPartition {
            names = List.copyOf(names);
        }
    }

    /** {@code REPLACE PARTITION (p) WITH TEMPORARY PARTITION (tp) [PROPERTIES (...)]}. */
    record ReplacePartition(List<String> partitions, List<String> temporaryPartitions, Map<String, String> properties)
            implements AlterClause {
        public ReplacePartition {
            partitions = List.copyOf(partitions);
            temporaryPartitions = List.copyOf(temporaryPartitions);
            properties = Props.copy(properties);
        }
    }

    record SetOrderBy(List<String> columns) implements AlterClause {
        public SetOrderBy {
            columns = List.copyOf(columns);
        }
    }

    record SetDistribution(Distribution distribution) implements AlterClause {
        public SetDistribution {
            requireNonNull(distribution, "distribution is null");
        }
    }

    record AddIndex(IndexDefinition index) implements AlterClause {
        public AddIndex {
            requireNonNull(index, "index is null");
        }
    }

    record DropIndex(String name) implements AlterClause {
        public DropIndex {
            requireNonNull(name, "name is null");
        }
    }

    /** ADD ROLLUP or DROP ROLLUP, not taken apart further. */
    record Rollup(boolean add, List<String> names) implements AlterClause {
        public Rollup {
            names = List.copyOf(names);
        }
    }
}
