package dev.quarry.sql;

import dev.quarry.sql.ast.TableStatement;
import dev.quarry.sql.ast.TableStatement.AlterClause;
import dev.quarry.sql.ast.TableStatement.ColumnDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ALTER TABLE and its clauses, DROP TABLE and TRUNCATE TABLE (docs/sql.md §2, docs/starrocks.md §5.1). */
abstract class AlterParser extends TableParser {
    AlterParser(String sql) {
        super(sql);
    }

    /** After {@code ALTER}: {@code TABLE t clause [, clause ...]}. */
    TableStatement.AlterTable alterTable() {
        expect("TABLE");
        List<String> name = qualifiedName();
        List<AlterClause> clauses = new ArrayList<>();
        do {
            clauses.add(alterClause());
        } while (acceptSymbol(","));
        return new TableStatement.AlterTable(name, clauses);
    }

    private AlterClause alterClause() {
        if (accept("ADD")) {
            return add();
        }
        if (accept("DROP")) {
            return drop();
        }
        if (accept("MODIFY")) {
            return modify();
        }
        if (accept("RENAME")) {
            if (accept("COLUMN")) {
                String from = identifier();
                accept("TO");
                return new TableStatement.Rename("COLUMN", from, identifier());
            }
            if (at("PARTITION") || at("ROLLUP")) {
                String what = next().upper();
                String from = identifier();
                return new TableStatement.Rename(what, from, identifier());
            }
            return new TableStatement.Rename("TABLE", "", identifier());
        }
        if (accept("SWAP")) {
            expect("WITH");
            return new TableStatement.SwapWith(identifier());
        }
        if (accept("COMMENT")) {
            expectSymbol("=");
            return new TableStatement.SetComment(string());
        }
        if (accept("SET")) {
            return new TableStatement.SetProperties(List.of(), propertyList());
        }
        if (accept("ORDER")) {
            expect("BY");
            return new TableStatement.SetOrderBy(identifierList());
        }
        if (at("DISTRIBUTED")) {
            return new TableStatement.SetDistribution(distribution());
        }
        if (accept("REPLACE")) {
            expect("PARTITION");
            List<String> partitions = partitionNames();
            expect("WITH");
            expect("TEMPORARY");
            expect("PARTITION");
            List<String> temporary = partitionNames();
            return new TableStatement.ReplacePartition(partitions, temporary, optionalProperties());
        }
        throw unexpected(
                "'ADD', 'DROP', 'MODIFY', 'RENAME', 'SWAP', 'COMMENT', 'SET', 'ORDER', 'DISTRIBUTED', " + "'REPLACE'");
    }

    private AlterClause add() {
        if (accept("COLUMN")) {
            List<ColumnDefinition> columns = new ArrayList<>();
            if (acceptSymbol("(")) {
                do {
                    columns.add(column());
                } while (acceptSymbol(","));
                expectSymbol(")");
            } else {
                columns.add(column());
            }
            Optional<String> position = position();
            if (accept("TO") || accept("IN")) {
                identifier();
            }
            optionalProperties();
            return new TableStatement.AddColumns(columns, position);
        }
        if (at("INDEX")) {
            return new TableStatement.AddIndex(index());
        }
        if (accept("ROLLUP")) {
            List<String> names = new ArrayList<>();
            do {
                names.add(identifier());
                identifierList();
                if (accept("DUPLICATE")) {
                    expect("KEY");
                    identifierList();
                }
                if (accept("FROM")) {
                    identifier();
                }
                optionalProperties();
            } while (acceptSymbol(","));
            return new TableStatement.Rollup(true, names);
        }
        boolean temporary = accept("TEMPORARY");
        if (accept("PARTITIONS")) {
            return new TableStatement.AddPartition(temporary, batchAfterPartitions(), Optional.empty());
        }
        if (!at("PARTITION")) {
            throw unexpected("'COLUMN', 'PARTITION', 'PARTITIONS', 'INDEX', 'ROLLUP'");
        }
        TableStatement.PartitionDefinition def = partitionDefinition();
        Optional<TableStatement.Distribution> distribution =
                at("DISTRIBUTED") ? Optional.of(distribution()) : Optional.empty();
        return new TableStatement.AddPartition(temporary, def, distribution);
    }

    /** {@code START ("s") END ("e") EVERY (...)} after ADD PARTITIONS. */
    private TableStatement.PartitionDefinition batchAfterPartitions() {
        if (!at("START")) {
            throw unexpected("'START'");
        }
        return partitionDefinition();
    }

    private Optional<String> position() {
        if (accept("FIRST")) {
            return Optional.of("FIRST");
        }
        if (accept("AFTER")) {
            return Optional.of("AFTER " + identifier());
        }
        return Optional.empty();
    }

    private AlterClause drop() {
        if (accept("COLUMN")) {
            String name = identifier();
            if (accept("FROM")) {
                identifier();
            }
            optionalProperties();
            return new TableStatement.DropColumn(name);
        }
        if (accept("INDEX")) {
            return new TableStatement.DropIndex(identifier());
        }
        if (accept("ROLLUP")) {
            List<String> names = new ArrayList<>();
            do {
                names.add(identifier());
            } while (acceptSymbol(","));
            return new TableStatement.Rollup(false, names);
        }
        boolean temporary = accept("TEMPORARY");
        if (!accept("PARTITION") && !accept("PARTITIONS")) {
            throw unexpected("'COLUMN', 'PARTITION', 'INDEX', 'ROLLUP'");
        }
        boolean ifExists = accept("IF", "EXISTS");
        List<String> names = partitionNames();
        boolean force = accept("FORCE");
        return new TableStatement.DropPartition(temporary, ifExists, names, force);
    }

    private AlterClause modify() {
        if (accept("COLUMN")) {
            if (isIdentifier(peek()) && peek(1).isWord("COMMENT")) {
                String name = identifier();
                next();
                return new TableStatement.ModifyColumn(name, Optional.empty(), Optional.of(string()), Optional.empty());
            }
            ColumnDefinition def = column();
            Optional<String> position = position();
            if (accept("FROM")) {
                identifier();
            }
            optionalProperties();
            return new TableStatement.ModifyColumn(def.name(), Optional.of(def), def.comment(), position);
        }
        if (accept("PARTITION")) {
            List<String> names = new ArrayList<>();
            if (acceptSymbol("(")) {
                if (acceptSymbol("*")) {
                    names.add("*");
                } else {
                    do {
                        names.add(identifier());
                    } while (acceptSymbol(","));
                }
                expectSymbol(")");
            } else {
                names.add(identifier());
            }
            expect("SET");
            return new TableStatement.SetProperties(names, propertyList());
        }
        throw unexpected("'COLUMN', 'PARTITION'");
    }

    /** After {@code DROP [TEMPORARY]}: {@code TABLE [IF EXISTS] t [FORCE]}. */
    TableStatement.DropTable dropTable(boolean temporary) {
        expect("TABLE");
        boolean ifExists = accept("IF", "EXISTS");
        List<String> name = qualifiedName();
        return new TableStatement.DropTable(temporary, ifExists, name, accept("FORCE"));
    }

    /** {@code TRUNCATE TABLE t [PARTITION (...)]}. */
    TableStatement.TruncateTable truncate() {
        expect("TRUNCATE");
        expect("TABLE");
        List<String> name = qualifiedName();
        List<String> partitions = List.of();
        if (accept("PARTITION") || accept("PARTITIONS")) {
            partitions = partitionNames();
        }
        return new TableStatement.TruncateTable(name, partitions);
    }
}
