package dev.quarry.replicate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link YamlNode}s with line and column, through Jackson's streaming YAML parser (data binding
 * would lose the locations). Duplicate keys are errors: YAML leaves them undefined and a silent "last one wins"
 * hides typos.
 */
final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String file;
    private final ConfigErrors errors;

    private YamlReader(String file, ConfigErrors errors) {
        this.file = file;
        this.errors = errors;
    }

    /** The document's root, or null (with an error recorded) when the text is not YAML. */
    static YamlNode read(String text, String file, ConfigErrors errors) {
        YamlReader reader = new YamlReader(file, errors);
        try (JsonParser parser = FACTORY.createParser(new StringReader(text))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Mapping(List.of(), new Location(file, 1, 1));
            }
            return reader.node(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            errors.add(at == null ? new Location(file, 0, 0) : reader.location(at), "not valid YAML: " + problem(e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            errors.add(new Location(file, 0, 0), "cannot read YAML: " + e.getMessage());
            return null;
        }
    }

    /** SnakeYAML's message without its multi-line source excerpt: one line, as every error should be. */
    private static String problem(String message) {
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\\R")) {
            if (line.isBlank() || line.startsWith(" in ") || line.startsWith("    ") || line.strip().equals("^")) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "; ").append(line.strip());
        }
        return out.toString();
    }

    private YamlNode node(JsonParser parser) throws IOException {
        Location at = location(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                List<YamlNode.Entry> entries = new ArrayList<>();
                Map<String, Location> seen = new HashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyAt = location(parser.currentTokenLocation());
                    parser.nextToken();
                    YamlNode value = node(parser);
                    Location first = seen.putIfAbsent(key, keyAt);
                    if (first != null) {
                        errors.add(keyAt, "duplicate key '" + key + "' (first at line " + first.line() + ")");
                    } else {
                        entries.add(new YamlNode.Entry(key, keyAt, value));
                    }
                }
                return new YamlNode.Mapping(entries, at);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser));
                }
                return new YamlNode.Sequence(items, at);
            }
            case VALUE_NULL:
                return new YamlNode.Scalar(null, YamlNode.Scalar.Kind.NULL, at);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.BOOLEAN, at);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.NUMBER, at);
            default:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.STRING, at);
        }
    }

    private Location location(JsonLocation at) {
        return new Location(file, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0));
    }
}
