package dev.quarry.models.project;

import dev.quarry.core.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/** Reads a model's {@code kind} property with its options (docs/sqlmesh.md §2.3). */
final class KindReader {

    private static final Set<String> UNSUPPORTED_KINDS = Set.of(
            "SCD_TYPE_2",
            "SCD_TYPE_2_BY_TIME",
            "SCD_TYPE_2_BY_COLUMN",
            "INCREMENTAL_BY_PARTITION",
            "MANAGED",
            "CUSTOM");

    /** SEED csv_settings as SQLMesh names them (docs/sqlmesh.md §2.3). */
    private static final Set<String> CSV_SETTINGS = Set.of(
            "delimiter",
            "quotechar",
            "doublequote",
            "escapechar",
            "skipinitialspace",
            "lineterminator",
            "encoding",
            "na_values",
            "keep_default_na");

    private KindReader() {}

    private static ModelException error(dev.quarry.core.Location at, String model, String message) {
        return ModelReader.error(at, model, message);
    }

    private static boolean bool(String model, Block.Property p, boolean absent) {
        return ModelReader.bool(model, p, absent);
    }

    private static Map<String, Block.Property> pairs(String model, Block.Property p, String what) {
        return ModelReader.pairs(model, p, what);
    }

    static Kind kind(String model, Block.Property p) {
        if (p == null) {
            return Kind.of(ModelKind.VIEW);
        }
        Value v = p.value();
        String kindName;
        List<Value> options;
        if (v instanceof Value.Ident id) {
            kindName = id.name();
            options = List.of();
        } else if (v instanceof Value.Call call) {
            kindName = call.name();
            options = call.args();
        } else {
            throw error(
                    v.location(),
                    model,
                    "kind must be a name like FULL or INCREMENTAL_BY_TIME_RANGE (...), not " + v.describe());
        }
        String upper = kindName.toUpperCase(Locale.ROOT);
        if (upper.equals("CUSTOM")) {
            String materialization = options.stream()
                    .filter(o -> o instanceof Value.Pair pr && pr.key().equals("materialization"))
                    .map(o -> ((Value.Pair) o)
                            .value()
                            .text()
                            .orElse(((Value.Pair) o).value().sql()))
                    .findFirst()
                    .orElse("(none named)");
            throw error(
                    v.location(),
                    model,
                    "kind CUSTOM runs the Python materialization " + materialization
                            + " of SQLMesh's scheduler, which Quarry cannot run on StarRocks; use the built-in kind it"
                            + " stands for (FULL, INCREMENTAL_BY_TIME_RANGE, INCREMENTAL_BY_UNIQUE_KEY,"
                            + " INCREMENTAL_UNMANAGED)");
        }
        if (UNSUPPORTED_KINDS.contains(upper)) {
            throw error(v.location(), model, "kind " + upper + " is not supported by Quarry yet");
        }
        ModelKind kind = ModelKind.parse(kindName)
                .orElseThrow(() -> error(
                        v.location(),
                        model,
                        "unknown kind " + kindName + Names.didYouMean(kindName, ModelKind.names())));

        Optional<String> timeColumn = Optional.empty();
        Optional<String> format = Optional.empty();
        OptionalInt batchSize = OptionalInt.empty();
        int lookback = 0;
        List<String> uniqueKey = List.of();
        boolean materialized = false;
        Optional<String> path = Optional.empty();
        Map<String, String> csv = new LinkedHashMap<>();
        boolean insertOverwrite = false;
        Map<String, String> other = new LinkedHashMap<>();
        Set<String> seen = new TreeSet<>();
        for (Value option : options) {
            Value.Pair pair;
            if (option instanceof Value.Pair pr) {
                pair = pr;
            } else if (option instanceof Value.Call c) {
                pair = new Value.Pair(
                        c.name().toLowerCase(Locale.ROOT),
                        new Value.Tuple(c.args(), c.location(), c.sql()),
                        c.location(),
                        c.sql());
            } else {
                throw error(
                        option.location(),
                        model,
                        "kind " + kind + " options are written 'name value', not " + option.sql());
            }
            String key = pair.key();
            Value value = pair.value();
            if (!kind.options().contains(key)) {
                throw error(
                        pair.location(),
                        model,
                        "kind " + kind + " has no option " + key
                                + (kind.options().isEmpty() ? "" : Names.didYouMean(key, kind.options())));
            }
            if (!seen.add(key)) {
                throw error(pair.location(), model, "kind option " + key + " is given twice");
            }
            switch (key) {
                case "time_column" -> {
                    List<Value> parts = value.items();
                    if (parts.isEmpty() || parts.size() > 2 || !(parts.get(0) instanceof Value.Ident col)) {
                        throw error(
                                value.location(),
                                model,
                                "time_column must be a column or (column, 'format'), not " + value.sql());
                    }
                    timeColumn = Optional.of(col.name());
                    if (parts.size() == 2) {
                        format = Optional.of(parts.get(1)
                                .text()
                                .orElseThrow(() -> error(
                                        parts.get(1).location(),
                                        model,
                                        "the time column format must be a string like '%Y-%m-%d'")));
                    }
                }
                case "format" ->
                    format = Optional.of(value.text()
                            .orElseThrow(
                                    () -> error(value.location(), model, "format must be a string like '%Y-%m-%d'")));
                case "batch_size" -> batchSize = OptionalInt.of(positive(model, value, key));
                case "lookback" -> lookback = positive(model, value, key);
                case "unique_key" -> uniqueKey = ColumnLists.columns(model, value, "unique_key");
                case "when_matched", "merge_filter" ->
                    throw error(
                            pair.location(),
                            model,
                            key
                                    + " needs MERGE, which StarRocks lacks; Quarry upserts whole rows through the PRIMARY KEY instead");
                case "materialized" ->
                    materialized = bool(model, new Block.Property(key, pair.location(), value), false);
                case "path" ->
                    path = Optional.of(value.text()
                            .orElseThrow(() ->
                                    error(value.location(), model, "path must be a string like '../seeds/file.csv'")));
                case "csv_settings" ->
                    pairs(model, new Block.Property(key, pair.location(), value), "csv_settings")
                            .forEach((k, v2) -> {
                                if (!CSV_SETTINGS.contains(k)) {
                                    throw error(
                                            v2.location(),
                                            model,
                                            "csv_settings has no setting " + k + Names.didYouMean(k, CSV_SETTINGS));
                                }
                                csv.put(k, v2.value().text().orElse(v2.value().sql()));
                            });
                case "insert_overwrite" ->
                    insertOverwrite = bool(model, new Block.Property(key, pair.location(), value), false);
                default -> other.put(key, value.text().orElse(value.sql()));
            }
        }
        if (kind.isTimeRange() && timeColumn.isEmpty()) {
            throw error(v.location(), model, "INCREMENTAL_BY_TIME_RANGE needs time_column");
        }
        if (kind == ModelKind.INCREMENTAL_BY_UNIQUE_KEY && uniqueKey.isEmpty()) {
            throw error(v.location(), model, "INCREMENTAL_BY_UNIQUE_KEY needs unique_key");
        }
        if (kind == ModelKind.SEED && path.isEmpty()) {
            throw error(v.location(), model, "SEED needs path '<file>.csv'");
        }
        return new Kind(
                kind,
                timeColumn,
                format,
                batchSize,
                lookback,
                uniqueKey,
                materialized,
                path,
                csv,
                insertOverwrite,
                other);
    }

    private static int positive(String model, Value v, String what) {
        if (v instanceof Value.Num n) {
            try {
                int i = Integer.parseInt(n.digits());
                if (i >= 0 && (i > 0 || what.equals("lookback"))) {
                    return i;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw error(
                v.location(),
                model,
                what + " must be a " + (what.equals("lookback") ? "non-negative" : "positive") + " integer, not "
                        + v.sql());
    }
}
