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
import java.util.Set;
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
            Set.of("stamp", "references", "optimize_query", "ignored_rules", "formatting", "project", "blueprints");

    /**
     * The rest of SQLMesh's MODEL properties (docs/sqlmesh.md §2.2): accepted, with a one-line warning saying why
     * they change nothing on StarRocks.
     */
    static final Map<String, String> NO_EFFECT = Map.ofEntries(
            Map.entry("retention", "SQLMesh does not implement it either"),
            Map.entry(
                    "table_format",
                    "StarRocks internal tables have one format (Iceberg/Hive formats are for catalogs)"),
            Map.entry("storage_format", "StarRocks internal tables have one storage format"),
            Map.entry("physical_schema_override", "physical databases are named quarry__<schema>"),
            Map.entry("physical_version", "Quarry versions tables by their data fingerprint"),
            Map.entry("gateway", "every model runs on the project's gateway"),
            Map.entry("cron_tz", "Quarry reads crons in UTC"),
            Map.entry("interval_unit", "Quarry infers the interval unit from the cron"),
            Map.entry("session_properties", "Quarry runs models with the session's defaults"),
            Map.entry("virtual_environment_mode", "environments are always views over physical tables"),
            Map.entry("grants", "Quarry does not manage StarRocks privileges"),
            Map.entry("grants_target_layer", "Quarry does not manage StarRocks privileges"),
            Map.entry("default_catalog", "StarRocks models live in the default catalog"),
            Map.entry("validate_query", "StarRocks validates the query when it runs"));

    static final Set<String> DIALECTS = Set.of("starrocks", "mysql");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*){0,2}");
    private static final Pattern TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?|\\d{10,13}|now|today|yesterday|"
                    + "\\d+\\s+(second|minute|hour|day|week|month|year)s?\\s+ago",
            Pattern.CASE_INSENSITIVE);

    private final String file;
    private final Map<String, Block.Property> defaults;
    private final List<String> warnings;
    private List<Audit> inlineAudits = List.of();

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
        List<Statement> statements = parser.statements(Optional.of("AUDIT"));
        // Audits may be written in the model file after its statements (SQLMesh's inline audits).
        inlineAudits = parser.atEnd() ? List.of() : ProjectFiles.audits(parser);
        return build(block, statements, false);
    }

    /** A Python model from the MODEL block Quarry's runner wrote for its {@code @model} decorator. */
    Model readPython(String blockText) {
        BlockParser parser = BlockParser.of(file, blockText);
        Block block = parser.block("MODEL");
        inlineAudits = List.of();
        return build(block, List.of(), true);
    }

    /** The AUDIT blocks written in the file read last. */
    List<Audit> inlineAudits() {
        return inlineAudits;
    }

    /**
     * Every model the file defines: one, or one per entry of {@code blueprints}, each read from the text with the
     * entry's variables substituted ({@code @{name}} as written, {@code @name} as a SQL value).
     */
    List<Model> readAll(String text) {
        BlockParser parser = BlockParser.of(file, text);
        Optional<Block.Property> blueprints = parser.block("MODEL").get("blueprints");
        if (blueprints.isEmpty()) {
            return List.of(read(text));
        }
        List<Model> out = new ArrayList<>();
        List<Audit> audits = new ArrayList<>();
        for (Value entry : blueprints.get().value().items()) {
            Map<String, Value> vars = new LinkedHashMap<>();
            for (Value item : entry.items()) {
                if (!(item instanceof Value.Pair pair)) {
                    throw new ModelException(
                            item.location(),
                            "blueprints must be ((name := value, ...), ...); " + item.sql() + " is " + item.describe());
                }
                vars.put(pair.key().toLowerCase(Locale.ROOT), pair.value());
            }
            out.add(read(Blueprints.substitute(text, vars)));
            audits.addAll(inlineAudits);
        }
        inlineAudits = audits;
        return out;
    }

    static ModelException error(Location at, String model, String message) {
        return new ModelException(at, "model " + model + ": " + message);
    }

    private Model build(Block block, List<Statement> statements, boolean python) {
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
            if (NO_EFFECT.containsKey(p.name())) {
                warnings.add(p.location() + ": model " + name + ": " + p.name() + " has no effect on StarRocks ("
                        + NO_EFFECT.get(p.name()) + ")");
            } else if (p.name().equals("signals")) {
                // Signals are Python functions in SQLMesh; Quarry reports them instead of evaluating them.
                warnings.add(p.location() + ": model " + name + ": signals are not evaluated by Quarry; every"
                        + " interval counts as ready (docs/sqlmesh.md §2.2)");
            } else if (!PROPERTIES.contains(p.name()) && !ACCEPTED.contains(p.name())) {
                throw error(
                        p.location(),
                        name,
                        "unknown property " + p.name() + Names.didYouMean(p.name(), PROPERTIES)
                                + " (or not supported by Quarry)");
            }
        }
        Map<String, Block.Property> props = new LinkedHashMap<>(defaults);
        props.putAll(block.properties());

        Kind kind = KindReader.kind(name, props.get("kind"));
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
                String type = ColumnTypes.starRocks(pair.value().sql());
                try {
                    StarRocksType.parse(type);
                } catch (dev.quarry.starrocks.InvalidSpecException e) {
                    throw error(pair.value().location(), name, "column " + pair.key() + ": " + e.getMessage());
                }
                if (columns.put(pair.key(), type) != null) {
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
        PhysicalLayout layout = new LayoutReader(name, kind, columns.keySet(), warnings, hourly(cron) ? "hour" : "day")
                .read(partitionedBy, clusteredBy, physical, virtual, !audits.isEmpty(), block.location());

        // model_defaults' statements run around every model's own (SQLMesh: pre_statements, post_statements,
        // on_virtual_update in model_defaults).
        List<Statement> pre = new ArrayList<>(defaultStatements(name, "pre_statements"));
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
        post.addAll(defaultStatements(name, "post_statements"));
        onVirtualUpdate.addAll(defaultStatements(name, "on_virtual_update"));
        if (python && (!kind.isTable() || columns.isEmpty())) {
            throw error(
                    block.location(),
                    name,
                    python && columns.isEmpty()
                            ? "a Python model must declare its columns (columns={'name': 'type', ...})"
                            : "a Python model must be a table kind (FULL or INCREMENTAL_*), not " + kind.kind());
        }
        if (kind.kind().hasQuery() && query.isEmpty() && !python) {
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
                onVirtualUpdate,
                python);
    }

    /** The statements a model_defaults list holds (each a SQL string). */
    private List<Statement> defaultStatements(String model, String key) {
        Block.Property p = defaults.get(key);
        if (p == null) {
            return List.of();
        }
        List<Statement> out = new ArrayList<>();
        for (Value item : p.value().items()) {
            String sql = item.text()
                    .orElseThrow(
                            () -> error(item.location(), model, "model_defaults " + key + " must list SQL strings"));
            out.add(new Statement(sql, item.location()));
        }
        return out;
    }

    /** Whether a cron runs more than once a day, so a time-range model's default partitions are hours. */
    private static boolean hourly(String cron) {
        if (cron.equalsIgnoreCase("@hourly")) {
            return true;
        }
        String[] fields = cron.strip().split("\\s+", -1);
        return fields.length == 5 && fields[1].matches(".*[*/,-].*");
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

    static boolean bool(String model, Block.Property p, boolean absent) {
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
            if (out.put(pair.key(), new Block.Property(pair.key(), pair.location(), asString(pair.value()))) != null) {
                throw error(pair.location(), model, what + " sets " + pair.key() + " twice");
            }
        }
        return out;
    }

    /**
     * In a MODEL block {@code 'x'} is a string and {@code "x"} a quoted name; SQLMesh's StarRocks adapter takes both
     * as strings in properties ({@code distributed_by = "HASH(a) BUCKETS 16"}, docs/sqlmesh.md §3).
     */
    private static Value asString(Value v) {
        if (v instanceof Value.Ident id && id.quoted() && id.sql().startsWith("\"")) {
            return new Value.Str(id.name(), id.location(), id.sql());
        }
        return v;
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
}
