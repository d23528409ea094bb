package dev.quarry.replicate.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.starrocks.StarRocksType;
import org.junit.jupiter.api.Test;

class ColumnWideningTest {
    @Test
    void widensOnlyWhatTheSourceOutgrew() {
        assertThat(ColumnWidening.widen(new StarRocksType.Varchar(5), new StarRocksType.Varchar(20)))
                .contains(new StarRocksType.Varchar(20));
        assertThat(ColumnWidening.widen(new StarRocksType.Varchar(20), new StarRocksType.Varchar(5)))
                .isEmpty();
        assertThat(ColumnWidening.widen(StarRocksType.Scalar.INT, StarRocksType.Scalar.BIGINT))
                .contains(StarRocksType.Scalar.BIGINT);
        assertThat(ColumnWidening.widen(StarRocksType.Scalar.BIGINT, StarRocksType.Scalar.INT))
                .isEmpty();
        // DECIMAL(6, 2) and DECIMAL(5, 4): 4 integer digits and 4 places both fit only in DECIMAL(8, 4).
        assertThat(ColumnWidening.widen(new StarRocksType.Decimal(6, 2), new StarRocksType.Decimal(5, 4)))
                .contains(new StarRocksType.Decimal(8, 4));
        assertThat(ColumnWidening.widen(StarRocksType.Scalar.FLOAT, StarRocksType.Scalar.DOUBLE))
                .contains(StarRocksType.Scalar.DOUBLE);
        assertThat(ColumnWidening.widen(StarRocksType.Scalar.DATE, StarRocksType.Scalar.DATETIME))
                .isEmpty();
        assertThat(ColumnWidening.widen(new StarRocksType.Varchar(5), StarRocksType.Scalar.BIGINT))
                .isEmpty();
    }
}
