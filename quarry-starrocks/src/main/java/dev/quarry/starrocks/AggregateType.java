package dev.quarry.starrocks;

/** Aggregation of a value column in an AGGREGATE KEY table (docs/starrocks.md §3.1). */
public enum AggregateType {
    SUM,
    MAX,
    MIN,
    REPLACE,
    REPLACE_IF_NOT_NULL,
    HLL_UNION,
    BITMAP_UNION,
    PERCENTILE_UNION;

    /** Whether StarRocks accepts this aggregation on a column of {@code type}. */
    boolean accepts(StarRocksType type) {
        return switch (this) {
            case SUM -> type.numeric();
            case MAX, MIN -> type.keyCapable() || type.numeric();
            case HLL_UNION -> type == StarRocksType.Scalar.HLL;
            case BITMAP_UNION -> type == StarRocksType.Scalar.BITMAP;
            case PERCENTILE_UNION -> type == StarRocksType.Scalar.PERCENTILE;
            case REPLACE, REPLACE_IF_NOT_NULL -> true;
            default -> throw new AssertionError(this);
        };
    }
}
