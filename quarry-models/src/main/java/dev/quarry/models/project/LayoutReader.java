package dev.quarry.models.project;

import dev.quarry.core.Location;
import dev.quarry.core.Names;
import dev.quarry.models.project.PhysicalLayout.Distribution;
import dev.quarry.models.project.PhysicalLayout.KeyType;
import dev.quarry.models.project.PhysicalLayout.Partitioning;
import dev.quarry.models.project.PhysicalLayout.Refresh;
import dev.quarry.models.project.PhysicalLayout.TableKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a model's physical/virtual properties and partitioning parameters into a {@link PhysicalLayout},
 * enforcing the rules of SQLMesh's StarRocks adapter (seed; docs/sqlmesh.md §3, §9) and the StarRocks
 * rules that would otherwise fail only at CREATE time (docs/starrocks.md §3.2).
 */
final class LayoutReader {

    /** The properties SQLMesh rejects as ambiguous, with the name to use instead (docs/sqlmesh.md §3.8). */
    private static final Map<String, String> REJECTED = Map.of(
            "partition",
            "partition_by",
            "distribution",
            "distributed_by",
            "distribute",
            "distributed_by",
            "order",
            "order_by",
            "ordering",
            "order_by");

    private static final Set<String> STRUCTURAL = Set.of(
            "primary_key",
            "duplicate_key",
            "unique_key",
            "aggregate_key",
            "partition_by",
            "partitioned_by",
            "partitions",
            "distributed_by",
            "order_by",
            "clustered_by",
            "refresh_moment",
            "refresh_scheme");

    /** StarRocks table and materialized-view PROPERTIES (docs/starrocks.md §3.7, §5.6). */
    private static final Set<String> KNOWN_PROPERTIES = Set.of(
            "replication_num",
            "storage_medium",
            "storage_cooldown_ttl",
            "storage_cooldown_time",
            "enable_persistent_index",
            "persistent_index_type",
            "compression",
            "bloom_filter_columns",
            "colocate_with",
            "bucket_size",
            "write_quorum",
            "replicated_storage",
            "unique_constraints",
            "foreign_key_constraints",
            "fast_schema_evolution",
            "base_compaction_forbidden_time_ranges",
            "partition_retention_condition",
            "storage_volume",
            "file_bundling",
            "in_memory",
            "partition_live_number",
            "partition_ttl",
            "partition_ttl_number",
            "primary_index_cache_expire_sec",
            "enable_async_write_back",
            "compaction_strategy",
            "binlog_enable",
            "binlog_ttl_second",
            "binlog_max_size",
            "enable_dynamic_tablet",
            "mutable_bucket_num",
            "enable_load_profile",
            // materialized views
            "auto_refresh_partitions_limit",
            "partition_refresh_number",
            "partition_refresh_strategy",
            "excluded_trigger_tables",
            "excluded_refresh_tables",
            "query_rewrite_consistency",
            "mv_rewrite_staleness_second",
            "resource_group",
            "force_external_table_query_rewrite",
            "enable_query_rewrite",
            "warehouse",
            "transparent_mv_rewrite_mode",
            "refresh_mode");

    private static final List<String> PROPERTY_PREFIXES =
            List.of("dynamic_partition.", "session.", "flat_json.", "datacache.", "labels.", "binlog.");

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*|`[^`]+`|\"[^\"]+\"");
    private static final Pattern RANGE_OR_LIST = Pattern.compile("(?is)\\s*(RANGE|LIST)\\s*\\((.*)\\)\\s*");
    private static final Pattern DISTRIBUTION =
            Pattern.compile("(?is)\\s*(?:HASH\\s*\\((.*)\\)|(RANDOM))\\s*(?:BUCKETS\\s+(\\S+))?\\s*");
    private static final Pattern REFRESH_SCHEME =
            Pattern.compile("(?is)\\s*(?:MANUAL|ASYNC(?:\\s+START\\s*\\(\\s*(?:'[^']*'|\"[^\"]*\"|[^)\\s]+)\\s*\\))?"
                    + "(?:\\s+EVERY\\s*\\(\\s*INTERVAL\\s+[1-9][0-9]*\\s+(?:DAY|HOUR|MINUTE|SECOND)\\s*\\))?)\\s*");

    private final String model;
    private final Kind kind;
    private final Set<String> declaredColumns;
    private final List<String> warnings;

    LayoutReader(String model, Kind kind, Set<String> declaredColumns, List<String> warnings) {
        this.model = model;
        this.kind = kind;
        this.declaredColumns = declaredColumns;
        this.warnings = warnings;
    }

    private ModelException error(Location at, String message) {
        return staticError(model, at, message);
    }

    private static ModelException staticError(String model, Location at, String message) {
        return new ModelException(at, "model " + model + ": " + message);
    }

    /**
     * @param partitionedBy the model parameter, if given
     * @param clusteredBy the model parameter, if given
     * @param physical physical properties (defaults merged in), name to property
     * @param virtual virtual properties
     * @param hasAudits whether the model has audits (materialized views then need DEFERRED refresh)
     * @param modelLocation where the MODEL block is
     */
    PhysicalLayout read(
            Optional<Block.Property> partitionedBy,
            Optional<Block.Property> clusteredBy,
            Map<String, Block.Property> physical,
            Map<String, Block.Property> virtual,
            boolean hasAudits,
            Location modelLocation) {
        for (Block.Property p : physical.values()) {
            String replacement = REJECTED.get(p.name());
            if (replacement != null) {
                throw error(p.location(), "physical property " + p.name() + " is ambiguous; use " + replacement);
            }
        }
        Optional<TableKey> key = key(physical);
        Optional<Partitioning> partitioning = partitioning(partitionedBy, physical);
        Optional<Distribution> distribution =
                Optional.ofNullable(physical.get("distributed_by")).map(this::distribution);
        List<String> orderBy = orderBy(clusteredBy, physical);
        Map<String, String> properties = properties(physical);
        Optional<Refresh> refresh = refresh(physical, hasAudits, modelLocation);
        Optional<String> security = security(virtual);

        if (key.isPresent() && key.get().type() == KeyType.UNIQUE && distribution.isEmpty()) {
            // The sandbox mirrors StarRocks here: "Currently not support default distribution in UNIQUE_KEYS".
            throw error(
                    physical.get("unique_key").location(),
                    "a UNIQUE KEY table needs distributed_by: StarRocks has no default "
                            + "distribution for UNIQUE KEY tables (e.g. distributed_by = (kind = HASH, expressions = ("
                            + String.join(", ", key.get().columns()) + ")))");
        }
        if (kind.isMaterializedView() && key.isPresent()) {
            throw error(
                    physical.get(key.get().type().property()).location(),
                    "a materialized view has no table type; remove "
                            + key.get().type().property());
        }
        key = primaryKeyRule(key, partitioning, physical, modelLocation);
        checkColumns(key, partitioning, distribution, orderBy, physical, partitionedBy, clusteredBy);
        return new PhysicalLayout(key, partitioning, distribution, orderBy, properties, refresh, security);
    }

    private Optional<TableKey> key(Map<String, Block.Property> physical) {
        Block.Property aggregate = physical.get("aggregate_key");
        if (aggregate != null) {
            throw error(
                    aggregate.location(),
                    "aggregate_key is not supported: an AGGREGATE KEY table needs an aggregate "
                            + "function (SUM, MAX, REPLACE, ...) on every value column, which a model cannot declare; use primary_key "
                            + "or duplicate_key");
        }
        List<Block.Property> keys = new ArrayList<>();
        for (KeyType t : KeyType.values()) {
            Block.Property p = physical.get(t.property());
            if (p != null) {
                keys.add(p);
            }
        }
        if (keys.size() > 1) {
            throw error(
                    keys.get(1).location(),
                    "more than one table type: "
                            + keys.stream().map(Block.Property::name).toList()
                            + "; a StarRocks table has exactly one of primary_key, duplicate_key, unique_key");
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Block.Property p = keys.get(0);
        KeyType type =
                KeyType.valueOf(p.name().substring(0, p.name().indexOf('_')).toUpperCase(Locale.ROOT));
        return Optional.of(new TableKey(type, columns(p.value(), p.name())));
    }

    private List<String> columns(Value v, String what) {
        return columns(model, v, what);
    }

    /** Column lists: {@code col}, {@code (c1, c2)}, {@code [c1, c2]}, {@code 'c1, c2'} or {@code '(c1, c2)'}. */
    static List<String> columns(String model, Value v, String what) {
        List<String> out = new ArrayList<>();
        if (v instanceof Value.Str s) {
            String text = s.value().strip();
            if (text.startsWith("(") && text.endsWith(")")) {
                text = text.substring(1, text.length() - 1);
            }
            for (String part : text.split(",", -1)) {
                String c = part.strip();
                if (!COLUMN.matcher(c).matches()) {
                    throw staticError(
                            model, v.location(), what + ": '" + c + "' in " + v.sql() + " is not a column name");
                }
                out.add(unquote(c));
            }
        } else if (v instanceof Value.Ident i && !i.name().contains(".")) {
            out.add(i.name());
        } else if (v instanceof Value.Tuple || v instanceof Value.Array) {
            for (Value item : v.items()) {
                if (!(item instanceof Value.Ident id) || id.name().contains(".")) {
                    throw staticError(
                            model,
                            item.location(),
                            what + " must list column names; " + item.sql() + " is " + item.describe());
                }
                out.add(id.name());
            }
        } else {
            throw staticError(
                    model, v.location(), what + " must be a column, (col1, col2) or 'col1, col2', not " + v.describe());
        }
        if (out.isEmpty()) {
            throw staticError(model, v.location(), what + " lists no columns");
        }
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String c : out) {
            if (!seen.add(c)) {
                throw staticError(model, v.location(), what + " lists column " + c + " twice");
            }
        }
        return out;
    }

    private static String unquote(String c) {
        if (c.length() >= 2 && (c.charAt(0) == '`' || c.charAt(0) == '"')) {
            return c.substring(1, c.length() - 1);
        }
        return c;
    }

    private Optional<Partitioning> partitioning(Optional<Block.Property> param, Map<String, Block.Property> physical) {
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
            List<String> cols = columns(new Value.Tuple(c.args(), c.location(), c.sql()), what);
            return c.name().equalsIgnoreCase("RANGE")
                    ? new Partitioning.Range(cols, List.of())
                    : new Partitioning.ByList(cols, List.of());
        }
        if (v instanceof Value.Str s) {
            Matcher m = RANGE_OR_LIST.matcher(s.value());
            if (m.matches()) {
                List<String> cols = columns(new Value.Str(m.group(2), s.location(), s.sql()), what);
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

    private Distribution distribution(Block.Property p) {
        Value v = p.value();
        String form = "distributed_by must be RANDOM, 'HASH(c1, c2) BUCKETS n', 'RANDOM' or "
                + "(kind = HASH|RANDOM, expressions = (c1, c2), buckets = n)";
        if (v instanceof Value.Ident i && i.name().equalsIgnoreCase("RANDOM")) {
            return new Distribution.Random(OptionalInt.empty());
        }
        if (v instanceof Value.Call c && c.name().equalsIgnoreCase("HASH")) {
            return new Distribution.Hash(
                    columns(new Value.Tuple(c.args(), c.location(), c.sql()), "distributed_by"), OptionalInt.empty());
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
                    columns(new Value.Str(m.group(1), s.location(), s.sql()), "distributed_by"), buckets);
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
                    case "expressions", "columns" -> columns = columns(pair.value(), "distributed_by " + pair.key());
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

    private List<String> orderBy(Optional<Block.Property> param, Map<String, Block.Property> physical) {
        List<Block.Property> given = new ArrayList<>();
        param.ifPresent(given::add);
        for (String name : List.of("order_by", "clustered_by")) {
            Block.Property p = physical.get(name);
            if (p != null) {
                given.add(p);
            }
        }
        if (given.size() > 1) {
            throw error(
                    given.get(1).location(),
                    "ordering given twice (" + given.get(0).name() + " at line "
                            + given.get(0).location().line() + " and "
                            + given.get(1).name() + "); keep one");
        }
        return given.isEmpty()
                ? List.of()
                : columns(given.get(0).value(), given.get(0).name());
    }

    private Map<String, String> properties(Map<String, Block.Property> physical) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Block.Property p : physical.values()) {
            if (STRUCTURAL.contains(p.name())) {
                continue;
            }
            if (!KNOWN_PROPERTIES.contains(p.name())
                    && PROPERTY_PREFIXES.stream().noneMatch(p.name()::startsWith)) {
                List<String> candidates = new ArrayList<>(KNOWN_PROPERTIES);
                candidates.addAll(STRUCTURAL);
                throw error(
                        p.location(), "unknown physical property " + p.name() + Names.didYouMean(p.name(), candidates));
            }
            Value v = p.value();
            Optional<String> text = v.text();
            if (text.isEmpty()
                    && (v instanceof Value.Tuple || v instanceof Value.Array)
                    && v.items().stream().allMatch(x -> x instanceof Value.Ident || x instanceof Value.Str)) {
                text = Optional.of(String.join(
                        ",", v.items().stream().map(x -> x.text().orElseThrow()).toList()));
            }
            if (text.isEmpty()) {
                throw error(
                        v.location(),
                        "physical property " + p.name() + " must be a string, number or name, not " + v.describe());
            }
            out.put(p.name(), text.get());
        }
        return out;
    }

    private Optional<Refresh> refresh(Map<String, Block.Property> physical, boolean hasAudits, Location modelLocation) {
        Block.Property moment = physical.get("refresh_moment");
        Block.Property scheme = physical.get("refresh_scheme");
        if (!kind.isMaterializedView()) {
            Block.Property misplaced = moment != null ? moment : scheme;
            if (misplaced != null) {
                throw error(
                        misplaced.location(),
                        misplaced.name() + " applies only to materialized views (kind VIEW (materialized true))");
            }
            return Optional.empty();
        }
        Optional<String> m = Optional.empty();
        if (moment != null) {
            String text =
                    moment.value().text().orElse("").toUpperCase(Locale.ROOT).strip();
            if (!text.equals("IMMEDIATE") && !text.equals("DEFERRED")) {
                throw error(
                        moment.location(),
                        "refresh_moment must be IMMEDIATE or DEFERRED, not "
                                + moment.value().sql());
            }
            m = Optional.of(text);
        }
        Optional<String> s = Optional.empty();
        if (scheme != null) {
            String text = scheme.value().text().orElse(scheme.value().sql()).strip();
            if (!REFRESH_SCHEME.matcher(text).matches()) {
                throw error(
                        scheme.location(),
                        "refresh_scheme must be ASYNC, MANUAL or 'ASYNC [START (\"ts\")] EVERY (INTERVAL n "
                                + "DAY|HOUR|MINUTE|SECOND)', not "
                                + scheme.value().sql());
            }
            s = Optional.of(text);
        }
        if (m.isEmpty() && s.isEmpty()) {
            throw error(
                    modelLocation,
                    "a StarRocks materialized view needs a REFRESH clause: set physical_properties "
                            + "refresh_moment and/or refresh_scheme (e.g. refresh_scheme = ASYNC)");
        }
        if (hasAudits && !m.orElse("IMMEDIATE").equals("DEFERRED")) {
            throw error(
                    moment != null ? moment.location() : modelLocation,
                    "a materialized view with audits needs refresh_moment "
                            + "= DEFERRED, so StarRocks' immediate refresh does not race the synchronous refresh the audits wait for");
        }
        return Optional.of(new Refresh(m, s));
    }

    private Optional<String> security(Map<String, Block.Property> virtual) {
        Optional<String> security = Optional.empty();
        for (Block.Property p : virtual.values()) {
            if (!p.name().equals("security")) {
                throw error(
                        p.location(),
                        "unknown virtual property " + p.name() + Names.didYouMean(p.name(), List.of("security"))
                                + "; StarRocks views take only security");
            }
            String text = p.value().text().orElse("").toUpperCase(Locale.ROOT);
            if (!Set.of("NONE", "INVOKER", "DEFINER").contains(text)) {
                throw error(
                        p.value().location(),
                        "security must be NONE, INVOKER or DEFINER, not "
                                + p.value().sql());
            }
            security = Optional.of(text);
        }
        return security;
    }

    /**
     * DELETE of an interval and upsert by key work fully only on PRIMARY KEY tables. INCREMENTAL_BY_UNIQUE_KEY's
     * unique_key becomes the primary key when none is given. A time-range model partitioned by its time column
     * is exempt: Quarry replaces its intervals with INSERT OVERWRITE of partitions, which needs no DELETE.
     */
    private Optional<TableKey> primaryKeyRule(
            Optional<TableKey> key,
            Optional<Partitioning> partitioning,
            Map<String, Block.Property> physical,
            Location modelLocation) {
        if (!kind.kind().rewritesRows()) {
            return key;
        }
        boolean primary = key.isPresent() && key.get().type() == KeyType.PRIMARY;
        Location at = key.map(k -> physical.get(k.type().property()).location()).orElse(modelLocation);
        if (kind.kind() == ModelKind.INCREMENTAL_BY_UNIQUE_KEY) {
            if (key.isEmpty()) {
                return Optional.of(new TableKey(KeyType.PRIMARY, kind.uniqueKey()));
            }
            if (!primary) {
                throw error(
                        at,
                        "INCREMENTAL_BY_UNIQUE_KEY upserts by key, which StarRocks supports only on PRIMARY KEY tables; "
                                + "remove " + key.get().type().property()
                                + " (the unique_key becomes the primary key)");
            }
            if (!lower(key.get().columns()).equals(lower(kind.uniqueKey()))) {
                throw error(
                        at,
                        "primary_key " + key.get().columns() + " differs from unique_key " + kind.uniqueKey()
                                + "; StarRocks upserts by the primary key, so they must name the same columns");
            }
            return key;
        }
        if (primary || partitionedBy(partitioning, kind.timeColumn().orElseThrow())) {
            return key;
        }
        throw error(
                at,
                kind.kind() + " deletes and rewrites the rows of each interval, which StarRocks supports only on "
                        + "PRIMARY KEY tables: add physical_properties (primary_key = (...)), or partition by the time column "
                        + kind.timeColumn().orElseThrow() + " so intervals are replaced by INSERT OVERWRITE");
    }

    private static Set<String> lower(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
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

    private void checkColumns(
            Optional<TableKey> key,
            Optional<Partitioning> partitioning,
            Optional<Distribution> distribution,
            List<String> orderBy,
            Map<String, Block.Property> physical,
            Optional<Block.Property> partitionedBy,
            Optional<Block.Property> clusteredBy) {
        Set<String> keyColumns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        key.ifPresent(k -> keyColumns.addAll(k.columns()));
        boolean keyed = key.isPresent() && key.get().type() != KeyType.DUPLICATE;
        Location partitionAt = partitionedBy
                .map(Block.Property::location)
                .orElseGet(() -> Optional.ofNullable(physical.get("partition_by"))
                        .or(() -> Optional.ofNullable(physical.get("partitioned_by")))
                        .map(Block.Property::location)
                        .orElse(null));
        List<String> partitionCols =
                partitioning.map(LayoutReader::partitionColumns).orElse(List.of());
        List<String> hashCols = distribution
                .filter(d -> d instanceof Distribution.Hash)
                .map(d -> ((Distribution.Hash) d).columns())
                .orElse(List.of());
        if (keyed) {
            for (String c : partitionCols) {
                if (!keyColumns.contains(c)) {
                    throw error(
                            partitionAt,
                            "partition column " + c + " must be a key column of a "
                                    + key.get().type() + " KEY table (key: "
                                    + String.join(", ", key.get().columns()) + ")");
                }
            }
            for (String c : hashCols) {
                if (!keyColumns.contains(c)) {
                    throw error(
                            physical.get("distributed_by").location(),
                            "bucket column " + c + " must be a key column of a "
                                    + key.get().type() + " KEY table (key: "
                                    + String.join(", ", key.get().columns()) + ")");
                }
            }
        }
        if (declaredColumns.isEmpty()) {
            return;
        }
        key.ifPresent(k -> requireDeclared(
                k.columns(),
                physical.get(k.type().property()) == null
                        ? null
                        : physical.get(k.type().property()).location(),
                k.type().property()));
        requireDeclared(partitionCols, partitionAt, "partitioning");
        requireDeclared(
                hashCols,
                physical.containsKey("distributed_by")
                        ? physical.get("distributed_by").location()
                        : null,
                "distributed_by");
        Location orderAt = clusteredBy
                .map(Block.Property::location)
                .orElseGet(() -> Optional.ofNullable(physical.get("order_by"))
                        .or(() -> Optional.ofNullable(physical.get("clustered_by")))
                        .map(Block.Property::location)
                        .orElse(null));
        requireDeclared(orderBy, orderAt, "order_by");
    }

    private void requireDeclared(List<String> columns, Location at, String what) {
        for (String c : columns) {
            if (!declaredColumns.contains(c.toLowerCase(Locale.ROOT)) && at != null) {
                throw error(at, what + " names column " + c + ", which is not among the model's columns");
            }
        }
    }
}
