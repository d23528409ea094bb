package dev.quarry.sandbox.load;

import dev.quarry.sandbox.engine.SqlError;
import java.util.Locale;

/** The {@code format} header's values the sandbox accepts (docs/starrocks.md §1.2). */
public enum LoadFormat {
    CSV,
    JSON,
    /** gzip-compressed CSV, as StarRocks' BE accepts it. */
    GZIP;

    /** Case-insensitive, like the BE's parse_format; absent means CSV. */
    public static LoadFormat parse(String header) throws SqlError {
        if (header == null || header.isEmpty()) {
            return CSV;
        }
        return switch (header.toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "json" -> JSON;
            case "gzip" -> GZIP;
            // bzip2, lz4, deflate and zstd are valid on StarRocks but have no decoder in the JDK.
            case "bzip2", "lz4", "deflate", "zstd" ->
                throw SqlError.of(
                        "the sandbox does not support format=" + header + " (StarRocks does); use CSV, JSON or gzip");
            default -> throw SqlError.of("unknown data format, format=" + header);
        };
    }
}
