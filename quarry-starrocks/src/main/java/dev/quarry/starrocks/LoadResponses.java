package dev.quarry.starrocks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads Stream Load's JSON answers (status, transaction id, row counts) and words answers and errors for messages. */
final class LoadResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadResponses() {}

    static JsonNode parse(String body, String where) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new StreamLoadException(
                    where + ": unreadable response " + snippet(body),
                    null,
                    "UNPARSEABLE",
                    Optional.empty(),
                    List.of(),
                    false,
                    e);
        }
    }

    static Optional<String> text(JsonNode json, String... keys) {
        for (String k : keys) {
            JsonNode v = json.get(k);
            if (v != null && !v.isNull()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }

    static OptionalLong txnId(JsonNode json) {
        JsonNode v = json.get("TxnId");
        return v == null || !v.canConvertToLong() || v.asLong() < 0
                ? OptionalLong.empty()
                : OptionalLong.of(v.asLong());
    }

    static LoadResult.Counts counts(JsonNode json) {
        return new LoadResult.Counts(
                json.path("NumberTotalRows").asLong(0),
                json.path("NumberLoadedRows").asLong(0),
                json.path("NumberFilteredRows").asLong(0),
                json.path("NumberUnselectedRows").asLong(0),
                json.path("LoadBytes").asLong(0),
                json.path("LoadTimeMs").asLong(0));
    }

    /** The BE's concurrency limiter (docs/starrocks.md §1.1) asks for a retry ("please try again later", sic "cuncurrent"). */
    static boolean busy(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("try again later");
    }

    static String countsSuffix(JsonNode json) {
        if (!json.has("NumberTotalRows")) {
            return "";
        }
        LoadResult.Counts c = counts(json);
        return " (rows: " + c.totalRows() + " read, " + c.loadedRows() + " loaded, " + c.filteredRows() + " filtered)";
    }

    static String rowsSuffix(List<String> rows) {
        return rows.isEmpty() ? "" : "; first rejected rows: " + String.join(" | ", rows);
    }

    static String snippet(String body) {
        if (body == null) {
            return "";
        }
        String s = body.strip().replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
