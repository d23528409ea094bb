package dev.quarry.models.project;

import dev.quarry.core.Location;
import dev.quarry.core.Names;
import dev.quarry.models.project.PhysicalLayout.Distribution;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the physical property distributed_by: HASH or RANDOM bucketing and the bucket count. */
final class DistributionReader {

    private static final Pattern DISTRIBUTION =
            Pattern.compile("(?is)\\s*(?:HASH\\s*\\((.*)\\)|(RANDOM))\\s*(?:BUCKETS\\s+(\\S+))?\\s*");

    private final String model;

    DistributionReader(String model) {
        this.model = model;
    }

    private ModelException error(Location at, String message) {
        return LayoutReader.error(model, at, message);
    }

    Distribution read(Block.Property p) {
        Value v = p.value();
        String form = "distributed_by must be RANDOM, 'HASH(c1, c2) BUCKETS n', 'RANDOM' or "
                + "(kind = HASH|RANDOM, expressions = (c1, c2), buckets = n)";
        if (v instanceof Value.Ident i && i.name().equalsIgnoreCase("RANDOM")) {
            return new Distribution.Random(OptionalInt.empty());
        }
        if (v instanceof Value.Call c && c.name().equalsIgnoreCase("HASH")) {
            return new Distribution.Hash(
                    ColumnLists.columns(model, new Value.Tuple(c.args(), c.location(), c.sql()), "distributed_by"),
                    OptionalInt.empty());
        }
        if (v instanceof Value.Str s) {
            Matcher m = DISTRIBUTION.matcher(s.value());
            if (!m.matches()) {
                throw error(v.location(), form + "; got '" + s.value() + "'");
            }
            OptionalInt buckets =
                    m.group(3) == null ? OptionalInt.empty() : OptionalInt.of(buckets(m.group(3), v.location()));
            if (m.group(2) != null) {
                return new Distribution.Random(buckets);
            }
            return new Distribution.Hash(
                    ColumnLists.columns(model, new Value.Str(m.group(1), s.location(), s.sql()), "distributed_by"),
                    buckets);
        }
        if (v instanceof Value.Tuple t
                && !t.items().isEmpty()
                && t.items().stream().allMatch(x -> x instanceof Value.Pair)) {
            String kindName = null;
            List<String> columns = List.of();
            OptionalInt buckets = OptionalInt.empty();
            for (Value item : t.items()) {
                Value.Pair pair = (Value.Pair) item;
                switch (pair.key()) {
                    case "kind" ->
                        kindName = pair.value()
                                .text()
                                .map(x -> x.toUpperCase(Locale.ROOT))
                                .orElse("?");
                    case "expressions", "columns" ->
                        columns = ColumnLists.columns(model, pair.value(), "distributed_by " + pair.key());
                    case "buckets", "bucket", "bucket_num" ->
                        buckets = OptionalInt.of(buckets(
                                pair.value().text().orElse(pair.value().sql()),
                                pair.value().location()));
                    default ->
                        throw error(
                                pair.location(),
                                "distributed_by has no option " + pair.key()
                                        + Names.didYouMean(pair.key(), List.of("kind", "expressions", "buckets")) + "; "
                                        + form);
                }
            }
            if (kindName == null) {
                throw error(v.location(), "distributed_by needs kind = HASH or kind = RANDOM");
            }
            switch (kindName) {
                case "HASH" -> {
                    if (columns.isEmpty()) {
                        throw error(v.location(), "distributed_by kind = HASH needs expressions = (columns)");
                    }
                    return new Distribution.Hash(columns, buckets);
                }
                case "RANDOM" -> {
                    if (!columns.isEmpty()) {
                        throw error(v.location(), "distributed_by kind = RANDOM takes no expressions");
                    }
                    return new Distribution.Random(buckets);
                }
                default -> throw error(v.location(), "distributed_by kind must be HASH or RANDOM, not " + kindName);
            }
        }
        throw error(v.location(), form + "; got " + v.sql());
    }

    private int buckets(String text, Location at) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(at, "distributed_by buckets must be a positive integer, not " + text);
    }
}
