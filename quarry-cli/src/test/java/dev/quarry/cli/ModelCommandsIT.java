package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.models.state.StateStore;
import dev.quarry.testing.TestingSandbox;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model commands through the real {@link Main}, against a sandbox over its real ports. */
class ModelCommandsIT {
    private static TestingSandbox sandbox;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        sandbox = TestingSandbox.fresh();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private Cli cli() {
        return new Cli(home)
                .env("QUARRY_SR_HOST", sandbox.host())
                .env("QUARRY_SR_PORT", Integer.toString(sandbox.queryPort()))
                .env(
                        "QUARRY_SR_HTTP_PORT",
                        Integer.toString(URI.create(sandbox.feUrl()).getPort()))
                .env("QUARRY_SR_USER", sandbox.user())
                .env("QUARRY_SR_PASSWORD", sandbox.password());
    }

    @Test
    void initScaffoldPlansAppliesAndIsUsableThroughEveryCommand() throws IOException {
        Cli cli = cli();
        Cli.Result init = cli.run("init", "shop");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out())
                .contains(
                        "models/full_model.sql",
                        "seeds/seed_data.csv",
                        "audits/assert_positive_order_ids.sql",
                        "tests/test_full_model.yaml");
        assertThat(cli.run("init", "shop").exitCode()).isEqualTo(2);

        // Without --auto-apply and without a terminal nothing is applied.
        Cli.Result shown = cli.run("plan", "-p", "shop");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out())
                .contains(
                        "Added:",
                        "quarry_example.full_model",
                        "Not applied. Apply with: quarry plan prod --auto-apply");
        assertThat(cli.run(
                                "fetch",
                                "-p",
                                "shop",
                                "SELECT COUNT(*) AS n FROM information_schema.schemata WHERE schema_name = 'quarry_example'")
                        .out())
                .contains("| 0 |");

        Cli.Result dry = cli.run("plan", "-p", "shop", "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out())
                .contains(
                        "CREATE TABLE IF NOT EXISTS `quarry__quarry_example`.`quarry_example__seed_model__",
                        "-- Stream Load seed_data.csv (7 rows)",
                        "SWAP WITH",
                        "CREATE OR REPLACE VIEW `quarry_example`.`busy_items`");

        Cli.Result applied = cli.run("plan", "-p", "shop", "--auto-apply");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).contains("Applied to prod: 5 models built");
        assertThat(applied.err())
                .contains(
                        "audit assert_positive_order_ids of quarry_example.full_model passed",
                        "loaded seed quarry_example.seed_model: 7 rows");

        Cli.Result fetched = cli.run(
                "fetch", "-p", "shop", "SELECT item_id, num_orders FROM quarry_example.full_model ORDER BY item_id");
        assertThat(fetched.exitCode()).as(fetched.toString()).isZero();
        assertThat(fetched.out())
                .contains("item_id", "num_orders")
                .containsPattern("\\|\\s+1 \\|\\s+5 \\|")
                .containsPattern("\\|\\s+3 \\|\\s+1 \\|");
        assertThat(cli.run("fetch", "-p", "shop", "SELECT item_id FROM quarry_example.busy_items")
                        .out())
                .containsPattern("\\|\\s+1 \\|");
        assertThat(cli.run("fetch", "-p", "shop", "SELECT SUM(orders) AS s FROM quarry_example.orders_per_day")
                        .out())
                .containsPattern("\\|\\s+7 \\|");

        Cli.Result again = cli.run("plan", "-p", "shop");
        assertThat(again.out()).contains("No changes to the models.", "Environment prod is up to date.");
        assertThat(cli.run("run", "-p", "shop").out()).contains("Nothing was due in prod.");

        Cli.Result table = cli.run("table-name", "-p", "shop", "quarry_example.full_model");
        assertThat(table.out().strip()).matches("quarry__quarry_example\\.quarry_example__full_model__[0-9a-f]{10}");
        assertThat(cli.run("table-name", "-p", "shop", "quarry_example.full_model", "--env", "dev", "--view")
                        .out()
                        .strip())
                .isEqualTo("quarry_example__dev.full_model");

        Cli.Result render = cli.run(
                "render",
                "-p",
                "shop",
                "quarry_example.incremental_model",
                "--start",
                "2020-01-01",
                "--end",
                "2020-01-02");
        assertThat(render.out()).contains("BETWEEN CAST('2020-01-01' AS DATE) AND CAST('2020-01-02' AS DATE)");

        assertThat(cli.run("dag", "-p", "shop", "--format", "mermaid").out()).startsWith("flowchart LR");
        assertThat(cli.run("dag", "-p", "shop").out())
                .contains("quarry_example.full_model <- quarry_example.incremental_model");
        assertThat(cli.run("dag", "-p", "shop", "--format", "dot").out())
                .contains("\"quarry_example.seed_model\" -> \"quarry_example.incremental_model\"");

        Cli.Result info = cli.run("info", "-p", "shop");
        assertThat(info.exitCode()).as(info.toString()).isZero();
        assertThat(info.out())
                .contains(
                        "Models: 5",
                        "SEED: 1",
                        "Audits: 1",
                        "Tests: 1",
                        "Environment prod: 5 models",
                        "Connection: ok");

        Cli.Result tested = cli.run("test", "-p", "shop");
        assertThat(tested.exitCode()).as(tested.toString()).isZero();
        assertThat(tested.out()).contains("ok     test_full_model", "1 tests, 1 passed, 0 failed");
        Path testFile = home.resolve("shop/tests/test_full_model.yaml");
        String test = Files.readString(testFile);
        Files.writeString(testFile, test.replace("{item_id: 2, num_orders: 1}", "{item_id: 2, num_orders: 3}"));
        Cli.Result failing = cli.run("test", "-p", "shop");
        assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(1);
        assertThat(failing.out())
                .contains(
                        "FAILED test_full_model",
                        "missing rows [{item_id=2, num_orders=3}]",
                        "unexpected rows [{item_id=2, num_orders=1}]",
                        "1 tests, 0 passed, 1 failed");
        // A failing unit test stops a plan before anything is built.
        Path full0 = home.resolve("shop/models/full_model.sql");
        Files.writeString(full0, Files.readString(full0).replace("GROUP BY item_id", "GROUP BY item_id -- changed"));
        Cli.Result stopped = cli.run("plan", "dev", "-p", "shop", "-y");
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
        assertThat(stopped.err())
                .contains("1 of 1 unit tests failed, nothing was applied; first: test test_full_model");
        assertThat(cli.run("info", "-p", "shop").out()).doesNotContain("Environment dev");
        Files.writeString(testFile, test);
        Cli.Result tested0 = cli.run("plan", "dev", "-p", "shop", "-y");
        assertThat(tested0.exitCode()).as(tested0.toString()).isZero();
        assertThat(tested0.err()).contains("1 unit tests passed");

        // A change planned into dev leaves prod alone.
        Path full = home.resolve("shop/models/full_model.sql");
        Files.writeString(
                full,
                Files.readString(full)
                        .replace("COUNT(DISTINCT id) AS num_orders", "COUNT(DISTINCT id) * 10 AS num_orders"));
        // The unit test expects the old counts; --skip-tests applies anyway.
        Cli.Result dev = cli.run("plan", "dev", "-p", "shop", "-y", "--skip-tests");
        assertThat(dev.exitCode()).as(dev.toString()).isZero();
        assertThat(dev.out())
                .contains("Directly modified:", "Indirectly modified:", "quarry_example.busy_items", "Applied to dev");
        assertThat(dev.err()).doesNotContain("unit tests");
        assertThat(cli.run(
                                "fetch",
                                "-p",
                                "shop",
                                "SELECT num_orders FROM quarry_example__dev.full_model WHERE item_id = 1")
                        .out())
                .containsPattern("\\|\\s+50 \\|");
        assertThat(cli.run("fetch", "-p", "shop", "SELECT num_orders FROM quarry_example.full_model WHERE item_id = 1")
                        .out())
                .containsPattern("\\|\\s+5 \\|");
    }

    @Test
    void everyValidationErrorIsOneLineWithItsLocationAndExitCode2() throws IOException {
        Cli cli = cli();
        assertThat(cli.run("init", "bad").exitCode()).isZero();
        Path models = home.resolve("bad/models");
        String[][] cases = {
            {
                "MODEL (name quarry_example.x, kind INCREMENTAL_BY_TIME_RANGE (time_column (ds, '%Y-%m-%d')));\n"
                        + "SELECT '2024-01-01' AS ds",
                "INCREMENTAL_BY_TIME_RANGE deletes and rewrites the rows of each interval"
            },
            {
                "MODEL (name quarry_example.x, kind FULL, physical_properties (primary_key = (a), duplicate_key = (a)));\nSELECT 1 AS a",
                "x.sql:1:82: model quarry_example.x: more than one table type"
            },
            {
                "MODEL (name quarry_example.x, kind FULL, physical_properties (aggregate_key = (a)));\nSELECT 1 AS a",
                "aggregate_key is not supported"
            },
            {
                "MODEL (name quarry_example.x, kind FULL, partitioned_by a, physical_properties (partition_by = (a)));\nSELECT 1 AS a",
                "partitioning given both as the model parameter partitioned_by"
            },
            {
                "MODEL (name quarry_example.x, kind VIEW (materialized true));\nSELECT 1 AS a",
                "a StarRocks materialized view needs a REFRESH clause"
            },
            {
                "MODEL (name quarry_example.x, kind FULL, physical_properties (distributed_by = (kind = HASH, buckets = 'x')));\nSELECT 1 AS a",
                "x.sql:1:104: model quarry_example.x: distributed_by buckets must be a positive integer, not x"
            },
            {
                "MODEL (name quarry_example.x, kind FULL, physical_properties (partiton_by = a));\nSELECT 1 AS a",
                "unknown physical property partiton_by (did you mean partition_by or partitioned_by?)"
            },
            {
                "MODEL (name quarry_example.x, kind FULL);\nSELECT * FROM quarry_example.y",
                "dependency cycle: quarry_example.x -> quarry_example.y -> quarry_example.x"
            },
            {"MODEL (name quarry_example.x, kind FULL, audits (no_such_audit));\nSELECT 1 AS a", "no_such_audit"},
            {"MODEL (name quarry_example.x, kind FULL\nSELECT 1 AS a", "models/x.sql:2:1: expected ',' or ')'"},
        };
        for (String[] c : cases) {
            Files.writeString(models.resolve("x.sql"), c[0]);
            Files.writeString(
                    models.resolve("y.sql"),
                    c[1].startsWith("dependency cycle")
                            ? "MODEL (name quarry_example.y, kind FULL);\nSELECT * FROM quarry_example.x"
                            : "MODEL (name quarry_example.y, kind VIEW);\nSELECT 1 AS b");
            for (String command : new String[] {"plan", "dag"}) {
                Cli.Result r = cli.run(command, "-p", "bad");
                assertThat(r.exitCode()).as(c[0] + "\n" + r).isEqualTo(2);
                assertThat(r.err().strip().lines().count()).as(r.toString()).isEqualTo(1);
                assertThat(r.err()).as(c[0]).containsIgnoringCase(c[1]);
                assertThat(r.err()).contains("models/");
            }
        }
        // With a broken model, the commands that need only the connection still work.
        Cli.Result fetched = cli.run("fetch", "-p", "bad", "SELECT 41 + 1 AS answer");
        assertThat(fetched.exitCode()).as(fetched.toString()).isZero();
        assertThat(fetched.out()).contains("42");
        Cli.Result info = cli.run("info", "-p", "bad");
        assertThat(info.exitCode()).as(info.toString()).isEqualTo(2);
        assertThat(info.out()).contains("models/x.sql:2:1").contains("Connection: ok");
        Cli.Result missing = cli.run("plan", "-p", "nowhere");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(cli.run("render", "-p", "bad", "quarry_example.nope").exitCode())
                .isEqualTo(2);
        assertThat(cli.run("plan", "-p", "bad", "Bad-Env!").exitCode()).isEqualTo(2);
    }

    @Test
    void aFailingAuditAndABusyStateExitWith1AndOneClearLine() throws IOException {
        Cli cli = cli();
        assertThat(cli.run("init", "audited").exitCode()).isZero();
        Path full = home.resolve("audited/models/full_model.sql");
        Files.writeString(
                full,
                Files.readString(full)
                        .replace("unique_values(columns := (item_id))", "number_of_rows(threshold := 100)"));
        Cli.Result failed = cli.run("plan", "-p", "audited", "-y");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err().lines().filter(l -> l.contains("ERR")).toList())
                .singleElement()
                .asString()
                .contains("audit number_of_rows of model quarry_example.full_model failed: 1 row violates it");

        try (StateStore state = StateStore.open(home.resolve("audited/.quarry/state.db"));
                StateStore.Lock lock = state.lock("plan prod")) {
            Cli.Result busy = cli.run("plan", "-p", "audited", "-y");
            assertThat(busy.exitCode()).as(busy.toString()).isEqualTo(1);
            assertThat(busy.err()).contains("another plan or run is changing the state", "plan prod by pid");
            assertThat(cli.run("run", "-p", "audited").err()).contains("another plan or run is changing the state");
        }
    }
}
