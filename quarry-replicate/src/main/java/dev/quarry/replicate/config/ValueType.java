package dev.quarry.replicate.config;

import dev.quarry.core.FileText;
import dev.quarry.core.Location;
import dev.quarry.core.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The value types configuration keys take, each knowing how to read itself from YAML. */
enum ValueType {
    STRING("a string") {
        @Override
        Object read(YamlNode node, Reading r) {
            return r.scalarText(node, this);
        }
    },
    BOOLEAN("true or false") {
        @Override
        Object read(YamlNode node, Reading r) {
            String text = r.scalarText(node, this);
            if (text == null) {
                return null;
            }
            return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> r.wrong(node, this);
            };
        }
    },
    INTEGER("a whole number") {
        @Override
        Object read(YamlNode node, Reading r) {
            String text = r.scalarText(node, this);
            if (text == null) {
                return null;
            }
            try {
                return Long.valueOf(text.trim().replace("_", ""));
            } catch (NumberFormatException e) {
                return r.wrong(node, this);
            }
        }
    },
    NUMBER("a number") {
        @Override
        Object read(YamlNode node, Reading r) {
            String text = r.scalarText(node, this);
            if (text == null) {
                return null;
            }
            try {
                return Double.valueOf(text.trim());
            } catch (NumberFormatException e) {
                return r.wrong(node, this);
            }
        }
    },
    /** A list of names: {@code [a, b]}, {@code a} or {@code "a,b"} (Sling accepts all three for primary_key). */
    NAME_LIST("a name, a list of names or \"a,b\"") {
        @Override
        Object read(YamlNode node, Reading r) {
            if (node instanceof YamlNode.Sequence sequence) {
                List<String> names = new ArrayList<>();
                for (YamlNode item : sequence.items()) {
                    String text = r.scalarText(item, this);
                    if (text != null) {
                        names.addAll(splitNames(text));
                    }
                }
                return List.copyOf(names);
            }
            String text = r.scalarText(node, this);
            return text == null ? null : List.copyOf(splitNames(text));
        }
    },
    /** A mapping of string to string ({@code properties}, {@code columns}). */
    STRING_MAP("a mapping of names to values") {
        @Override
        Object read(YamlNode node, Reading r) {
            if (!(node instanceof YamlNode.Mapping mapping)) {
                return r.wrong(node, this);
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (YamlNode.Entry e : mapping.entries()) {
                String text = r.scalarText(e.value(), STRING);
                if (text != null) {
                    map.put(e.key(), text);
                }
            }
            return java.util.Collections.unmodifiableMap(map);
        }
    },
    /** A mapping of names to name lists ({@code table_keys: {primary: [id]}}). */
    NAME_LIST_MAP("a mapping of key types to column lists") {
        @Override
        Object read(YamlNode node, Reading r) {
            if (!(node instanceof YamlNode.Mapping mapping)) {
                return r.wrong(node, this);
            }
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (YamlNode.Entry e : mapping.entries()) {
                @SuppressWarnings("unchecked")
                List<String> names = (List<String>) NAME_LIST.read(e.value(), r);
                if (names != null) {
                    map.put(e.key(), names);
                }
            }
            return java.util.Collections.unmodifiableMap(map);
        }
    },
    /** SQL text, inline or {@code file://path} (relative to the replication file). */
    SQL("SQL text or file://path.sql") {
        @Override
        Object read(YamlNode node, Reading r) {
            String text = r.scalarText(node, this);
            if (text == null || !text.startsWith("file://")) {
                return text;
            }
            Path path = r.baseDir().resolve(text.substring("file://".length()));
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                r.errors()
                        .add(
                                node.location(),
                                "SQL file " + text.substring("file://".length()) + " "
                                        + FileText.problem(path, e) + " (looked for "
                                        + path.toAbsolutePath().normalize()
                                        + ")");
                return null;
            }
        }
    };

    private final String expected;

    ValueType(String expected) {
        this.expected = expected;
    }

    String expected() {
        return expected;
    }

    /** The converted value, or null after recording an error in {@code r}. */
    abstract Object read(YamlNode node, Reading r);

    static List<String> splitNames(String text) {
        List<String> names = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String name = part.trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** What a conversion needs: error sink, ${VAR} expansion, the directory file:// paths are relative to. */
    interface Reading {
        ConfigErrors errors();

        Path baseDir();

        /** Expands ${VAR}; records an error for an undefined variable. */
        String expand(String text, Location at);

        /** A scalar's expanded text, or null after recording an error for a mapping or list. */
        default String scalarText(YamlNode node, ValueType type) {
            if (!(node instanceof YamlNode.Scalar scalar)) {
                wrong(node, type);
                return null;
            }

            return scalar.isNull() ? null : expand(scalar.text(), node.location());
        }

        default Object wrong(YamlNode node, ValueType type) {
            errors().add(node.location(), "expected " + type.expected() + ", got " + node.describe());
            return null;
        }
    }
}
