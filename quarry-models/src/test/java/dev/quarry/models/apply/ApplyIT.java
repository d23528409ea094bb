package dev.quarry.models.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.RunException;
import dev.quarry.models.Workspace;
import dev.quarry.models.plan.Fingerprints;
import dev.quarry.models.plan.PhysicalNames;
import dev.quarry.models.plan.Plan;
import dev.quarry.models.plan.Planner;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.Project;
import dev.quarry.models.state.StateStore;
import dev.quarry.testing.TestingSandbox;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan, apply and run of every model kind on the sandbox over its real MySQL and Stream Load ports. */
class ApplyIT {
    static final Instant JAN_4 = Instant.parse("2024-01-04T06:00:00Z");
    static final Instant JAN_5 = Instant.parse("2024-01-05T06:00:00Z");

    private static TestingSandbox sandbox;

    @TempDir
    Path dir;

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

    static String config(TestingSandbox sandbox) {
        URI fe = URI.create(sandbox.feUrl());
        return """
                gateways:
                  local:
                    connection:
                      type: starrocks
                      host: %s
                      port: %d
                      user: %s
                      password: '%s'
                      http_port: %d
                      concurrent_tasks: 3
                default_gateway: local
                model_defaults:
                  dialect: starrocks
                  start: '2024-01-01'
                  cron: '@daily'
                """.formatted(sandbox.host(), sandbox.queryPort(), sandbox.user(), sandbox.password(), fe.getPort());
    }

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Workspace open() {
        return Workspace.open(Project.load(dir, Map.of()), Optional.empty(), n -> {
            throw new AssertionError("no named connections here: " + n);
        });
    }

    private static Executor.Result apply(Workspace ws, String env, Instant now) {
        Plan plan = ws.plan(env, Planner.Options.defaults(), now);
        return ws.executor(line -> {}).apply(plan);
    }

    static List<String> rows(String sql) throws SQLException {
        return rows(sandbox, sql);
    }

    /** The rows of {@code sql} on {@code sandbox}, columns joined with {@code |}. */
    static List<String> rows(TestingSandbox sandbox, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(sandbox.jdbcUrl(), sandbox.user(), sandbox.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
            return out;
        }
    }

    private void rawOrders(String db) {
        sandbox.execute(
                "CREATE DATABASE IF NOT EXISTS " + db,
                "CREATE TABLE " + db + ".orders (id BIGINT NOT NULL, ds DATE, amount DOUBLE, customer VARCHAR(20)) "
                        + "PRIMARY KEY (id) DISTRIBUTED BY HASH(id) PROPERTIES ('replication_num' = '1')",
                "INSERT INTO " + db + ".orders VALUES (1, '2024-01-01', 10, 'ann'), (2, '2024-01-01', 5, 'bob'), "
                        + "(3, '2024-01-02', 7, 'ann'), (4, '2024-01-03', 1, 'cy'), (5, '2024-01-04', 100, 'ann')");
    }

    @Test
    void everyKindBuildsOnTheSandboxAndDevChangesStayOutOfProd() throws Exception {
        rawOrders("raw1");
        write("config.yaml", config(sandbox));
        write("models/daily.sql", """
                MODEL (name s1.daily, kind INCREMENTAL_BY_TIME_RANGE (time_column ds, batch_size 1), partitioned_by ds,
                       audits (not_null(columns := (ds)), number_of_rows(threshold := 0)));
                SELECT ds, SUM(amount) AS revenue, COUNT(*) AS n FROM raw1.orders WHERE ds BETWEEN @start_ds AND @end_ds GROUP BY ds
                """);
        write("models/customers.sql", """
                MODEL (name s1.customers, kind FULL, physical_properties (primary_key = (customer)),
                       audits (unique_values(columns := (customer))));
                SELECT customer, SUM(amount) AS total FROM raw1.orders WHERE ds <= @end_ds GROUP BY customer
                """);
        write("models/latest.sql", """
                MODEL (name s1.latest, kind INCREMENTAL_BY_UNIQUE_KEY (unique_key id));
                SELECT id, customer, amount FROM raw1.orders WHERE ds <= @end_ds
                """);
        write("models/big.sql", """
                MODEL (name s1.big, kind VIEW, virtual_properties (security = INVOKER));
                SELECT customer FROM s1.customers WHERE total > 8
                """);
        write("models/per_customer.sql", """
                MODEL (name s1.per_customer, kind VIEW (materialized true),
                       physical_properties (refresh_scheme = MANUAL, distributed_by = 'HASH(customer) BUCKETS 2'));
                SELECT customer, COUNT(*) AS orders FROM raw1.orders GROUP BY customer
                """);
        write("models/rates.sql", """
                MODEL (name s1.rates, kind SEED (path '../seeds/rates.csv'), audits (accepted_values(column := currency, is_in := ('EUR', 'USD', 'GBP'))));
                """);
        write(
                "seeds/rates.csv",
                "currency,rate,since\nEUR,1.1,2024-01-01\nUSD,1,2024-01-01\n\"GBP\",1.25,2024-01-02\n");
        write("models/positive.sql", """
                MODEL (name s1.positive, kind EMBEDDED);
                SELECT id, amount FROM raw1.orders WHERE amount > 5
                """);
        write("models/positive_count.sql", """
                MODEL (name s1.positive_count, kind FULL);
                SELECT COUNT(*) AS n FROM s1.positive
                """);
        write("models/appended.sql", """
                MODEL (name s1.appended, kind INCREMENTAL_UNMANAGED);
                SELECT @start_ds AS run_day, COUNT(*) AS n FROM raw1.orders
                """);

        try (Workspace ws = open()) {
            Plan plan = ws.plan("prod", Planner.Options.defaults(), JAN_4);
            assertThat(plan.changes().added()).contains("s1.daily", "s1.customers", "s1.rates", "s1.positive");
            assertThat(plan.steps()).extracting(Plan.Step::model).doesNotContain("s1.positive");
            Plan.Step daily = plan.steps().stream()
                    .filter(s -> s.model().equals("s1.daily"))
                    .findFirst()
                    .orElseThrow();
            assertThat(daily.intervals()).hasSize(3);
            Executor.Result result = ws.executor(line -> {}).apply(plan);
            assertThat(result.built())
                    .containsExactlyInAnyOrder(
                            "s1.daily",
                            "s1.customers",
                            "s1.latest",
                            "s1.big",
                            "s1.per_customer",
                            "s1.rates",
                            "s1.positive_count",
                            "s1.appended");
            // Three daily intervals, one batch each; the 4th day is not complete at 06:00 on Jan 4.
            assertThat(ws.state()
                            .intervals(
                                    "s1.daily",
                                    Fingerprints.of(ws.project())
                                            .get("s1.daily")
                                            .data()))
                    .containsExactly(new StateStore.Interval(
                            Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-04T00:00:00Z")));
        }
        assertThat(rows("SELECT ds, revenue, n FROM s1.daily ORDER BY ds"))
                .containsExactly("2024-01-01|15.0|2", "2024-01-02|7.0|1", "2024-01-03|1.0|1");
        assertThat(rows("SELECT customer, total FROM s1.customers ORDER BY customer"))
                .containsExactly("ann|17.0", "bob|5.0", "cy|1.0");
        assertThat(rows("SELECT id, customer FROM s1.latest ORDER BY id"))
                .containsExactly("1|ann", "2|bob", "3|ann", "4|cy");
        assertThat(rows("SELECT customer FROM s1.big")).containsExactly("ann");
        assertThat(rows("SELECT customer, orders FROM s1.per_customer ORDER BY customer"))
                .containsExactly("ann|3", "bob|1", "cy|1");
        assertThat(rows("SELECT currency, rate, since FROM s1.rates ORDER BY currency"))
                .containsExactly("EUR|1.1|2024-01-01", "GBP|1.25|2024-01-02", "USD|1.0|2024-01-01");
        assertThat(rows("SELECT n FROM s1.positive_count")).containsExactly("3");
        assertThat(rows("SELECT run_day, n FROM s1.appended")).containsExactly("2024-01-01|5");

        // Nothing changed: nothing to do.
        try (Workspace ws = open()) {
            Plan again = ws.plan("prod", Planner.Options.defaults(), JAN_4);
            assertThat(again.isEmpty()).as(again.describe()).isTrue();
        }

        // A changed query goes to dev: the model and its downstream view are rebuilt there, prod stays as it was.
        write("models/customers.sql", """
                MODEL (name s1.customers, kind FULL, physical_properties (primary_key = (customer)),
                       audits (unique_values(columns := (customer))));
                SELECT customer, SUM(amount) * 2 AS total FROM raw1.orders WHERE ds <= @end_ds GROUP BY customer
                """);
        try (Workspace ws = open()) {
            Plan dev = ws.plan("dev", Planner.Options.defaults(), JAN_4);
            assertThat(dev.steps()).extracting(Plan.Step::model).containsExactlyInAnyOrder("s1.customers", "s1.big");
            ws.executor(line -> {}).apply(dev);
        }
        assertThat(rows("SELECT customer, total FROM s1__dev.customers ORDER BY customer"))
                .containsExactly("ann|34.0", "bob|10.0", "cy|2.0");
        assertThat(rows("SELECT customer, total FROM s1.customers ORDER BY customer"))
                .containsExactly("ann|17.0", "bob|5.0", "cy|1.0");
        assertThat(rows("SELECT ds, revenue FROM s1__dev.daily ORDER BY ds")).hasSize(3);

        // Promoting to prod reuses what dev built: no step, only views re-pointed.
        try (Workspace ws = open()) {
            Plan prod = ws.plan("prod", Planner.Options.defaults(), JAN_4);
            assertThat(prod.changes().directlyModified()).containsExactly("s1.customers");
            assertThat(prod.changes().indirectlyModified()).containsExactly("s1.big");
            assertThat(prod.steps()).isEmpty();
            assertThat(prod.repointed()).containsExactlyInAnyOrder("s1.customers", "s1.big");
            Executor.Result r = ws.executor(line -> {}).apply(prod);
            assertThat(r.built()).isEmpty();
        }
        assertThat(rows("SELECT customer, total FROM s1.customers ORDER BY customer"))
                .containsExactly("ann|34.0", "bob|10.0", "cy|2.0");
        assertThat(rows("SELECT customer FROM s1.big ORDER BY customer")).containsExactly("ann", "bob");

        // A metadata-only change rebuilds nothing.
        write("models/latest.sql", """
                MODEL (name s1.latest, kind INCREMENTAL_BY_UNIQUE_KEY (unique_key id), owner finance, description 'latest orders');
                SELECT id, customer, amount FROM raw1.orders WHERE ds <= @end_ds
                """);
        try (Workspace ws = open()) {
            Plan meta = ws.plan("prod", Planner.Options.defaults(), JAN_4);
            assertThat(meta.changes().metadataOnly()).containsExactly("s1.latest");
            assertThat(meta.steps()).isEmpty();
            assertThat(meta.repointed()).isEmpty();
            ws.executor(line -> {}).apply(meta);
            assertThat(ws.plan("prod", Planner.Options.defaults(), JAN_4).isEmpty())
                    .isTrue();
        }

        // A day later, run processes the interval that became due, and the unique-key model upserts.
        sandbox.execute("INSERT INTO raw1.orders VALUES (1, '2024-01-01', 11, 'ann'), (6, '2024-01-04', 3, 'dee')");
        try (Workspace ws = open()) {
            List<String> warnings = new ArrayList<>();
            Executor.Result r = ws.run("prod", JAN_5, warnings, line -> {});
            assertThat(warnings).isEmpty();
            assertThat(r.built())
                    .contains("s1.daily", "s1.latest", "s1.customers")
                    .doesNotContain("s1.rates", "s1.per_customer");
        }
        assertThat(rows("SELECT ds, revenue, n FROM s1.daily ORDER BY ds"))
                .containsExactly("2024-01-01|15.0|2", "2024-01-02|7.0|1", "2024-01-03|1.0|1", "2024-01-04|103.0|2");
        assertThat(rows("SELECT id, amount FROM s1.latest ORDER BY id"))
                .containsExactly("1|11.0", "2|5.0", "3|7.0", "4|1.0", "5|100.0", "6|3.0");
    }

    @Test
    void dryRunListsEveryStatementAndChangesNothing() throws Exception {
        rawOrders("raw2");
        write("config.yaml", config(sandbox));
        write("models/customers.sql", """
                MODEL (name s2.customers, kind FULL, physical_properties (primary_key = (customer)));
                SELECT customer, SUM(amount) AS total FROM raw2.orders GROUP BY customer
                """);
        write("models/daily.sql", """
                MODEL (name s2.daily, kind INCREMENTAL_BY_TIME_RANGE (time_column ds, batch_size 2),
                       physical_properties (primary_key = (ds)));
                SELECT ds, SUM(amount) AS revenue FROM raw2.orders WHERE ds BETWEEN @start_ds AND @end_ds GROUP BY ds
                """);
        try (Workspace ws = open()) {
            Plan plan = ws.plan("prod", Planner.Options.defaults(), JAN_4);
            List<String> sql = ws.executor(line -> {}).dryRun(plan);
            String all = String.join("\n", sql);
            assertThat(all)
                    .contains(
                            "CREATE TABLE IF NOT EXISTS `quarry__s2`.`s2__customers__",
                            "SWAP WITH `s2__customers__",
                            "CREATE OR REPLACE VIEW `s2`.`customers`",
                            // Two batches of two and one day; no PARTITION BY, so DELETE with >= and < on the PRIMARY
                            // KEY table.
                            "DELETE FROM `quarry__s2`.`s2__daily__",
                            "`ds` >= '2024-01-01' AND `ds` < '2024-01-03'",
                            "`ds` >= '2024-01-03' AND `ds` < '2024-01-04'");
            assertThat(sql)
                    .filteredOn(x -> x.startsWith("DELETE"))
                    .hasSize(2)
                    .noneMatch(x -> x.toUpperCase(java.util.Locale.ROOT).contains("BETWEEN"));
            assertThat(sql.indexOf(sql.stream()
                            .filter(x -> x.startsWith("CREATE TABLE IF NOT EXISTS `quarry__s2`.`s2__customers"))
                            .findFirst()
                            .orElseThrow()))
                    .isLessThan(sql.indexOf(sql.stream()
                            .filter(x -> x.startsWith("ALTER TABLE"))
                            .findFirst()
                            .orElseThrow()));
            assertThat(ws.state().environment("prod")).isEmpty();
            assertThat(ws.plan("prod", Planner.Options.defaults(), JAN_4).steps())
                    .hasSize(2);
        }
        assertThat(
                        rows(
                                "SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('s2', 'quarry__s2')"))
                .isEmpty();

        // Applying for real then fills the PRIMARY KEY table by DELETE + INSERT per batch.
        try (Workspace ws = open()) {
            apply(ws, "prod", JAN_4);
        }
        assertThat(rows("SELECT ds, revenue FROM s2.daily ORDER BY ds"))
                .containsExactly("2024-01-01|15.0", "2024-01-02|7.0", "2024-01-03|1.0");
    }

    @Test
    void failingBlockingAuditFailsTheApplyNamingModelAuditAndCount() throws Exception {
        rawOrders("raw3");
        sandbox.execute("INSERT INTO raw3.orders VALUES (7, '2024-01-02', 2, NULL), (8, '2024-01-02', -4, NULL)");
        write("config.yaml", config(sandbox));
        write("audits/positive.sql", """
                AUDIT (name assert_positive_amount);
                SELECT * FROM @this_model WHERE amount <= @floor
                """);
        write("models/orders.sql", """
                MODEL (name s3.orders, kind FULL, audits (not_null_non_blocking(columns := (customer)),
                       assert_positive_amount(floor := 0)));
                SELECT id, customer, amount FROM raw3.orders
                """);
        try (Workspace ws = open()) {
            assertThatThrownBy(() -> apply(ws, "prod", JAN_4))
                    .isInstanceOf(RunException.class)
                    .hasMessageContaining("audit assert_positive_amount of model s3.orders failed: 1 row violates it");
            // The environment was not switched to a model that failed its audit.
            assertThat(ws.state().environment("prod")).isEmpty();
        }
        write("models/orders.sql", """
                MODEL (name s3.orders, kind FULL, audits (not_null(columns := (customer))));
                SELECT id, customer, amount FROM raw3.orders WHERE amount > 0
                """);
        try (Workspace ws = open()) {
            assertThatThrownBy(() -> apply(ws, "prod", JAN_4))
                    .isInstanceOf(RunException.class)
                    .hasMessageContaining("audit not_null of model s3.orders failed: 1 row violates it");
        }
    }

    @Test
    void failingFullRebuildLeavesTheOldRowsReadable() throws Exception {
        sandbox.execute(
                "CREATE DATABASE raw4",
                "CREATE TABLE raw4.src (id BIGINT, name VARCHAR(10)) DUPLICATE KEY (id) DISTRIBUTED BY HASH(id) "
                        + "PROPERTIES ('replication_num' = '1')",
                "INSERT INTO raw4.src VALUES (1, 'a'), (2, 'b')");
        write("config.yaml", config(sandbox));
        write("models/names.sql", """
                MODEL (name s4.names, kind FULL, physical_properties (primary_key = (name)));
                SELECT name, id FROM raw4.src
                """);
        write("models/names_mv.sql", """
                MODEL (name s4.names_mv, kind VIEW (materialized true), physical_properties (refresh_scheme = MANUAL));
                SELECT COUNT(*) AS n FROM s4.names
                """);
        try (Workspace ws = open()) {
            apply(ws, "prod", JAN_4);
        }
        assertThat(rows("SELECT name, id FROM s4.names ORDER BY name")).containsExactly("a|1", "b|2");
        // A NULL key cannot go into the PRIMARY KEY table: the rebuild of the next day fails half-way, in the staging
        // table.
        sandbox.execute("INSERT INTO raw4.src VALUES (3, NULL)");
        try (Workspace ws = open()) {
            assertThatThrownBy(() -> ws.run("prod", JAN_5, new ArrayList<>(), line -> {}))
                    .isInstanceOf(RunException.class)
                    .hasMessageContaining("s4.names");
        }
        assertThat(rows("SELECT name, id FROM s4.names ORDER BY name")).containsExactly("a|1", "b|2");
        sandbox.execute("DELETE FROM raw4.src WHERE id = 3");
        sandbox.execute("INSERT INTO raw4.src VALUES (3, 'c')");
        try (Workspace ws = open()) {
            // SWAP leaves the materialized views over the table inactive in StarRocks: the rebuild re-activates them.
            List<String> sql = ws.executor(line -> {})
                    .dryRun(Planner.run(ws.project(), ws.state(), "prod", JAN_5, new ArrayList<>()));
            assertThat(sql)
                    .anyMatch(x ->
                            x.matches("ALTER MATERIALIZED VIEW `quarry__s4`.`s4__names_mv__[0-9a-f]{10}` ACTIVE;"));
            assertThat(sql.indexOf(sql.stream()
                            .filter(x -> x.startsWith("ALTER MATERIALIZED VIEW"))
                            .findFirst()
                            .orElseThrow()))
                    .isGreaterThan(sql.indexOf(sql.stream()
                            .filter(x -> x.contains("SWAP WITH"))
                            .findFirst()
                            .orElseThrow()));
            ws.run("prod", JAN_5, new ArrayList<>(), line -> {});
        }
        assertThat(rows("SELECT name, id FROM s4.names ORDER BY name")).containsExactly("a|1", "b|2", "c|3");
    }

    @Test
    void anInterruptedBackfillResumesWhereItStopped() throws Exception {
        sandbox.execute(
                "CREATE DATABASE raw5",
                "CREATE TABLE raw5.events (id BIGINT, ds DATE, who VARCHAR(10)) DUPLICATE KEY (id) DISTRIBUTED BY HASH(id) "
                        + "PROPERTIES ('replication_num' = '1')",
                "INSERT INTO raw5.events VALUES (1, '2024-01-01', 'a'), (2, '2024-01-01', 'a'), (3, '2024-01-02', 'b'), "
                        + "(4, '2024-01-03', NULL)");
        write("config.yaml", config(sandbox));
        write("models/daily_who.sql", """
                MODEL (name s5.daily_who, kind INCREMENTAL_BY_TIME_RANGE (time_column ds, batch_size 1),
                       physical_properties (primary_key = (ds, who)));
                SELECT ds, who, COUNT(*) AS n FROM raw5.events WHERE ds BETWEEN @start_ds AND @end_ds GROUP BY ds, who
                """);
        write("models/dedup.sql", """
                MODEL (name s5.latest_event, kind INCREMENTAL_BY_UNIQUE_KEY (unique_key ds));
                SELECT ds, id FROM raw5.events WHERE who IS NOT NULL
                """);
        try (Workspace ws = open()) {
            assertThatThrownBy(() -> apply(ws, "prod", JAN_4))
                    .isInstanceOf(RunException.class)
                    .hasMessageContaining("s5.daily_who");
            String fp = Fingerprints.of(ws.project()).get("s5.daily_who").data();
            // Days 1 and 2 were done and recorded before day 3 failed.
            assertThat(ws.state().intervals("s5.daily_who", fp))
                    .containsExactly(new StateStore.Interval(
                            Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-03T00:00:00Z")));
        }
        assertThat(rows("SELECT id FROM quarry__s5.`" + physical("s5.latest_event") + "` ORDER BY id"))
                .hasSize(2);
        sandbox.execute("DELETE FROM raw5.events WHERE id = 4");
        sandbox.execute("INSERT INTO raw5.events VALUES (4, '2024-01-03', 'c')");
        try (Workspace ws = open()) {
            Plan resume = ws.plan("prod", Planner.Options.defaults(), JAN_4);
            Plan.Step step = resume.steps().stream()
                    .filter(s -> s.model().equals("s5.daily_who"))
                    .findFirst()
                    .orElseThrow();
            assertThat(step.create()).isFalse();
            assertThat(step.intervals())
                    .containsExactly(new StateStore.Interval(
                            Instant.parse("2024-01-03T00:00:00Z"), Instant.parse("2024-01-04T00:00:00Z")));
            ws.executor(line -> {}).apply(resume);
        }
        assertThat(rows("SELECT ds, who, n FROM s5.daily_who ORDER BY ds"))
                .containsExactly("2024-01-01|a|2", "2024-01-02|b|1", "2024-01-03|c|1");
        // Two source rows share the key 2024-01-01: the upsert keeps one row per key. Its interval was done, so it was
        // not rerun.
        assertThat(rows("SELECT ds FROM s5.latest_event ORDER BY ds")).containsExactly("2024-01-01", "2024-01-02");
    }

    private String physical(String model) {
        Project p = Project.load(dir, Map.of());
        Model m = p.model(model).orElseThrow();
        return PhysicalNames.physicalTable(m, Fingerprints.of(p).get(model).version());
    }

    @Test
    void aSecondPlanWhileOneHoldsTheStateIsRefused() throws Exception {
        write("config.yaml", config(sandbox));
        write("models/one.sql", "MODEL (name s6.one, kind VIEW);\nSELECT 1 AS x\n");
        try (Workspace first = open();
                Workspace second = open();
                StateStore.Lock lock = first.lock("plan prod")) {
            assertThatThrownBy(() -> second.run("prod", JAN_4, new ArrayList<>(), line -> {}))
                    .isInstanceOf(RunException.class)
                    .hasMessageContaining("another plan or run is changing the state")
                    .hasMessageContaining("plan prod by pid");
        }
    }

    @Test
    void selectModelBuildsOnlyItAndWhatItReadsAndStatementsRunAroundTheQuery() throws Exception {
        rawOrders("raw7");
        write("config.yaml", config(sandbox));
        write("models/base.sql", """
                MODEL (name s7.base, kind FULL);
                CREATE TABLE IF NOT EXISTS raw7.audit_log (what VARCHAR(40)) DUPLICATE KEY (what) DISTRIBUTED BY HASH(what)
                  PROPERTIES ('replication_num' = '1');
                SELECT o.id, o.amount, l.logged FROM raw7.orders AS o CROSS JOIN (SELECT COUNT(*) AS logged FROM raw7.audit_log) AS l;
                INSERT INTO raw7.audit_log VALUES (@this_model_name);
                """.replace("@this_model_name", "'base built'"));
        write("models/top.sql", """
                MODEL (name s7.top, kind VIEW);
                SELECT MAX(amount) AS top FROM s7.base
                """);
        write("models/other.sql", """
                MODEL (name s7.other, kind FULL);
                SELECT COUNT(*) AS n FROM raw7.orders
                """);
        try (Workspace ws = open()) {
            Plan plan =
                    ws.plan("dev", new Planner.Options(Optional.empty(), Optional.empty(), List.of("s7.t*")), JAN_4);
            assertThat(plan.steps()).extracting(Plan.Step::model).containsExactly("s7.base", "s7.top");
            ws.executor(line -> {}).apply(plan);
            assertThat(plan.snapshots()).containsOnlyKeys("s7.base", "s7.top");
            assertThatThrownBy(() -> ws.plan(
                            "dev", new Planner.Options(Optional.empty(), Optional.empty(), List.of("s7.nope")), JAN_4))
                    .isInstanceOf(dev.quarry.core.ConfigException.class)
                    .hasMessageContaining("--select-model s7.nope matches no model");
        }
        assertThat(rows("SELECT top FROM s7__dev.top")).containsExactly("100.0");
        assertThat(rows("SELECT what FROM raw7.audit_log")).containsExactly("base built");
        // The pre-statement ran before the query read its table; the post-statement after.
        assertThat(rows("SELECT DISTINCT logged FROM s7__dev.base")).containsExactly("0");
        assertThat(
                        rows(
                                "SELECT table_name FROM information_schema.tables WHERE table_schema = 's7__dev' ORDER BY table_name"))
                .containsExactly("base", "top");
    }

    @Test
    void aRemovedModelLosesItsViewAndOtherEnvironmentsKeepTheirs() throws Exception {
        write("config.yaml", config(sandbox));
        write("models/keep.sql", "MODEL (name s8.keep, kind VIEW);\nSELECT 1 AS x\n");
        write("models/gone.sql", "MODEL (name s8.gone, kind FULL);\nSELECT 2 AS y\n");
        try (Workspace ws = open()) {
            apply(ws, "prod", JAN_4);
            apply(ws, "dev", JAN_4);
        }
        Files.delete(dir.resolve("models/gone.sql"));
        try (Workspace ws = open()) {
            Plan plan = ws.plan("dev", Planner.Options.defaults(), JAN_4);
            assertThat(plan.changes().removed()).containsExactly("s8.gone");
            assertThat(plan.dropped()).containsExactly("s8.gone");
            assertThat(plan.steps()).isEmpty();
            ws.executor(line -> {}).apply(plan);
            assertThat(ws.state().environments()).containsExactly("dev", "prod");
        }
        assertThat(rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 's8__dev'"))
                .containsExactly("keep");
        assertThat(rows("SELECT y FROM s8.gone")).containsExactly("2");
    }
}
