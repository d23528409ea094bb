package dev.quarry.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
    private static final List<String> NAMES = List.of("POSTGRES", "POSTGRES_PROD", "MYSQL", "STARROCKS", "SR_DEV");

    @Test
    void typosFindTheIntendedName() {
        assertThat(Names.closest("STARROKS", NAMES)).containsExactly("STARROCKS");
        assertThat(Names.closest("mysq", NAMES)).containsExactly("MYSQL");
        assertThat(Names.closest("postgres_prd", NAMES)).first().isEqualTo("POSTGRES_PROD");
    }

    @Test
    void substringsCount() {
        assertThat(Names.closest("PROD", NAMES)).contains("POSTGRES_PROD");
    }

    @Test
    void nothingCloseMeansNoSuggestion() {
        assertThat(Names.closest("oracle", NAMES)).isEmpty();
        assertThat(Names.didYouMean("oracle", NAMES)).isEmpty();
        assertThat(Names.didYouMean("MYSLQ", NAMES)).isEqualTo(" (did you mean MYSQL?)");
    }

    @Test
    void distanceIsLevenshtein() {
        assertThat(Names.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Names.distance("", "abc")).isEqualTo(3);
        assertThat(Names.distance("same", "same")).isZero();
    }
}
