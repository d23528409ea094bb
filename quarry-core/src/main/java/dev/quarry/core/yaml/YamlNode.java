package dev.quarry.core.yaml;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Location;
import java.util.List;

/** A YAML value that remembers where it was written, so every configuration error can point at its line. */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    Location location();

    /** What the user would call this node in an error message. */
    String describe();

    /**
     * A scalar as written and as YAML types it.
     *
     * @param text the text as written; null for YAML null ({@code ~}, {@code null} or nothing)
     * @param kind how YAML typed it
     * @param value the typed value: String, Long (or the text when it does not fit a long), Double, Boolean,
     *     null for YAML null; for content that is none of these (a {@code !!binary} value) Jackson's embedded object
     * @param location where the value starts
     */
    record Scalar(String text, Kind kind, Object value, Location location) implements YamlNode {
        public enum Kind {
            STRING,
            NUMBER,
            BOOLEAN,
            NULL
        }

        public Scalar {
            requireNonNull(kind, "kind is null");
            requireNonNull(location, "location is null");
            if ((text == null) != (kind == Kind.NULL)) {
                throw new IllegalArgumentException("only a NULL scalar has no text");
            }
        }

        public boolean isNull() {
            return kind == Kind.NULL;
        }

        @Override
        public String describe() {
            return isNull() ? "null" : "'" + text + "'";
        }
    }

    record Entry(String key, Location keyLocation, YamlNode value) {
        public Entry {
            requireNonNull(key, "key is null");
            requireNonNull(keyLocation, "keyLocation is null");
            requireNonNull(value, "value is null");
        }
    }

    /** A mapping in file order; a repeated key keeps its first entry (see {@link YamlReader.Problems}). */
    record Mapping(List<Entry> entries, Location location) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
            requireNonNull(location, "location is null");
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
            requireNonNull(location, "location is null");
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
