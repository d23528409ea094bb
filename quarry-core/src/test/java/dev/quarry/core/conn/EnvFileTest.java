package dev.quarry.core.conn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {
    @TempDir
    Path tmp;

    private static Map<String, String> keys(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void setCreatesDirectoryAndFileWithMode600() throws IOException {
        Path home = tmp.resolve("new-home");
        EnvFile.in(home).set("PG", keys("url", "postgresql://u:p@h:5432/db"));
        Path file = home.resolve("env.yaml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("connections:\n  PG:\n    url: \"postgresql://u:p@h:5432/db\"\n");
    }

    @Test
    void setReplacesOneEntryAndKeepsCommentsOrderAndOtherSections() throws IOException {
        Files.writeString(tmp.resolve("env.yaml"), """
                # Quarry connections
                connections:
                    # production
                    PROD:
                        url: postgresql://a@prod/db   # read replica
                    OLD:
                        type: mysql
                        host: old
                        port: 3306

                    LAST:
                        url: mysql://x@last/db
                variables:
                    env: dev
                """);
        EnvFile file = EnvFile.in(tmp);
        file.set("old", keys("type", "starrocks", "host", "sr", "password", "a \"quoted\" #pw"));
        assertThat(Files.readString(tmp.resolve("env.yaml"))).isEqualTo("""
                # Quarry connections
                connections:
                    # production
                    PROD:
                        url: postgresql://a@prod/db   # read replica
                    old:
                        type: starrocks
                        host: sr
                        password: "a \\"quoted\\" #pw"

                    LAST:
                        url: mysql://x@last/db
                variables:
                    env: dev
                """);
        Map<String, String> read = file.read().get(1).keys();
        assertThat(read).containsEntry("password", "a \"quoted\" #pw");
    }

    @Test
    void setAppendsNewEntryAtTheEndOfTheConnectionsBlock() throws IOException {
        Files.writeString(tmp.resolve("env.yaml"), "connections:\n  A:\n    url: postgresql://h/db\n\nvariables: {}\n");
        EnvFile.in(tmp).set("B", keys("type", "mysql", "host", "127.0.0.1", "port", "3306", "password", ""));
        assertThat(Files.readString(tmp.resolve("env.yaml")))
                .isEqualTo(
                        "connections:\n  A:\n    url: postgresql://h/db\n  B:\n    type: mysql\n    host: 127.0.0.1\n    port: 3306\n    password: \"\"\n\nvariables: {}\n");
    }

    @Test
    void unsetRemovesOnlyThatEntry() throws IOException {
        Files.writeString(
                tmp.resolve("env.yaml"),
                "connections:\n  A: postgresql://h/a\n  B:\n    url: postgresql://h/b\n  C: postgresql://h/c\n");
        EnvFile file = EnvFile.in(tmp);
        assertThat(file.unset("b")).isTrue();
        assertThat(file.unset("B")).isFalse();
        assertThat(Files.readString(tmp.resolve("env.yaml")))
                .isEqualTo("connections:\n  A: postgresql://h/a\n  C: postgresql://h/c\n");
    }

    @Test
    void flowStyleFileIsRewrittenButKeepsEveryConnection() throws IOException {
        Files.writeString(tmp.resolve("env.yaml"), "connections: {A: {url: \"postgresql://h/a\"}}\n");
        EnvFile file = EnvFile.in(tmp);
        file.set("B", keys("url", "mysql://h/b"));
        assertThat(file.read()).extracting(EnvFile.Entry::name).containsExactly("A", "B");
        assertThat(file.read().get(1).keys()).containsEntry("url", "mysql://h/b");
    }

    @Test
    void valuesThatYamlWouldRetypeSurviveARoundTrip() {
        EnvFile file = EnvFile.in(tmp);
        Map<String, String> wanted = keys(
                "type",
                "postgres",
                "host",
                "h",
                "password",
                "0123",
                "sslmode",
                "off",
                "user",
                "-dash",
                "database",
                "yes: no");
        file.set("PG", wanted);
        assertThat(file.read().get(0).keys()).isEqualTo(wanted);
    }
}
