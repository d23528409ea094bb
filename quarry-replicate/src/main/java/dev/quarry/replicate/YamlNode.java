package dev.quarry.replicate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A YAML value that remembers where it was written, so every configuration error can point at its line. */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    Location location();

    /** What the user would call this node in an error message. */
    String describe();

    /** A scalar; {@code text} is null for YAML null ({@code ~}, {@code null} or nothing). */
    record Scalar(String text, Kind kind, Location location) implements YamlNode {
        enum Kind { STRING, NUMBER, BOOLEAN, NULL }

        public Scalar {
            requireNonNull(kind, "kind is null");
            requireNonNull(location, "location is null");
            if ((text == null) != (kind == Kind.NULL)) {
                throw new IllegalArgumentException("only a NULL scalar has no text");
            }
        }

        boolean isNull() {
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

    /** A mapping in file order. */
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
