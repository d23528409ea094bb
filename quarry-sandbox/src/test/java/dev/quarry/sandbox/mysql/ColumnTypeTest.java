package dev.quarry.sandbox.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.sandbox.engine.SqlType;
import org.junit.jupiter.api.Test;

class ColumnTypeTest {

    @Test
    void everyStarRocksTypeHasAWireType() {
        for (SqlType t : SqlType.values()) {
            assertThat(ColumnType.of(t)).as(t.name()).isNotNull();
        }
    }

    @Test
    void numbersAreBinaryCharsetWithNumFlagStringsAreUtf8() {
        assertThat(ColumnType.of(SqlType.INT).code).isEqualTo(0x03);
        assertThat(ColumnType.of(SqlType.INT).charset()).isEqualTo(63);
        assertThat(ColumnType.of(SqlType.INT).flags(false))
                .isEqualTo(ColumnType.NOT_NULL_FLAG | ColumnType.BINARY_FLAG | ColumnType.NUM_FLAG);
        assertThat(ColumnType.of(SqlType.DECIMAL).code).isEqualTo(0xf6);
        assertThat(ColumnType.of(SqlType.VARCHAR).charset()).isEqualTo(33);
        assertThat(ColumnType.of(SqlType.VARCHAR).flags(true)).isZero();
        // 128-bit LARGEINT travels as a string so drivers never overflow a long.
        assertThat(ColumnType.of(SqlType.LARGEINT).charset()).isEqualTo(33);
        assertThat(ColumnType.of(SqlType.DATETIME).code).isEqualTo(0x0c);
    }
}
