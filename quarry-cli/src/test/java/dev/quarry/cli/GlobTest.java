package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {
    @Test
    void schemaDotTableWithWildcardsIgnoringCase() {
        ConnsCommand.Glob glob = ConnsCommand.Glob.parse("Public.order*");
        assertThat(glob.matches("public", "orders")).isTrue();
        assertThat(glob.matches("public", "ORDER_ITEMS")).isTrue();
        assertThat(glob.matches("public", "my_orders")).isFalse();
        assertThat(glob.matches("sales", "orders")).isFalse();
        assertThat(glob.schemaIsWildcard()).isFalse();
    }

    @Test
    void patternWithoutDotMatchesTablesInEverySchema() {
        ConnsCommand.Glob glob = ConnsCommand.Glob.parse("*_log");
        assertThat(glob.matches("a", "event_log")).isTrue();
        assertThat(glob.matches("b", "audit_log")).isTrue();
        assertThat(glob.matches("b", "log_archive")).isFalse();
        assertThat(glob.schemaIsWildcard()).isTrue();
    }

    @Test
    void regexCharactersAreLiteral() {
        ConnsCommand.Glob glob = ConnsCommand.Glob.parse("s.t(1)+");
        assertThat(glob.matches("s", "t(1)+")).isTrue();
        assertThat(glob.matches("s", "t11")).isFalse();
        assertThat(ConnsCommand.Glob.parse("public.").matches("public", "anything"))
                .isTrue();
    }
}
