package dev.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The corpus of docs/sql.md §7: statements StarRocks accepts must parse, statements outside its grammar must fail
 * with StarRocks' syntax error form.
 */
class CorpusTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"accept-queries.sql", "accept-dml.sql", "accept-ddl.sql", "accept-views.sql", "accept-misc.sql"})
    void starRocksStatementsParse(String file) throws IOException {
        List<String> statements = statements(file);
        assertThat(statements).hasSizeGreaterThan(40);
        List<String> failures = new ArrayList<>();
        for (String sql : statements) {
            try {
                SqlParser.parseStatement(sql);
            } catch (SqlSyntaxException e) {
                failures.add(sql + "\n    -> " + e.getMessage());
            }
        }
        assertThat(failures)
                .as("statements StarRocks accepts but the parser refused")
                .isEmpty();
    }

    @Test
    void otherDialectsAreRefusedWithStarRocksMessage() throws IOException {
        List<String> statements = statements("refuse.sql");
        assertThat(statements).hasSizeGreaterThan(200);
        List<String> accepted = new ArrayList<>();
        for (String sql : statements) {
            try {
                SqlParser.parseStatement(sql);
                accepted.add(sql);
            } catch (SqlSyntaxException e) {
                assertThat(e.getMessage())
                        .as(sql)
                        .matches("Getting syntax error at line \\d+, column \\d+\\. Detail message: "
                                + "Unexpected input '.*', the most similar input is \\{.*\\}\\.");
            }
        }
        assertThat(accepted)
                .as("statements outside StarRocks' grammar that the parser accepted")
                .isEmpty();
    }

    @Test
    void corpusHasSeveralHundredStatements() throws IOException {
        int accepted = 0;
        for (String f : List.of(
                "accept-queries.sql", "accept-dml.sql", "accept-ddl.sql", "accept-views.sql", "accept-misc.sql")) {
            accepted += statements(f).size();
        }
        assertThat(accepted).isGreaterThan(500);
    }

    static List<String> statements(String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(CorpusTest.class.getResourceAsStream("/corpus/" + file), file)) {
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (!line.isBlank() && !line.startsWith("-- ")) {
                    out.add(line);
                }
            }
            return out;
        }
    }
}
