package dev.quarry.core.conn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.ConfigException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionSpecTest {
    private static ConnectionSpec spec(String name, Map<String, String> keys) {
        return ConnectionSpec.fromKeys(name, keys, key -> "env.yaml:" + (key == null ? 1 : 2));
    }

    @Test
    void keysFormWithTypeDefaults() {
        ConnectionSpec pg = spec(
                "PG",
                Map.of(
                        "type",
                        "postgres",
                        "host",
                        "localhost",
                        "user",
                        "app",
                        "password",
                        "pw-1234",
                        "database",
                        "shop"));
        assertThat(pg.type()).isEqualTo(ConnectionType.POSTGRES);
        assertThat(pg.port()).isEqualTo(5432);
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/shop");
        Properties props = pg.jdbcProperties();
        assertThat(props.getProperty("user")).isEqualTo("app");
        assertThat(props.getProperty("password")).isEqualTo("pw-1234");
        assertThat(props.getProperty("connectTimeout")).isEqualTo("5");
    }

    @Test
    void starrocksUrlPlusFeUrlExtra() {
        ConnectionSpec sr =
                spec("SR", Map.of("url", "starrocks://root:@fe1:9030/analytics", "fe_url", "http://fe1:8031"));
        assertThat(sr.type()).isEqualTo(ConnectionType.STARROCKS);
        assertThat(sr.jdbcUrl()).isEqualTo("jdbc:mysql://fe1:9030/analytics");
        assertThat(sr.jdbcProperties().getProperty("sslMode")).isEqualTo("DISABLED");
        assertThat(sr.jdbcProperties().getProperty("connectTimeout")).isEqualTo("5000");
        assertThat(sr.feUrl()).isEqualTo(URI.create("http://fe1:8031"));
    }

    @Test
    void starrocksDefaultsToPort9030AndFeOn8030() {
        ConnectionSpec sr = spec("SR", Map.of("type", "starrocks", "host", "sr.local", "user", "root"));
        assertThat(sr.port()).isEqualTo(9030);
        assertThat(sr.feUrl()).isEqualTo(URI.create("http://sr.local:8030"));
    }

    @Test
    void explicitKeysOverrideUrlParts() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("url", "mysql://reader:pw@old-host:3306/app");
        keys.put("host", "new-host");
        keys.put("sslmode", "require");
        ConnectionSpec my = spec("MY", keys);
        assertThat(my.host()).isEqualTo("new-host");
        assertThat(my.user()).isEqualTo("reader");
        assertThat(my.jdbcProperties().getProperty("sslMode")).isEqualTo("REQUIRED");
    }

    @Test
    void mariadbUrlsAreMysqlConnectionsWithSlingsTlsKey() {
        ConnectionSpec maria = spec("MY", Map.of("url", "mariadb://app:pw@db.example.com/shop?tls=skip-verify"));
        assertThat(maria.type()).isEqualTo(ConnectionType.MYSQL);
        assertThat(maria.port()).isEqualTo(3306);
        assertThat(maria.jdbcUrl()).isEqualTo("jdbc:mysql://db.example.com:3306/shop");
        Properties props = maria.jdbcProperties();
        assertThat(props.getProperty("sslMode")).isEqualTo("REQUIRED");
        assertThat(props.getProperty("characterEncoding")).isEqualTo("UTF-8");

        Map<String, String> tls = Map.of("true", "VERIFY_IDENTITY", "preferred", "PREFERRED", "false", "DISABLED");
        tls.forEach((value, mode) -> assertThat(spec("MY", Map.of("type", "mysql", "host", "h", "tls", value))
                        .jdbcProperties()
                        .getProperty("sslMode"))
                .isEqualTo(mode));
        // libpq's sslmode, which Quarry takes for every type, wins over tls.
        assertThat(spec("MY", Map.of("type", "mysql", "host", "h", "tls", "true", "sslmode", "disable"))
                        .jdbcProperties()
                        .getProperty("sslMode"))
                .isEqualTo("DISABLED");
        assertThatThrownBy(() -> spec("MY", Map.of("type", "mysql", "host", "h", "tls", "maybe"))
                        .jdbcProperties())
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown tls \"maybe\" (use true, skip-verify, preferred or false)");
    }

    @Test
    void duckdbIsAFile() {
        ConnectionSpec duck = spec("DUCK", Map.of("type", "duckdb", "instance", "/tmp/x.duckdb"));
        assertThat(duck.jdbcUrl()).isEqualTo("jdbc:duckdb:/tmp/x.duckdb");
        assertThat(duck.address()).isEqualTo("/tmp/x.duckdb");
    }

    @Test
    void toStringAndMaskedUrlHideThePassword() {
        ConnectionSpec pg =
                spec("PG", Map.of("url", "postgresql://app:Hunter2Secret@h:5432/db", "ssh_passphrase", "tok-98765"));
        assertThat(pg.toString())
                .doesNotContain("Hunter2Secret")
                .doesNotContain("tok-98765")
                .contains("app:****@h:5432");
        assertThat(pg.maskedUrl()).isEqualTo("postgres://app:****@h:5432/db");
    }

    @Test
    void aMisspelledKeyIsAnErrorWithASuggestionNotSilentlyIgnored() {
        assertThatThrownBy(() -> spec("X", Map.of("type", "postgres", "host", "h", "passwrd", "pw")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connection X: unknown key passwrd (did you mean password?)");
        assertThatThrownBy(() -> spec("X", Map.of("type", "starrocks", "host", "h", "colour", "red")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key colour (a starrocks connection takes ")
                .hasMessageContaining("fe_url");
        assertThat(spec("X", Map.of("type", "starrocks", "host", "h", "schema", "dw"))
                        .properties())
                .as("a Sling key Quarry ignores only warns")
                .containsEntry("schema", "dw");
    }

    @Test
    void missingTypeUnknownTypeAndBadPortAreConfigErrorsWithLocation() {
        assertThatThrownBy(() -> spec("X", Map.of("host", "h")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("env.yaml:1: connection X: no type");
        assertThatThrownBy(() -> spec("X", Map.of("type", "postgress", "host", "h")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown connection type \"postgress\"");
        assertThatThrownBy(() -> spec("X", Map.of("type", "mysql", "host", "h", "port", "70000")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("env.yaml:2: connection X: port \"70000\" is not a number in 1..65535");
        assertThatThrownBy(() -> spec("X", Map.of("type", "mysql")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no host");
        assertThatThrownBy(() -> spec("X", Map.of("type", "starrocks", "host", "h", "fe_url", "fe:8030")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("fe_url \"fe:8030\" is not an http://host:port URL");
    }

    @Test
    void aConnectionBuiltFromOtherConfigurationIsCheckedAsAConfigError() {
        assertThatThrownBy(() -> new ConnectionSpec(" ", ConnectionType.POSTGRES, "h", 5432, "u", "", "db", Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("name is blank");
        assertThatThrownBy(() -> new ConnectionSpec(
                        "gateway local", ConnectionType.STARROCKS, "", 9030, "root", "", "", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("a starrocks connection needs a host and a port in 1..65535");
        assertThatThrownBy(() -> new ConnectionSpec("D", ConnectionType.DUCKDB, "", 0, "", "", "", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("a duckdb connection needs a database file");
        assertThatThrownBy(() -> spec("X", Map.of("type", "starrocks", "host", "h", "fe_url", "http://fe 1:8030")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("env.yaml:2: connection X: fe_url \"http://fe 1:8030\" is not an http://host:port URL");
    }

    @Test
    void connectTimeoutIsConfigurable() {
        ConnectionSpec pg = spec("PG", Map.of("type", "postgres", "host", "h", "connect_timeout", "2"));
        assertThat(pg.connectTimeoutSeconds()).isEqualTo(2);
        assertThatThrownBy(() -> spec("PG", Map.of("type", "postgres", "host", "h", "connect_timeout", "soon")))
                .hasMessageContaining("connect_timeout \"soon\"");
    }
}
