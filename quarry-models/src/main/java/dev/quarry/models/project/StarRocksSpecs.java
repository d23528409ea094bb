package dev.quarry.models.project;

import dev.quarry.core.Location;
import dev.quarry.starrocks.ColumnSpec;
import dev.quarry.starrocks.Distribution;
import dev.quarry.starrocks.KeyType;
import dev.quarry.starrocks.MaterializedViewSpec;
import dev.quarry.starrocks.PartitionSpec;
import dev.quarry.starrocks.RefreshSpec;
import dev.quarry.starrocks.StarRocksType;
import dev.quarry.starrocks.TableSpec;
import dev.quarry.starrocks.TimeUnit;
import dev.quarry.starrocks.ViewSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a model's {@link PhysicalLayout} into quarry-starrocks' specs, which StarRocksDialect renders as DDL.
 * Spec constructors enforce StarRocks' own rules; their complaints come back as {@link ModelException}s
 * naming the model and its file.
 */
public final class StarRocksSpecs {
    private StarRocksSpecs() {}

    /**
     * The table of a table model (FULL, incremental, SEED).
     *
     * @param columns the table's columns with types, declared in the model or inferred from its query
     */
    public static TableSpec table(Model model, String database, String name, List<ColumnSpec> columns) {
        PhysicalLayout l = model.layout();
        return build(model, () -> {
            TableSpec.Builder b = TableSpec.builder(database, name);
            for (ColumnSpec c : columns) {
                String comment = model.columnDescriptions().get(c.name().toLowerCase(Locale.ROOT));
                b.column(comment == null || c.comment().isPresent() ? c : c.withComment(comment));
            }
            l.key().ifPresent(k -> b.key(keyType(k.type()), k.columns()));
            model.description().ifPresent(b::comment);
            l.partitioning().ifPresent(p -> b.partition(partition(model, p)));
            l.distribution().ifPresent(d -> b.distribution(distribution(d)));
            b.orderBy(l.orderBy());
            l.properties().forEach(b::property);
            return b.build();
        });
    }

    /** The table of a table model from the columns it declares ({@code columns (id BIGINT, ...)}). */
    public static TableSpec table(Model model, String database, String name) {
        return table(model, database, name, declaredColumns(model));
    }

    /** The model's declared columns as StarRocks columns; a model without {@code columns} is an error. */
    public static List<ColumnSpec> declaredColumns(Model model) {
        if (model.columns().isEmpty()) {
            throw new ModelException(
                    model.location(),
                    "model " + model.name()
                            + " declares no columns; give columns (name TYPE, ...) or take the types from its query");
        }
        List<ColumnSpec> out = new ArrayList<>();
        model.columns()
                .forEach((column, type) ->
                        out.add(build(model, () -> ColumnSpec.of(column, StarRocksType.parse(type)))));
        return out;
    }

    /** A view over {@code query}: a VIEW model's physical view or any model's environment view. */
    public static ViewSpec view(Model model, String database, String name, String query) {
        return build(model, () -> {
            ViewSpec v = ViewSpec.of(database, name, query);
            if (model.description().isPresent()) {
                v = v.withComment(model.description().get());
            }
            if (model.layout().security().isPresent()) {
                v = v.withSecurity(
                        ViewSpec.Security.valueOf(model.layout().security().get()));
            }
            return v;
        });
    }

    /** The asynchronous materialized view of a {@code VIEW (materialized true)} model. */
    public static MaterializedViewSpec materializedView(Model model, String database, String name, String query) {
        return materializedView(model, database, name, query, java.util.OptionalInt.empty());
    }

    /**
     * The materialized view with {@code replication_num} set to {@code defaultReplicationNum} when its properties
     * give none (a single-backend cluster cannot hold StarRocks' default three replicas, docs/starrocks.md §3.8).
     */
    public static MaterializedViewSpec materializedView(
            Model model, String database, String name, String query, java.util.OptionalInt defaultReplicationNum) {
        if (!model.kind().isMaterializedView()) {
            throw new IllegalArgumentException(model.name() + " is not a materialized view");
        }
        PhysicalLayout l = model.layout();
        return build(model, () -> {
            PhysicalLayout.Refresh r = l.refresh().orElseThrow();
            MaterializedViewSpec.Builder b = MaterializedViewSpec.builder(
                    database,
                    name,
                    RefreshSpec.parse(r.moment().orElse(null), r.scheme().orElse(null)),
                    query);
            model.description().ifPresent(b::comment);
            l.distribution().ifPresent(d -> b.distribution(distribution(d)));
            l.partitioning().ifPresent(p -> b.partition(materializedViewPartition(model, p)));
            b.orderBy(l.orderBy().toArray(String[]::new));
            l.properties().forEach(b::property);
            if (defaultReplicationNum.isPresent() && !l.properties().containsKey("replication_num")) {
                b.property("replication_num", Integer.toString(defaultReplicationNum.getAsInt()));
            }
            return b.build();
        });
    }

    private static <T> T build(Model model, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (IllegalArgumentException | dev.quarry.starrocks.InvalidSpecException e) {
            throw new ModelException(model.location(), "model " + model.name() + ": " + e.getMessage());
        }
    }

    private static KeyType keyType(PhysicalLayout.KeyType t) {
        return switch (t) {
            case PRIMARY -> KeyType.PRIMARY;
            case DUPLICATE -> KeyType.DUPLICATE;
            case UNIQUE -> KeyType.UNIQUE;
        };
    }

    private static Distribution distribution(PhysicalLayout.Distribution d) {
        if (d instanceof PhysicalLayout.Distribution.Hash h) {
            return new Distribution.Hash(h.columns(), h.buckets());
        }
        return new Distribution.Random(d.buckets());
    }

    static PartitionSpec partition(Model model, PhysicalLayout.Partitioning p) {
        if (p instanceof PhysicalLayout.Partitioning.Range r) {
            return PartitionSpec.range(
                    r.columns(),
                    r.partitions().stream()
                            .map(PartitionSpec.RangePartition::parse)
                            .toList());
        }
        if (p instanceof PhysicalLayout.Partitioning.ByList l) {
            return PartitionSpec.list(
                    l.columns(),
                    l.partitions().stream()
                            .map(PartitionSpec.ListPartition::parse)
                            .toList());
        }
        List<PartitionSpec.PartitionExpr> exprs = new ArrayList<>();
        for (String e : ((PhysicalLayout.Partitioning.Expressions) p).expressions()) {
            exprs.add(expression(model.name(), model.location(), e));
        }
        return PartitionSpec.expressions(exprs);
    }

    private static PartitionSpec.PartitionExpr materializedViewPartition(Model model, PhysicalLayout.Partitioning p) {
        if (!(p instanceof PhysicalLayout.Partitioning.Expressions e)
                || e.expressions().size() != 1) {
            throw new IllegalArgumentException(
                    "a materialized view is partitioned by one column or one date_trunc/time_slice of a column");
        }
        return expression(model.name(), model.location(), e.expressions().get(0));
    }

    /**
     * One expression of expression partitioning. StarRocks accepts a column, {@code date_trunc('unit', col)} or
     * {@code time_slice(col, INTERVAL n unit)} (docs/starrocks.md §3.5).
     */
    public static PartitionSpec.PartitionExpr expression(String model, Location at, String expr) {
        List<Token> t = Lexer.tokenize(at.file(), expr).tokens();
        String form = "model " + model + ": partition expression " + expr
                + " must be a column, date_trunc('unit', column) or time_slice(column, INTERVAL n unit)";
        try {
            if (t.size() == 2 && (t.get(0).is(Token.Type.IDENT) || t.get(0).is(Token.Type.QUOTED))) {
                return PartitionSpec.PartitionExpr.column(t.get(0).text());
            }
            if (t.size() == 7
                    && t.get(0).isWord("date_trunc")
                    && t.get(1).is(Token.Type.LPAREN)
                    && t.get(2).is(Token.Type.STRING)
                    && t.get(3).is(Token.Type.COMMA)
                    && (t.get(4).is(Token.Type.IDENT) || t.get(4).is(Token.Type.QUOTED))
                    && t.get(5).is(Token.Type.RPAREN)) {
                return PartitionSpec.PartitionExpr.dateTrunc(
                        unit(t.get(2).text()), t.get(4).text());
            }
            if (t.size() == 10
                    && t.get(0).isWord("time_slice")
                    && t.get(1).is(Token.Type.LPAREN)
                    && (t.get(2).is(Token.Type.IDENT) || t.get(2).is(Token.Type.QUOTED))
                    && t.get(3).is(Token.Type.COMMA)
                    && t.get(4).isWord("interval")
                    && t.get(5).is(Token.Type.NUMBER)
                    && t.get(6).is(Token.Type.IDENT)
                    && t.get(7).is(Token.Type.RPAREN)) {
                return PartitionSpec.PartitionExpr.timeSlice(
                        t.get(2).text(),
                        Integer.parseInt(t.get(5).text()),
                        unit(t.get(6).text()));
            }
        } catch (IllegalArgumentException | dev.quarry.starrocks.InvalidSpecException e) {
            throw new ModelException(at, form + " (" + e.getMessage() + ")");
        }
        throw new ModelException(at, form);
    }

    private static TimeUnit unit(String text) {
        return TimeUnit.valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    /** Checks at load time what {@link #table} would refuse about partitioning later. */
    static void checkPartitioning(String model, Location at, PhysicalLayout.Partitioning p) {
        try {
            if (p instanceof PhysicalLayout.Partitioning.Expressions e) {
                e.expressions().forEach(x -> expression(model, at, x));
            } else if (p instanceof PhysicalLayout.Partitioning.Range r) {
                r.partitions().forEach(PartitionSpec.RangePartition::parse);
            } else if (p instanceof PhysicalLayout.Partitioning.ByList l) {
                l.partitions().forEach(PartitionSpec.ListPartition::parse);
            }
        } catch (dev.quarry.starrocks.InvalidSpecException e) {
            throw new ModelException(at, "model " + model + ": " + e.getMessage());
        }
    }
}
