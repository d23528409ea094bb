package dev.quarry.core.conn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.ConfigException;
import dev.quarry.core.Secrets;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The StarRocks connection forms Sling users bring (docs/sling.md §4.2, §4.3): every one must resolve the same way. */
class StarRocksConnectionFormsTest {
    @TempDir
    Path home;

    private Connections envYaml(String text, Map<String, String> env) throws IOException {
        Files.writeString(home.resolve("env.yaml"), text);
        return Connections.load(home, env);
    }

    @Test
    void seedFormWithCredentialsInFeUrl() throws IOException {
        ConnectionSpec sr = envYaml("""
                connections:
                  STARROCKS:
                    type: starrocks
                    url: starrocks://root:@starrocks-host:9030/sys
                    fe_url: http://root:@starrocks-host:8040
                """, Map.of()).get("STARROCKS");
        assertThat(sr.feUrl()).isEqualTo(URI.create("http://starrocks-host:8040"));
        assertThat(sr.feUser()).isEqualTo("root");
        assertThat(sr.fePassword()).isEmpty();
        assertThat(sr.host()).isEqualTo("starrocks-host");
        assertThat(sr.port()).isEqualTo(9030);
    }

    @Test
    void feUrlCredentialsWinOverTheConnectionsAndArePercentDecoded() throws IOException {
        ConnectionSpec sr = envYaml("""
                connections:
                  SR:
                    url: starrocks://reader:r3ad@h:9030/dw
                    fe_url: http://loader:l%40ad%2Bpw@h:8030/
                """, Map.of()).get("SR");
        assertThat(sr.feUrl()).isEqualTo(URI.create("http://h:8030"));
        assertThat(sr.feUser()).isEqualTo("loader");
        assertThat(sr.fePassword()).isEqualTo("l@ad+pw");
        assertThat(sr.user()).isEqualTo("reader");
    }

    @Test
    void withoutCredentialsInFeUrlStreamLoadUsesTheConnectionsUser() throws IOException {
        ConnectionSpec sr = envYaml("""
                connections:
                  SR:
                    type: starrocks
                    host: fe1
                    port: 9031
                    user: etl
                    password: Zq9-pw-fields
                    database: dw
                    fe_url: http://fe1:8031
                """, Map.of()).get("SR");
        assertThat(sr.feUrl()).isEqualTo(URI.create("http://fe1:8031"));
        assertThat(sr.feUser()).isEqualTo("etl");
        assertThat(sr.fePassword()).isEqualTo("Zq9-pw-fields");
        assertThat(sr.port()).isEqualTo(9031);
    }

    @Test
    void separateFieldsWithoutFeUrlDefaultToPort8030() throws IOException {
        ConnectionSpec sr = envYaml(
                        "connections:\n  SR:\n    type: starrocks\n    host: fe2\n    user: root\n    database: dw\n",
                        Map.of())
                .get("SR");
        assertThat(sr.feUrl()).isEqualTo(URI.create("http://fe2:8030"));
        assertThat(sr.feUser()).isEqualTo("root");
    }

    @Test
    void environmentVariableUrlAndInlineYamlAndJson() throws IOException {
        Connections conns = envYaml(
                "connections: {}\n",
                Map.of(
                        "SR", "starrocks://root:Env-Secret-1@sr-env:9030/db",
                        "SR_YAML",
                                "{type: starrocks, url: \"starrocks://root:@h:9030/db\", fe_url: \"http://root:@h:8040\"}",
                        "SR_JSON",
                                "{\"type\": \"starrocks\", \"host\": \"j\", \"user\": \"u\", \"password\": \"Json-Secret-2\","
                                        + " \"fe_url\": \"http://u:Json-Secret-2@j:8030\"}"));
        ConnectionSpec url = conns.get("SR");
        assertThat(url.host()).isEqualTo("sr-env");
        assertThat(url.password()).isEqualTo("Env-Secret-1");
        assertThat(url.feUrl()).isEqualTo(URI.create("http://sr-env:8030"));
        ConnectionSpec yaml = conns.get("SR_YAML");
        assertThat(yaml.feUrl()).isEqualTo(URI.create("http://h:8040"));
        assertThat(yaml.feUser()).isEqualTo("root");
        ConnectionSpec json = conns.get("SR_JSON");
        assertThat(json.feUrl()).isEqualTo(URI.create("http://j:8030"));
        assertThat(json.fePassword()).isEqualTo("Json-Secret-2");
    }

    @Test
    void passwordsInFeUrlAreNeverShown() throws IOException {
        ConnectionSpec sr = envYaml("""
                connections:
                  SR:
                    url: starrocks://root:@h:9030/dw
                    fe_url: http://root:Fe-Only-Secret-9@h:8030
                """, Map.of()).get("SR");
        assertThat(sr.toString()).doesNotContain("Fe-Only-Secret-9").contains("fe_url");
        assertThat(sr.feUrl().toString()).doesNotContain("Fe-Only-Secret-9");
        assertThat(Secrets.scrub("load failed at http://h:8030 with Fe-Only-Secret-9"))
                .doesNotContain("Fe-Only-Secret-9");
    }

    @Test
    void aBadFeUrlIsLocatedAndMasked() throws IOException {
        Files.writeString(home.resolve("env.yaml"), """
                connections:
                  SR:
                    url: starrocks://root:@h:9030/dw
                    fe_url: ftp://root:Bad-Url-Secret-3@h:8030
                """);
        Connections conns = Connections.load(home, Map.of());
        assertThatThrownBy(() -> conns.get("SR"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("env.yaml:4: connection SR")
                .hasMessageContaining("is not an http://host:port URL")
                .hasMessageNotContaining("Bad-Url-Secret-3");
    }
}
