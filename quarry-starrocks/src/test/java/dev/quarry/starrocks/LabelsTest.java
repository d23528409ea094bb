package dev.quarry.starrocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void plainInputsGiveAReadableLabel() {
        assertThat(Labels.derive("orders", "20261121T120000", 7)).isEqualTo("orders-20261121T120000-7");
    }

    @Test
    void derivedLabelsAreDeterministicValidAndDistinct() {
        String a = Labels.derive("demo.orders", "run-1", 0);
        assertThat(a).isEqualTo(Labels.derive("demo.orders", "run-1", 0)).matches("^[-\\w]{1,128}$");
        assertThat(a).startsWith("demo_orders-run-1-").endsWith("-0");
        // Sanitising maps '.' and '_' alike; the hash keeps the two tables apart.
        assertThat(Labels.derive("demo_orders", "run-1", 0)).isNotEqualTo(a);
        Set<String> labels = new HashSet<>();
        for (int chunk = 0; chunk < 1000; chunk++) {
            labels.add(Labels.derive("demo.orders", "run-1", chunk));
        }
        assertThat(labels).hasSize(1000);
    }

    @Test
    void longAndMultibyteInputsAreShortenedButStayUnique() {
        String longName = "schéma.".repeat(40) + "tàble";
        String l1 = Labels.derive(longName, "r", 123456789);
        String l2 = Labels.derive(longName + "2", "r", 123456789);
        assertThat(l1).hasSizeLessThanOrEqualTo(128).matches("^[-\\w]{1,128}$").endsWith("-123456789");
        assertThat(l2).hasSizeLessThanOrEqualTo(128).isNotEqualTo(l1);
    }

    @Test
    void checkRejectsWhatTheFeRejects() {
        assertThat(Labels.check("a-b_C9")).isEqualTo("a-b_C9");
        assertThatThrownBy(() -> Labels.check("a.b"))
                .hasMessage(
                        "invalid load label 'a.b': StarRocks requires 1 to 128 characters of letters, digits, '_' and '-' (regex ^[-\\w]{1,128}$)");
        assertThatThrownBy(() -> Labels.check("x".repeat(129))).hasMessageStartingWith("invalid load label");
        assertThatThrownBy(() -> Labels.check("")).hasMessageStartingWith("invalid load label");
        assertThatThrownBy(() -> Labels.derive("t", "r", -1)).hasMessage("chunk number must not be negative, got -1");
    }
}
