package dev.quarry.replicate.config;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Location;
import dev.quarry.core.yaml.YamlNode;
import dev.quarry.core.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A replication file as written (docs/sling.md §1.1): connections, env, defaults and streams, not yet expanded. */
public record ReplicationFile(
        String fileName,
        Path baseDir,
        String source,
        String target,
        Map<String, String> env,
        StreamConfig defaults,
        List<StreamConfig> streams,
        Hooks hooks,
        List<String> warnings) {
    private static final List<String> TOP_KEYS = List.of("source", "target", "defaults", "streams", "env", "hooks");

    public ReplicationFile {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(baseDir, "baseDir is null");
        env = Map.copyOf(env);
        requireNonNull(defaults, "defaults is null");
        streams = List.copyOf(streams);
        requireNonNull(hooks, "hooks is null");
        warnings = List.copyOf(warnings);
    }

    /** The document's root, or null (with an error recorded) when the text is not YAML; a repeated key keeps its first entry. */
    private static YamlNode readYaml(String text, String fileName, ConfigErrors errors) {
        return YamlReader.read(fileName, text, new YamlReader.Problems() {
            @Override
            public void duplicateKey(String key, Location at, Location first) {
                errors.add(at, "duplicate key '" + key + "' (first at line " + first.line() + ")");
            }

            @Override
            public void notYaml(Location at, String parserMessage) {
                errors.add(at, "not valid YAML: " + oneLine(parserMessage));
            }

            @Override
            public void unreadable(IOException e) {
                errors.add(new Location(fileName, 0, 0), "cannot read YAML: " + e.getMessage());
            }
        });
    }

    /** SnakeYAML's message without its multi-line source excerpt: one line, as every error should be. */
    private static String oneLine(String message) {
        StringBuilder out = new StringBuilder();
        for (String line : message.lines().toList()) {
            if (line.isBlank()
                    || line.startsWith(" in ")
                    || line.startsWith("    ")
                    || line.strip().equals("^")) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "; ").append(line.strip());
        }
        return out.toString();
    }

    /** Parses the text; errors go to {@code errors} and parsing carries on, so every error is reported at once. */
    public static ReplicationFile parse(
            String text, String fileName, Path baseDir, Map<String, String> processEnv, ConfigErrors errors) {
        YamlNode root = readYaml(text, fileName, errors);
        if (root == null) {
            return null;
        }
        Location top = new Location(fileName, 0, 0);
        if (!(root instanceof YamlNode.Mapping mapping)) {
            errors.add(
                    root.location(),
                    "a replication file is a mapping with source, target and streams; got " + root.describe());
            return null;
        }
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        for (YamlNode.Entry e : mapping.entries()) {
            if (!TOP_KEYS.contains(e.key())) {
                errors.unknown(e.keyLocation(), "top-level key", e.key(), TOP_KEYS);
            } else {
                entries.put(e.key(), e);
            }
        }

        Map<String, String> fileEnv = readEnv(entries.get("env"), processEnv, errors);
        Map<String, String> lookup = new HashMap<>(processEnv);
        lookup.putAll(fileEnv);
        Reading reading = new Reading(errors, baseDir, lookup);

        String source = requiredName(entries.get("source"), "source", top, reading);
        String target = requiredName(entries.get("target"), "target", top, reading);
        reading.target = target == null ? "" : target;
        Hooks hooks = Hooks.none();
        YamlNode.Entry h = entries.get("hooks");
        if (h != null) {
            hooks = Hooks.read(h.value(), "hooks", List.of("start", "end"), List.of(), reading.target, reading);
        }
        StreamConfig defaults = StreamConfig.empty("defaults", top);
        YamlNode.Entry d = entries.get("defaults");
        if (d != null && !(d.value() instanceof YamlNode.Scalar && ((YamlNode.Scalar) d.value()).isNull())) {
            defaults = streamConfig("defaults", d.keyLocation(), d.value(), reading);
        }
        List<StreamConfig> streams = new ArrayList<>();
        YamlNode.Entry s = entries.get("streams");
        if (s == null) {
            errors.add(top, "missing 'streams' (a mapping of source tables to their settings)");
        } else if (!(s.value() instanceof YamlNode.Mapping)) {
            errors.add(
                    s.value().location(),
                    "'streams' must be a mapping of source tables to their settings, got "
                            + s.value().describe());
        } else {
            for (YamlNode.Entry e : ((YamlNode.Mapping) s.value()).entries()) {
                if (e.value() instanceof YamlNode.Scalar && ((YamlNode.Scalar) e.value()).isNull()) {
                    streams.add(StreamConfig.empty(e.key(), e.keyLocation()));
                } else {
                    streams.add(streamConfig(e.key(), e.keyLocation(), e.value(), reading));
                }
            }
            if (streams.isEmpty()) {
                errors.add(s.keyLocation(), "'streams' is empty: list at least one source table");
            }
        }
        return new ReplicationFile(
                fileName,
                baseDir,
                source == null ? "" : source,
                target == null ? "" : target,
                fileEnv,
                defaults,
                streams,
                hooks,
                errors.warnings());
    }

    private static Map<String, String> readEnv(
            YamlNode.Entry entry, Map<String, String> processEnv, ConfigErrors errors) {
        if (entry == null || (entry.value() instanceof YamlNode.Scalar && ((YamlNode.Scalar) entry.value()).isNull())) {
            return Map.of();
        }
        if (!(entry.value() instanceof YamlNode.Mapping)) {
            errors.add(
                    entry.value().location(),
                    "'env' must be a mapping of names to values, got "
                            + entry.value().describe());
            return Map.of();
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (YamlNode.Entry e : ((YamlNode.Mapping) entry.value()).entries()) {
            if (!(e.value() instanceof YamlNode.Scalar)) {
                errors.add(
                        e.value().location(),
                        "env value '" + e.key() + "' must be a scalar, got "
                                + e.value().describe());
                continue;
            }
            YamlNode.Scalar v = (YamlNode.Scalar) e.value();
            // env values may refer to the process environment only (not to each other): no order dependence.
            env.put(e.key(), v.isNull() ? "" : Variables.expandEnv(v.text(), processEnv, v.location(), errors));
        }
        return env;
    }

    private static String requiredName(YamlNode.Entry entry, String key, Location top, Reading reading) {
        if (entry == null) {
            reading.errors().add(top, "missing '" + key + "' (a connection name)");
            return null;
        }
        String name = reading.scalarText(entry.value(), ValueType.STRING);
        if (name == null || name.isBlank()) {
            if (entry.value() instanceof YamlNode.Scalar) {
                reading.errors().add(entry.value().location(), "'" + key + "' must name a connection");
            }
            return null;
        }
        return name.trim();
    }

    static StreamConfig streamConfig(String name, Location at, YamlNode node, ValueType.Reading reading) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            reading.errors()
                    .add(
                            node.location(),
                            "stream '" + name + "' must be a mapping of stream keys (or empty), got "
                                    + node.describe());
            return StreamConfig.empty(name, at);
        }
        Map<Option, Location> locations = new HashMap<>();
        Map<StreamKey, Object> keys = new EnumMap<>(StreamKey.class);
        OptionValues<SourceOption> source = OptionValues.empty(SourceOption.class);
        OptionValues<TargetOption> target = OptionValues.empty(TargetOption.class);
        for (YamlNode.Entry e : mapping.entries()) {
            StreamKey key = find(StreamKey.class, e, "stream key", "", reading.errors());
            if (key == null) {
                continue;
            }
            locations.put(key, e.keyLocation());
            if (key == StreamKey.HOOKS) {
                String targetName = reading instanceof Reading r ? r.target : "";
                keys.put(
                        key,
                        Hooks.read(
                                e.value(),
                                "hooks",
                                List.of("pre", "post"),
                                List.of("pre_merge", "post_merge"),
                                targetName,
                                reading));
            } else if (key == StreamKey.SOURCE_OPTIONS) {
                source = options(SourceOption.class, "source_options", e.value(), reading, locations);
            } else if (key == StreamKey.TARGET_OPTIONS) {
                target = options(TargetOption.class, "target_options", e.value(), reading, locations);
            } else {
                Object value = convert(key, e, reading);
                if (value != null) {
                    keys.put(key, value);
                }
            }
        }
        return new StreamConfig(name, at, new OptionValues<>(StreamKey.class, keys), source, target, locations);
    }

    private static <K extends Enum<K> & Option> OptionValues<K> options(
            Class<K> type, String what, YamlNode node, ValueType.Reading reading, Map<Option, Location> locations) {
        if (node instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            return OptionValues.empty(type);
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            reading.errors().add(node.location(), "'" + what + "' must be a mapping, got " + node.describe());
            return OptionValues.empty(type);
        }
        Map<K, Object> values = new EnumMap<>(type);
        for (YamlNode.Entry e : mapping.entries()) {
            K key = find(type, e, what.replace('_', ' ').replace("options", "option"), what + ".", reading.errors());
            if (key != null) {
                locations.put(key, e.keyLocation());
                Object value = convert(key, e, reading);
                if (value != null) {
                    values.put(key, value);
                }
            }
        }
        return new OptionValues<>(type, values);
    }

    /**
     * The declared key {@code e} names, or null: after an error for an unknown or refused key, or a warning (once per
     * file) for a Sling key that has no effect on StarRocks (docs/sling.md §7). {@code prefix} names the section in
     * the warning ({@code target_options.}).
     */
    private static <K extends Enum<K> & Option> K find(
            Class<K> type, YamlNode.Entry e, String what, String prefix, ConfigErrors errors) {
        for (K k : type.getEnumConstants()) {
            if (k.key().equals(e.key())) {
                if (k.unsupported() != null) {
                    errors.add(e.keyLocation(), k.unsupported());
                    return null;
                }
                if (k.ignored() != null) {
                    String name = prefix + k.key();
                    errors.warn(e.keyLocation(), name, name + " has no effect on StarRocks: " + k.ignored());
                    return null;
                }
                return k;
            }
        }
        List<String> known = Arrays.stream(type.getEnumConstants())
                .filter(k -> k.unsupported() == null)
                .map(Option::key)
                .toList();
        errors.unknown(e.keyLocation(), what, e.key(), known);
        return null;
    }

    private static Object convert(Option key, YamlNode.Entry e, ValueType.Reading reading) {
        int before = reading.errors().list().size();
        Object value = key.type().read(e.value(), reading);
        if (value == null) {
            return null;
        }
        String problem = key.check(value);
        if (problem != null) {
            reading.errors().add(e.value().location(), problem);
            return null;
        }
        String noEffect = key.noEffect(value);
        if (noEffect != null) {
            reading.errors().warn(e.value().location(), key.key() + "=" + value, noEffect);
        }
        return reading.errors().list().size() == before ? value : null;
    }

    /** Conversion context for one file. */
    static final class Reading implements ValueType.Reading {
        private final ConfigErrors errors;
        private final Path baseDir;
        private final Map<String, String> env;
        /** The file's target connection: the one query hooks may run on. */
        private String target = "";

        Reading(ConfigErrors errors, Path baseDir, Map<String, String> env) {
            this.errors = errors;
            this.baseDir = baseDir;
            this.env = env;
        }

        @Override
        public ConfigErrors errors() {
            return errors;
        }

        @Override
        public Path baseDir() {
            return baseDir;
        }

        @Override
        public String expand(String text, Location at) {
            return Variables.expandEnv(text, env, at, errors);
        }
    }
}
