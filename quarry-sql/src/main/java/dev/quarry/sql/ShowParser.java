package dev.quarry.sql;

import dev.quarry.sql.ast.Expr;
import dev.quarry.sql.ast.Query;
import dev.quarry.sql.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SHOW statements (docs/sql.md §2): a known head ({@code TABLES}, {@code CREATE TABLE}, {@code ALTER TABLE COLUMN},
 * ...), its target, then {@code FROM | IN} names, {@code LIKE 'p'} or {@code WHERE e}, ORDER BY and LIMIT.
 */
final class ShowParser {
    /** The SHOW heads, longest first where one is a prefix of another. */
    private static final String[][] HEADS = {
        {"CREATE", "MATERIALIZED", "VIEW"},
        {"CREATE", "TABLE"},
        {"CREATE", "VIEW"},
        {"CREATE", "DATABASE"},
        {"CREATE", "SCHEMA"},
        {"CREATE", "CATALOG"},
        {"CREATE", "EXTERNAL", "CATALOG"},
        {"ALTER", "TABLE", "COLUMN"},
        {"ALTER", "TABLE", "ROLLUP"},
        {"ALTER", "TABLE", "OPTIMIZE"},
        {"ALTER", "MATERIALIZED", "VIEW"},
        {"MATERIALIZED", "VIEWS"},
        {"TEMPORARY", "PARTITIONS"},
        {"PARTITIONS"},
        {"TABLE", "STATUS"},
        {"DATABASES"},
        {"SCHEMAS"},
        {"TABLES"},
        {"COLUMNS"},
        {"FIELDS"},
        {"VARIABLES"},
        {"STATUS"},
        {"BACKENDS"},
        {"FRONTENDS"},
        {"COMPUTE", "NODES"},
        {"BROKER"},
        {"PROC"},
        {"INDEXES"},
        {"INDEX"},
        {"KEYS"},
        {"KEY"},
        {"WARNINGS"},
        {"ERRORS"},
        {"ENGINES"},
        {"CHARACTER", "SET"},
        {"CHARSET"},
        {"COLLATION"},
        {"PROCESSLIST"},
        {"CATALOGS"},
        {"GRANTS"},
        {"ROLES"},
        {"USERS"},
        {"PRIVILEGES"},
        {"AUTHORS"},
        {"DATA"},
        {"ROUTINE", "LOAD", "TASK"},
        {"ROUTINE", "LOAD"},
        {"STREAM", "LOAD"},
        {"LOAD"},
        {"TRANSACTION"},
        {"TABLET"},
        {"TABLETS"},
        {"BUILTIN", "FUNCTIONS"},
        {"FUNCTIONS"},
        {"RESOURCE", "GROUPS"},
        {"RESOURCE", "GROUP"},
        {"RESOURCES"},
        {"PLUGINS"},
        {"DELETE"},
        {"EXPORT"},
        {"REPOSITORIES"},
        {"SNAPSHOT"},
        {"BACKUP"},
        {"RESTORE"},
        {"EVENTS"},
        {"TRIGGERS"},
        {"OPEN", "TABLES"},
        {"PROCEDURE", "STATUS"},
        {"FUNCTION", "STATUS"},
        {"DYNAMIC", "PARTITION", "TABLES"},
        {"STORAGE", "VOLUMES"},
        {"WAREHOUSES"},
        {"ANALYZE", "JOB"},
        {"ANALYZE", "STATUS"},
        {"STATS", "META"},
        {"HISTOGRAM", "META"},
        {"PROFILELIST"},
        {"RUNNING", "QUERIES"},
        {"MASTER", "STATUS"},
        {"SQLBLACKLIST"},
        {"WHITELIST"},
        {"PIPES"},
        {"DICTIONARY"}
    };

    private ShowParser() {}

    static Statement.Show show(StatementParser p) {
        p.expect("SHOW");
        boolean full = p.accept("FULL");
        String scope = "";
        if ((p.at("GLOBAL") || p.at("SESSION") || p.at("LOCAL")) && !p.peek(1).isSymbol("=")) {
            scope = p.next().upper();
        }
        String what = head(p);
        List<List<String>> targets = new ArrayList<>();
        Optional<String> argument = Optional.empty();
        if (what.startsWith("CREATE ")) {
            targets.add(p.qualifiedName());
        } else if (what.equals("PROC")) {
            argument = Optional.of(p.string());
        } else if (what.equals("GRANTS") && p.accept("FOR")) {
            StringBuilder user = new StringBuilder(p.identifierOrString());
            if (p.acceptSymbol("@")) {
                user.append('@').append(p.identifierOrString());
            }
            argument = Optional.of(user.toString());
        } else if (what.equals("TABLET") && p.peek().kind() == Token.Kind.INTEGER) {
            argument = Optional.of(String.valueOf(p.integer()));
        }
        while (p.accept("FROM") || p.accept("IN")) {
            targets.add(p.qualifiedName());
        }
        Optional<String> like = Optional.empty();
        Optional<Expr> where = Optional.empty();
        if (p.accept("LIKE")) {
            like = Optional.of(p.string());
        } else if (p.accept("WHERE")) {
            where = Optional.of(p.expression());
        }
        List<Expr.OrderItem> orderBy = List.of();
        if (p.accept("ORDER")) {
            p.expect("BY");
            orderBy = FunctionCalls.orderItems(p);
        }
        Optional<Query.Limit> limit = p.limit();
        return new Statement.Show(what, full, scope, targets, like, where, argument, orderBy, limit);
    }

    private static String head(StatementParser p) {
        for (String[] head : HEADS) {
            if (p.at(head)) {
                p.accept(head);
                return String.join(" ", head);
            }
        }
        throw p.unexpected("'TABLES', 'DATABASES', 'COLUMNS', 'CREATE', 'VARIABLES', 'PARTITIONS', ...");
    }
}
