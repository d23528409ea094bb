package dev.quarry.sandbox.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static int count(String sql) {
        return Placeholders.positions(sql).size();
    }

    @Test
    void onlyPlaceholdersOutsideLiteralsNamesAndCommentsCount() {
        assertThat(count("SELECT ?, ?")).isEqualTo(2);
        assertThat(count("SELECT '?', \"?\", `?`, ?")).isEqualTo(1);
        assertThat(count("SELECT 'it''s ?', 'a\\'?', ?")).isEqualTo(1);
        assertThat(count("SELECT `a``?` FROM t WHERE x = ?")).isEqualTo(1);
        assertThat(count("SELECT ? /* ? */ # ?\n, ? -- ?\n, ?")).isEqualTo(3);
        // MySQL starts a comment with -- only when a blank follows: 1--? subtracts a negated parameter.
        assertThat(count("SELECT 1--?")).isEqualTo(1);
        assertThat(count("SELECT 'unclosed ?")).isZero();
    }

    @Test
    void bindingReplacesEachPlaceholderWithItsLiteral() {
        String sql = "SELECT ? - ?, '?' FROM t WHERE s = ?";
        List<Integer> at = Placeholders.positions(sql);
        assertThat(Placeholders.bind(sql, at, List.of("1", "(-2)", "'x\\'y'")))
                .isEqualTo("SELECT 1 - (-2), '?' FROM t WHERE s = 'x\\'y'");
    }

    @Test
    void stringParametersAreEscapedSoTheyStayOneLiteral() {
        assertThat(BinaryParams.quote("it's \\ done")).isEqualTo("'it\\'s \\\\ done'");
        assertThat(BinaryParams.fromBytes("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("'héllo'");
        // StarRocks reads malformed UTF-8 as U+FFFD; a NUL goes as to_binary of the text.
        assertThat(BinaryParams.fromBytes(new byte[] {'a', (byte) 0xff})).isEqualTo("'a\uFFFD'");
        assertThat(BinaryParams.fromBytes(new byte[] {0, 'b'})).isEqualTo("to_binary('0062', 'hex')");
    }

    @Test
    void onlyQueriesArePrepared() {
        assertThat(PreparedStatements.isQuery("  /* c */ (SELECT 1)")).isTrue();
        assertThat(PreparedStatements.isQuery("with a as (select 1) select * from a"))
                .isTrue();
        assertThat(PreparedStatements.isQuery("-- note\nVALUES (1)")).isTrue();
        assertThat(PreparedStatements.isQuery("INSERT INTO t VALUES (?)")).isFalse();
        assertThat(PreparedStatements.isQuery("SHOW TABLES")).isFalse();
        assertThat(PreparedStatements.isQuery("")).isFalse();
    }
}
