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
        switch (this) {
            case SUM:
                return type.numeric();
            case MAX:
            case MIN:
                return type.keyCapable() || type.numeric();
            case HLL_UNION:
                return type == StarRocksType.Scalar.HLL;
            case BITMAP_UNION:
                return type == StarRocksType.Scalar.BITMAP;
            case PERCENTILE_UNION:
                return type == StarRocksType.Scalar.PERCENTILE;
            case REPLACE:
            case REPLACE_IF_NOT_NULL:
                return true;
            default:
                throw new AssertionError(this);
        }
    }
}
