package dev.quarry.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void splitsAtTopLevelSemicolonsOnly() {
        String script = """
                -- create things; not a split
                create table t (a text);
                insert into t values ('x;y'), ('it''s');
                /* block; comment */ select "we;ird" from t;
                do $body$ begin perform 1; end $body$;
                """;
        assertThat(SqlScript.split(script, false))
                .containsExactly(
                        "-- create things; not a split\ncreate table t (a text)",
                        "insert into t values ('x;y'), ('it''s')",
                        "/* block; comment */ select \"we;ird\" from t",
                        "do $body$ begin perform 1; end $body$");
    }

    @Test
    void mysqlFamilyHasBackslashEscapesAndHashComments() {
        assertThat(SqlScript.split("select 'a\\';b'; # note; here\nselect `x;y`", true))
                .containsExactly("select 'a\\';b'", "# note; here\nselect `x;y`");
        assertThat(SqlScript.split("select 'C:\\'; select 2", false)).containsExactly("select 'C:\\'", "select 2");
    }

    @Test
    void commentOnlyAndEmptyStatementsAreDropped() {
        assertThat(SqlScript.split(";; -- just a comment\n", false)).isEmpty();
        assertThat(SqlScript.split("select 1", false)).containsExactly("select 1");
    }
}
