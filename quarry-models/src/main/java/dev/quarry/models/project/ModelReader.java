package dev.quarry.models.project;

import dev.quarry.core.Location;
import dev.quarry.core.Names;
import dev.quarry.starrocks.StarRocksType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads one model file into a {@link Model}: parses it, applies {@code model_defaults}, validates everything. */
final class ModelReader {

    private static final Set<String> PROPERTIES = Set.of(
            "name",
            "kind",
            "cron",
            "start",
            "end",
            "owner",
            "description",
            "columns",
            "column_descriptions",
            "grain",
            "grains",
            "tags",
            "depends_on",
            "enabled",
            "dialect",
            "partitioned_by",
            "clustered_by",
            "physical_properties",
            "virtual_properties",
            "audits",
            "allow_partials");

    /** SQLMesh properties that do not change what Quarry builds; accepted so SQLMesh projects load unchanged. */
    private static final Set<String> ACCEPTED =
            Set.of("stamp", "references", "optimize_query", "ignored_rules", "formatting", "project");

    private static final Set<String> UNSUPPORTED_KINDS = Set.of(
            "SCD_TYPE_2",
            "SCD_TYPE_2_BY_TIME",
            "SCD_TYPE_2_BY_COLUMN",
            "INCREMENTAL_BY_PARTITION",
            "MANAGED",
            "CUSTOM");

    static final Set<String> DIALECTS = Set.of("starrocks", "mysql");

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

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*){0,2}");
    private static final Pattern TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?|\\d{10,13}|now|today|yesterday|"
                    + "\\d+\\s+(second|minute|hour|day|week|month|year)s?\\s+ago",
            Pattern.CASE_INSENSITIVE);

    private final String file;
    private final Map<String, Block.Property> defaults;
    private final List<String> warnings;

    /**
     * @param file the file name used in messages
     * @param defaults {@code model_defaults} as block properties
     * @param warnings where warnings go
     */
    ModelReader(String file, Map<String, Block.Property> defaults, List<String> warnings) {
        this.file = file;
        this.defaults = defaults;
        this.warnings = warnings;
    }

    Model read(String text) {
        BlockParser parser = BlockParser.of(file, text);
        Block block = parser.block("MODEL");
        List<Statement> statements = parser.statements(Optional.empty());
        return build(block, statements);
    }

    private static ModelException error(Location at, String model, String message) {
        return new ModelException(at, "model " + model + ": " + message);
    }

    private Model build(Block block, List<Statement> statements) {
        Block.Property nameProp =
                block.get("name").orElseThrow(() -> new ModelException(block.location(), "MODEL has no name"));
        String name = nameProp.value().text().orElse("").toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new ModelException(
                    nameProp.value().location(),
                    "model name must be [catalog.][schema.]table, not "
                            + nameProp.value().sql());
        }
        for (Block.Property p : block.properties().values()) {
            if (!PROPERTIES.contains(p.name()) && !ACCEPTED.contains(p.name())) {
                throw error(
                        p.location(),
                        name,
                        "unknown property " + p.name() + Names.didYouMean(p.name(), PROPERTIES)
                                + " (or not supported by Quarry)");
            }
        }
        Map<String, Block.Property> props = new LinkedHashMap<>(defaults);
        props.putAll(block.properties());

        Kind kind = kind(name, props.get("kind"));
        if (kind.kind() == ModelKind.EXTERNAL) {
            throw error(
                    props.get("kind").location(),
                    name,
                    "EXTERNAL models are declared in external_models.yaml, not in a MODEL block");
        }
        String dialect = text(name, props.get("dialect")).orElse("starrocks").toLowerCase(Locale.ROOT);
        if (!DIALECTS.contains(dialect)) {
            throw error(
                    props.get("dialect").value().location(),
                    name,
                    "dialect " + dialect
                            + " is not supported: Quarry runs queries on StarRocks as written (use dialect starrocks)");
        }
        String cron = text(name, props.get("cron")).orElse("@daily");
        checkCron(name, cron, props.get("cron"));
        Optional<String> start = time(name, props.get("start"));
        Optional<String> end = time(name, props.get("end"));

        Map<String, String> columns = new LinkedHashMap<>();
        Block.Property columnsProp = props.get("columns");
        if (columnsProp != null) {
            for (Value item : columnsProp.value().items()) {
                if (!(item instanceof Value.Pair pair)) {
                    throw error(
                            item.location(),
                            name,
                            "columns must be (name TYPE, ...); " + item.sql() + " is " + item.describe());
                }
                try {
                    StarRocksType.parse(pair.value().sql());
                } catch (dev.quarry.starrocks.InvalidSpecException e) {
                    throw error(pair.value().location(), name, "column " + pair.key() + ": " + e.getMessage());
                }
                if (columns.put(pair.key(), pair.value().sql()) != null) {
                    throw error(item.location(), name, "column " + pair.key() + " is declared twice");
                }
            }
        }
        Map<String, String> columnDescriptions = new LinkedHashMap<>();
        Block.Property descriptions = props.get("column_descriptions");
        if (descriptions != null) {
            for (Value item : descriptions.value().items()) {
                if (!(item instanceof Value.Pair pair) || pair.value().text().isEmpty()) {
                    throw error(item.location(), name, "column_descriptions must be (column = 'text', ...)");
                }
                if (!columns.isEmpty() && !columns.containsKey(pair.key())) {
                    throw error(
                            item.location(),
                            name,
                            "column_descriptions names column " + pair.key()
                                    + ", which is not among the model's columns"
                                    + Names.didYouMean(pair.key(), columns.keySet()));
                }
                columnDescriptions.put(pair.key(), pair.value().text().get());
            }
        }
        Block.Property grainProp = props.containsKey("grains") ? props.get("grains") : props.get("grain");
        List<String> grains = grainProp == null
                ? List.of()
                : grainProp.value().items().stream().map(Value::sql).toList();
        List<String> tags = names(name, props.get("tags"), "tags", false);
        List<String> dependsOn = names(name, props.get("depends_on"), "depends_on", true);
        boolean enabled = bool(name, props.get("enabled"), true);
        boolean allowPartials = bool(name, props.get("allow_partials"), false);
        List<AuditCall> audits = audits(name, props.get("audits"));

        if (kind.timeColumn().isPresent()
                && !columns.isEmpty()
                && !columns.containsKey(kind.timeColumn().get().toLowerCase(Locale.ROOT))) {
            throw error(
                    props.get("kind").location(),
                    name,
                    "time_column " + kind.timeColumn().get() + " is not among the model's columns");
        }

        Map<String, Block.Property> physical = new LinkedHashMap<>();
        boolean ownPhysical = block.properties().containsKey("physical_properties");
        boolean table = kind.isTable() || kind.isMaterializedView();
        if (ownPhysical && !table) {
            throw error(
                    block.properties().get("physical_properties").location(),
                    name,
                    "a " + kind.kind()
                            + " model has no physical table; physical_properties apply to tables and materialized views"
                            + (kind.kind() == ModelKind.VIEW ? " (view security goes in virtual_properties)" : ""));
        }
        if (table) {
            physical.putAll(pairs(name, defaults.get("physical_properties"), "physical_properties"));
            physical.putAll(pairs(name, block.properties().get("physical_properties"), "physical_properties"));
        }
        Map<String, Block.Property> virtual =
                new LinkedHashMap<>(pairs(name, defaults.get("virtual_properties"), "virtual_properties"));
        virtual.putAll(pairs(name, block.properties().get("virtual_properties"), "virtual_properties"));
        // As in SQLMesh, a model unsets a default physical property by setting it to None (unquoted). Not so for
        // virtual properties: there NONE is a value (SECURITY NONE).
        physical.values().removeIf(ModelReader::isNone);
        Optional<Block.Property> partitionedBy =
                Optional.ofNullable(block.properties().get("partitioned_by"));
        Optional<Block.Property> clusteredBy =
                Optional.ofNullable(block.properties().get("clustered_by"));
        if (!table) {
            Optional<Block.Property> misplaced = partitionedBy.or(() -> clusteredBy);
            if (misplaced.isPresent()) {
                throw error(
                        misplaced.get().location(),
                        name,
                        misplaced.get().name() + " applies to tables and materialized views, not to a " + kind.kind()
                                + " model");
            }
        }
        PhysicalLayout layout = new LayoutReader(name, kind, columns.keySet(), warnings)
                .read(partitionedBy, clusteredBy, physical, virtual, !audits.isEmpty(), block.location());

        List<Statement> pre = new ArrayList<>();
        List<Statement> post = new ArrayList<>();
        List<Statement> onVirtualUpdate = new ArrayList<>();
        Optional<Statement> query = Optional.empty();
        boolean inVirtualUpdate = false;
        for (Statement s : statements) {
            String word = s.sql().strip().toUpperCase(Locale.ROOT);
            if (word.equals("ON_VIRTUAL_UPDATE_BEGIN")) {
                inVirtualUpdate = true;
            } else if (word.equals("ON_VIRTUAL_UPDATE_END")) {
                inVirtualUpdate = false;
            } else if (inVirtualUpdate) {
                onVirtualUpdate.add(s);
            } else if (query.isEmpty() && kind.kind().hasQuery() && s.isQuery()) {
                query = Optional.of(s);
            } else if (query.isEmpty()) {
                pre.add(s);
            } else {
                post.add(s);
            }
        }
        if (inVirtualUpdate) {
            throw error(block.location(), name, "ON_VIRTUAL_UPDATE_BEGIN has no ON_VIRTUAL_UPDATE_END");
        }
        if (kind.kind().hasQuery() && query.isEmpty()) {
            throw error(block.location(), name, "no query (SELECT or WITH) after the MODEL block");
        }
        return new Model(
                name,
                block.location(),
                kind,
                dialect,
                cron,
                start,
                end,
                text(name, props.get("owner")),
                text(name, props.get("description")),
                columns,
                columnDescriptions,
                grains,
                tags,
                dependsOn,
                enabled,
                layout,
                audits,
                allowPartials,
                pre,
                query,
                post,
                onVirtualUpdate);
    }

    private static boolean isNone(Block.Property p) {
        return p.value() instanceof Value.Ident id
                && !id.quoted()
                && (id.name().equalsIgnoreCase("none") || id.name().equalsIgnoreCase("null"));
    }

    private static Optional<String> text(String model, Block.Property p) {
        if (p == null) {
            return Optional.empty();
        }
        return Optional.of(p.value()
                .text()
                .orElseThrow(() -> error(
                        p.value().location(),
                        model,
                        p.name() + " must be a string or a name, not "
                                + p.value().describe())));
    }

    private static boolean bool(String model, Block.Property p, boolean absent) {
        if (p == null) {
            return absent;
        }
        if (p.value() instanceof Value.Bool b) {
            return b.value();
        }
        String t = p.value().text().orElse("").toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return t.equals("true");
        }
        throw error(
                p.value().location(),
                model,
                p.name() + " must be true or false, not " + p.value().sql());
    }

    private static void checkCron(String model, String cron, Block.Property p) {
        CronCheck.problem(cron).ifPresent(problem -> {
            throw error(p.value().location(), model, problem);
        });
    }

    private static Optional<String> time(String model, Block.Property p) {
        Optional<String> t = text(model, p);
        if (t.isPresent() && !validTime(t.get().strip())) {
            throw error(
                    p.value().location(),
                    model,
                    p.name() + " must be a date ('2024-01-01'), a timestamp, epoch milliseconds or "
                            + "a relative time ('1 week ago'), not '" + t.get() + "'");
        }
        return t.map(String::strip);
    }

    private static boolean validTime(String text) {
        if (!TIME.matcher(text).matches()) {
            return false;
        }
        try {
            Times.parse(text, java.time.Instant.EPOCH);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> names(String model, Block.Property p, String what, boolean lower) {
        if (p == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Value item : p.value().items()) {
            String t = item.text()
                    .orElseThrow(() -> error(
                            item.location(),
                            model,
                            what + " must list names or strings; " + item.sql() + " is " + item.describe()));
            out.add(lower ? t.toLowerCase(Locale.ROOT) : t);
        }
        return out;
    }

    static Map<String, Block.Property> pairs(String model, Block.Property p, String what) {
        Map<String, Block.Property> out = new LinkedHashMap<>();
        if (p == null) {
            return out;
        }
        for (Value item : p.value().items()) {
            if (!(item instanceof Value.Pair pair)) {
                throw error(
                        item.location(),
                        model,
                        what + " must be (key = value, ...); " + item.sql() + " is " + item.describe());
            }
            if (out.put(pair.key(), new Block.Property(pair.key(), pair.location(), pair.value())) != null) {
                throw error(pair.location(), model, what + " sets " + pair.key() + " twice");
            }
        }
        return out;
    }

    private static List<AuditCall> audits(String model, Block.Property p) {
        if (p == null) {
            return List.of();
        }
        List<AuditCall> out = new ArrayList<>();
        for (Value item : p.value().items()) {
            if (item instanceof Value.Ident id) {
                out.add(new AuditCall(id.name().toLowerCase(Locale.ROOT), Map.of()));
            } else if (item instanceof Value.Call call) {
                Map<String, String> args = new LinkedHashMap<>();
                for (Value arg : call.args()) {
                    if (!(arg instanceof Value.Pair pair)) {
                        throw error(
                                arg.location(),
                                model,
                                "audit " + call.name() + " takes named arguments (name := value), not " + arg.sql());
                    }
                    args.put(pair.key(), pair.value().sql());
                }
                out.add(new AuditCall(call.name().toLowerCase(Locale.ROOT), args));
            } else {
                throw error(
                        item.location(),
                        model,
                        "audits must be names or calls like not_null(columns := (id)), not " + item.sql());
            }
        }
        return out;
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
