package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.testing.TestingPostgres;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry conns ...} against a real PostgreSQL, as a user would type them. */
class ConnsPostgresIT {
    @TempDir
    Path home;

    private TestingPostgres pg;
    private TestingPostgres.Database db;
    private Cli cli;

    @BeforeEach
    void setUp() {
        pg = TestingPostgres.get();
        db = pg.createDatabase();
        db.execute(
                "create table items (id int primary key, name text, amount numeric(10,2), seen timestamptz)",
                "insert into items values (1, 'apple', 1.5, '2026-03-08 12:00:00+00'), (2, 'Zoë', 20, null)",
                "create schema other",
                "create view other.cheap as select * from items where amount < 10");
        cli = new Cli(home);
    }

    private void assertNoPassword(Cli.Result r) {
        String encoded = URLEncoder.encode(pg.password(), StandardCharsets.UTF_8);
        assertThat(r.all())
                .doesNotContain(pg.password())
                .doesNotContain(encoded)
                .doesNotContain(encoded.replace("+", "%20"));
    }

    @Test
    void setListTestExecDiscoverWithAnEncodedPassword() throws Exception {
        Cli.Result set = cli.run("conns", "set", "PG", "url=" + db.url());
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.err()).contains("connection PG (postgres) set in " + home.resolve("env.yaml"));
        assertThat(Files.readString(home.resolve("env.yaml"))).contains("PG:");

        Cli.Result list = cli.run("conns", "list");
        assertThat(list.out()).isEqualTo("""
                +------+----------+----------+
                | name | type     | source   |
                +------+----------+----------+
                | PG   | postgres | env.yaml |
                +------+----------+----------+
                """);

        Cli.Result test = cli.run("conns", "test", "pg");
        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.out()).startsWith("success! PG (postgres at localhost:" + pg.port() + "): PostgreSQL 18.");

        Cli.Result exec = cli.run("conns", "exec", "PG", "select id, name, amount, seen from items order by id");
        assertThat(exec.exitCode()).as(exec.toString()).isZero();
        assertThat(exec.out()).isEqualTo("""
                +----+-------+--------+------------------------+
                | id | name  | amount | seen                   |
                +----+-------+--------+------------------------+
                |  1 | apple |   1.50 | 2026-03-08 12:00:00+00 |
                |  2 | Zoë   |  20.00 | NULL                   |
                +----+-------+--------+------------------------+
                """);

        Cli.Result discover = cli.run("conns", "discover", "PG");
        assertThat(discover.out()).isEqualTo("""
                +--------+-------+-------+
                | schema | name  | type  |
                +--------+-------+-------+
                | other  | cheap | view  |
                | public | items | table |
                +--------+-------+-------+
                """);
        Cli.Result columns = cli.run("conns", "discover", "PG", "public.it*", "--columns", "-o", "csv");
        assertThat(columns.out()).isEqualTo("""
                                            schema,table,position,column,type,nullable\r
                                            public,items,1,id,integer,NO\r
                                            public,items,2,name,text,YES\r
                                            public,items,3,amount,"numeric(10,2)",YES\r
                                            public,items,4,seen,timestamp with time zone,YES\r
                                            """);
        assertNoPassword(set);
        assertNoPassword(test);
    }

    @Test
    void execRunsSeveralStatementsAndFilesWithJsonOutput() throws Exception {
        cli.env("PGX", db.url());
        Path script = home.resolve("more.sql");
        Files.writeString(
                script,
                "insert into items values (3, 'semi;colon', 3, null);\n-- done\nselect count(*) as n from items;\n");
        Cli.Result r = cli.run(
                "conns", "exec", "PGX", "update items set amount = amount * 2 where id = 1", "more.sql", "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().replaceAll("\\s+", "")).isEqualTo("[{\"n\":3}]");
        assertThat(r.err()).contains("statement 1 of 3 ok, 1 rows affected").contains("ran 3 statements on PGX");

        Cli.Result list = cli.run("conns", "list", "-o", "csv");
        assertThat(list.out()).isEqualTo("name,type,source\r\nPGX,postgres,env variable\r\n");
    }

    @Test
    void limitCutsOutputAndSaysSo() {
        cli.env("PG", db.url());
        Cli.Result r =
                cli.run("conns", "exec", "PG", "select g from generate_series(1, 50) g", "--limit", "2", "-o", "csv");
        assertThat(r.out()).isEqualTo("g\r\n1\r\n2\r\n");
        assertThat(r.err()).contains("WRN showing the first 2 rows; use --limit 0 for all");
    }

    @Test
    void failingStatementExitsOneWithTheServerMessage() {
        cli.env("PG", db.url());
        Cli.Result r = cli.run("conns", "exec", "PG", "select 1", "select * from missing_table");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .contains("ERR statement 2 of 2 failed on PG: ERROR: relation \"missing_table\" does not exist")
                .doesNotContain("\tat ");
    }

    @Test
    void wrongPasswordFailsWithoutShowingEitherPassword() {
        String wrong = "Wr0ng-Pa55word!";
        cli.env("PG", "postgresql://" + pg.user() + ":" + wrong + "@localhost:" + pg.port() + "/" + db.name());
        Cli.Result r = cli.run("conns", "test", "PG", "--debug");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err())
                .contains("cannot connect to PG (postgres at localhost:" + pg.port() + ")")
                .contains("password authentication failed for user \"quarry\"");
        assertThat(r.all()).doesNotContain(wrong);
        assertNoPassword(r);
    }

    @Test
    void debugLogsEverySqlStatementButNoSecret() {
        cli.run(
                "conns",
                "set",
                "PG",
                "type=postgres",
                "host=localhost",
                "port=" + pg.port(),
                "user=" + pg.user(),
                "password=" + pg.password(),
                "database=" + db.name());
        Cli.Result r = cli.run("--debug", "conns", "exec", "PG", "select 42 as answer");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err())
                .contains("DBG connecting to PG (postgres at localhost:" + pg.port() + ")")
                .contains("DBG SQL: select 42 as answer");
        assertNoPassword(r);
        Cli.Result list = cli.run("conns", "list", "--debug");
        assertNoPassword(list);
    }

    @Test
    void sessionTimeZoneDoesNotFollowTheJvm() {
        cli.env("PG", db.url());
        Cli.Result r = cli.run("conns", "exec", "PG", "show timezone", "-o", "csv");
        assertThat(r.out()).isEqualTo("TimeZone\r\nUTC\r\n");
    }
}
