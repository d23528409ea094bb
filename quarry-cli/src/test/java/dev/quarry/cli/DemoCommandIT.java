package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quarry demo --keep} end to end, in-process: the walkthrough's counts, the empty incremental run, the models in
 * prod and dev, the printed connection lines (used to query both servers while they are kept), and the stop.
 */
class DemoCommandIT {
    @TempDir
    Path home;

    @Test
    void demoReproducesTheWalkthroughPlansTheModelsAndKeepsTheServersUntilStopped() throws Exception {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        CliContext ctx = new CliContext(home, Map.of(), home, out, err, Clock.systemUTC());
        AtomicInteger exit = new AtomicInteger(-1);
        Thread demo = new Thread(() -> exit.set(Main.run(ctx, "demo", "--keep")), "demo-under-test");
        demo.start();
        await("the demo waits for Ctrl-C, or ends")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !demo.isAlive()
                        || errBytes.toString(StandardCharsets.UTF_8).contains("press Ctrl-C"));
        String stdout = outBytes.toString(StandardCharsets.UTF_8);
        String stderr = errBytes.toString(StandardCharsets.UTF_8);
        String shown = "--- stdout\n" + stdout + "--- stderr\n" + stderr;
        assertThat(demo.isAlive()).as(shown).isTrue();
        try {
            // The walkthrough's verification queries, as boxed tables.
            assertThat(stdout)
                    .as(shown)
                    .contains(
                            "| users  | 10000 |",
                            "| orders | 60000 |",
                            "| events | 30000 |",
                            "{\"value\": 1, \"source\": \"mobile\"}")
                    .containsPattern("\\| id \\| user_id \\| amount \\| currency \\| status\\s+\\| placed_at\\s+\\|");
            assertThat(count(stdout, "| 32500 |")).as(shown).isEqualTo(2);
            assertThat(stdout).contains("rows loaded: 0, Stream Load calls: 0");
            assertThat(stderr)
                    .contains(
                            "Replication [3 streams] | POSTGRES -> STARROCKS",
                            "inserted 60000 rows into demo_postgres_starrocks.orders",
                            "inserted 2500 rows into demo_postgres_starrocks.events",
                            "no new rows since the checkpoint; nothing to load",
                            "inserted 0 rows into demo_postgres_starrocks.events")
                    .doesNotContain("ERR", "WRN", "SLF4J");
            assertThat(count(stderr, "0 failed")).isEqualTo(3);

            // Models: prod gets all four; the change goes to dev only.
            assertThat(stdout)
                    .contains("Applied to prod: 4 models built", "Applied to dev: 2 models built")
                    .containsPattern("\\| \\d{4}-\\d{2}-\\d{2} \\| USD\\s+\\|\\s+2160 \\|");
            assertThat(count(stdout, "| avg_order_value |"))
                    .as("only the dev table has the new column")
                    .isEqualTo(1);
            Matcher finished = Pattern.compile("Demo finished in (\\d+\\.\\d)s").matcher(stdout);
            assertThat(finished.find()).isTrue();
            assertThat(Double.parseDouble(finished.group(1))).as("seconds").isLessThan(60);

            // The kept servers answer on the printed ports.
            Matcher psql = Pattern.compile("psql -h localhost -p (\\d+) -U postgres postgres")
                    .matcher(stdout);
            Matcher mysql = Pattern.compile("mysql -h (\\S+) -P (\\d+) -u root").matcher(stdout);
            assertThat(psql.find()).as(shown).isTrue();
            assertThat(mysql.find()).as(shown).isTrue();
            assertThat(stdout)
                    .contains(
                            "quarry conns set POSTGRES url=postgresql://postgres@localhost:" + psql.group(1)
                                    + "/postgres",
                            "quarry conns set STARROCKS url=starrocks://root:@");
            String pgUrl = "jdbc:postgresql://localhost:" + psql.group(1) + "/postgres";
            assertThat(single(
                            DriverManager.getConnection(pgUrl, "postgres", ""),
                            "SELECT COUNT(*) FROM demo_postgres_starrocks.events"))
                    .isEqualTo("32500");
            assertThat(single(
                            DriverManager.getConnection(
                                    "jdbc:mysql://" + mysql.group(1) + ":" + mysql.group(2) + "/", "root", ""),
                            "SELECT COUNT(*) FROM demo_postgres_starrocks.events"))
                    .isEqualTo("32500");
            Matcher project = Pattern.compile("model project: (\\S+) ").matcher(stdout);
            assertThat(project.find()).isTrue();
            assertThat(Path.of(project.group(1)).resolve("models/customer_ltv.sql"))
                    .exists();

            demo.interrupt();
            demo.join(30_000);
            assertThat(demo.isAlive()).isFalse();
            assertThat(exit.get()).isZero();
            assertThatThrownBy(() ->
                            DriverManager.getConnection(pgUrl, "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThat(Files.exists(Path.of(project.group(1))))
                    .as("the demo's files are removed")
                    .isFalse();
        } finally {
            if (demo.isAlive()) {
                demo.interrupt();
                demo.join(30_000);
            }
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Connection c = connection;
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
