package dev.quarry.models.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestValuesTest {
    @Test
    void numbersCompareWithinSqlMeshsTolerance() {
        assertThat(TestValues.same("26.1", "26.099999999999998")).isTrue();
        assertThat(TestValues.same("2", "2.000")).isTrue();
        assertThat(TestValues.same("26.1", "26.2")).isFalse();
        assertThat(TestValues.same("0", "0.0001")).isFalse();
        assertThat(TestValues.same("NULL", "0")).isFalse();
    }

    @Test
    void aDateEqualsItsMidnight() {
        assertThat(TestValues.same("2024-01-01", "2024-01-01 00:00:00")).isTrue();
        assertThat(TestValues.same("2024-01-01", "2024-01-01 00:00:01")).isFalse();
        assertThat(TestValues.same("2024-01-01T10:00:00", "2024-01-01 10:00:00.0"))
                .isTrue();
    }

    @Test
    void castsAndQualifiedColumnsKeepTheColumnsName() {
        assertThat(TestValues.columnName("id::INT")).isEqualTo("id");
        assertThat(TestValues.columnName("CAST(id AS INT)")).isEqualTo("id");
        assertThat(TestValues.columnName("CAST(`o`.`id` AS BIGINT)")).isEqualTo("id");
        assertThat(TestValues.columnName("t.Amount")).isEqualTo("amount");
        assertThat(TestValues.columnName("sum(amount)")).isEqualTo("sum(amount)");
    }
}
