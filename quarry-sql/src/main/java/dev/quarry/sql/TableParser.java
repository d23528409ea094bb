package dev.quarry.sql;

import dev.quarry.sql.ast.DataType;
import dev.quarry.sql.ast.Expr;
import dev.quarry.sql.ast.Query;
import dev.quarry.sql.ast.TableStatement;
import dev.quarry.sql.ast.TableStatement.ColumnDefinition;
import dev.quarry.sql.ast.TableStatement.Distribution;
import dev.quarry.sql.ast.TableStatement.IndexDefinition;
import dev.quarry.sql.ast.TableStatement.KeyDesc;
import dev.quarry.sql.ast.TableStatement.PartitionDefinition;
import dev.quarry.sql.ast.TableStatement.PartitionDesc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CREATE TABLE in its three forms and the parts of a table definition (docs/sql.md §2, docs/starrocks.md §3.1): columns,
 * indexes, ENGINE, key, COMMENT, PARTITION BY, DISTRIBUTED BY, ORDER BY, ROLLUP and PROPERTIES, in StarRocks' order.
 */
abstract class TableParser extends DmlParser {
    private static final Set<String> AGGREGATES = Set.of(
            "SUM", "MAX", "MIN", "REPLACE", "REPLACE_IF_NOT_NULL", "HLL_UNION", "BITMAP_UNION", "PERCENTILE_UNION");

    TableParser(String sql) {
        super(sql);
    }

    /** After {@code CREATE [TEMPORARY | EXTERNAL]}: {@code TABLE ...}. */
    TableStatement.CreateTable createTable(boolean temporary, boolean external) {
        expect("TABLE");
        boolean ifNotExists = accept("IF", "NOT", "EXISTS");
        List<String> name = qualifiedName();
        if (accept("LIKE")) {
            List<String> source = qualifiedName();
            return new TableStatement.CreateTable(
                    temporary,
                    external,
                    ifNotExists,
                    name,
                    List.of(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Map.of(),
                    List.of(),
                    Optional.empty(),
                    Optional.of(source));
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        List<IndexDefinition> indexes = new ArrayList<>();
        List<String> columnNames = new ArrayList<>();
        if (acceptSymbol("(")) {
            if (isIdentifier(peek()) && (peek(1).isSymbol(",") || peek(1).isSymbol(")"))) {
                // CREATE TABLE t (a, b) ... AS query: names only.
                do {
                    columnNames.add(identifier());
                } while (acceptSymbol(","));
            } else {
                do {
                    if (at("INDEX")) {
                        indexes.add(index());
                    } else {
                        if (!indexes.isEmpty()) {
                            throw unexpected("'INDEX'");
                        }
                        columns.add(column());
                    }
                } while (acceptSymbol(","));
            }
            expectSymbol(")");
        }
        Optional<String> engine = Optional.empty();
        if (accept("ENGINE")) {
            expectSymbol("=");
            engine = Optional.of(identifier());
        }
        charset();
        Optional<KeyDesc> key = keyDesc();
        Optional<String> comment = accept("COMMENT") ? Optional.of(string()) : Optional.empty();
        Optional<PartitionDesc> partition = at("PARTITION") ? Optional.of(partitionDesc()) : Optional.empty();
        Optional<Distribution> distribution = at("DISTRIBUTED") ? Optional.of(distribution()) : Optional.empty();
        List<String> orderBy = List.of();
        if (accept("ORDER")) {
            expect("BY");
            orderBy = identifierList();
        }
        if (at("ROLLUP") && peek(1).isSymbol("(")) {
            skipParenthesised();
        }
        Map<String, String> properties = optionalProperties();
        if (accept("BROKER")) {
            expect("PROPERTIES");
            propertyList();
        }
        Optional<Query> asQuery = Optional.empty();
        if (accept("AS")) {
            asQuery = Optional.of(query());
        } else if (columns.isEmpty() && indexes.isEmpty()) {
            throw unexpected(columnNames.isEmpty() ? "'('" : "'AS'");
        }
        return new TableStatement.CreateTable(
                temporary,
                external,
                ifNotExists,
                name,
                columns,
                indexes,
                engine,
                key,
                comment,
                partition,
                distribution,
                orderBy,
                properties,
                columnNames,
                asQuery,
                Optional.empty());
    }

    private void charset() {
        accept("DEFAULT");
        if (accept("CHARSET") || accept("CHARACTER", "SET") || accept("CHAR", "SET")) {
            acceptSymbol("=");
            identifierOrString();
        }
    }

    private Optional<KeyDesc> keyDesc() {
        for (String kind : new String[] {"DUPLICATE", "AGGREGATE", "UNIQUE", "PRIMARY"}) {
            if (at(kind) && peek(1).isWord("KEY")) {
                next();
                next();
                return Optional.of(new KeyDesc(kind, identifierList()));
            }
        }
        return Optional.empty();
    }

    /** {@code name type [KEY] [agg] [NULL | NOT NULL] [DEFAULT ... | AUTO_INCREMENT | AS expr] [COMMENT '']}. */
    ColumnDefinition column() {
        String name = identifier();
        DataType type = type();
        if (accept("CHARSET") || accept("CHARACTER", "SET") || accept("CHAR", "SET")) {
            identifier();
        }
        accept("KEY");
        Optional<String> aggregate = Optional.empty();
        if (peek().kind() == Token.Kind.WORD && AGGREGATES.contains(peek().upper())) {
            aggregate = Optional.of(next().upper());
        }
        Optional<Boolean> nullable = Optional.empty();
        if (accept("NULL")) {
            nullable = Optional.of(true);
        } else if (accept("NOT", "NULL")) {
            nullable = Optional.of(false);
        } else if (at("NOT")) {
            next();
            throw unexpected("'NULL'");
        }
        Optional<Expr> defaultValue = Optional.empty();
        boolean autoIncrement = false;
        Optional<Expr> generated = Optional.empty();
        if (accept("DEFAULT")) {
            defaultValue = Optional.of(defaultValue());
        } else if (accept("AUTO_INCREMENT")) {
            autoIncrement = true;
        } else if (accept("AS")) {
            generated = Optional.of(expression());
        }
        Optional<String> comment = accept("COMMENT") ? Optional.of(string()) : Optional.empty();
        return new ColumnDefinition(name, type, aggregate, nullable, defaultValue, autoIncrement, generated, comment);
    }

    /** DEFAULT takes a string, NULL, CURRENT_TIMESTAMP or a parenthesised call such as {@code (uuid())}. */
    private Expr defaultValue() {
        if (atString()) {
            return new Expr.Literal(Expr.LiteralKind.STRING, string());
        }
        if (accept("NULL")) {
            return new Expr.Literal(Expr.LiteralKind.NULL, "NULL");
        }
        if (accept("CURRENT_TIMESTAMP")) {
            return Expr.Call.of("CURRENT_TIMESTAMP", List.of());
        }
        if (acceptSymbol("(")) {
            List<String> fn = qualifiedName();
            expectSymbol("(");
            expectSymbol(")");
            expectSymbol(")");
            return new Expr.Call(fn, false, List.of(), List.of(), Optional.empty(), false, Optional.empty());
        }
        throw unexpected("a string literal, 'NULL', 'CURRENT_TIMESTAMP', '('");
    }

    /** {@code INDEX name (cols) [USING BITMAP | ...] [PROPERTIES (...)] [COMMENT '']}. */
    IndexDefinition index() {
        expect("INDEX");
        String name = identifier();
        List<String> columns = identifierList();
        Optional<String> using = Optional.empty();
        if (accept("USING")) {
            using = Optional.of(indexType());
            if (atSymbol("(")) {
                propertyList();
            }
        }
        Optional<String> comment = accept("COMMENT") ? Optional.of(string()) : Optional.empty();
        return new IndexDefinition(name, columns, using, comment);
    }

    /** An index type after USING: BITMAP (a reserved word), NGRAMBF, GIN, VECTOR. */
    String indexType() {
        if (peek().kind() != Token.Kind.WORD) {
            throw unexpected("'BITMAP'");
        }
        return next().upper();
    }

    /**
     * {@code PARTITION BY RANGE (cols) (...)}, {@code PARTITION BY LIST (cols) (...)}, {@code PARTITION BY (cols)},
     * {@code PARTITION BY col, date_trunc('day', c)} and the like, with partitions written out where given.
     */
    PartitionDesc partitionDesc() {
        expect("PARTITION");
        expect("BY");
        String kind = "EXPRESSION";
        if (accept("RANGE")) {
            kind = "RANGE";
        } else if (at("LIST") && peek(1).isSymbol("(")) {
            next();
            kind = "LIST";
        }
        List<Expr> by = new ArrayList<>();
        if (atSymbol("(") && isIdentifier(peek(1)) && (peek(2).isSymbol(",") || peek(2).isSymbol(")"))) {
            for (String c : identifierList()) {
                by.add(new Expr.Name(List.of(c)));
            }
        } else if (acceptSymbol("(")) {
            by.add(expression());
            expectSymbol(")");
        } else {
            do {
                by.add(partitionExpression());
            } while (acceptSymbol(","));
        }
        List<PartitionDefinition> partitions = new ArrayList<>();
        if (atSymbol("(")) {
            next();
            if (!atSymbol(")")) {
                do {
                    partitions.add(partitionDefinition());
                } while (acceptSymbol(","));
            }
            expectSymbol(")");
        }
        return new PartitionDesc(kind, by, partitions);
    }

    /** A column or a function call of a partition expression. */
    private Expr partitionExpression() {
        List<String> name = qualifiedName();
        if (atSymbol("(")) {
            return FunctionCalls.call(this, name);
        }
        return new Expr.Name(name);
    }

    /**
     * {@code PARTITION [IF NOT EXISTS] p VALUES LESS THAN (...) | VALUES [(...), (...)) | VALUES IN (...)}, or
     * {@code START ("s") END ("e") EVERY (INTERVAL n unit | n)}.
     */
    PartitionDefinition partitionDefinition() {
        if (accept("START")) {
            List<List<String>> values = new ArrayList<>();
            values.add(List.of(parenthesisedString()));
            expect("END");
            values.add(List.of(parenthesisedString()));
            expect("EVERY");
            expectSymbol("(");
            Expr every =
                    at("INTERVAL") ? interval() : new Expr.Literal(Expr.LiteralKind.INTEGER, String.valueOf(integer()));
            expectSymbol(")");
            return new PartitionDefinition("BATCH", Optional.empty(), false, values, Optional.of(every), Map.of());
        }
        expect("PARTITION");
        boolean ifNotExists = accept("IF", "NOT", "EXISTS");
        String name = identifier();
        expect("VALUES");
        String kind;
        List<List<String>> values = new ArrayList<>();
        if (accept("LESS")) {
            expect("THAN");
            kind = "LESS_THAN";
            if (accept("MAXVALUE")) {
                values.add(List.of("MAXVALUE"));
            } else {
                values.add(valueList());
            }
        } else if (acceptSymbol("[")) {
            kind = "FIXED";
            values.add(valueList());
            expectSymbol(",");
            values.add(valueList());
            expectSymbol(")");
        } else if (accept("IN")) {
            kind = "IN";
            expectSymbol("(");
            do {
                if (atSymbol("(")) {
                    values.add(valueList());
                } else {
                    values.add(List.of(string()));
                }
            } while (acceptSymbol(","));
            expectSymbol(")");
        } else {
            throw unexpected("'LESS', '[', 'IN'");
        }
        Map<String, String> props = atSymbol("(") ? propertyList() : new LinkedHashMap<>();
        return new PartitionDefinition(kind, Optional.of(name), ifNotExists, values, Optional.empty(), props);
    }

    private String parenthesisedString() {
        expectSymbol("(");
        String s = string();
        expectSymbol(")");
        return s;
    }

    /** {@code ("v" | MAXVALUE, ...)}. */
    private List<String> valueList() {
        expectSymbol("(");
        List<String> values = new ArrayList<>();
        do {
            values.add(accept("MAXVALUE") ? "MAXVALUE" : string());
        } while (acceptSymbol(","));
        expectSymbol(")");
        return values;
    }

    /** {@code DISTRIBUTED BY HASH (cols) [BUCKETS n]} or {@code DISTRIBUTED BY RANDOM [BUCKETS n]}. */
    Distribution distribution() {
        expect("DISTRIBUTED");
        expect("BY");
        String kind = expectOneOf("HASH", "RANDOM");
        List<String> columns = kind.equals("HASH") ? identifierList() : List.of();
        Optional<Long> buckets = accept("BUCKETS") ? Optional.of(integer()) : Optional.empty();
        return new Distribution(kind, columns, buckets);
    }

    /** Skips a balanced parenthesised group (ROLLUP definitions, which the tree does not keep). */
    void skipParenthesised() {
        next();
        expectSymbol("(");
        int depth = 1;
        while (depth > 0) {
            if (atEnd()) {
                throw unexpected("')'");
            }
            Token t = next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
        }
    }
}
