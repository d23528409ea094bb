package dev.quarry.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quarry.core.Location;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link YamlNode}s with line and column, through Jackson's streaming YAML parser (data binding and
 * Jackson's tree model lose the locations). How problems become errors is the caller's: one module collects them,
 * another stops at the first.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** Receives the problems met while reading; an implementation may throw to stop reading. */
    public interface Problems {
        /**
         * A key given twice in one mapping. YAML leaves this undefined and a silent "last one wins" hides typos;
         * when this returns, the mapping keeps the first entry.
         */
        void duplicateKey(String key, Location at, Location first);

        /**
         * The text is not YAML.
         *
         * @param at where the parser stopped; line 0 when it did not say
         * @param parserMessage the parser's own message (SnakeYAML's, with its multi-line source excerpt), may be null
         */
        void notYaml(Location at, String parserMessage);

        /** Reading the text failed for a reason other than its syntax. */
        void unreadable(IOException e);
    }

    private final String file;
    private final Problems problems;

    private YamlReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /**
     * The document's root (an empty document is an empty mapping at 1:1), or null after
     * {@link Problems#notYaml} or {@link Problems#unreadable} returned.
     */
    public static YamlNode read(String file, String text, Problems problems) {
        YamlReader reader = new YamlReader(file, problems);
        try (JsonParser parser = FACTORY.createParser(new StringReader(text))) {
            if (parser.nextToken() == null) {
                return new YamlNode.Mapping(List.of(), new Location(file, 1, 1));
            }
            return reader.node(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location where = at == null ? new Location(file, 0, 0) : reader.location(at);
            Location tab = indentationTab(file, text, where.line());
            if (tab != null) {
                problems.notYaml(tab, "a TAB character in the indentation: YAML indents with spaces only");
            } else {
                problems.notYaml(where, problem(e.getOriginalMessage()));
            }
            return null;
        } catch (IOException e) {
            problems.unreadable(e);
            return null;
        }
    }

    private YamlNode node(JsonParser parser) throws IOException {
        Location at = location(parser.currentTokenLocation());
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                List<YamlNode.Entry> entries = new ArrayList<>();
                Map<String, Location> seen = new HashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyAt = location(parser.currentTokenLocation());
                    parser.nextToken();
                    YamlNode value = node(parser);
                    Location first = seen.putIfAbsent(key, keyAt);
                    if (first != null) {
                        problems.duplicateKey(key, keyAt, first);
                    } else {
                        entries.add(new YamlNode.Entry(key, keyAt, value));
                    }
                }
                return new YamlNode.Mapping(entries, at);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser));
                }
                return new YamlNode.Sequence(items, at);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, YamlNode.Scalar.Kind.NULL, null, at);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(
                        parser.getText(), YamlNode.Scalar.Kind.BOOLEAN, parser.getBooleanValue(), at);
            }
            case VALUE_NUMBER_INT -> {
                return new YamlNode.Scalar(
                        parser.getText(),
                        YamlNode.Scalar.Kind.NUMBER,
                        parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                                ? parser.getText()
                                : (Object) parser.getLongValue(),
                        at);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.NUMBER, parser.getDoubleValue(), at);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.STRING, parser.getText(), at);
            }
            default -> {
                return new YamlNode.Scalar(
                        parser.getText(),
                        YamlNode.Scalar.Kind.STRING,
                        parser.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT ? parser.getEmbeddedObject() : null,
                        at);
            }
        }
    }

    /**
     * The first TAB in a line's indentation up to the line after {@code errorLine} (all lines when it is 0). SnakeYAML
     * reports such a TAB where the previous token ended (the end of the line before), so the parser's position alone
     * points at the wrong line; YAML forbids TABs in indentation.
     */
    static Location indentationTab(String file, String text, int errorLine) {
        List<String> lines = text.lines().toList();
        int last = errorLine <= 0 ? lines.size() : Math.min(lines.size(), errorLine + 1);
        for (int i = 0; i < last; i++) {
            String line = lines.get(i);
            int tab = -1;
            int c = 0;
            while (c < line.length() && (line.charAt(c) == ' ' || line.charAt(c) == '\t')) {
                if (tab < 0 && line.charAt(c) == '\t') {
                    tab = c;
                }
                c++;
            }
            if (tab >= 0 && c < line.length() && line.charAt(c) != '#') {
                return new Location(file, i + 1, tab + 1);
            }
        }
        return null;
    }

    /**
     * SnakeYAML's message as one line: its describing lines joined, without the indented excerpts of the file (which
     * may quote secrets) and with {@code '\t(TAB)'} spelled as words.
     */
    public static String problem(String parserMessage) {
        if (parserMessage == null) {
            return "the parser gave no reason";
        }
        List<String> parts = new ArrayList<>();
        for (String line : parserMessage.lines().toList()) {
            if (line.isBlank()
                    || Character.isWhitespace(line.charAt(0))
                    || line.startsWith("in ")
                    || line.strip().equals("^")) {
                continue;
            }
            parts.add(line.strip());
        }
        return String.join("; ", parts).replace("'\\t(TAB)'", "TAB");
    }

    private Location location(JsonLocation at) {
        return new Location(file, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0));
    }
}
