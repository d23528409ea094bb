package dev.quarry.models.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.sql.SqlParser;
import dev.quarry.sql.SqlSyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every model golden statement is inside StarRocks' grammar as quarry-sql reads it (docs/sql.md §7). */
class ModelGoldenGrammarTest {
    @Test
    void everyGoldenStatementParses() {
        List<String> refused = new ArrayList<>();
        for (ModelGolden.Case c : ModelGolden.CASES) {
            try {
                SqlParser.parseStatement(c.expected());
            } catch (SqlSyntaxException e) {
                refused.add(c.name() + ": " + e.getMessage() + "\n" + c.expected());
            }
        }
        assertThat(ModelGolden.CASES).isNotEmpty();
        assertThat(refused).isEmpty();
    }
}
