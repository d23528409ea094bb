package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry conns ...} against the MariaDB server on 127.0.0.1:3306 (root, empty password), type mysql. */
class ConnsMariaDbIT {
    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/?user=root&sslMode=DISABLED";
    private static final String DB = "qt_cli_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;

    @TempDir
    Path home;

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER);
                Statement s = c.createStatement()) {
            s.execute("create database " + DB);
            s.execute("create table " + DB
                    + ".orders (id int primary key, status varchar(20) not null, total decimal(10,2))");
            s.execute("insert into " + DB + ".orders values (1, 'paid', 351.33), (2, 'cancelled', null)");
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DB);
        }
    }

    @Test
    void keysFormSetTestExecDiscover() {
        Cli cli = new Cli(home);
        Cli.Result set = cli.run(
                "conns", "set", "MY", "type=mysql", "host=127.0.0.1", "port=3306", "user=root", "database=" + DB);
        assertThat(set.exitCode()).as(set.toString()).isZero();

        Cli.Result test = cli.run("conns", "test", "MY");
        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.out())
                .startsWith("success! MY (mysql at 127.0.0.1:3306): ")
                .contains("MariaDB");

        Cli.Result exec = cli.run("conns", "exec", "MY", "select id, status, total from orders order by id");
        assertThat(exec.out()).isEqualTo("""
                +----+-----------+--------+
                | id | status    | total  |
                +----+-----------+--------+
                |  1 | paid      | 351.33 |
                |  2 | cancelled |   NULL |
                +----+-----------+--------+
                """);

        Cli.Result discover = cli.run("conns", "discover", "MY", DB + ".ord*", "--columns");
        assertThat(discover.exitCode()).as(discover.toString()).isZero();
        assertThat(discover.out())
                .contains("| " + DB + " | orders |        1 | id     | int(11)       | NO       |")
                .contains("| " + DB + " | orders |        3 | total  | decimal(10,2) | YES      |");
        Cli.Result tables = cli.run("conns", "discover", "MY");
        assertThat(tables.out()).contains("| " + DB + " | orders | table |").doesNotContain("performance_schema");
    }

    @Test
    void mysqlLexingKeepsBackslashEscapedQuotesInsideOneStatement() {
        Cli cli = new Cli(home).env("MY", "mysql://root:@127.0.0.1:3306/" + DB);
        Cli.Result r = cli.run("conns", "exec", "MY", "select 'it\\'s; fine' as s; # trailing comment", "-o", "csv");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("s\r\nit's; fine\r\n");
    }

    @Test
    void starrocksTypeChecksTheFrontendHttpEndpoint() {
        // The MySQL-protocol half of a StarRocks connection is served here by MariaDB; the FE HTTP port is
        // closed, which `conns test` must report, naming fe_url.
        Cli cli = new Cli(home)
                .env(
                        "SR",
                        "{type: starrocks, url: \"starrocks://root:@127.0.0.1:3306/" + DB
                                + "\", fe_url: \"http://127.0.0.1:1\"}");
        Cli.Result r = cli.run("conns", "test", "SR");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err())
                .contains(
                        "ERR StarRocks FE HTTP endpoint http://127.0.0.1:1 (fe_url of SR) is not reachable: connection refused");
    }

    @Test
    void handshakeTimeoutDoesNotLimitLongStatements() {
        // connect_timeout also bounds the handshake read; it must be lifted once connected.
        Cli cli = new Cli(home).env("MY", "mysql://root:@127.0.0.1:3306/" + DB + "?connect_timeout=1");
        Cli.Result r = cli.run("conns", "exec", "MY", "select sleep(2) as slept", "-o", "csv");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("slept\r\n0\r\n");
    }

    @Test
    void wrongPasswordIsARunFailure() {
        Cli cli = new Cli(home).env("MY", "mysql://root:N0t-The-Password@127.0.0.1:3306/" + DB);
        Cli.Result r = cli.run("conns", "test", "MY");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("cannot connect to MY (mysql at 127.0.0.1:3306): Access denied for user 'root'");
        assertThat(r.all()).doesNotContain("N0t-The-Password");
    }
}
