package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry sandbox} as a user runs it: start, connect with a real driver and through {@code conns}, stop. */
class SandboxCommandIT {
    private static final Pattern MYSQL = Pattern.compile("MySQL protocol : mysql://root@127\\.0\\.0\\.1:(\\d+)/");
    private static final Pattern REGISTER = Pattern.compile("register it    : quarry (conns set SR .*)");

    @TempDir
    Path home;

    /** A running {@code quarry sandbox} on a thread, with its live stdout. */
    private final class Running implements AutoCloseable {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final AtomicInteger exit = new AtomicInteger(-1);
        final Thread thread;

        Running(String... args) {
            CliContext ctx = new CliContext(
                    home,
                    Map.of(),
                    home,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    Clock.systemUTC());
            thread = new Thread(() -> exit.set(Main.run(ctx, args)), "sandbox-command");
            thread.start();
        }

        Matcher await(Pattern pattern) {
            // A line printed before the command ended still counts; an ended command prints nothing more.
            Callable<Matcher> printed = () -> {
                Matcher m = pattern.matcher(out.toString(StandardCharsets.UTF_8));
                return m.find() ? m : null;
            };
            try {
                return Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(50))
                        .failFast(() -> !thread.isAlive() && printed.call() == null)
                        .until(printed, Objects::nonNull);
            } catch (ConditionTimeoutException | TerminalFailureException e) {
                throw new AssertionError(
                        "no line matching " + pattern + "\n--- stdout\n" + out + "--- stderr\n" + err, e);
            }
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(30_000);
            assertThat(thread.isAlive())
                    .as("sandbox command still running after interrupt")
                    .isFalse();
            return exit.get();
        }

        @Override
        public void close() throws InterruptedException {
            if (thread.isAlive()) {
                stop();
            }
        }
    }

    @Test
    void startsOnFreePortsServesDriversAndConnsAndStopsCleanly() throws Exception {
        int port;
        try (Running sandbox =
                new Running("sandbox", "--memory", "--query-port", "0", "--http-port", "0", "--be-http-port", "0")) {
            port = Integer.parseInt(sandbox.await(MYSQL).group(1));
            String register = sandbox.await(REGISTER).group(1);

            try (Connection c = DriverManager.getConnection(
                            "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED", "root", "");
                    Statement s = c.createStatement()) {
                s.execute("create database shop");
                s.execute("create table shop.t (id int) distributed by hash(id) properties ('replication_num' = '1')");
                s.execute("insert into shop.t values (1), (2)");
                try (ResultSet rs = s.executeQuery("select count(*) from shop.t")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(2);
                }
            }

            // The printed line registers a working connection.
            Cli cli = new Cli(home);
            Cli.Result set = cli.run(register.split(" "));
            assertThat(set.exitCode()).as(set.toString()).isZero();
            Cli.Result test = cli.run("conns", "test", "SR");
            assertThat(test.exitCode()).as(test.toString()).isZero();
            assertThat(test.out()).contains("success!");
            Cli.Result exec = cli.run("conns", "exec", "SR", "select id from shop.t order by id");
            assertThat(exec.exitCode()).as(exec.toString()).isZero();
            assertThat(exec.out()).isEqualTo("""
                    +----+
                    | id |
                    +----+
                    |  1 |
                    |  2 |
                    +----+
                    """);

            assertThat(sandbox.stop()).isZero();
        }
        assertThat(canConnect(port)).as("query port closed after stop").isFalse();
    }

    @Test
    void keepsDataInItsDataDirectoryAcrossRestarts() throws Exception {
        Path data = home.resolve("sr-data");
        try (Running first = new Running(
                "sandbox", "--data", data.toString(), "--query-port", "0", "--http-port", "0", "--be-http-port", "0")) {
            int port = Integer.parseInt(first.await(MYSQL).group(1));
            try (Connection c = DriverManager.getConnection(
                            "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED", "root", "");
                    Statement s = c.createStatement()) {
                s.execute("create database kept");
                s.execute("create table kept.t (id int) properties ('replication_num' = '1')");
                s.execute("insert into kept.t values (7)");
            }
            assertThat(first.stop()).isZero();
        }
        assertThat(Files.isDirectory(data)).isTrue();
        try (Running second = new Running(
                "sandbox", "--data", data.toString(), "--query-port", "0", "--http-port", "0", "--be-http-port", "0")) {
            int port = Integer.parseInt(second.await(MYSQL).group(1));
            try (Connection c = DriverManager.getConnection(
                            "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED", "root", "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select id from kept.t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
        }
    }

    @Test
    void aPortInUseIsARunFailureNamingTheFix() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Cli.Result r = new Cli(home)
                    .run(
                            "sandbox",
                            "--memory",
                            "--query-port",
                            String.valueOf(taken.getLocalPort()),
                            "--http-port",
                            "0",
                            "--be-http-port",
                            "0");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("port is in use").contains("--query-port");
        }
    }

    @Test
    void aBadVersionIsAUsageError() {
        Cli.Result r = new Cli(home).run("sandbox", "--memory", "--starrocks-version", "latest");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("3.5.7").contains("latest");
    }

    private static boolean canConnect(int port) {
        try (Socket ignored = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
