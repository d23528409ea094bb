package dev.quarry.starrocks;

/** Body formats of a Stream Load (docs/starrocks.md §1.2, header {@code format}). */
enum LoadFormat {
    /** Delimited text; NULL is {@code \N}, an empty field is an empty string. */
    CSV,
    /** One JSON object per row, or an array of objects with {@code strip_outer_array}. */
    JSON;

    String headerValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
