package dev.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Line, column and wording of syntax errors (docs/sql.md §4). */
class SyntaxErrorTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                // StarRocks' keyword reference shows this exact error.
                "CREATE DATABASE LIKE|1|16|LIKE|a legal identifier",
                "SELECT * FROM t WHERE a ILIKE 'x'|1|24|ILIKE|<EOF>",
                "SELECT a::int4 FROM t|1|8|::|<EOF>",
                "CREATE TABLE t (a DATETIME(6))|1|26|(|')'",
                "SELECT now() + INTERVAL 1 DAYS|1|26|DAYS|'YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND'",
                "CREATE TABLE t (a INT) DISTRIBUTED BY HASH(a) BUCKETS AUTO|1|54|AUTO|an integer",
                "ALTER TABLE t RENAME TO t2|1|21|TO|a legal identifier",
                "TRUNCATE t|1|9|t|'TABLE'",
                "SELECT * FROM \"t\"|1|14|\"t\"|a legal identifier",
                "CREATE OR REPLACE TABLE t (a INT)|1|18|TABLE|'VIEW'",
                "SELECT 1; SELECT 2|1|8|;|<EOF>",
                "SELECT a FROM t LIMIT ALL|1|22|ALL|an integer",
                "SELECT a IS DISTINCT FROM b FROM t|1|12|DISTINCT|'NOT', 'NULL'",
                "CREATE MATERIALIZED VIEW mv REFRESH DEFERRED PROPERTIES ('a' = 'b') AS SELECT 1|1|45|PROPERTIES|'ASYNC', 'MANUAL', 'INCREMENTAL'",
            })
    void errorsNameTheTokenWhereItStands(String sql, int line, int column, String token, String expected) {
        assertThatThrownBy(() -> SqlParser.parseStatement(sql)).isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.getMessage())
                    .isEqualTo("Getting syntax error at line " + line + ", column " + column
                            + ". Detail message: Unexpected input '" + token
                            + "', the most similar input is {" + expected + "}.");
        });
    }

    @Test
    void linesAndColumnsCountFromTheStartOfTheirLine() {
        String sql = "SELECT a,\n  b\nFROM t\n   WHERE c ~ 'x'";
        assertThatThrownBy(() -> SqlParser.parseStatement(sql)).isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo(11);
            assertThat(e.detail()).startsWith("Unexpected input '~'");
        });
    }

    @Test
    void linesInsideStringsAndCommentsAreCounted() {
        String sql = "SELECT 'two\nlines' /* and\na comment */, -- note\n  FROM";
        assertThatThrownBy(() -> SqlParser.parseStatement(sql)).isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo(2);
            assertThat(e.detail()).isEqualTo("Unexpected input 'FROM', the most similar input is {an expression}.");
        });
    }

    @Test
    void emptyInputAsksForAStatement() {
        assertThatThrownBy(() -> SqlParser.parseStatement("  -- nothing\n"))
                .hasMessage("Getting syntax error at line 2, column 0. Detail message: Unexpected input '<EOF>', "
                        + "the most similar input is {a statement}.");
    }
}
