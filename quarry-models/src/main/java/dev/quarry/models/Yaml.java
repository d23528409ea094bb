package dev.quarry.models;

import dev.quarry.core.Names;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
 * {@code config.yaml:12:5}. Jackson's tree model drops positions; this reads the token stream instead.
 */
sealed interface Yaml {

    YAMLFactory FACTORY = new YAMLFactory();

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
                    throw new ModelException(e.keyLocation(), "unknown key " + e.key() + " in " + where
                            + Names.didYouMean(e.key(), allowed));
                }
            }
        }
    }

    /**
     * @param key the key
     * @param keyLocation where the key is
     * @param value its value
     */
    record Entry(String key, Location keyLocation, Yaml value) {
    }

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

    /** Parses a YAML document; an empty document is an empty mapping. */
    static Yaml parse(String file, String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Mapping(Map.of(), new Location(file, 1, 1));
            }
            return read(file, p);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location where = at == null ? new Location(file, 1, 1) : location(file, at);
            // SnakeYAML indents its source excerpts; only the unindented lines describe the problem, and
            // leaving the excerpts out keeps secrets in the file out of the message.
            String problem = e.getOriginalMessage() == null ? "" : String.join(": ", e.getOriginalMessage().lines()
                    .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).toList());
            throw new ModelException(where, "invalid YAML: " + problem);
        } catch (IOException e) {
            throw new ModelException(new Location(file, 1, 1), "cannot read YAML: " + e.getMessage());
        }
    }

    private static Location location(String file, JsonLocation at) {
        return new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    private static Yaml read(String file, JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        Location at = location(file, p.currentTokenLocation());
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    Location keyAt = location(file, p.currentTokenLocation());
                    p.nextToken();
                    Yaml value = read(file, p);
                    if (entries.put(key, new Entry(key, keyAt, value)) != null) {
                        throw new ModelException(keyAt, "key " + key + " is given twice");
                    }
                }
                return new Mapping(entries, at);
            }
            case START_ARRAY -> {
                List<Yaml> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(file, p));
                }
                return new Sequence(items, at);
            }
            case VALUE_STRING -> {
                return new Scalar(p.getText(), at);
            }
            case VALUE_NUMBER_INT -> {
                return new Scalar(p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getText() : (Object) p.getLongValue(), at);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Scalar(p.getDoubleValue(), at);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(p.getBooleanValue(), at);
            }
            case VALUE_NULL -> {
                return new Scalar(null, at);
            }
            default -> throw new ModelException(at, "unsupported YAML content");
        }
    }
}
