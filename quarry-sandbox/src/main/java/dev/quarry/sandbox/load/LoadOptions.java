package dev.quarry.sandbox.load;

import dev.quarry.sandbox.engine.SqlError;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A Stream Load's headers, parsed and checked (docs/starrocks.md §1.2). Errors carry StarRocks' texts where
 * those are known.
 *
 * @param label the {@code label} header, or a generated UUID when absent (as the BE does)
 * @param columns the {@code columns} header, or {@code null}: fields map to the table's columns in order
 * @param jsonPaths the {@code jsonPaths} header as JSON pointers, or {@code null}
 * @param jsonRoot the {@code json_root} header as a JSON pointer, or {@code null}
 * @param compression the transport compression of the body ({@code compression} or {@code Content-Encoding}
 *     header), lower case, or {@code null} for none
 */
public record LoadOptions(
        String label,
        LoadFormat format,
        Separator columnSeparator,
        Separator rowDelimiter,
        int enclose,
        int escape,
        int skipHeader,
        boolean trimSpace,
        ColumnMapping columns,
        String where,
        double maxFilterRatio,
        boolean strictMode,
        String timezone,
        int timeoutSeconds,
        boolean stripOuterArray,
        List<String> jsonPaths,
        String jsonRoot,
        boolean partialUpdate,
        String mergeCondition,
        boolean ignoreJsonSize,
        String compression) {
    // FeNameFormat's label rule; Java's \w is ASCII-only like StarRocks'.
    private static final Pattern LABEL = Pattern.compile("^[-\\w]{1,128}$");
    /** FE {@code stream_load_default_timeout_second}. */
    static final int DEFAULT_TIMEOUT_SECONDS = 600;

    public LoadOptions {
        Objects.requireNonNull(columnSeparator, "columnSeparator is null");
        Objects.requireNonNull(rowDelimiter, "rowDelimiter is null");
        jsonPaths = jsonPaths == null ? null : List.copyOf(jsonPaths);
    }

    /** Checks only the label (the transaction interface needs nothing else on begin/commit/rollback). */
    public static String label(String header, boolean generateWhenAbsent) throws SqlError {
        if (header == null || header.isEmpty()) {
            if (generateWhenAbsent) {
                return UUID.randomUUID().toString();
            }
            throw SqlError.of("empty label.");
        }
        if (!LABEL.matcher(header).matches()) {
            throw SqlError.of("Label format error. regex: ^[-\\w]{1,128}$, label: " + header);
        }
        return header;
    }

    /** Parses every header a load understands; {@code headers} looks a header up case-insensitively. */
    public static LoadOptions parse(Function<String, String> headers) throws SqlError {
        String label = label(headers.apply("label"), true);
        LoadFormat format = LoadFormat.parse(headers.apply("format"));
        Separator columnSeparator = Separator.parse(headers.apply("column_separator"), "\t", "column_separator");
        Separator rowDelimiter = Separator.parse(headers.apply("row_delimiter"), "\n", "row_delimiter");
        int enclose = Separator.singleByte(headers.apply("enclose"), "enclose");
        int escape = Separator.singleByte(headers.apply("escape"), "escape");
        int skipHeader = nonNegativeInt(headers.apply("skip_header"), 0, "skip_header");
        boolean trimSpace = bool(headers.apply("trim_space"), false, "trim_space");
        String columnsHeader = headers.apply("columns");
        ColumnMapping columns =
                columnsHeader == null || columnsHeader.isBlank() ? null : ColumnMapping.parse(columnsHeader);
        String where = ColumnMapping.checkWhere(blankToNull(headers.apply("where")));
        double maxFilterRatio = ratio(headers.apply("max_filter_ratio"));
        String strict = headers.apply("strict_mode");
        boolean strictMode;
        if (strict == null || strict.isEmpty()) {
            strictMode = false;
        } else if (strict.equalsIgnoreCase("true") || strict.equalsIgnoreCase("false")) {
            strictMode = Boolean.parseBoolean(strict.toLowerCase(Locale.ROOT));
        } else {
            throw SqlError.of("Invalid strict mode format. Must be bool type");
        }
        String timezone = headers.apply("timezone");
        if (timezone == null || timezone.isEmpty()) {
            timezone = "Asia/Shanghai";
        } else {
            try {
                ZoneId.of(timezone);
            } catch (DateTimeException e) {
                throw SqlError.of("Unknown or incorrect time zone: '" + timezone + "'");
            }
        }
        String timeoutHeader = headers.apply("timeout");
        int timeout = DEFAULT_TIMEOUT_SECONDS;
        if (timeoutHeader != null && !timeoutHeader.isEmpty()) {
            try {
                timeout = Integer.parseInt(timeoutHeader.trim());
            } catch (NumberFormatException e) {
                throw SqlError.of("Invalid timeout format");
            }
            if (timeout < 1 || timeout > 259200) {
                throw SqlError.of("timeout must be between 1 and 259200 seconds, got " + timeout);
            }
        }
        boolean strip = bool(headers.apply("strip_outer_array"), false, "strip_outer_array");
        List<String> jsonPaths = jsonPaths(headers.apply("jsonpaths"));
        String jsonRootHeader = blankToNull(headers.apply("json_root"));
        String jsonRoot = jsonRootHeader == null ? null : JsonPath.toPointer(jsonRootHeader);
        boolean partialUpdate = bool(headers.apply("partial_update"), false, "partial_update");
        String mergeCondition = blankToNull(headers.apply("merge_condition"));
        boolean ignoreJsonSize = bool(headers.apply("ignore_json_size"), false, "ignore_json_size");
        String compression = compression(headers);
        return new LoadOptions(
                label,
                format,
                columnSeparator,
                rowDelimiter,
                enclose,
                escape,
                skipHeader,
                trimSpace,
                columns,
                where,
                maxFilterRatio,
                strictMode,
                timezone,
                timeout,
                strip,
                jsonPaths,
                jsonRoot,
                partialUpdate,
                mergeCondition,
                ignoreJsonSize,
                compression);
    }

    /**
     * The {@code compression} header (or {@code Content-Encoding}): GZIP and DEFLATE bodies are decompressed as they
     * are read; BZIP2, LZ4_FRAME and ZSTD are valid on StarRocks (3.2.7 and later, docs/starrocks.md §1.2) but have no
     * decoder in the JDK.
     */
    private static String compression(Function<String, String> headers) throws SqlError {
        String value = blankToNull(headers.apply("compression"));
        if (value == null) {
            value = blankToNull(headers.apply("content-encoding"));
        }
        if (value == null) {
            return null;
        }
        String c = value.toLowerCase(Locale.ROOT);
        return switch (c) {
            case "gzip", "deflate" -> c;
            case "identity" -> null;
            case "bzip2", "lz4_frame", "lz4", "zstd", "snappy" ->
                throw SqlError.of("the sandbox does not support compression=" + value
                        + " (StarRocks does); use gzip or deflate, or send the body uncompressed");
            default -> throw SqlError.of("unknown compression type: " + value);
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static boolean bool(String value, boolean fallback, String name) throws SqlError {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw SqlError.of("Invalid " + name + " format. Must be bool type, got '" + value + "'");
    }

    private static int nonNegativeInt(String value, int fallback, String name) throws SqlError {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SqlError.of("Invalid " + name + ": '" + value + "', expected a non-negative integer");
    }

    private static double ratio(String value) throws SqlError {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            double r = Double.parseDouble(value.trim());
            if (r >= 0 && r <= 1) {
                return r;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SqlError.of("Invalid max_filter_ratio: '" + value + "', expected a number between 0 and 1");
    }

    private static List<String> jsonPaths(String header) throws SqlError {
        if (header == null || header.isBlank()) {
            return null;
        }
        List<String> pointers = new ArrayList<>();
        try {
            com.fasterxml.jackson.databind.JsonNode node = JsonRowReader.MAPPER.readTree(header);
            if (!node.isArray()) {
                throw SqlError.of("Invalid jsonpaths: " + header);
            }
            for (com.fasterxml.jackson.databind.JsonNode path : node) {
                if (!path.isTextual()) {
                    throw SqlError.of("Invalid jsonpaths: " + header);
                }
                pointers.add(JsonPath.toPointer(path.asText()));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SqlError.of("Invalid jsonpaths: " + header);
        }
        return pointers;
    }
}
