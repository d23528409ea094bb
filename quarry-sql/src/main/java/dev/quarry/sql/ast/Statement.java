package dev.quarry.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One statement of StarRocks SQL (docs/sql.md §3). Table definitions live in {@link TableStatement}. */
public sealed interface Statement
        permits Statement.QueryStatement,
                Statement.Insert,
                Statement.Update,
                Statement.Delete,
                Statement.CreateDatabase,
                Statement.DropDatabase,
                Statement.Use,
                Statement.SetStatement,
                Statement.Show,
                Statement.Describe,
                Statement.Explain,
                Statement.Admin,
                Statement.Transaction,
                Statement.Analyze,
                Statement.Kill,
                Statement.Unchecked,
                TableStatement,
                ViewStatement {

    /** A query, possibly with {@code INTO OUTFILE} (not kept). */
    record QueryStatement(Query query) implements Statement {
        public QueryStatement {
            requireNonNull(query, "query is null");
        }
    }

    /**
     * {@code INSERT {INTO | OVERWRITE} t [PARTITION (...)] [WITH LABEL l] [(cols)] {VALUES ... | query}}; exactly one
     * of {@code values} (non-empty) and {@code query} is given.
     */
    record Insert(
            boolean overwrite,
            List<String> table,
            List<String> partitions,
            boolean temporaryPartitions,
            Optional<String> label,
            List<String> columns,
            Map<String, String> properties,
            List<List<Expr>> values,
            Optional<Query> query)
            implements Statement {
        public Insert {
            table = List.copyOf(table);
            partitions = List.copyOf(partitions);
            requireNonNull(label, "label is null");
            columns = List.copyOf(columns);
            properties = Props.copy(properties);
            values = values.stream().map(List::copyOf).toList();
            requireNonNull(query, "query is null");
        }
    }

    /** {@code [WITH ...] UPDATE t [AS a] SET c = e, ... [FROM ...] [WHERE ...]}. */
    record Update(
            List<Query.Cte> with,
            List<String> table,
            Optional<String> alias,
            List<Assignment> assignments,
            List<Query.Relation> from,
            Optional<Expr> where)
            implements Statement {
        public Update {
            with = List.copyOf(with);
            table = List.copyOf(table);
            requireNonNull(alias, "alias is null");
            assignments = List.copyOf(assignments);
            from = List.copyOf(from);
            requireNonNull(where, "where is null");
        }
    }

    record Assignment(String column, Expr value) {
        public Assignment {
            requireNonNull(column, "column is null");
            requireNonNull(value, "value is null");
        }
    }

    /** {@code [WITH ...] DELETE FROM t [PARTITION ...] [USING ...] [WHERE ...]}. */
    record Delete(
            List<Query.Cte> with,
            List<String> table,
            List<String> partitions,
            List<Query.Relation> using,
            Optional<Expr> where)
            implements Statement {
        public Delete {
            with = List.copyOf(with);
            table = List.copyOf(table);
            partitions = List.copyOf(partitions);
            using = List.copyOf(using);
            requireNonNull(where, "where is null");
        }
    }

    record CreateDatabase(boolean ifNotExists, List<String> name, Map<String, String> properties) implements Statement {
        public CreateDatabase {
            name = List.copyOf(name);
            properties = Props.copy(properties);
        }
    }

    record DropDatabase(boolean ifExists, List<String> name, boolean force) implements Statement {
        public DropDatabase {
            name = List.copyOf(name);
        }
    }

    /** {@code USE db}, {@code USE catalog.db} or {@code USE 'catalog'}. */
    record Use(List<String> name) implements Statement {
        public Use {
            name = List.copyOf(name);
        }
    }

    record SetStatement(List<SetItem> items) implements Statement {
        public SetStatement {
            items = List.copyOf(items);
        }
    }

    /**
     * One assignment of SET: kind USER ({@code @x = e}), SYSTEM ({@code [scope] name = e}, value {@link Expr.Default}
     * for DEFAULT), NAMES, TRANSACTION or PASSWORD; scope is GLOBAL, SESSION, LOCAL or empty.
     */
    record SetItem(String kind, String scope, String name, Optional<Expr> value) {
        public SetItem {
            requireNonNull(kind, "kind is null");
            requireNonNull(scope, "scope is null");
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    /**
     * A SHOW statement: {@code what} names it ({@code TABLES}, {@code CREATE TABLE}, {@code VARIABLES}, ...),
     * {@code full} for SHOW FULL, {@code scope} GLOBAL/SESSION/LOCAL or empty, {@code targets} the names after
     * FROM/IN or after the head, {@code like} and {@code where} the filter, {@code argument} a string argument (SHOW
     * PROC's path).
     */
    record Show(
            String what,
            boolean full,
            String scope,
            List<List<String>> targets,
            Optional<String> like,
            Optional<Expr> where,
            Optional<String> argument,
            List<Expr.OrderItem> orderBy,
            Optional<Query.Limit> limit)
            implements Statement {
        public Show {
            requireNonNull(what, "what is null");
            requireNonNull(scope, "scope is null");
            targets = targets.stream().map(List::copyOf).toList();
            requireNonNull(like, "like is null");
            requireNonNull(where, "where is null");
            requireNonNull(argument, "argument is null");
            orderBy = List.copyOf(orderBy);
            requireNonNull(limit, "limit is null");
        }
    }

    /** {@code DESC[RIBE] t [ALL]}. */
    record Describe(List<String> table, boolean all) implements Statement {
        public Describe {
            table = List.copyOf(table);
        }
    }

    /** {@code EXPLAIN [LOGICAL | VERBOSE | COSTS | ANALYZE] statement}; level empty when not given. */
    record Explain(String level, Statement statement) implements Statement {
        public Explain {
            requireNonNull(level, "level is null");
            requireNonNull(statement, "statement is null");
        }
    }

    /** ADMIN SET FRONTEND CONFIG ({@code what} = SET FRONTEND CONFIG) or ADMIN SHOW FRONTEND CONFIG [LIKE]. */
    record Admin(String what, Map<String, String> properties, Optional<String> like) implements Statement {
        public Admin {
            requireNonNull(what, "what is null");
            properties = Props.copy(properties);
            requireNonNull(like, "like is null");
        }
    }

    /** BEGIN, START TRANSACTION, COMMIT or ROLLBACK ({@code kind} BEGIN, COMMIT or ROLLBACK). */
    record Transaction(String kind) implements Statement {
        public Transaction {
            requireNonNull(kind, "kind is null");
        }
    }

    /** {@code ANALYZE [FULL | SAMPLE] TABLE t [(cols)] [WITH {SYNC | ASYNC} MODE] [PROPERTIES (...)]}. */
    record Analyze(List<String> table, List<String> columns, Map<String, String> properties) implements Statement {
        public Analyze {
            table = List.copyOf(table);
            columns = List.copyOf(columns);
            properties = Props.copy(properties);
        }
    }

    /** {@code KILL [CONNECTION | QUERY] id}. */
    record Kill(boolean query, String id) implements Statement {
        public Kill {
            requireNonNull(id, "id is null");
        }
    }

    /**
     * A statement the parser recognises by its first words but does not take apart (GRANT, REVOKE, FLUSH, SYNC,
     * CANCEL ALTER ...): {@code head} is those words.
     */
    record Unchecked(String head) implements Statement {
        public Unchecked {
            requireNonNull(head, "head is null");
        }
    }
}
