package dev.quarry.sql;

import dev.quarry.sql.ast.Expr;
import dev.quarry.sql.ast.Query;
import dev.quarry.sql.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The statement dispatcher: which statement starts here, and the short statements (docs/sql.md §2). */
final class StatementParser extends ViewParser {
    /** Statements recognised by their first two words and not taken apart (docs/sql.md §2). */
    private static final Set<String> UNCHECKED_CREATE_DROP = Set.of(
            "USER",
            "ROLE",
            "RESOURCE",
            "FUNCTION",
            "GLOBAL",
            "CATALOG",
            "EXTERNAL",
            "REPOSITORY",
            "FILE",
            "ROUTINE",
            "STORAGE",
            "WAREHOUSE",
            "ANALYZE",
            "STATS",
            "HISTOGRAM",
            "SQLBLACKLIST",
            "MASKING",
            "ROW",
            "SECURITY",
            "DICTIONARY",
            "PIPE");

    StatementParser(String sql) {
        super(sql);
    }

    Statement singleStatement() {
        if (atEnd() || atSymbol(";")) {
            throw unexpected("a statement");
        }
        Statement s = statement();
        if (atSymbol(";")) {
            Token semicolon = next();
            if (!atEnd()) {
                throw unexpectedAt(semicolon, "<EOF>");
            }
        }
        expectEnd();
        return s;
    }

    private Statement statement() {
        Token t = peek();
        if (t.isSymbol("(")) {
            return queryStatement();
        }
        if (t.kind() != Token.Kind.WORD) {
            throw unexpected("a statement");
        }
        switch (t.upper()) {
            case "SELECT" -> {
                return queryStatement();
            }
            case "WITH" -> {
                next();
                List<Query.Cte> with = ctes();
                if (at("UPDATE")) {
                    return update(with);
                }
                if (at("DELETE")) {
                    return delete(with);
                }
                Statement.QueryStatement q = new Statement.QueryStatement(queryNoWith(with));
                outfile();
                return q;
            }
            case "INSERT" -> {
                return insert();
            }
            case "UPDATE" -> {
                return update(List.of());
            }
            case "DELETE" -> {
                return delete(List.of());
            }
            case "CREATE" -> {
                return create();
            }
            case "DROP" -> {
                return drop();
            }
            case "ALTER" -> {
                return alter();
            }
            case "TRUNCATE" -> {
                return truncate();
            }
            case "REFRESH" -> {
                next();
                if (at("MATERIALIZED")) {
                    return refreshMaterializedView(false);
                }
                expect("EXTERNAL");
                return unchecked("REFRESH EXTERNAL");
            }
            case "CANCEL" -> {
                next();
                if (accept("REFRESH")) {
                    return refreshMaterializedView(true);
                }
                String what = expectOneOf("ALTER", "LOAD", "EXPORT", "BACKUP", "RESTORE", "DECOMMISSION");
                return unchecked("CANCEL " + what);
            }
            case "USE" -> {
                next();
                if (atString()) {
                    return new Statement.Use(List.of(string()));
                }
                return new Statement.Use(qualifiedName());
            }
            case "SET" -> {
                return set();
            }
            case "SHOW" -> {
                return ShowParser.show(this);
            }
            case "DESC", "DESCRIBE", "EXPLAIN" -> {
                return explainOrDescribe();
            }
            case "ADMIN" -> {
                return admin();
            }
            case "BEGIN" -> {
                next();
                accept("WORK");
                return new Statement.Transaction("BEGIN");
            }
            case "START" -> {
                next();
                expect("TRANSACTION");
                if (accept("WITH")) {
                    expect("CONSISTENT");
                    expect("SNAPSHOT");
                }
                return new Statement.Transaction("BEGIN");
            }
            case "COMMIT", "ROLLBACK" -> {
                String kind = next().upper();
                accept("WORK");
                return new Statement.Transaction(kind);
            }
            case "ANALYZE" -> {
                return analyze();
            }
            case "KILL" -> {
                next();
                boolean query = accept("QUERY");
                if (!query) {
                    accept("CONNECTION");
                }
                String id = atString() ? string() : String.valueOf(integer());
                return new Statement.Kill(query, id);
            }
            case "GRANT",
                    "REVOKE",
                    "FLUSH",
                    "SYNC",
                    "INSTALL",
                    "UNINSTALL",
                    "RECOVER",
                    "SUBMIT",
                    "HELP",
                    "PREPARE",
                    "EXECUTE",
                    "DEALLOCATE",
                    "LOAD",
                    "BACKUP",
                    "RESTORE",
                    "PAUSE",
                    "RESUME",
                    "STOP" -> {
                return unchecked(next().upper());
            }
            default -> throw unexpected("a statement");
        }
    }

    private Statement queryStatement() {
        Statement.QueryStatement q = new Statement.QueryStatement(query());
        outfile();
        return q;
    }

    /** {@code INTO OUTFILE 'path' [FORMAT AS x] [PROPERTIES (...)]}, accepted and not kept. */
    private void outfile() {
        if (accept("INTO")) {
            expect("OUTFILE");
            string();
            if (accept("FORMAT")) {
                expect("AS");
                identifierOrString();
            }
            optionalProperties();
        }
    }

    /** The rest of a statement the tree does not take apart; its tokens must still lex. */
    private Statement unchecked(String head) {
        while (!atEnd() && !atSymbol(";")) {
            next();
        }
        return new Statement.Unchecked(head);
    }

    private Statement create() {
        expect("CREATE");
        if (accept("DATABASE") || accept("SCHEMA")) {
            boolean ifNotExists = accept("IF", "NOT", "EXISTS");
            List<String> name = qualifiedName();
            if (name.size() > 2) {
                throw unexpected("a legal identifier");
            }
            charsetAndCollate();
            return new Statement.CreateDatabase(ifNotExists, name, optionalProperties());
        }
        if (at("TABLE")) {
            return createTable(false, false);
        }
        if (at("TEMPORARY", "TABLE") || at("EXTERNAL", "TABLE")) {
            boolean temporary = next().isWord("TEMPORARY");
            return createTable(temporary, !temporary);
        }
        if (accept("OR")) {
            expect("REPLACE");
            return createView(true);
        }
        if (at("VIEW")) {
            return createView(false);
        }
        if (at("MATERIALIZED")) {
            return createMaterializedView();
        }
        if (accept("INDEX")) {
            identifier();
            expect("ON");
            qualifiedName();
            identifierList();
            if (accept("USING")) {
                indexType();
            }
            if (accept("COMMENT")) {
                string();
            }
            return new Statement.Unchecked("CREATE INDEX");
        }
        if (peek().kind() == Token.Kind.WORD && UNCHECKED_CREATE_DROP.contains(peek().upper())) {
            return unchecked("CREATE " + peek().upper());
        }
        throw unexpected("'DATABASE', 'TABLE', 'VIEW', 'MATERIALIZED', 'INDEX', 'OR', 'TEMPORARY', 'EXTERNAL'");
    }

    private void charsetAndCollate() {
        accept("DEFAULT");
        if (accept("CHARSET") || accept("CHARACTER", "SET") || accept("CHAR", "SET")) {
            acceptSymbol("=");
            identifierOrString();
        }
        accept("DEFAULT");
        if (accept("COLLATE")) {
            acceptSymbol("=");
            identifierOrString();
        }
    }

    private Statement drop() {
        expect("DROP");
        if (accept("DATABASE") || accept("SCHEMA")) {
            boolean ifExists = accept("IF", "EXISTS");
            List<String> name = qualifiedName();
            return new Statement.DropDatabase(ifExists, name, accept("FORCE"));
        }
        if (at("TABLE")) {
            return dropTable(false);
        }
        if (at("TEMPORARY", "TABLE")) {
            next();
            return dropTable(true);
        }
        if (accept("VIEW")) {
            boolean ifExists = accept("IF", "EXISTS");
            List<String> name = qualifiedName();
            accept("FORCE");
            return new dev.quarry.sql.ast.ViewStatement.DropView(ifExists, name);
        }
        if (accept("MATERIALIZED")) {
            expect("VIEW");
            boolean ifExists = accept("IF", "EXISTS");
            return new dev.quarry.sql.ast.ViewStatement.DropMaterializedView(ifExists, qualifiedName());
        }
        if (accept("INDEX")) {
            identifier();
            expect("ON");
            qualifiedName();
            return new Statement.Unchecked("DROP INDEX");
        }
        if (peek().kind() == Token.Kind.WORD && UNCHECKED_CREATE_DROP.contains(peek().upper())) {
            return unchecked("DROP " + peek().upper());
        }
        throw unexpected("'DATABASE', 'TABLE', 'VIEW', 'MATERIALIZED', 'INDEX', 'TEMPORARY'");
    }

    private Statement alter() {
        expect("ALTER");
        if (at("TABLE")) {
            return alterTable();
        }
        if (at("VIEW")) {
            return alterView();
        }
        if (at("MATERIALIZED")) {
            return alterMaterializedView();
        }
        String what = expectOneOf(
                "DATABASE", "USER", "SYSTEM", "RESOURCE", "ROUTINE", "LOAD", "STORAGE", "WAREHOUSE", "CATALOG", "ROLE");
        return unchecked("ALTER " + what);
    }

    private Statement set() {
        expect("SET");
        if (at("CATALOG") || at("ROLE") || at("DEFAULT", "ROLE") || at("PROPERTY") || at("WAREHOUSE")) {
            return unchecked("SET " + peek().upper());
        }
        List<Statement.SetItem> items = new ArrayList<>();
        do {
            items.add(setItem());
        } while (acceptSymbol(","));
        return new Statement.SetStatement(items);
    }

    private Statement.SetItem setItem() {
        if (atSymbol("@")) {
            next();
            String name = identifierOrString();
            expectSymbol("=");
            return new Statement.SetItem("USER", "", name, Optional.of(expression()));
        }
        if (accept("NAMES")) {
            String charset = accept("DEFAULT") ? "DEFAULT" : identifierOrString();
            if (accept("COLLATE")) {
                if (!accept("DEFAULT")) {
                    identifierOrString();
                }
            }
            return new Statement.SetItem("NAMES", "", charset, Optional.empty());
        }
        if (accept("CHARSET") || accept("CHARACTER", "SET") || accept("CHAR", "SET")) {
            String charset = accept("DEFAULT") ? "DEFAULT" : identifierOrString();
            return new Statement.SetItem("NAMES", "", charset, Optional.empty());
        }
        if (accept("PASSWORD")) {
            if (accept("FOR")) {
                identifierOrString();
                if (acceptSymbol("@")) {
                    identifierOrString();
                }
            }
            expectSymbol("=");
            if (accept("PASSWORD")) {
                expectSymbol("(");
                string();
                expectSymbol(")");
            } else {
                string();
            }
            return new Statement.SetItem("PASSWORD", "", "", Optional.empty());
        }
        String scope = "";
        if (atSymbol("@@")) {
            Expr.Variable v = (Expr.Variable) valueExpression();
            expectSymbol("=");
            return new Statement.SetItem("SYSTEM", v.scope(), v.name(), Optional.of(setValue()));
        }
        if (at("GLOBAL") || at("SESSION") || at("LOCAL") || at("VERBOSE")) {
            if (!peek(1).isSymbol("=")) {
                scope = next().upper();
            }
        }
        if (accept("TRANSACTION")) {
            while (!atEnd() && !atSymbol(",") && !atSymbol(";")) {
                next();
            }
            return new Statement.SetItem("TRANSACTION", scope, "", Optional.empty());
        }
        String name = identifier();
        expectSymbol("=");
        return new Statement.SetItem("SYSTEM", scope, name, Optional.of(setValue()));
    }

    /** DEFAULT, ON, ALL or an expression. */
    private Expr setValue() {
        if (accept("DEFAULT")) {
            return new Expr.Default();
        }
        if (at("ON") || at("ALL")) {
            return new Expr.Literal(Expr.LiteralKind.STRING, next().upper());
        }
        return expression();
    }

    private Statement explainOrDescribe() {
        Token head = next();
        boolean explain = head.isWord("EXPLAIN");
        String level = "";
        for (String l : new String[] {"LOGICAL", "VERBOSE", "COSTS", "ANALYZE"}) {
            if (at(l)
                    && (peek(1).isWord("SELECT")
                            || peek(1).isWord("WITH")
                            || peek(1).isWord("INSERT")
                            || peek(1).isSymbol("("))) {
                level = next().upper();
            }
        }
        if (explain || at("SELECT") || at("WITH") || at("INSERT") || atSymbol("(") || !level.isEmpty()) {
            Statement inner = at("INSERT")
                    ? insert()
                    : at("UPDATE") ? update(List.of()) : at("DELETE") ? delete(List.of()) : queryStatement();
            return new Statement.Explain(level, inner);
        }
        List<String> table = qualifiedName();
        return new Statement.Describe(table, accept("ALL"));
    }

    private Statement admin() {
        expect("ADMIN");
        if (accept("SET", "FRONTEND", "CONFIG")) {
            expectSymbol("(");
            String key = string();
            expectSymbol("=");
            String value = string();
            expectSymbol(")");
            return new Statement.Admin("SET FRONTEND CONFIG", Map.of(key, value), Optional.empty());
        }
        if (accept("SHOW", "FRONTEND", "CONFIG")) {
            Optional<String> like = accept("LIKE") ? Optional.of(string()) : Optional.empty();
            return new Statement.Admin("SHOW FRONTEND CONFIG", Map.of(), like);
        }
        String what = expectOneOf("SET", "SHOW", "REPAIR", "CANCEL", "CHECK", "EXECUTE");
        return unchecked("ADMIN " + what);
    }

    private Statement analyze() {
        expect("ANALYZE");
        if (!accept("FULL")) {
            accept("SAMPLE");
        }
        expect("TABLE");
        List<String> table = qualifiedName();
        List<String> columns = atSymbol("(") ? identifierList() : List.of();
        if (accept("WITH")) {
            expectOneOf("SYNC", "ASYNC");
            expect("MODE");
        }
        return new Statement.Analyze(table, columns, optionalProperties());
    }

    /** The Stream Load {@code columns} header. */
    List<LoadColumn> loadColumns() {
        List<LoadColumn> items = new ArrayList<>();
        do {
            String name = identifier();
            if (acceptSymbol("=")) {
                int from = pos;
                Expr e = expression();
                items.add(new LoadColumn(name, Optional.of(e), Optional.of(textFrom(from))));
            } else {
                items.add(new LoadColumn(name, Optional.empty(), Optional.empty()));
            }
        } while (acceptSymbol(","));
        expectEnd();
        return items;
    }
}
