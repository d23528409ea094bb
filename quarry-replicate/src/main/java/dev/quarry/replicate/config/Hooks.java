package dev.quarry.replicate.config;

import dev.quarry.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sling's {@code hooks} as Quarry runs them (docs/sling.md §1.8): per phase ({@code pre}/{@code post} on a stream,
 * {@code start}/{@code end} on the file) the {@code query} hooks on the target and the {@code log} hooks, in order.
 * Other hook types and phases are accepted with a warning saying they have no effect.
 */
public record Hooks(Map<String, List<Hook>> phases) {
    /** Hook types Sling has, beyond the two Quarry runs; each is accepted with a warning. */
    static final Set<String> OTHER_TYPES = Set.of(
            "http",
            "check",
            "command",
            "copy",
            "delete",
            "group",
            "inspect",
            "list",
            "replication",
            "routine",
            "store",
            "read",
            "write");

    private static final Set<String> HOOK_KEYS =
            Set.of("type", "query", "connection", "message", "level", "on_failure", "id");

    public Hooks {
        Map<String, List<Hook>> copy = new LinkedHashMap<>();
        phases.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        phases = Map.copyOf(copy);
    }

    public static Hooks none() {
        return new Hooks(Map.of());
    }

    public List<Hook> phase(String name) {
        return phases.getOrDefault(name, List.of());
    }

    public boolean isEmpty() {
        return phases.values().stream().allMatch(List::isEmpty);
    }

    /**
     * Reads a {@code hooks:} mapping. {@code run} are the phases Quarry runs ({@code pre, post} or {@code start, end}),
     * {@code ignored} Sling's other phases (warned); {@code target} is the file's target connection, the one query
     * hooks may run on.
     */
    static Hooks read(
            YamlNode node,
            String where,
            List<String> run,
            List<String> ignored,
            String target,
            ValueType.Reading reading) {
        ConfigErrors errors = reading.errors();
        if (node instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            return none();
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            errors.add(
                    node.location(),
                    "'" + where + "' must be a mapping of phases to hook lists, got " + node.describe());
            return none();
        }
        Map<String, List<Hook>> phases = new LinkedHashMap<>();
        for (YamlNode.Entry e : mapping.entries()) {
            if (ignored.contains(e.key())) {
                errors.warn(
                        e.keyLocation(),
                        where + "." + e.key(),
                        where + "." + e.key() + " has no effect on StarRocks: Quarry has no separate merge step"
                                + " (loads upsert or append directly); use pre or post");
                continue;
            }
            if (!run.contains(e.key())) {
                errors.unknown(e.keyLocation(), where + " phase", e.key(), concat(run, ignored));
                continue;
            }
            List<Hook> hooks = new ArrayList<>();
            List<YamlNode> items = e.value() instanceof YamlNode.Sequence s ? s.items() : List.of(e.value());
            for (YamlNode item : items) {
                Hook hook = hook(item, where + "." + e.key(), target, reading);
                if (hook != null) {
                    hooks.add(hook);
                }
            }
            phases.put(e.key(), hooks);
        }
        return new Hooks(phases);
    }

    private static Hook hook(YamlNode node, String where, String target, ValueType.Reading reading) {
        ConfigErrors errors = reading.errors();
        if (node instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            return null;
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            errors.add(
                    node.location(),
                    "a hook under " + where + " must be a mapping with a type, got " + node.describe());
            return null;
        }
        Map<String, YamlNode.Entry> keys = new LinkedHashMap<>();
        mapping.entries().forEach(e -> keys.put(e.key(), e));
        YamlNode.Entry typeEntry = keys.get("type");
        if (typeEntry == null) {
            errors.add(node.location(), "a hook under " + where + " needs a type (query or log)");
            return null;
        }
        String type = reading.scalarText(typeEntry.value(), ValueType.STRING);
        if (type == null) {
            return null;
        }
        type = type.trim().toLowerCase(Locale.ROOT);
        if (OTHER_TYPES.contains(type)) {
            errors.warn(
                    typeEntry.value().location(),
                    where + ".type." + type,
                    "hook type '" + type + "' under " + where
                            + " has no effect on StarRocks: Quarry runs query hooks on the target and log hooks only");
            return null;
        }
        if (!type.equals("query") && !type.equals("log")) {
            errors.unknown(
                    typeEntry.value().location(),
                    "hook type",
                    type,
                    concat(List.of("query", "log"), List.copyOf(OTHER_TYPES)));
            return null;
        }
        for (YamlNode.Entry e : mapping.entries()) {
            if (!HOOK_KEYS.contains(e.key())) {
                errors.warn(
                        e.keyLocation(),
                        where + "." + e.key(),
                        "hook key '" + e.key() + "' under " + where + " has no effect: Quarry keeps no hook state");
            }
        }
        boolean warnOnly = false;
        YamlNode.Entry onFailure = keys.get("on_failure");
        if (onFailure != null) {
            String value = reading.scalarText(onFailure.value(), ValueType.STRING);
            if (value != null) {
                switch (value.trim().toLowerCase(Locale.ROOT)) {
                    case "abort", "break" -> warnOnly = false;
                    case "warn", "quiet", "skip" -> warnOnly = true;
                    default ->
                        errors.add(
                                onFailure.value().location(),
                                "on_failure must be abort, break, warn, quiet or skip, got '" + value + "'");
                }
            }
        }
        if (type.equals("log")) {
            String message = required(keys.get("message"), "message", node, where, reading);
            return message == null ? null : new Hook(Hook.Kind.LOG, message, warnOnly, node.location());
        }
        YamlNode.Entry connection = keys.get("connection");
        if (connection != null) {
            String name = reading.scalarText(connection.value(), ValueType.STRING);
            if (name != null && !isTarget(name.trim(), target)) {
                errors.warn(
                        connection.value().location(),
                        where + ".connection." + name,
                        "query hook on connection '" + name + "' under " + where
                                + " has no effect: Quarry runs query hooks on the target connection only");
                return null;
            }
        }
        String query = required(keys.get("query"), "query", node, where, reading);
        return query == null ? null : new Hook(Hook.Kind.QUERY, query, warnOnly, node.location());
    }

    private static boolean isTarget(String name, String target) {
        return name.isEmpty()
                || name.equalsIgnoreCase(target)
                || name.equals("{target.name}")
                || name.equals("{target_name}");
    }

    private static String required(
            YamlNode.Entry entry, String key, YamlNode hook, String where, ValueType.Reading reading) {
        if (entry == null) {
            reading.errors().add(hook.location(), "a hook under " + where + " needs '" + key + "'");
            return null;
        }
        return (String) ValueType.SQL.read(entry.value(), reading);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
