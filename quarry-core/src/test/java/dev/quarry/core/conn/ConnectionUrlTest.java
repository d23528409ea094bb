package dev.quarry.core.conn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionUrlTest {
    @Test
    void postgresUrlWithEncodedSpecialCharactersInUserAndPassword() {
        Map<String, String> keys = ConnectionUrl.parse(
                "postgresql://app%2Buser:p%40ss%3Aw%2Frd%25%C3%A9@db.example.com:6543/sales?sslmode=disable", "test");
        assertThat(keys)
                .containsEntry("type", "postgres")
                .containsEntry("user", "app+user")
                .containsEntry("password", "p@ss:w/rd%é")
                .containsEntry("host", "db.example.com")
                .containsEntry("port", "6543")
                .containsEntry("database", "sales")
                .containsEntry("sslmode", "disable");
    }

    @Test
    void plusSignStaysAPlus() {
        assertThat(ConnectionUrl.parse("mysql://u:a+b@h/db", "t")).containsEntry("password", "a+b");
    }

    @Test
    void unencodedAtSignInPasswordEndsAtTheLastAt() {
        Map<String, String> keys = ConnectionUrl.parse("postgres://u:p@ss@localhost/db", "t");
        assertThat(keys).containsEntry("password", "p@ss").containsEntry("host", "localhost");
    }

    @Test
    void starrocksUrlWithEmptyPasswordAndNoDatabase() {
        Map<String, String> keys = ConnectionUrl.parse("starrocks://root:@fe.internal:9030/", "t");
        assertThat(keys)
                .containsEntry("type", "starrocks")
                .containsEntry("user", "root")
                .containsEntry("password", "")
                .containsEntry("port", "9030")
                .doesNotContainKey("database");
    }

    @Test
    void mariadbSchemeIsMysqlAndIpv6HostsWork() {
        Map<String, String> keys = ConnectionUrl.parse("mariadb://root@[::1]:3307/test", "t");
        assertThat(keys)
                .containsEntry("type", "mysql")
                .containsEntry("host", "::1")
                .containsEntry("port", "3307");
    }

    @Test
    void duckdbUrlIsAFilePath() {
        assertThat(ConnectionUrl.parse("duckdb:///var/data/warehouse.duckdb", "t"))
                .containsEntry("type", "duckdb")
                .containsEntry("database", "/var/data/warehouse.duckdb");
        assertThat(ConnectionUrl.parse("duckdb://local.db", "t")).containsEntry("database", "local.db");
    }

    @Test
    void nonNumericPortIsRejectedWithoutShowingThePassword() {
        assertThatThrownBy(
                        () -> ConnectionUrl.parse("postgresql://u:Sup3rSecret@host:54x2/db", "environment variable PG"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("environment variable PG")
                .hasMessageContaining("port \"54x2\" is not a number")
                .hasMessageContaining("postgresql://u:****@host:54x2/db")
                .hasMessageNotContaining("Sup3rSecret");
    }

    @Test
    void badPercentEscapeNamesThePartButNotTheValue() {
        assertThatThrownBy(() -> ConnectionUrl.parse("postgresql://u:100%sure@host/db", "t"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad %-escape in the password")
                .hasMessageNotContaining("100%sure");
    }

    @Test
    void unknownSchemeListsTheKnownTypes() {
        assertThatThrownBy(() -> ConnectionUrl.parse("oracle://u:p@h/db", "env.yaml:3"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "env.yaml:3: unknown connection type \"oracle\" (known: postgres, mysql, starrocks, duckdb)");
    }

    @Test
    void missingHostIsMalformed() {
        assertThatThrownBy(() -> ConnectionUrl.parse("mysql://user:pw@/db", "t"))
                .hasMessageContaining("no host");
    }

    @Test
    void onlyKnownSchemesQualifyAsConnectionUrls() {
        assertThat(ConnectionUrl.looksLikeConnectionUrl("postgres://h/db")).isTrue();
        assertThat(ConnectionUrl.looksLikeConnectionUrl("STARROCKS://h")).isTrue();
        assertThat(ConnectionUrl.looksLikeConnectionUrl("http://proxy:3128")).isFalse();
        assertThat(ConnectionUrl.looksLikeConnectionUrl("/usr/bin:/bin")).isFalse();
    }
}
