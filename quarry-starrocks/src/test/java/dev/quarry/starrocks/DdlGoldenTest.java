package dev.quarry.starrocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DdlGoldenTest {

    static Stream<GoldenDdl.Case> cases() {
        return GoldenDdl.CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersExactly(GoldenDdl.Case c) {
        assertThat(c.render().apply(StarRocksDialect.latest())).isEqualTo(c.expected());
    }
}
