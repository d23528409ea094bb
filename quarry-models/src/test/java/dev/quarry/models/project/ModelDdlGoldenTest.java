package dev.quarry.models.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.quarry.starrocks.StarRocksDialect;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ModelDdlGoldenTest {

    @TestFactory
    Stream<DynamicTest> everyMatrixRowRendersExactly() {
        StarRocksDialect dialect = StarRocksDialect.latest();
        return ModelGolden.CASES.stream()
                .map(c -> dynamicTest(c.name(), () -> {
                    String sql = c.render().apply(dialect);
                    if (System.getProperty("golden.print") != null) {
                        System.out.println("=== " + c.name() + "\n" + sql);
                    }
                    assertThat(sql).isEqualTo(c.expected());
                }));
    }
}
