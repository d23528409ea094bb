package dev.quarry.starrocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.sql.SqlParser;
import dev.quarry.sql.SqlSyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every golden statement Quarry renders is inside StarRocks' grammar as quarry-sql reads it (docs/sql.md §7). */
class GoldenDdlGrammarTest {
    @Test
    void everyGoldenStatementParses() {
        List<String> refused = new ArrayList<>();
        for (GoldenDdl.Case c : GoldenDdl.CASES) {
            try {
                SqlParser.parseStatement(c.expected());
            } catch (SqlSyntaxException e) {
                refused.add(c.name() + ": " + e.getMessage() + "\n" + c.expected());
            }
        }
        assertThat(GoldenDdl.CASES).isNotEmpty();
        assertThat(refused).isEmpty();
    }
}
