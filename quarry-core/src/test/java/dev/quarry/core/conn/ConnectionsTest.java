package dev.quarry.core.conn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsTest {
    @TempDir
    Path home;

    private void envYaml(String text) throws IOException {
        Files.writeString(home.resolve("env.yaml"), text);
    }

    @Test
    void readsKeysAndUrlEntriesFromEnvYaml() throws IOException {
        envYaml("""
                # my connections
                connections:
                  PG:
                    type: postgres
                    host: localhost
                    port: 5433
                    user: app
                    password: "s3cr:et"
                    database: shop
                  SR:
                    url: starrocks://root:@sr.local:9030/dw
                    fe_url: http://sr.local:8030
                variables:
                  x: 1
                """);
        Connections conns = Connections.load(home, Map.of());
        ConnectionSpec pg = conns.get("PG");
        assertThat(pg.port()).isEqualTo(5433);
        assertThat(pg.password()).isEqualTo("s3cr:et");
        assertThat(conns.get("sr").type()).isEqualTo(ConnectionType.STARROCKS);
        assertThat(conns.list()).extracting(Connections.Entry::name).containsExactly("PG", "SR");
        assertThat(conns.list()).allMatch(e -> e.source() == ConnectionSource.ENV_YAML);
    }

    @Test
    void environmentVariableOverridesEnvYamlEntryOfTheSameName() throws IOException {
        envYaml("connections:\n  PG:\n    url: postgresql://a:b@yaml-host/db\n");
        Connections conns = Connections.load(home, Map.of("PG", "postgres://u:p@env-host:5544/db2", "HOME", "/root"));
        assertThat(conns.get("PG").host()).isEqualTo("env-host");
        assertThat(conns.list())
                .singleElement()
                .satisfies(e -> assertThat(e.source()).isEqualTo(ConnectionSource.ENV_VARIABLE));
    }

    @Test
    void inlineJsonOrYamlInAnEnvironmentVariable() {
        Connections conns = Connections.load(
                home,
                Map.of(
                        "SR", "{type: starrocks, url: \"starrocks://root:@h:9030/db\", fe_url: \"http://h:18030\"}",
                        "MY", "{\"type\": \"mysql\", \"host\": \"127.0.0.1\", \"port\": 3306, \"user\": \"root\"}",
                        "JSON_THING", "{\"unrelated\": true}",
                        "HTTP_PROXY", "http://proxy:3128"));
        assertThat(conns.get("SR").feUrl().getPort()).isEqualTo(18030);
        assertThat(conns.get("MY").port()).isEqualTo(3306);
        assertThat(conns.list()).extracting(Connections.Entry::name).containsExactly("MY", "SR");
    }

    @Test
    void unknownNameSuggestsCloseNames() throws IOException {
        envYaml("connections:\n  POSTGRES_PROD:\n    url: postgresql://a@h/db\n  MYSQL:\n    url: mysql://a@h/db\n");
        Connections conns = Connections.load(home, Map.of());
        assertThatThrownBy(() -> conns.get("POSTGRES_PRD"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown connection \"POSTGRES_PRD\" (did you mean POSTGRES_PROD?)");
        assertThatThrownBy(() -> conns.get("ZZZ"))
                .hasMessage("unknown connection \"ZZZ\" (defined: MYSQL, POSTGRES_PROD)");
    }

    @Test
    void invalidEntryFailsOnlyWhenUsedAndNamesFileAndLine() throws IOException {
        envYaml("""
                connections:
                  GOOD:
                    url: postgresql://a@h/db
                  BAD:
                    type: mongodb
                    host: h
                """);
        Connections conns = Connections.load(home, Map.of());
        assertThat(conns.get("GOOD").host()).isEqualTo("h");
        assertThatThrownBy(() -> conns.get("BAD"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        home.resolve("env.yaml")
                                + ":5: connection BAD: unknown connection type \"mongodb\" (known: postgres, mysql, starrocks, duckdb)");
        assertThat(conns.find("BAD").orElseThrow().typeLabel()).isEqualTo("invalid");
    }

    @Test
    void yamlSyntaxErrorNamesLineAndColumnWithoutEchoingTheLine() throws IOException {
        envYaml("connections:\n  PG:\n    password: Sekr3tValue\n   host: [unclosed\n");
        assertThatThrownBy(() -> Connections.load(home, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(home.resolve("env.yaml") + ":4:")
                .hasMessageContaining("invalid YAML")
                .hasMessageNotContaining("Sekr3tValue");
    }

    @Test
    void duplicateNamesAreReported() throws IOException {
        envYaml("connections:\n  PG:\n    url: postgresql://h/db\n  pg:\n    url: postgresql://h/db\n");
        assertThatThrownBy(() -> Connections.load(home, Map.of()))
                .hasMessage(home.resolve("env.yaml") + ":4: connection pg is defined twice (also at line 2)");
    }

    @Test
    void aKeyGivenTwiceInOneConnectionIsReportedNotOverwritten() throws IOException {
        envYaml("connections:\n  PG:\n    url: postgresql://h/db\n    user: a\n    user: b\n");
        assertThatThrownBy(() -> Connections.load(home, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(home.resolve("env.yaml") + ":5: user is given twice (also at line 4)");
    }

    @Test
    void missingFileMeansNoConnections() {
        assertThat(Connections.load(home.resolve("nowhere"), Map.of()).list()).isEmpty();
    }

    @Test
    void homeComesFromQuarryHomeElseDotQuarry() {
        assertThat(Connections.home(Map.of("QUARRY_HOME", "/opt/q"), Path.of("/home/u")))
                .isEqualTo(Path.of("/opt/q"));
        assertThat(Connections.home(Map.of(), Path.of("/home/u"))).isEqualTo(Path.of("/home/u/.quarry"));
    }
}
