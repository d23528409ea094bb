package dev.quarry.replicate.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.FileText;
import dev.quarry.core.Location;
import dev.quarry.replicate.config.ConfigErrors;
import dev.quarry.replicate.config.Hook;
import dev.quarry.replicate.config.Hooks;
import dev.quarry.replicate.config.Mode;
import dev.quarry.replicate.config.OptionValues;
import dev.quarry.replicate.config.ReplicationConfigException;
import dev.quarry.replicate.config.ReplicationFile;
import dev.quarry.replicate.config.RunContext;
import dev.quarry.replicate.config.SourceOption;
import dev.quarry.replicate.config.StreamConfig;
import dev.quarry.replicate.config.StreamKey;
import dev.quarry.replicate.config.TargetOption;
import dev.quarry.replicate.config.Variables;
import dev.quarry.replicate.source.SourceCatalog;
import dev.quarry.replicate.source.SourceTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a replication file into a {@link ReplicationPlan}: defaults merged (docs/sling.md §1.3), modes inferred
 * (docs/sling.md §2.1), wildcards expanded through the source catalog (§1.4), variables rendered per stream (§1.5). Every
 * configuration error in the file is reported in one {@link ReplicationConfigException}.
 */
public final class ReplicationPlanner {
    private final RunContext context;
    private final Function<String, SourceCatalog> catalogs;

    /** A planner expanding wildcards through {@code catalog}, whatever the file's source connection is. */
    public ReplicationPlanner(RunContext context, SourceCatalog catalog) {
        this(context, always(requireNonNull(catalog, "catalog is null")));
    }

    private ReplicationPlanner(RunContext context, Function<String, SourceCatalog> catalogs) {
        this.context = requireNonNull(context, "context is null");
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
    }

    private static Function<String, SourceCatalog> always(SourceCatalog catalog) {
        return source -> catalog;
    }

    /**
     * A planner expanding wildcards through the catalog of the file's {@code source:} connection: {@code catalogOfSource}
     * gets that name as the file states it (empty when the file has none) and is asked only when a wildcard needs it.
     */
    public static ReplicationPlanner withCatalogs(RunContext context, Function<String, SourceCatalog> catalogOfSource) {
        return new ReplicationPlanner(context, catalogOfSource);
    }

    public ReplicationPlan plan(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String hint = FileText.hint(file);
            throw new ReplicationConfigException("replication file " + file + " " + FileText.problem(file, e)
                    + (hint == null ? "" : " (" + hint + ")"));
        }
        Path dir = file.toAbsolutePath().getParent();
        return plan(text, file.toString(), dir);
    }

    /** Plans {@code text} as if read from {@code fileName}; {@code file://} paths resolve against {@code baseDir}. */
    public ReplicationPlan plan(String text, String fileName, Path baseDir) {
        ConfigErrors errors = new ConfigErrors();
        ReplicationFile file = ReplicationFile.parse(text, fileName, baseDir, context.environment(), errors);
        if (file == null) {
            errors.throwIfAny();
            throw new IllegalStateException("parse failed without an error");
        }
        List<StreamPlan> streams = expand(file, errors);
        Hooks hooks = renderHooks(file.hooks(), runVariables(file), errors, "hooks");
        errors.throwIfAny();
        return new ReplicationPlan(
                file.source(), file.target(), file.env(), streams, context, hooks, errors.warnings());
    }

    /** Plans a command-line stream as the one-stream replication file it stands for. */
    public ReplicationPlan plan(OneOffStream oneOff) {
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("object", oneOff.object());
        oneOff.mode().ifPresent(m -> stream.put("mode", m));
        if (!oneOff.primaryKey().isEmpty()) {
            stream.put("primary_key", oneOff.primaryKey());
        }
        oneOff.updateKey().ifPresent(k -> stream.put("update_key", k));
        if (!oneOff.select().isEmpty()) {
            stream.put("select", oneOff.select());
        }
        oneOff.where().ifPresent(w -> stream.put("where", w));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("source", oneOff.source());
        file.put("target", oneOff.target());
        file.put("streams", Map.of(oneOff.stream(), stream));
        String yaml;
        try {
            yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .writeValueAsString(file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render a one-off stream as YAML", e);
        }
        try {
            return plan(yaml, COMMAND_LINE, Path.of("").toAbsolutePath());
        } catch (ReplicationConfigException e) {
            throw new ReplicationConfigException(
                    e.errors().stream().map(error -> flagOf(yaml, error)).toList());
        }
    }

    private static final String COMMAND_LINE = "command line";

    /**
     * An error about the YAML a one-off stream was rendered to ({@code command line:5:3: ...}), told by the flag that
     * gave the value at that line ({@code --src-stream: ...}): the rendered YAML is ours, not the user's.
     */
    static String flagOf(String yaml, String error) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^" + COMMAND_LINE + ":(\\d+):\\d+: ")
                .matcher(error);
        if (!m.find()) {
            return error;
        }
        List<String> lines = yaml.lines().toList();
        int line = Integer.parseInt(m.group(1));
        String flag = "the one-off stream";
        // A list item belongs to the key above it (primary_key's columns).
        for (int i = Math.min(line, lines.size()) - 1; i >= 0; i--) {
            String text = lines.get(i).strip();
            if (text.startsWith("- ")) {
                continue;
            }
            String key = text.replaceFirst(":.*$", "").replace("\"", "").replace("'", "");
            boolean streamName = lines.get(i).startsWith("  ") && !lines.get(i).startsWith("    ");
            flag = streamName
                    ? "--src-stream"
                    : switch (key) {
                        case "source" -> "--src-conn";
                        case "target" -> "--tgt-conn";
                        case "object" -> "--tgt-object";
                        case "mode" -> "--mode";
                        case "primary_key" -> "--primary-key";
                        case "update_key" -> "--update-key";
                        default -> "the one-off stream";
                    };
            break;
        }
        return flag + ": " + error.substring(m.end());
    }

    private List<StreamPlan> expand(ReplicationFile file, ConfigErrors errors) {
        Map<String, StreamConfig> explicit = new HashMap<>();
        for (StreamConfig s : file.streams()) {
            if (!isWildcard(s.name()) && s.over(file.defaults()).keys().get(StreamKey.SQL) == null) {
                SourceTable t = SourceTable.parse(s.name());
                if (t != null) {
                    explicit.put(t.nameLower(), s);
                }
            }
        }
        Map<String, String> matchedBy = new HashMap<>();
        List<StreamPlan> plans = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (StreamConfig raw : file.streams()) {
            StreamConfig s = raw.over(file.defaults());
            if (isWildcard(s.name())) {
                for (SourceTable t : matches(s, file.source(), errors)) {
                    String previous = matchedBy.putIfAbsent(t.nameLower(), s.name());
                    if (previous != null) {
                        errors.add(
                                s.location(),
                                "table " + t + " is matched by both '" + previous + "' and '" + s.name()
                                        + "'; list it explicitly to choose its settings");
                        continue;
                    }
                    if (explicit.containsKey(t.nameLower())) {
                        continue;
                    }
                    if (!s.keys().bool(StreamKey.DISABLED)) {
                        add(plans, planned, stream(s, t.name(), Optional.of(t), file, errors), errors);
                    }
                }
                continue;
            }
            if (s.keys().bool(StreamKey.DISABLED)) {
                continue;
            }
            Optional<SourceTable> table = Optional.empty();
            if (s.keys().get(StreamKey.SQL) == null) {
                SourceTable t = SourceTable.parse(s.name());
                if (t == null) {
                    errors.add(
                            s.location(),
                            "stream '" + s.name() + "' is not a table name (schema.table) and has no sql:");
                    continue;
                }
                table = Optional.of(t);
            }
            add(plans, planned, stream(s, s.name(), table, file, errors), errors);
        }
        return plans;
    }

    private static void add(List<StreamPlan> plans, Set<String> planned, StreamPlan plan, ConfigErrors errors) {
        if (plan == null) {
            return;
        }
        // StarRocks table names are case-sensitive, so db.T and db.t are two tables.
        if (!planned.add(plan.object().toString())) {
            errors.add(
                    new Location(plan.definedAt(), 0, 0),
                    "stream " + plan.name() + " writes to " + plan.object()
                            + ", which another stream of this file also writes to");
            return;
        }
        plans.add(plan);
    }

    private List<SourceTable> matches(StreamConfig s, String source, ConfigErrors errors) {
        int dot = s.name().indexOf('.');
        if (dot < 0) {
            // Sling's rule and message (docs/sling.md §1.4).
            errors.add(s.location(), "stream '" + s.name() + "': Must specify schema or path when using wildcard");
            return List.of();
        }
        String schemaPart = s.name().substring(0, dot);
        String tablePart = s.name().substring(dot + 1);
        if (isWildcard(schemaPart) || schemaPart.isEmpty() || tablePart.isEmpty()) {
            errors.add(
                    s.location(),
                    "stream '" + s.name() + "': a wildcard goes in the table part, as schema.* or schema.prefix_*");
            return List.of();
        }
        String object = s.keys().string(StreamKey.OBJECT);
        if (object != null && !Variables.hasStreamVariable(object)) {
            errors.add(
                    s.locationOf(StreamKey.OBJECT),
                    "stream '" + s.name() + "' is a wildcard but its object '" + object
                            + "' names one table for all of them; use {stream_table} (or {stream_name}) in object");
            return List.of();
        }
        String schema = schemaPart.startsWith("\"")
                ? schemaPart.substring(1, schemaPart.length() - 1)
                : schemaPart.toLowerCase(Locale.ROOT);
        Pattern p = Selection.glob(tablePart);
        List<SourceTable> found = new ArrayList<>();
        for (SourceTable t : catalogs.apply(source).tables(schema)) {
            if (p.matcher(t.table()).matches()) {
                found.add(t);
            }
        }
        if (found.isEmpty()) {
            errors.add(s.location(), "wildcard stream '" + s.name() + "' matches no table in schema " + schema);
        }
        return found;
    }

    private StreamPlan stream(
            StreamConfig s, String name, Optional<SourceTable> table, ReplicationFile file, ConfigErrors errors) {
        int before = errors.list().size();
        OptionValues<StreamKey> k = s.keys();
        List<String> primaryKey = k.names(StreamKey.PRIMARY_KEY);
        Optional<String> updateKey = Optional.ofNullable(k.string(StreamKey.UPDATE_KEY))
                .map(String::trim)
                .filter(x -> !x.isEmpty());
        String modeName = k.string(StreamKey.MODE);
        Mode mode = modeName == null ? Mode.infer(!primaryKey.isEmpty(), updateKey.isPresent()) : Mode.parse(modeName);
        String missing = mode.missingKeys(
                !primaryKey.isEmpty(), updateKey.isPresent(), s.source().isSet(SourceOption.RANGE));
        if (missing != null) {
            errors.add(s.locationOf(StreamKey.MODE), "stream " + name + ": " + missing);
        }

        Map<String, String> vars = runVariables(file);
        table.ifPresent(t -> vars.putAll(streamVariables(t)));
        if (table.isEmpty()) {
            vars.put("stream_name", name.toLowerCase(Locale.ROOT));
        }

        String objectTemplate = k.string(StreamKey.OBJECT);
        TargetTable object = null;
        if (objectTemplate == null && !s.locations().containsKey(StreamKey.OBJECT)) {
            errors.add(
                    s.location(),
                    "stream " + name + " has no object (target table): set object on the stream or under defaults");
        } else if (objectTemplate != null) {
            String rendered = Variables.render(objectTemplate, vars, "object", s.locationOf(StreamKey.OBJECT), errors);
            if (rendered != null) {
                object = TargetTable.parse(rendered);
                if (object == null) {
                    errors.add(
                            s.locationOf(StreamKey.OBJECT),
                            "stream " + name + ": object '" + rendered + "' is not a table name (db.table)");
                }
            }
        }
        if (object != null) {
            vars.putAll(objectVariables(object));
        }

        Optional<String> sql = Optional.empty();
        String sqlText = k.string(StreamKey.SQL);
        if (sqlText != null) {
            String rendered = Variables.render(sqlText, vars, "sql", s.locationOf(StreamKey.SQL), errors);
            if (rendered != null
                    && mode.readsFromCheckpoint()
                    && updateKey.isPresent()
                    && !rendered.contains("{incremental_where_cond}")
                    && !rendered.contains("{incremental_value}")) {
                errors.add(
                        s.locationOf(StreamKey.SQL),
                        "stream " + name
                                + ": incremental sql with an update_key must contain {incremental_where_cond} or {incremental_value}, else every run reads everything");
            }
            sql = Optional.ofNullable(rendered);
        }

        Selection select = Selection.parse(k.names(StreamKey.SELECT), s.locationOf(StreamKey.SELECT), errors);
        if (select != null && !select.isAll() && sql.isPresent()) {
            errors.add(
                    s.locationOf(StreamKey.SELECT),
                    "stream " + name + ": select does not apply to a sql: stream; choose the columns in the sql");
        }

        OptionValues<TargetOption> target = s.target();
        for (TargetOption o : List.of(TargetOption.PRE_SQL, TargetOption.POST_SQL, TargetOption.TABLE_DDL)) {
            String text = target.string(o);
            if (text != null) {
                String rendered = Variables.render(text, vars, o.key(), s.locationOf(o), errors);
                if (rendered != null) {
                    target = target.with(o, rendered);
                }
            }
        }
        String ddl = target.string(TargetOption.TABLE_DDL);
        if (ddl != null && object != null && !ddl.contains(object.table())) {
            errors.add(
                    s.locationOf(TargetOption.TABLE_DDL),
                    "stream " + name + ": table_ddl must create the object " + object);
        }
        Hooks hooks = k.get(StreamKey.HOOKS) instanceof Hooks h ? h : Hooks.none();
        hooks = renderHooks(hooks, vars, errors, "stream " + name + " hooks");
        if (errors.list().size() != before || object == null || select == null || (sqlText != null && sql.isEmpty())) {
            return null;
        }
        Optional<String> where = Optional.ofNullable(k.string(StreamKey.WHERE)).filter(w -> !w.isBlank());
        return new StreamPlan(
                name,
                s.location().toString(),
                table,
                object,
                mode,
                primaryKey,
                updateKey,
                sql,
                select,
                where,
                k.map(StreamKey.COLUMNS),
                s.source(),
                target,
                k.string(StreamKey.DESCRIPTION) == null ? "" : k.string(StreamKey.DESCRIPTION),
                hooks);
    }

    /** The variables every template of the file may use: run time, the file's env, the connection names. */
    private Map<String, String> runVariables(ReplicationFile file) {
        Map<String, String> vars = new LinkedHashMap<>(Variables.runVariables(context));
        file.env().forEach(vars::putIfAbsent);
        vars.put("source_name", file.source().toLowerCase(Locale.ROOT));
        vars.put("target_name", file.target().toLowerCase(Locale.ROOT));
        return vars;
    }

    /** Hooks with their query and message templates rendered (docs/sling.md §1.8). */
    private static Hooks renderHooks(Hooks hooks, Map<String, String> vars, ConfigErrors errors, String what) {
        Map<String, List<Hook>> rendered = new LinkedHashMap<>();
        hooks.phases().forEach((phase, list) -> {
            List<Hook> out = new ArrayList<>();
            for (Hook hook : list) {
                String text = Variables.render(hook.text(), vars, what + "." + phase, hook.at(), errors);
                if (text != null) {
                    out.add(hook.withText(text));
                }
            }
            rendered.put(phase, out);
        });
        return new Hooks(rendered);
    }

    /** The stream variables of a table stream. */
    private static Map<String, String> streamVariables(SourceTable table) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("stream_schema", table.schema());
        vars.put("stream_schema_lower", table.schema().toLowerCase(Locale.ROOT));
        vars.put("stream_schema_upper", table.schema().toUpperCase(Locale.ROOT));
        vars.put("stream_table", table.table());
        vars.put("stream_table_lower", table.table().toLowerCase(Locale.ROOT));
        vars.put("stream_table_upper", table.table().toUpperCase(Locale.ROOT));
        vars.put("stream_full_name", table.quoted());
        vars.put("stream_name", table.nameLower());
        vars.put("stream.schema", table.schema());
        vars.put("stream.table", table.table());
        vars.put("stream.name", table.nameLower());
        return vars;
    }

    /** The variables naming the target, for pre_sql, post_sql and table_ddl. */
    private static Map<String, String> objectVariables(TargetTable object) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("object_name", object.toString());
        vars.put("object_full_name", object.toString());
        object.database().ifPresent(d -> vars.put("object_schema", d));
        vars.put("object_table", object.table());
        return vars;
    }

    static boolean isWildcard(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0;
    }
}
