package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A logical view: {@code CREATE VIEW v [(col [COMMENT ''], ...)] [COMMENT ''] [SECURITY NONE|INVOKER] AS query}
 * (docs/starrocks.md §5.5; SECURITY since 3.4.1).
 *
 * @param database database name
 * @param name view name
 * @param columns optional column list (names and comments, no types)
 * @param comment view comment
 * @param security SECURITY clause, if any
 * @param query the SELECT, passed through as written by the model author
 */
public record ViewSpec(
        String database,
        String name,
        List<ViewColumn> columns,
        Optional<String> comment,
        Optional<Security> security,
        String query) {

    public ViewSpec {
        requireNonNull(database, "database is null");
        requireNonNull(name, "view name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(comment, "comment is null");
        requireNonNull(security, "security is null");
        requireNonNull(query, "query is null");
        if (database.isBlank() || name.isBlank()) {
            throw new InvalidSpecException(
                    "view " + database + "." + name + ": database and view names must not be blank");
        }
        if (query.isBlank()) {
            throw new InvalidSpecException("view " + database + "." + name + ": query is empty");
        }
        ViewColumn.checkDistinct(columns, "view " + database + "." + name);
    }

    public static ViewSpec of(String database, String name, String query) {
        return new ViewSpec(database, name, List.of(), Optional.empty(), Optional.empty(), query);
    }

    public ViewSpec withColumns(List<ViewColumn> newColumns) {
        return new ViewSpec(database, name, newColumns, comment, security, query);
    }

    public ViewSpec withComment(String newComment) {
        return new ViewSpec(database, name, columns, Optional.of(newComment), security, query);
    }

    public ViewSpec withSecurity(Security newSecurity) {
        return new ViewSpec(database, name, columns, comment, Optional.of(newSecurity), query);
    }

    /** NONE: SELECT on the view suffices; INVOKER: the caller also needs SELECT on the base tables. */
    public enum Security {
        NONE,
        INVOKER
    }

    /**
     * A column of a view or materialized view column list: a name and an optional comment.
     *
     * @param name column name
     * @param comment column comment
     */
    public record ViewColumn(String name, Optional<String> comment) {
        public ViewColumn {
            requireNonNull(name, "column name is null");
            requireNonNull(comment, "comment is null");
            if (name.isBlank()) {
                throw new InvalidSpecException("column name is blank");
            }
        }

        public static ViewColumn of(String name) {
            return new ViewColumn(name, Optional.empty());
        }

        public static ViewColumn of(String name, String comment) {
            return new ViewColumn(name, Optional.of(comment));
        }

        static void checkDistinct(List<ViewColumn> columns, String where) {
            Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (ViewColumn c : columns) {
                if (!seen.add(c.name())) {
                    throw new InvalidSpecException(where + ": Duplicate column name '" + c.name() + "'");
                }
            }
        }
    }
}
