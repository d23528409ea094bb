package dev.quarry.models.project;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Location;
import dev.quarry.core.Names;
import dev.quarry.core.yaml.YamlNode;
import dev.quarry.core.yaml.YamlReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML document with the position of every key and value, so configuration errors can say
 * {@code config.yaml:12:5}, read by quarry-core's {@link YamlReader}; this adds the checks project files need.
 */
sealed interface Yaml {

    Location location();

    /** A scalar: String, Long, Double, Boolean, or null for {@code ~}/empty. */
    record Scalar(Object value, Location location) implements Yaml {
        public Scalar {
            requireNonNull(location, "location is null");
        }

        /** The value as text, the way a user reads it; null stays null. */
        String text() {
            return value == null ? null : value.toString();
        }
    }

    record Sequence(List<Yaml> items, Location location) implements Yaml {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /**
     * A YAML mapping whose keys remember where they were written.
     *
     * @param entries key to entry, in document order
     */
    record Mapping(Map<String, Entry> entries, Location location) implements Yaml {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        Optional<Yaml> get(String key) {
            return Optional.ofNullable(entries.get(key)).map(Entry::value);
        }

        /** Fails on the first key not in {@code allowed}, suggesting the closest allowed one. */
        void checkKeys(Set<String> allowed, String where) {
            for (Entry e : entries.values()) {
                if (!allowed.contains(e.key())) {
                    throw new ModelException(
                            e.keyLocation(),
                            "unknown key " + e.key() + " in " + where + Names.didYouMean(e.key(), allowed));
                }
            }
        }
    }

    /**
     * One key of a mapping with its value.
     *
     * @param key the key
     * @param keyLocation where the key is
     * @param value its value
     */
    record Entry(String key, Location keyLocation, Yaml value) {}

    /** Whether this is a mapping; otherwise fails naming what was expected. */
    default Mapping mapping(String what) {
        if (this instanceof Mapping m) {
            return m;
        }
        throw new ModelException(location(), what + " must be a mapping (key: value lines)");
    }

    default Sequence sequence(String what) {
        if (this instanceof Sequence s) {
            return s;
        }
        throw new ModelException(location(), what + " must be a list");
    }

    /** A non-null scalar as text; otherwise fails naming what was expected. */
    default String text(String what) {
        if (this instanceof Scalar s && s.value() != null) {
            return s.text();
        }
        throw new ModelException(location(), what + " must be a single value");
    }

    /** Converts to plain Java values: Map, List, String, Long, Double, Boolean, null. */
    default Object plain() {
        if (this instanceof Scalar s) {
            return s.value();
        }
        if (this instanceof Sequence s) {
            List<Object> out = new ArrayList<>();
            s.items().forEach(i -> out.add(i.plain()));
            return Collections.unmodifiableList(out);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Mapping) this).entries().forEach((k, e) -> out.put(k, e.value().plain()));
        return Collections.unmodifiableMap(out);
    }

    /** Parses a YAML document; an empty document is an empty mapping. The first problem fails the parse. */
    static Yaml parse(String file, String text) {
        return of(YamlReader.read(file, text, new YamlReader.Problems() {
            @Override
            public void duplicateKey(String key, Location at, Location first) {
                throw new ModelException(location(at), "key " + key + " is given twice");
            }

            @Override
            public void notYaml(Location at, String parserMessage) {
                // SnakeYAML indents its source excerpts; only the unindented lines describe the problem, and
                // leaving the excerpts out keeps secrets in the file out of the message.
                String problem = parserMessage == null
                        ? ""
                        : String.join(
                                ": ",
                                parserMessage
                                        .lines()
                                        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                                        .toList());
                throw new ModelException(location(at), "invalid YAML: " + problem);
            }

            @Override
            public void unreadable(IOException e) {
                throw new ModelException(new Location(file, 1, 1), "cannot read YAML: " + e.getMessage());
            }
        }));
    }

    /** Project files always have a position: a parser that gave none points at the file's start. */
    private static Location location(Location at) {
        return new Location(at.file(), Math.max(1, at.line()), Math.max(1, at.column()));
    }

    private static Yaml of(YamlNode node) {
        Location at = location(node.location());
        if (node instanceof YamlNode.Mapping m) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (YamlNode.Entry e : m.entries()) {
                entries.put(e.key(), new Entry(e.key(), location(e.keyLocation()), of(e.value())));
            }
            return new Mapping(entries, at);
        }
        if (node instanceof YamlNode.Sequence s) {
            List<Yaml> items = new ArrayList<>();
            s.items().forEach(i -> items.add(of(i)));
            return new Sequence(items, at);
        }
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        if (s.kind() == YamlNode.Scalar.Kind.STRING && !(s.value() instanceof String)) {
            throw new ModelException(at, "unsupported YAML content");
        }
        return new Scalar(s.value(), at);
    }
}
