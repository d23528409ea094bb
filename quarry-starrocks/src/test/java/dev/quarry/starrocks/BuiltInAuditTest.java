package dev.quarry.starrocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltInAuditTest {

    @Test
    void auditsAreFoundByTheirSqlMeshNames() {
        assertThat(BuiltInAudit.named("NOT_NULL")).contains(BuiltInAudit.NOT_NULL);
        assertThat(BuiltInAudit.named("z_score")).isEmpty();
        assertThat(BuiltInAudit.names())
                .startsWith("not_null", "unique_values")
                .endsWith("string_length_equal")
                .hasSize(13);
    }

    @Test
    void aConditionRestrictsTheAuditedRows() {
        assertThat(BuiltInAudit.ACCEPTED_RANGE.query(
                        Map.of(
                                "column",
                                "amount",
                                "min_v",
                                "0",
                                "inclusive",
                                "false",
                                "condition",
                                "ds > '2024-01-01'"),
                        "`db`.`t`"))
                .isEqualTo("SELECT * FROM `db`.`t` AS __quarry_audited WHERE (amount <= 0) AND (ds > '2024-01-01')");
        assertThat(BuiltInAudit.STRING_LENGTH_EQUAL.query(Map.of("column", "code", "v", "3"), "(SELECT 'abc' AS code)"))
                .isEqualTo("SELECT * FROM (SELECT 'abc' AS code) AS __quarry_audited WHERE CHAR_LENGTH(code) <> 3");
    }

    @Test
    void missingOrMalformedArgumentsNameTheAudit() {
        assertThatThrownBy(() -> BuiltInAudit.NOT_NULL.query(Map.of(), "`db`.`t`"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("audit not_null needs the argument columns (columns := ...)");
        assertThatThrownBy(() -> BuiltInAudit.NUMBER_OF_ROWS.query(Map.of("threshold", "ten"), "`db`.`t`"))
                .hasMessage("audit number_of_rows needs a whole number, not ten");
        assertThatThrownBy(() -> BuiltInAudit.ACCEPTED_RANGE.query(Map.of("column", "x"), "`db`.`t`"))
                .hasMessage("audit accepted_range needs min_v or max_v");
        assertThatThrownBy(() -> BuiltInAudit.FORALL.query(Map.of("criteria", "()"), "`db`.`t`"))
                .hasMessage("audit forall needs at least one criteria");
    }
}
