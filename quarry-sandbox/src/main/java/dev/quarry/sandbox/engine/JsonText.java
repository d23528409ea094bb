package dev.quarry.sandbox.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** StarRocks prints JSON values with a space after ':' and ',' (e.g. {@code {"a": 1, "b": [1, 2]}}). */
final class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {}

    static String normalize(String text) {
        if (text == null) {
            return null;
        }
        try {
            StringBuilder b = new StringBuilder(text.length() + 16);
            write(JSON.readTree(text), b);
            return b.toString();
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static void write(JsonNode n, StringBuilder b) throws JsonProcessingException {
        if (n.isObject()) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                b.append(JSON.writeValueAsString(e.getKey())).append(": ");
                write(e.getValue(), b);
            }
            b.append('}');
        } else if (n.isArray()) {
            b.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                write(n.get(i), b);
            }
            b.append(']');
        } else {
            b.append(JSON.writeValueAsString(n));
        }
    }
}
