package dev.quarry.core.conn;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.quarry.core.ConfigException;
import dev.quarry.core.Names;
import dev.quarry.core.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * All connections a user has defined: the entries of {@code $QUARRY_HOME/env.yaml}, then environment
 * variables holding a connection URL or inline YAML/JSON with {@code type}/{@code url}
 * (docs/sling.md §4.2). An environment variable overrides an env.yaml entry of the same name.
 * Names match ignoring case. An invalid entry does not stop the others from being used: its error is
 * raised when it is asked for.
 */
public final class Connections {
    private static final YAMLMapper INLINE = YAMLMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final Pattern MEANT_AS_CONNECTION = Pattern.compile("[{,\\s\"']\\s*(type|url)\\s*[\"']?\\s*:");

    /** One defined connection: either a usable spec or the reason it is not usable. */
    public record Entry(
            String name, ConnectionSource source, Optional<ConnectionSpec> spec, Optional<ConfigException> error) {
        public Entry {
            requireNonNull(name, "name is null");
            requireNonNull(source, "source is null");
            requireNonNull(spec, "spec is null");
            requireNonNull(error, "error is null");
            if (spec.isPresent() == error.isPresent()) {
                throw new IllegalArgumentException("an entry has either a spec or an error");
            }
        }

        /** The type id, or "invalid" for an entry that does not parse. */
        public String typeLabel() {
            return spec.map(s -> s.type().id()).orElse("invalid");
        }
    }

    private final EnvFile envFile;
    private final Map<String, Entry> byName;

    private Connections(EnvFile envFile, Map<String, Entry> byName) {
        this.envFile = envFile;
        this.byName = byName;
    }

    /** {@code $QUARRY_HOME} from {@code env}, else {@code ~/.quarry}. */
    public static Path home(Map<String, String> env, Path userHome) {
        String configured = env.get("QUARRY_HOME");
        return configured != null && !configured.isBlank() ? Path.of(configured) : userHome.resolve(".quarry");
    }

    public static Connections load(Path quarryHome, Map<String, String> env) {
        EnvFile file = EnvFile.in(quarryHome);
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (EnvFile.Entry raw : file.read()) {
            Entry entry;
            try {
                ConnectionSpec spec =
                        ConnectionSpec.fromKeys(raw.name(), raw.keys(), key -> raw.where(file.path(), key));
                entry = new Entry(raw.name(), ConnectionSource.ENV_YAML, Optional.of(spec), Optional.empty());
            } catch (ConfigException e) {
                entry = new Entry(raw.name(), ConnectionSource.ENV_YAML, Optional.empty(), Optional.of(e));
            }
            entries.put(raw.name().toLowerCase(Locale.ROOT), entry);
        }
        env.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(var -> {
            Entry entry = fromEnvironment(var.getKey(), var.getValue());
            if (entry != null) {
                entries.put(var.getKey().toLowerCase(Locale.ROOT), entry);
            }
        });
        return new Connections(file, entries);
    }

    /** A connection from an environment variable, or null when the variable does not hold one. */
    static Entry fromEnvironment(String name, String value) {
        String where = "environment variable " + name;
        String text = value.strip();
        Map<String, String> keys;
        if (ConnectionUrl.looksLikeConnectionUrl(text)) {
            keys = Map.of("url", text);
        } else if (text.startsWith("{")) {
            try {
                keys = inlineKeys(name, text);
            } catch (ConfigException e) {
                return new Entry(name, ConnectionSource.ENV_VARIABLE, Optional.empty(), Optional.of(e));
            }
            if (keys == null) {
                return null;
            }
        } else {
            return null;
        }
        try {
            ConnectionSpec spec = ConnectionSpec.fromKeys(name, keys, key -> where);
            return new Entry(name, ConnectionSource.ENV_VARIABLE, Optional.of(spec), Optional.empty());
        } catch (ConfigException e) {
            return new Entry(name, ConnectionSource.ENV_VARIABLE, Optional.empty(), Optional.of(e));
        }
    }

    /**
     * Keys of inline YAML/JSON that has a type or url, else null (the variable is something else).
     *
     * @throws ConfigException when the text does not parse but names a {@code type} or {@code url} key: it was meant
     *     as a connection, and "unknown connection" would hide why it is not one
     */
    private static Map<String, String> inlineKeys(String name, String text) {
        JsonNode node;
        try {
            node = INLINE.readTree(text);
        } catch (JsonProcessingException e) {
            if (!MEANT_AS_CONNECTION.matcher(text).find()) {
                return null;
            }
            String at = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new ConfigException(
                    "environment variable " + name + ": its inline YAML/JSON connection does not parse" + at + ": "
                            + YamlReader.problem(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject() || !(node.has("type") || node.has("url"))) {
            return null;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        node.properties()
                .forEach(f -> keys.put(
                        f.getKey(), f.getValue().isNull() ? "" : f.getValue().asText()));
        return keys;
    }

    /**
     * The connection called {@code name} (ignoring case).
     *
     * @throws ConfigException if there is none (suggesting close names) or its definition is invalid
     */
    public ConnectionSpec get(String name) {
        Entry entry = byName.get(name.toLowerCase(Locale.ROOT));
        if (entry == null) {
            throw unknown(name);
        }
        if (entry.error().isPresent()) {
            throw entry.error().get();
        }
        return entry.spec().orElseThrow();
    }

    public Optional<Entry> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every entry, sorted by name. */
    public List<Entry> list() {
        List<Entry> all = new ArrayList<>(byName.values());
        all.sort(Comparator.comparing(e -> e.name().toLowerCase(Locale.ROOT)));
        return all;
    }

    public EnvFile envFile() {
        return envFile;
    }

    /** The error for a name nobody defined: close names if any, else how to define it. */
    public ConfigException unknown(String name) {
        List<String> names = byName.values().stream().map(Entry::name).toList();
        String hint = Names.didYouMean(name, names);
        if (hint.isEmpty()) {
            hint = names.isEmpty()
                    ? " (no connections are defined; add one with: quarry conns set " + name + " url=...)"
                    : " (defined: " + String.join(", ", names.stream().sorted().toList()) + ")";
        }
        return new ConfigException("unknown connection \"" + name + "\"" + hint);
    }
}
