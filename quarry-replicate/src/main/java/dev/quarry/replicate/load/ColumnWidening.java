package dev.quarry.replicate.load;

import dev.quarry.starrocks.StarRocksType;
import java.util.List;
import java.util.Optional;

/**
 * {@code target_options.adjust_column_type} (docs/sling.md §3.2): the type a target column must grow to so that the
 * source column's values fit, when the source column became wider than the target's (a longer VARCHAR, a larger
 * integer, more DECIMAL digits, FLOAT to DOUBLE). Never narrows and never changes a type's kind.
 */
final class ColumnWidening {
    private static final List<StarRocksType.Scalar> INTEGERS = List.of(
            StarRocksType.Scalar.TINYINT,
            StarRocksType.Scalar.SMALLINT,
            StarRocksType.Scalar.INT,
            StarRocksType.Scalar.BIGINT,
            StarRocksType.Scalar.LARGEINT);

    private ColumnWidening() {}

    /** The wider type the target column needs, or empty when {@code target} already holds every {@code source} value. */
    static Optional<StarRocksType> widen(StarRocksType target, StarRocksType source) {
        if (target instanceof StarRocksType.Varchar t && source instanceof StarRocksType.Varchar s) {
            return s.length() > t.length() ? Optional.of(s) : Optional.empty();
        }
        if (target instanceof StarRocksType.Decimal t && source instanceof StarRocksType.Decimal s) {
            int scale = Math.max(t.scale(), s.scale());
            int integerDigits = Math.max(t.precision() - t.scale(), s.precision() - s.scale());
            int precision = Math.min(38, integerDigits + scale);
            return precision > t.precision() || scale > t.scale()
                    ? Optional.of(new StarRocksType.Decimal(precision, scale))
                    : Optional.empty();
        }
        int t = target instanceof StarRocksType.Scalar ts ? INTEGERS.indexOf(ts) : -1;
        int s = source instanceof StarRocksType.Scalar ss ? INTEGERS.indexOf(ss) : -1;
        if (t >= 0 && s > t) {
            return Optional.of(source);
        }
        if (target == StarRocksType.Scalar.FLOAT && source == StarRocksType.Scalar.DOUBLE) {
            return Optional.of(source);
        }
        return Optional.empty();
    }
}
