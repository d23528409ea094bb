package dev.quarry.models.project;

import dev.quarry.core.Location;
import dev.quarry.models.project.PhysicalLayout.Partitioning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a model's partitioning: partitioned_by or partition_by, with the initial partitions of RANGE and LIST. */
final class PartitioningReader {

    private static final Pattern RANGE_OR_LIST = Pattern.compile("(?is)\\s*(RANGE|LIST)\\s*\\((.*)\\)\\s*");

    private final String model;
    private final List<String> warnings;

    PartitioningReader(String model, List<String> warnings) {
        this.model = model;
        this.warnings = warnings;
    }

    private ModelException error(Location at, String message) {
        return LayoutReader.error(model, at, message);
    }

    /**
     * Returns the partitioning, if any, checked against StarRocks' rules.
     *
     * @param param the model parameter partitioned_by, if given
     * @param physical physical properties, name to property
     */
    Optional<Partitioning> read(Optional<Block.Property> param, Map<String, Block.Property> physical) {
        Block.Property a = physical.get("partition_by");
        Block.Property b = physical.get("partitioned_by");
        if (a != null && b != null) {
            throw error(b.location(), "partitioning given twice, as partition_by and partitioned_by");
        }
        Block.Property prop = a != null ? a : b;
        if (param.isPresent() && prop != null) {
            throw error(
                    prop.location(),
                    "partitioning given both as the model parameter partitioned_by (line "
                            + param.get().location().line() + ") and as physical property " + prop.name()
                            + "; keep one");
        }
        Block.Property partitions = physical.get("partitions");
        Block.Property source = param.orElse(prop);
        if (source == null) {
            if (partitions != null) {
                throw error(partitions.location(), "partitions needs partition_by = RANGE(...) or LIST(...)");
            }
            return Optional.empty();
        }
        Partitioning p = partitionValue(source.value(), source.name());
        if (p instanceof Partitioning.Expressions) {
            StarRocksSpecs.checkPartitioning(model, source.location(), p);
            if (partitions != null) {
                warnings.add(partitions.location() + ": model " + model
                        + ": partitions is ignored with expression partitioning (it applies to RANGE and LIST)");
            }
            return Optional.of(p);
        }
        List<String> defs = partitions == null ? List.of() : partitionDefinitions(partitions.value());
        boolean dynamic = physical.keySet().stream().anyMatch(k -> k.startsWith("dynamic_partition."));
        if (defs.isEmpty() && !dynamic) {
            throw error(
                    source.location(),
                    "RANGE and LIST partitioning need initial partitions: add partitions = "
                            + "('PARTITION p1 VALUES ...', ...) (or dynamic_partition.* properties)");
        }
        Partitioning full = p instanceof Partitioning.Range r
                ? new Partitioning.Range(r.columns(), defs)
                : new Partitioning.ByList(((Partitioning.ByList) p).columns(), defs);
        StarRocksSpecs.checkPartitioning(model, partitions == null ? source.location() : partitions.location(), full);
        return Optional.of(full);
    }

    private Partitioning partitionValue(Value v, String what) {
        if (v instanceof Value.Call c
                && (c.name().equalsIgnoreCase("RANGE") || c.name().equalsIgnoreCase("LIST"))) {
            List<String> cols = ColumnLists.columns(model, new Value.Tuple(c.args(), c.location(), c.sql()), what);
            return c.name().equalsIgnoreCase("RANGE")
                    ? new Partitioning.Range(cols, List.of())
                    : new Partitioning.ByList(cols, List.of());
        }
        if (v instanceof Value.Str s) {
            Matcher m = RANGE_OR_LIST.matcher(s.value());
            if (m.matches()) {
                List<String> cols = ColumnLists.columns(model, new Value.Str(m.group(2), s.location(), s.sql()), what);
                return m.group(1).equalsIgnoreCase("RANGE")
                        ? new Partitioning.Range(cols, List.of())
                        : new Partitioning.ByList(cols, List.of());
            }
            Value parsed;
            try {
                BlockParser parser = BlockParser.of(s.location().file(), "MODEL (x (" + s.value() + "))");
                parsed = parser.block("MODEL").properties().get("x").value();
            } catch (ModelException e) {
                throw error(s.location(), what + " '" + s.value() + "' is not a list of expressions");
            }
            return new Partitioning.Expressions(
                    parsed.items().stream().map(Value::sql).toList());
        }
        if (v instanceof Value.Pair || v instanceof Value.Bool || v instanceof Value.Num) {
            throw error(v.location(), what + " must be expressions, RANGE(...) or LIST(...), not " + v.describe());
        }
        List<String> exprs = new ArrayList<>();
        for (Value item : v.items()) {
            if (item instanceof Value.Pair
                    || item instanceof Value.Str
                    || item instanceof Value.Num
                    || item instanceof Value.Bool) {
                throw error(item.location(), what + ": " + item.sql() + " is not a partition expression");
            }
            exprs.add(item.sql());
        }
        if (exprs.isEmpty()) {
            throw error(v.location(), what + " lists no expressions");
        }
        return new Partitioning.Expressions(exprs);
    }

    private List<String> partitionDefinitions(Value v) {
        List<String> out = new ArrayList<>();
        for (Value item : v.items()) {
            if (!(item instanceof Value.Str s)) {
                throw error(
                        item.location(),
                        "partitions must be strings like 'PARTITION p1 VALUES [(...), (...))', not " + item.describe());
            }
            if (!s.value().strip().toUpperCase(Locale.ROOT).startsWith("PARTITION")) {
                throw error(item.location(), "partition definition '" + s.value() + "' must start with PARTITION");
            }
            out.add(s.value().strip());
        }
        return out;
    }

    static boolean partitionedBy(Optional<Partitioning> partitioning, String column) {
        return partitioning
                .map(p -> partitionColumns(p).stream().anyMatch(c -> c.equalsIgnoreCase(column)))
                .orElse(false);
    }

    /** The columns a partitioning reads: RANGE/LIST columns, or the plain identifiers inside the expressions. */
    static List<String> partitionColumns(Partitioning p) {
        if (p instanceof Partitioning.Range r) {
            return r.columns();
        }
        if (p instanceof Partitioning.ByList l) {
            return l.columns();
        }
        List<String> out = new ArrayList<>();
        for (String expr : ((Partitioning.Expressions) p).expressions()) {
            List<Token> tokens = Lexer.tokenize("<expression>", expr).tokens();
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is(Token.Type.LPAREN);
                if ((t.is(Token.Type.IDENT) || t.is(Token.Type.QUOTED)) && !call && !out.contains(t.text())) {
                    out.add(t.text());
                }
            }
        }
        return out;
    }
}
