package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data description of a Stream Load, sent as request headers (docs/starrocks.md §1.2). Immutable; each
 * {@code with...} method returns a copy.
 */
public final class LoadOptions {
    /** Headers the loader itself owns; letting callers set them would break auth, labels or framing. */
    private static final Set<String> RESERVED = Set.of(
            "authorization",
            "label",
            "expect",
            "content-length",
            "host",
            "connection",
            "transfer-encoding",
            "db",
            "table",
            "txn_op");

    private final Map<String, String> headers;

    private LoadOptions(Map<String, String> headers) {
        this.headers = Collections.unmodifiableMap(headers);
    }

    /** CSV with StarRocks' defaults (tab separated, newline delimited). */
    public static LoadOptions csv() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("format", LoadFormat.CSV.headerValue());
        return new LoadOptions(h);
    }

    /** JSON, one object per line or an array with {@link #withStripOuterArray(boolean)}. */
    public static LoadOptions json() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("format", LoadFormat.JSON.headerValue());
        return new LoadOptions(h);
    }

    /** The headers to send, in insertion order. */
    public Map<String, String> headers() {
        return headers;
    }

    public LoadOptions withColumnSeparator(String separator) {
        return with("column_separator", nonEmptyAtMost50Bytes(separator, "column_separator"));
    }

    public LoadOptions withRowDelimiter(String delimiter) {
        return with("row_delimiter", nonEmptyAtMost50Bytes(delimiter, "row_delimiter"));
    }

    /**
     * The target columns in body order, each backtick-quoted: StarRocks reads the header with its SQL grammar, where a
     * bare reserved word ({@code order}, {@code key}, {@code desc}) is a syntax error (docs/sql.md §6).
     */
    public LoadOptions withColumns(List<String> columns) {
        if (columns.isEmpty()) {
            throw new InvalidSpecException("columns must not be empty");
        }
        return with("columns", columns.stream().map(Sql::quote).collect(Collectors.joining(", ")));
    }

    /** RFC 4180 style quoting character for CSV (since 3.0). */
    public LoadOptions withEnclose(char enclose) {
        return with("enclose", String.valueOf(enclose));
    }

    public LoadOptions withEscape(char escape) {
        return with("escape", String.valueOf(escape));
    }

    /** Share of rows that may be filtered out as bad data before the load fails; StarRocks' default is 0. */
    public LoadOptions withMaxFilterRatio(double ratio) {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new InvalidSpecException("max_filter_ratio must be between 0 and 1, got " + ratio);
        }
        return with("max_filter_ratio", Double.toString(ratio));
    }

    public LoadOptions withStrictMode(boolean strict) {
        return with("strict_mode", Boolean.toString(strict));
    }

    /** Session zone for functions in column mappings; StarRocks' default is Asia/Shanghai. */
    public LoadOptions withTimezone(ZoneId zone) {
        return with("timezone", zone.getId());
    }

    /** Server-side load timeout, 1 to 259200 seconds. */
    public LoadOptions withTimeout(Duration timeout) {
        long s = timeout.toSeconds();
        if (s < 1 || s > 259_200) {
            throw new InvalidSpecException("Stream Load timeout must be 1 to 259200 seconds, got " + s);
        }
        return with("timeout", Long.toString(s));
    }

    /** Partial update of a PRIMARY KEY table: only the listed columns change. */
    public LoadOptions withPartialUpdate(boolean partial) {
        return with("partial_update", Boolean.toString(partial));
    }

    /** Conditional update on a PRIMARY KEY table: a row applies only if its value of {@code column} is not older. */
    public LoadOptions withMergeCondition(String column) {
        return with("merge_condition", requireNonNull(column, "column is null"));
    }

    public LoadOptions withStripOuterArray(boolean strip) {
        return with("strip_outer_array", Boolean.toString(strip));
    }

    /** Any other documented header, e.g. {@code skip_header} or {@code log_rejected_record_num}. */
    public LoadOptions withHeader(String name, String value) {
        requireNonNull(name, "header name is null");
        requireNonNull(value, "value of header " + name + " is null");
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new InvalidSpecException("header " + name + " is set by the Stream Load client itself");
        }
        return with(name, value);
    }

    private LoadOptions with(String name, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new InvalidSpecException("header " + name + " must not contain a line break");
        }
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new LoadOptions(h);
    }

    private static String nonEmptyAtMost50Bytes(String value, String what) {
        requireNonNull(value, what + " is null");
        if (value.isEmpty() || value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 50) {
            throw new InvalidSpecException(what + " must be 1 to 50 bytes");
        }
        // Header values cannot carry control characters; StarRocks reads "\xHH" as a hex-written delimiter.
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return headers.toString();
    }
}
