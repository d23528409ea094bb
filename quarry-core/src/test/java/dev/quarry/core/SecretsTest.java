package dev.quarry.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void scrubsPasswordInUrlsEvenWithAnUnencodedAt() {
        assertThat(Secrets.scrub("cannot open jdbc:postgresql://app:pa@ss@db:5432/x now"))
                .isEqualTo("cannot open jdbc:postgresql://app:****@db:5432/x now");
    }

    @Test
    void scrubsKeyValueForms() {
        assertThat(Secrets.scrub("url=mysql://h/db?user=a&password=xyz123&ssl=1"))
                .isEqualTo("url=mysql://h/db?user=a&password=****&ssl=1");
        assertThat(Secrets.scrub("{password: \"q w e\", host: h}")).isEqualTo("{password: ****, host: h}");
        assertThat(Secrets.scrub("\"password\":\"abc\"")).isEqualTo("\"password\":****");
    }

    @Test
    void scrubsRegisteredSecretsRawAndUrlEncoded() {
        Secrets.register("Zq!9 @/x");
        assertThat(Secrets.scrub("FATAL: bad password Zq!9 @/x for user"))
                .isEqualTo("FATAL: bad password **** for user");
        assertThat(Secrets.scrub("u=Zq%219+%40%2Fx")).isEqualTo("u=****");
        assertThat(Secrets.scrub("u=Zq%219%20%40%2Fx")).isEqualTo("u=****");
    }

    @Test
    void scrubsPasswordsInSql() {
        assertThat(Secrets.scrub("SET PASSWORD = PASSWORD('n3w-pw')")).isEqualTo("SET PASSWORD = PASSWORD('****')");
        assertThat(Secrets.scrub("create user 'a'@'%' identified by 'x''y'"))
                .isEqualTo("create user 'a'@'%' identified by '****'");
        assertThat(Secrets.scrub("ALTER ROLE app PASSWORD 'pw'")).isEqualTo("ALTER ROLE app PASSWORD '****'");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(Secrets.scrub("connecting to PG (postgres at localhost:5432)"))
                .isEqualTo("connecting to PG (postgres at localhost:5432)");
        assertThat(Secrets.scrub("http://fe:8030/api/bootstrap")).isEqualTo("http://fe:8030/api/bootstrap");
    }

    @Test
    void exceptionMessagesAreScrubbedAndOneLine() {
        Secrets.register("Tr0ub4dor&3");
        RunException e = new RunException("driver said:\n  login failed with Tr0ub4dor&3\n  at host");
        assertThat(e.getMessage()).isEqualTo("driver said: login failed with **** at host");
        assertThat(e.exitCode()).isEqualTo(1);
        assertThat(new ConfigException("x").exitCode()).isEqualTo(2);
    }
}
