package dev.quarry.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Views and materialized views (docs/sql.md §3). */
public sealed interface ViewStatement extends Statement {

    /** A column of a view's column list: a name and an optional comment. */
    record ViewColumn(String name, Optional<String> comment) {
        public ViewColumn {
            requireNonNull(name, "name is null");
            requireNonNull(comment, "comment is null");
        }
    }

    record CreateView(
            boolean orReplace,
            boolean ifNotExists,
            List<String> name,
            List<ViewColumn> columns,
            Optional<String> comment,
            Optional<String> security,
            Query query)
            implements ViewStatement {
        public CreateView {
            name = List.copyOf(name);
            columns = List.copyOf(columns);
            requireNonNull(comment, "comment is null");
            requireNonNull(security, "security is null");
            requireNonNull(query, "query is null");
        }
    }

    /** {@code ALTER VIEW v [(cols)] AS query} or {@code ALTER VIEW v SET SECURITY {NONE | INVOKER}}. */
    record AlterView(List<String> name, List<ViewColumn> columns, Optional<String> security, Optional<Query> query)
            implements ViewStatement {
        public AlterView {
            name = List.copyOf(name);
            columns = List.copyOf(columns);
            requireNonNull(security, "security is null");
            requireNonNull(query, "query is null");
        }
    }

    record DropView(boolean ifExists, List<String> name) implements ViewStatement {
        public DropView {
            name = List.copyOf(name);
        }
    }

    /**
     * A REFRESH clause: moment IMMEDIATE, DEFERRED or empty; kind ASYNC, MANUAL or INCREMENTAL; for ASYNC an optional
     * START time and EVERY interval.
     */
    record Refresh(String moment, String kind, Optional<String> start, Optional<Expr> every) {
        public Refresh {
            requireNonNull(moment, "moment is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(start, "start is null");
            requireNonNull(every, "every is null");
        }
    }

    record CreateMaterializedView(
            boolean ifNotExists,
            List<String> name,
            List<ViewColumn> columns,
            Optional<String> comment,
            List<Expr> partitionBy,
            Optional<TableStatement.Distribution> distribution,
            List<String> orderBy,
            Optional<Refresh> refresh,
            Map<String, String> properties,
            Query query)
            implements ViewStatement {
        public CreateMaterializedView {
            name = List.copyOf(name);
            columns = List.copyOf(columns);
            requireNonNull(comment, "comment is null");
            partitionBy = List.copyOf(partitionBy);
            requireNonNull(distribution, "distribution is null");
            orderBy = List.copyOf(orderBy);
            requireNonNull(refresh, "refresh is null");
            properties = Props.copy(properties);
            requireNonNull(query, "query is null");
        }
    }

    /**
     * ALTER MATERIALIZED VIEW: action REFRESH (with {@code refresh}), RENAME ({@code newName}), SET (properties),
     * ACTIVE, INACTIVE or SWAP ({@code newName} the other view).
     */
    record AlterMaterializedView(
            List<String> name,
            String action,
            Optional<Refresh> refresh,
            Optional<String> newName,
            Map<String, String> properties)
            implements ViewStatement {
        public AlterMaterializedView {
            name = List.copyOf(name);
            requireNonNull(action, "action is null");
            requireNonNull(refresh, "refresh is null");
            requireNonNull(newName, "newName is null");
            properties = Props.copy(properties);
        }
    }

    record DropMaterializedView(boolean ifExists, List<String> name) implements ViewStatement {
        public DropMaterializedView {
            name = List.copyOf(name);
        }
    }

    /**
     * {@code REFRESH MATERIALIZED VIEW mv [PARTITION START ('s') END ('e') | PARTITION (p, ...)] [FORCE] [WITH {SYNC |
     * ASYNC} MODE]}; {@code cancel} for CANCEL REFRESH MATERIALIZED VIEW.
     */
    record RefreshMaterializedView(
            List<String> name,
            Optional<String> start,
            Optional<String> end,
            List<String> partitions,
            boolean force,
            boolean sync,
            boolean cancel)
            implements ViewStatement {
        public RefreshMaterializedView {
            name = List.copyOf(name);
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
            partitions = List.copyOf(partitions);
        }
    }
}
