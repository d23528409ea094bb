package dev.quarry.sql;

import dev.quarry.sql.ast.Expr;
import dev.quarry.sql.ast.Query;
import dev.quarry.sql.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** INSERT, UPDATE and DELETE (docs/sql.md §2). */
abstract class DmlParser extends QueryParser {
    DmlParser(String sql) {
        super(sql);
    }

    /**
     * {@code INSERT {INTO | OVERWRITE} t [[TEMPORARY] PARTITION (...)] [WITH LABEL l] [(cols) | BY NAME]
     * [PROPERTIES (...)] {VALUES (...), ... | query}}.
     */
    Statement.Insert insert() {
        expect("INSERT");
        while (peek().kind() == Token.Kind.HINT) {
            next();
        }
        boolean overwrite = expectOneOf("INTO", "OVERWRITE").equals("OVERWRITE");
        List<String> table = qualifiedName();
        boolean temporary = false;
        List<String> partitions = List.of();
        if (at("TEMPORARY") && peek(1).isWord("PARTITION")) {
            next();
            temporary = true;
        }
        if (accept("PARTITION") || accept("PARTITIONS")) {
            partitions = partitionNames();
        }
        Optional<String> label = Optional.empty();
        if (accept("WITH", "LABEL")) {
            label = Optional.of(identifier());
        }
        List<String> columns = List.of();
        if (atSymbol("(") && !atQueryStart()) {
            columns = identifierList();
        } else if (accept("BY")) {
            expect("NAME");
        }
        Map<String, String> properties = optionalProperties();
        if (accept("VALUES")) {
            List<List<Expr>> rows = new ArrayList<>();
            do {
                rows.add(valuesRow());
            } while (acceptSymbol(","));
            return new Statement.Insert(
                    overwrite, table, partitions, temporary, label, columns, properties, rows, Optional.empty());
        }
        if (!atQueryStart()) {
            throw unexpected("'SELECT', 'VALUES', 'WITH', '('");
        }
        Query q = query();
        return new Statement.Insert(
                overwrite, table, partitions, temporary, label, columns, properties, List.of(), Optional.of(q));
    }

    /** {@code (expr | DEFAULT, ...)}. */
    private List<Expr> valuesRow() {
        expectSymbol("(");
        List<Expr> row = new ArrayList<>();
        if (!atSymbol(")")) {
            do {
                row.add(accept("DEFAULT") ? new Expr.Default() : expression());
            } while (acceptSymbol(","));
        }
        expectSymbol(")");
        return row;
    }

    /** {@code UPDATE t [AS a] SET c = e, ... [FROM ...] [WHERE ...]}, after an optional WITH. */
    Statement.Update update(List<Query.Cte> with) {
        expect("UPDATE");
        while (peek().kind() == Token.Kind.HINT) {
            next();
        }
        List<String> table = qualifiedName();
        Optional<String> alias = Optional.empty();
        if (accept("AS")) {
            alias = Optional.of(identifier());
        } else if (atIdentifier()) {
            alias = Optional.of(identifier());
        }
        expect("SET");
        List<Statement.Assignment> assignments = new ArrayList<>();
        do {
            String column = identifier();
            expectSymbol("=");
            assignments.add(new Statement.Assignment(column, accept("DEFAULT") ? new Expr.Default() : expression()));
        } while (acceptSymbol(","));
        List<Query.Relation> from = accept("FROM") ? List.of(relations()) : List.of();
        Optional<Expr> where = accept("WHERE") ? Optional.of(expression()) : Optional.empty();
        return new Statement.Update(with, table, alias, assignments, from, where);
    }

    /** {@code DELETE FROM t [PARTITION ...] [USING ...] [WHERE ...]}, after an optional WITH. */
    Statement.Delete delete(List<Query.Cte> with) {
        expect("DELETE");
        while (peek().kind() == Token.Kind.HINT) {
            next();
        }
        expect("FROM");
        List<String> table = qualifiedName();
        List<String> partitions = List.of();
        if (accept("PARTITION") || accept("PARTITIONS")) {
            partitions = partitionNames();
        }
        List<Query.Relation> using = accept("USING") ? List.of(relations()) : List.of();
        Optional<Expr> where = accept("WHERE") ? Optional.of(expression()) : Optional.empty();
        return new Statement.Delete(with, table, partitions, using, where);
    }
}
