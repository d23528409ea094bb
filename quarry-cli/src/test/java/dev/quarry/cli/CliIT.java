package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line itself: help, version, exit codes and one-line errors for bad input. */
class CliIT {
    @TempDir
    Path home;

    @Test
    void versionAndHelp() {
        Cli cli = new Cli(home);
        Cli.Result version = cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("quarry ");

        Cli.Result help = cli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("Usage: quarry")
                .contains("conns")
                .contains("--debug")
                .contains("Examples:");

        Cli.Result execHelp = cli.run("conns", "exec", "--help");
        assertThat(execHelp.out())
                .contains("Usage: quarry conns exec")
                .contains("--limit")
                .contains("Examples:");
    }

    @Test
    void missingOrUnknownCommandIsAUsageError() {
        Cli cli = new Cli(home);
        Cli.Result none = cli.run();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("ERR Missing command");
        Cli.Result typo = cli.run("con", "list");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("did you mean conns?");
        assertThat(typo.err().lines().count()).isEqualTo(1);
    }

    @Test
    void timeFlagsAndLimitsAreCheckedBeforeAnythingRunsAndNameTheFlag() {
        Cli cli = new Cli(home);
        Cli.Result reversed = cli.run("plan", "--start", "2026-12-01", "--end", "2026-11-01");
        assertThat(reversed.exitCode()).isEqualTo(2);
        assertThat(reversed.err()).endsWith("ERR --end 2026-11-01 must be after --start 2026-12-01\n");
        Cli.Result notADate = cli.run("plan", "dev", "--start", "2026-13-45");
        assertThat(notADate.exitCode()).isEqualTo(2);
        assertThat(notADate.err()).contains("ERR --start 2026-13-45 is not a date (YYYY-MM-DD) or timestamp");
        Cli.Result render = cli.run("render", "a.b", "--end", "yesterday-ish");
        assertThat(render.exitCode()).isEqualTo(2);
        assertThat(render.err()).contains("ERR --end yesterday-ish is not a date");
        Cli.Result negative = cli.run("fetch", "--limit", "-5", "select 1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("--limit must be 0 (no limit) or more, got -5");
    }

    @Test
    void unknownConnectionSuggestsCloseNames() {
        Cli cli = new Cli(home).env("POSTGRES_PROD", "postgresql://u@localhost/db");
        Cli.Result r = cli.run("conns", "test", "POSTGRES_PRD");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).endsWith("ERR unknown connection \"POSTGRES_PRD\" (did you mean POSTGRES_PROD?)\n");
    }

    @Test
    void malformedUrlIsRejectedAtSetWithoutEchoingThePassword() {
        Cli cli = new Cli(home);
        Cli.Result r = cli.run("conns", "set", "PG", "url=postgresql://app:Secr3tPass@db:54x2/shop");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains("malformed URL \"postgresql://app:****@db:54x2/shop\": port \"54x2\" is not a number")
                .doesNotContain("Secr3tPass");
        assertThat(Files.exists(home.resolve("env.yaml"))).isFalse();
    }

    @Test
    void argumentWithoutEqualsIsRejectedWithoutRepeatingIt() {
        Cli.Result r = new Cli(home).run("conns", "set", "PG", "type=postgres", "host=h", "Hunter2Secret");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains("conns set PG: argument 4 is not KEY=VALUE")
                .doesNotContain("Hunter2Secret");
    }

    @Test
    void unknownTypeIsAConfigError() {
        Cli.Result r = new Cli(home).run("conns", "set", "ORA", "type=oracle", "host=db");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown connection type \"oracle\" (known: postgres, mysql, starrocks, duckdb)");
    }

    @Test
    void invalidEnvYamlNamesFileAndLine() throws Exception {
        Files.writeString(
                home.resolve("env.yaml"), "connections:\n  PG:\n    type: postgres\n    host: h\n    port: five\n");
        Cli.Result r = new Cli(home).run("conns", "test", "PG");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains("ERR " + home.resolve("env.yaml")
                        + ":5: connection PG: port \"five\" is not a number in 1..65535");
        Cli.Result list = new Cli(home).run("conns", "list");
        assertThat(list.out()).contains("| PG   | invalid | env.yaml |");
    }

    @Test
    void refusedPortFailsFastNamingHostAndPort() {
        Cli cli = new Cli(home)
                .env("PG", "postgresql://u:Secr3tPass@127.0.0.1:1/db")
                .env("MY", "mysql://root:Secr3tPass@127.0.0.1:1/db");
        Cli.Result pg = cli.run("conns", "test", "PG");
        assertThat(pg.exitCode()).isEqualTo(1);
        assertThat(pg.err()).contains("ERR cannot connect to PG (postgres at 127.0.0.1:1): connection refused");
        Cli.Result my = cli.run("conns", "exec", "MY", "select 1");
        assertThat(my.exitCode()).isEqualTo(1);
        assertThat(my.err()).contains("ERR cannot connect to MY (mysql at 127.0.0.1:1): connection refused");
        assertThat(pg.all() + my.all()).doesNotContain("Secr3tPass");
    }

    @Test
    void unreachableHostTimesOutWithinSecondsNamingHostAndPort() {
        // 10.255.255.1 is a private address nobody answers on; connect_timeout bounds the wait.
        Cli cli = new Cli(home)
                .env("PG", "postgresql://u:p@10.255.255.1:5432/db?connect_timeout=2")
                .env("SR", "starrocks://root:@10.255.255.1:9030/db?connect_timeout=2");
        for (String name : new String[] {"PG", "SR"}) {
            Cli.Result r = cli.run("conns", "test", name);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("10.255.255.1:");
            assertThat(r.millis()).as(r.toString()).isLessThan(8_000);
        }
    }

    @Test
    void unknownHostIsNamed() {
        Cli.Result r = new Cli(home)
                .env("PG", "postgresql://u@no-such-host.invalid:5432/db")
                .run("conns", "test", "PG");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cannot connect to PG (postgres at no-such-host.invalid:5432): unknown host");
    }

    @Test
    void unsetRemovesAndExplainsWhatItCannotRemove() {
        Cli cli = new Cli(home).env("FROM_ENV", "mysql://root@127.0.0.1/db");
        cli.run("conns", "set", "A", "url=postgresql://u@h/a");
        cli.run("conns", "set", "B", "url=postgresql://u@h/b");
        assertThat(cli.run("conns", "unset", "A").exitCode()).isZero();
        assertThat(cli.run("conns", "list", "-o", "csv").out())
                .isEqualTo("name,type,source\r\nB,postgres,env.yaml\r\nFROM_ENV,mysql,env variable\r\n");
        Cli.Result env = cli.run("conns", "unset", "FROM_ENV");
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.err()).contains("comes from the environment variable FROM_ENV");
        Cli.Result typo = cli.run("conns", "unset", "BB");
        assertThat(typo.err()).contains("unknown connection \"BB\" (did you mean B?)");
    }

    @Test
    void stackTracesOnlyWithDebug() {
        Cli cli = new Cli(home).env("PG", "postgresql://u:Secr3tPass@127.0.0.1:1/db");
        assertThat(cli.run("conns", "test", "PG").err()).doesNotContain("\tat ");
        Cli.Result debug = cli.run("conns", "test", "PG", "--debug");
        assertThat(debug.err()).contains("\tat ").contains("Caused by").doesNotContain("Secr3tPass");
    }

    @Test
    void duckdbFileConnection() {
        Cli cli = new Cli(home);
        cli.run("conns", "set", "DUCK", "type=duckdb", "instance=" + home.resolve("w.duckdb"));
        Cli.Result r = cli.run(
                "conns", "exec", "DUCK", "create table t as select 1 as a", "select a + 1 as b from t", "-o", "csv");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("b\r\n2\r\n");
        assertThat(cli.run("conns", "test", "DUCK").out())
                .startsWith("success! DUCK (duckdb at " + home.resolve("w.duckdb") + "): DuckDB v");
    }
}
