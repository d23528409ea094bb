package dev.quarry.sandbox.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.quarry.sandbox.engine.AppendResult.RejectedRow;
import dev.quarry.sandbox.engine.SqlError;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Streaming JSON loads: a sequence of root values, each an object (one row) or, with {@code strip_outer_array},
 * an array of objects; {@code json_root} picks a sub-node first; {@code jsonpaths} pick fields by path, else
 * fields are matched to source columns by key.
 */
final class JsonRowReader implements RowReader {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            // 12.30 must reach a DECIMAL column as written, not as 12.3.
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private final JsonParser parser;
    private final LoadOptions options;
    private final List<String> columns;
    /** Elements still to emit from a root value that was read whole (json_root). */
    private final Deque<JsonNode> pending = new ArrayDeque<>();

    private boolean inOuterArray;
    private boolean ended;

    JsonRowReader(LoadOptions options, InputStream in, List<String> sourceColumns) throws IOException {
        this.options = options;
        this.columns = List.copyOf(sourceColumns);
        this.parser = MAPPER.getFactory().createParser(in);
    }

    @Override
    public Chunk next(int maxRows) throws IOException, SqlError {
        if (ended) {
            return null;
        }
        List<String[]> rows = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>(0);
        try {
            while (rows.size() + rejected.size() < maxRows) {
                JsonNode node = nextRowNode(rejected);
                if (node == null) {
                    if (ended) {
                        break;
                    }
                    continue;
                }
                if (!node.isObject()) {
                    rejected.add(new RejectedRow(node.toString(), "JSON data is not an object"));
                    continue;
                }
                rows.add(fields(node));
                nodes.add(node);
            }
        } catch (JsonProcessingException e) {
            throw SqlError.of("Failed to parse json: " + e.getOriginalMessage());
        }
        if (ended && rows.isEmpty() && rejected.isEmpty()) {
            return null;
        }
        return new Chunk(rows, nodes.stream().map(JsonNode::toString).toList(), rejected);
    }

    /** The next candidate row, or null (with {@code ended} set at the end, or after recording a rejection). */
    private JsonNode nextRowNode(List<RejectedRow> rejected) throws IOException {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        if (inOuterArray) {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                inOuterArray = false;
                return null;
            }
            return parser.readValueAsTree();
        }
        JsonToken t = parser.nextToken();
        if (t == null) {
            ended = true;
            return null;
        }
        if (options.jsonRoot() == null && options.stripOuterArray() && t == JsonToken.START_ARRAY) {
            inOuterArray = true;
            return null;
        }
        JsonNode root = parser.readValueAsTree();
        if (options.jsonRoot() != null) {
            JsonNode sub = root.at(options.jsonRoot());
            if (sub.isMissingNode()) {
                rejected.add(new RejectedRow(root.toString(), "JSON Root not found"));
                return null;
            }
            root = sub;
        }
        if (root.isArray()) {
            if (!options.stripOuterArray()) {
                rejected.add(
                        new RejectedRow(root.toString(), "JSON data is an array, strip_outer_array must be set true"));
                return null;
            }
            for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
                pending.add(it.next());
            }
            return pending.poll();
        }
        return root;
    }

    private String[] fields(JsonNode row) {
        List<String> paths = options.jsonPaths();
        String[] out = new String[columns.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v;
            if (paths != null) {
                v = i < paths.size() ? row.at(paths.get(i)) : null;
            } else {
                v = row.get(columns.get(i));
                if (v == null) {
                    v = caseInsensitive(row, columns.get(i));
                }
            }
            out[i] = text(v);
        }
        return out;
    }

    private static JsonNode caseInsensitive(JsonNode row, String name) {
        for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.equalsIgnoreCase(name)) {
                return row.get(key);
            }
        }
        return null;
    }

    private static String text(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBigDecimal()) {
            return v.decimalValue().toPlainString();
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        return v.toString();
    }
}
