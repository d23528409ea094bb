package dev.quarry.sql;

import dev.quarry.sql.ast.Expr;
import dev.quarry.sql.ast.Query;
import dev.quarry.sql.ast.TableStatement;
import dev.quarry.sql.ast.ViewStatement;
import dev.quarry.sql.ast.ViewStatement.Refresh;
import dev.quarry.sql.ast.ViewStatement.ViewColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Views and materialized views (docs/sql.md §2, docs/starrocks.md §5.5 and §5.6). */
abstract class ViewParser extends AlterParser {
    ViewParser(String sql) {
        super(sql);
    }

    /** After {@code CREATE [OR REPLACE]}: {@code VIEW [IF NOT EXISTS] v [(cols)] [COMMENT] [SECURITY] AS query}. */
    ViewStatement.CreateView createView(boolean orReplace) {
        expect("VIEW");
        boolean ifNotExists = accept("IF", "NOT", "EXISTS");
        List<String> name = qualifiedName();
        List<ViewColumn> columns = atSymbol("(") ? viewColumns() : List.of();
        Optional<String> comment = accept("COMMENT") ? Optional.of(string()) : Optional.empty();
        Optional<String> security = security();
        expect("AS");
        Query q = query();
        return new ViewStatement.CreateView(orReplace, ifNotExists, name, columns, comment, security, q);
    }

    private Optional<String> security() {
        if (accept("SECURITY")) {
            return Optional.of(expectOneOf("NONE", "INVOKER"));
        }
        return Optional.empty();
    }

    private List<ViewColumn> viewColumns() {
        expectSymbol("(");
        List<ViewColumn> columns = new ArrayList<>();
        do {
            String name = identifier();
            columns.add(new ViewColumn(name, accept("COMMENT") ? Optional.of(string()) : Optional.empty()));
        } while (acceptSymbol(","));
        expectSymbol(")");
        return columns;
    }

    /** After {@code ALTER}: {@code VIEW v [(cols)] AS query} or {@code VIEW v SET SECURITY {NONE | INVOKER}}. */
    ViewStatement.AlterView alterView() {
        expect("VIEW");
        List<String> name = qualifiedName();
        if (accept("SET")) {
            Optional<String> security = security();
            if (security.isEmpty()) {
                throw unexpected("'SECURITY'");
            }
            return new ViewStatement.AlterView(name, List.of(), security, Optional.empty());
        }
        List<ViewColumn> columns = atSymbol("(") ? viewColumns() : List.of();
        Optional<String> security = security();
        expect("AS");
        return new ViewStatement.AlterView(name, columns, security, Optional.of(query()));
    }

    /** After {@code CREATE}: {@code MATERIALIZED VIEW [IF NOT EXISTS] mv [(cols)] [COMMENT] [clauses] AS query}. */
    ViewStatement.CreateMaterializedView createMaterializedView() {
        expect("MATERIALIZED");
        expect("VIEW");
        boolean ifNotExists = accept("IF", "NOT", "EXISTS");
        List<String> name = qualifiedName();
        List<ViewColumn> columns = atSymbol("(") ? viewColumns() : List.of();
        Optional<String> comment = accept("COMMENT") ? Optional.of(string()) : Optional.empty();
        List<Expr> partitionBy = List.of();
        Optional<TableStatement.Distribution> distribution = Optional.empty();
        List<String> orderBy = List.of();
        Optional<Refresh> refresh = Optional.empty();
        Map<String, String> properties = new LinkedHashMap<>();
        while (!at("AS")) {
            if (at("PARTITION")) {
                partitionBy = partitionDesc().by();
            } else if (at("DISTRIBUTED")) {
                distribution = Optional.of(distribution());
            } else if (accept("ORDER")) {
                expect("BY");
                orderBy = identifierList();
            } else if (at("REFRESH")) {
                refresh = Optional.of(refresh());
            } else if (accept("PROPERTIES")) {
                properties = propertyList();
            } else {
                throw unexpected("'AS', 'PARTITION', 'DISTRIBUTED', 'ORDER', 'REFRESH', 'PROPERTIES'");
            }
        }
        expect("AS");
        Query q = query();
        return new ViewStatement.CreateMaterializedView(
                ifNotExists, name, columns, comment, partitionBy, distribution, orderBy, refresh, properties, q);
    }

    /**
     * {@code REFRESH [IMMEDIATE | DEFERRED] {ASYNC [START ('t')] [EVERY (INTERVAL n unit)] | MANUAL | INCREMENTAL}}:
     * the kind is required, so {@code REFRESH DEFERRED} alone is refused (docs/starrocks.md §5.6).
     */
    Refresh refresh() {
        expect("REFRESH");
        String moment = "";
        if (accept("IMMEDIATE")) {
            moment = "IMMEDIATE";
        } else if (accept("DEFERRED")) {
            moment = "DEFERRED";
        }
        String kind = expectOneOf("ASYNC", "MANUAL", "INCREMENTAL");
        Optional<String> start = Optional.empty();
        Optional<Expr> every = Optional.empty();
        if (kind.equals("ASYNC")) {
            if (accept("START")) {
                expectSymbol("(");
                start = Optional.of(string());
                expectSymbol(")");
            }
            if (accept("EVERY")) {
                expectSymbol("(");
                every = Optional.of(interval());
                expectSymbol(")");
            }
        }
        return new Refresh(moment, kind, start, every);
    }

    /** After {@code ALTER}: {@code MATERIALIZED VIEW mv {REFRESH ... | RENAME n | SET (...) | ACTIVE | INACTIVE}}. */
    ViewStatement.AlterMaterializedView alterMaterializedView() {
        expect("MATERIALIZED");
        expect("VIEW");
        List<String> name = qualifiedName();
        if (at("REFRESH")) {
            return new ViewStatement.AlterMaterializedView(
                    name, "REFRESH", Optional.of(refresh()), Optional.empty(), Map.of());
        }
        if (accept("RENAME")) {
            return new ViewStatement.AlterMaterializedView(
                    name, "RENAME", Optional.empty(), Optional.of(identifier()), Map.of());
        }
        if (accept("SET")) {
            return new ViewStatement.AlterMaterializedView(
                    name, "SET", Optional.empty(), Optional.empty(), propertyList());
        }
        if (accept("SWAP")) {
            expect("WITH");
            return new ViewStatement.AlterMaterializedView(
                    name, "SWAP", Optional.empty(), Optional.of(identifier()), Map.of());
        }
        String action = expectOneOf("ACTIVE", "INACTIVE");
        return new ViewStatement.AlterMaterializedView(name, action, Optional.empty(), Optional.empty(), Map.of());
    }

    /**
     * {@code REFRESH MATERIALIZED VIEW mv [PARTITION START ('s') END ('e') | PARTITION (p, ...)] [FORCE] [WITH {SYNC |
     * ASYNC} MODE]}, after REFRESH (and CANCEL when {@code cancel}).
     */
    ViewStatement.RefreshMaterializedView refreshMaterializedView(boolean cancel) {
        expect("MATERIALIZED");
        expect("VIEW");
        List<String> name = qualifiedName();
        if (cancel) {
            boolean force = accept("FORCE");
            return new ViewStatement.RefreshMaterializedView(
                    name, Optional.empty(), Optional.empty(), List.of(), force, false, true);
        }
        Optional<String> start = Optional.empty();
        Optional<String> end = Optional.empty();
        List<String> partitions = List.of();
        if (accept("PARTITION")) {
            if (accept("START")) {
                expectSymbol("(");
                start = Optional.of(string());
                expectSymbol(")");
                expect("END");
                expectSymbol("(");
                end = Optional.of(string());
                expectSymbol(")");
            } else {
                partitions = partitionNames();
            }
        }
        boolean force = accept("FORCE");
        boolean sync = false;
        if (accept("WITH")) {
            sync = expectOneOf("SYNC", "ASYNC").equals("SYNC");
            expect("MODE");
        }
        return new ViewStatement.RefreshMaterializedView(name, start, end, partitions, force, sync, false);
    }
}
