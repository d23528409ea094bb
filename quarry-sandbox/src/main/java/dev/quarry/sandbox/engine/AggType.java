package dev.quarry.sandbox.engine;

/** Aggregate functions of AGGREGATE KEY value columns (docs/starrocks.md §3.1, agg_type). */
enum AggType {
    SUM,
    MAX,
    MIN,
    REPLACE,
    REPLACE_IF_NOT_NULL,
    HLL_UNION,
    BITMAP_UNION,
    PERCENTILE_UNION;

    /**
     * DuckDB expression combining the stored value {@code old} with the incoming {@code neu} (both already
     * qualified column references).
     */
    String combine(String old, String neu) {
        return switch (this) {
            // StarRocks' SUM/MAX/MIN ignore NULL inputs: NULL only when both sides are NULL.
            case SUM ->
                "CASE WHEN " + old + " IS NULL THEN " + neu + " WHEN " + neu + " IS NULL THEN " + old + " ELSE " + old
                        + " + " + neu + " END";
            case MAX ->
                "CASE WHEN " + old + " IS NULL THEN " + neu + " WHEN " + neu + " IS NULL THEN " + old
                        + " ELSE greatest(" + old + ", " + neu + ") END";
            case MIN ->
                "CASE WHEN " + old + " IS NULL THEN " + neu + " WHEN " + neu + " IS NULL THEN " + old + " ELSE least("
                        + old + ", " + neu + ") END";
            case REPLACE, HLL_UNION, BITMAP_UNION, PERCENTILE_UNION -> neu;
            case REPLACE_IF_NOT_NULL -> "coalesce(" + neu + ", " + old + ")";
        };
    }

    /** DuckDB aggregate folding many incoming rows (ordered by arrival {@code seq}) into one. */
    String fold(String col, String seq) {
        return switch (this) {
            case SUM -> "sum(" + col + ")";
            case MAX -> "max(" + col + ")";
            case MIN -> "min(" + col + ")";
            case REPLACE, HLL_UNION, BITMAP_UNION, PERCENTILE_UNION -> "arg_max(" + col + ", " + seq + ")";
            case REPLACE_IF_NOT_NULL ->
                "arg_max(" + col + ", CASE WHEN " + col + " IS NULL THEN NULL ELSE " + seq + " END)";
        };
    }
}
