package dev.quarry.models.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.models.Workspace;
import dev.quarry.models.plan.Plan;
import dev.quarry.models.plan.Planner;
import dev.quarry.models.project.ModelException;
import dev.quarry.models.project.Project;
import dev.quarry.models.testing.TestRunner;
import dev.quarry.testing.TestingSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLMesh project of the sushi shape, spread over two repositories, planned and applied on the sandbox: a seed
 * with an inline audit, a Python model reading the seed through fetchdf, a time-range model with no key (default
 * partitioning), a view using a Python macro, blueprints, a disabled Python model, helper modules, before_all, a
 * unit test with floats, and a second repository reading the first.
 */
class SushiProjectIT {
    static final Instant JAN_4 = Instant.parse("2024-01-04T06:00:00Z");

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

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static Map<String, String> env() {
        return Map.of("PATH", System.getenv().getOrDefault("PATH", ""));
    }

    private void sushi() throws IOException {
        write(
                "repo_1/config.yaml",
                ApplyIT.config(sandbox) + "before_all:\n  - CREATE DATABASE IF NOT EXISTS sushi_log\n");
        write("repo_1/seeds/waiter_names.csv", "id,name\n1,Ann\n2,Bob\n3,Cid\n");
        write("repo_1/models/waiter_names.sql", """
                MODEL (name sushi.waiter_names, kind SEED (path '../seeds/waiter_names.csv'),
                       columns (id INT, name TEXT), audits (assert_positive_id));

                AUDIT (name assert_positive_id);
                SELECT * FROM @this_model WHERE id <= 0;
                """);
        write("repo_1/models/__init__.py", "");
        write("repo_1/models/helpers.py", "def price(waiter_id):\n    return 10.5 * waiter_id\n");
        write("repo_1/models/orders.py", """
                import datetime

                from sqlmesh import ExecutionContext, model
                from sqlmesh.core.model import ModelKindName

                from models.helpers import price


                @model(
                    "sushi.orders",
                    kind=dict(name=ModelKindName.INCREMENTAL_BY_TIME_RANGE, time_column="event_date"),
                    columns={"id": "int", "customer_id": "int", "waiter_id": "int", "amount": "double",
                             "event_date": "date"},
                    grain=["id"],
                )
                def execute(context: ExecutionContext, start, end, execution_time, **kwargs):
                    waiters = context.fetchdf(
                        "SELECT id FROM " + context.resolve_table("sushi.waiter_names") + " ORDER BY id")
                    day = start.date()
                    while day <= end.date():
                        for w in waiters["id"]:
                            yield {"id": day.toordinal() * 10 + w, "customer_id": w % 2, "waiter_id": w,
                                   "amount": price(w), "event_date": day}
                        day += datetime.timedelta(days=1)
                """);
        write("repo_1/models/disabled.py", """
                from sqlmesh import model


                @model("sushi.disabled", kind="FULL", columns={"x": "int"}, enabled=False)
                def execute(context, **kwargs):
                    return [{"x": 1}]
                """);
        write("repo_1/models/customer_revenue_by_day.sql", """
                MODEL (
                  name sushi.customer_revenue_by_day,
                  kind INCREMENTAL_BY_TIME_RANGE (time_column event_date, batch_size 2),
                  grain (customer_id, event_date),
                  signals (always_ready()),
                  interval_unit 'day'
                );
                SELECT customer_id, SUM(amount) AS revenue, event_date
                FROM sushi.orders
                WHERE event_date >= @start_ds AND event_date <= @end_ds
                GROUP BY customer_id, event_date
                """);
        write("repo_1/macros/utils.py", """
                from sqlmesh import macro


                @macro()
                def add_one(evaluator, value):
                    return "(" + value + " + 1)"
                """);
        write("repo_1/models/top_waiters.sql", """
                MODEL (name sushi.top_waiters, kind VIEW);
                SELECT waiter_id, @ADD_ONE(SUM(amount)) AS plus_one FROM sushi.orders GROUP BY waiter_id
                """);
        write("repo_1/models/blueprint.sql", """
                MODEL (
                  name @{name},
                  kind FULL,
                  blueprints ((name := sushi.waiters_even, parity := 0), (name := sushi.waiters_odd, parity := 1))
                );
                SELECT id, name FROM sushi.waiter_names WHERE id % 2 = @parity
                """);
        write("repo_1/tests/test_revenue.yaml", """
                test_revenue:
                  model: sushi.customer_revenue_by_day
                  inputs:
                    sushi.orders:
                      - {id: 1, customer_id: 7, waiter_id: 1, amount: 10.1, event_date: 2024-01-01}
                      - {id: 2, customer_id: 7, waiter_id: 2, amount: 16.0, event_date: 2024-01-01}
                  outputs:
                    query:
                      - {customer_id: 7, revenue: 26.1, event_date: 2024-01-01}
                  vars: {start: 2024-01-01, end: 2024-01-01}
                test_top_waiters:
                  model: sushi.top_waiters
                  inputs:
                    sushi.orders:
                      - {waiter_id: 1, amount: 1.5}
                      - {waiter_id: 1, amount: 2.0}
                  outputs:
                    query:
                      - {waiter_id: 1, plus_one: 4.5}
                """);
        write("repo_2/config.yaml", ApplyIT.config(sandbox));
        write("repo_2/models/waiter_summary.sql", """
                MODEL (name marketing.waiter_summary, kind FULL);
                SELECT COUNT(*) AS waiters FROM sushi.top_waiters
                """);
    }

    private Project load() {
        return Project.load(List.of(dir.resolve("repo_1"), dir.resolve("repo_2")), env());
    }

    @Test
    void aMultiRepoProjectWithPythonModelsAndMacrosIsBuilt() throws IOException, SQLException {
        sushi();
        Project project = load();
        assertThat(project.models())
                .containsKeys(
                        "sushi.orders",
                        "sushi.waiters_even",
                        "sushi.waiters_odd",
                        "marketing.waiter_summary",
                        "sushi.customer_revenue_by_day")
                .doesNotContainKeys("sushi.disabled");
        assertThat(project.warnings()).anyMatch(w -> w.contains("signals are not evaluated"));
        try (Workspace ws = Workspace.open(project, Optional.empty(), n -> {
            throw new AssertionError(n);
        })) {
            assertThat(TestRunner.run(project, ws.connection(), Optional.empty()))
                    .hasSize(2)
                    .allSatisfy(o -> assertThat(o.passed()).as(o.message()).isTrue());
            Plan plan = ws.plan("prod", Planner.Options.defaults(), JAN_4);
            ws.executor(line -> {}).apply(plan);
        }
        assertThat(ApplyIT.rows(sandbox, "SELECT COUNT(*) FROM sushi.orders")).containsExactly("9");
        assertThat(ApplyIT.rows(
                        sandbox,
                        "SELECT customer_id, revenue FROM sushi.customer_revenue_by_day"
                                + " WHERE event_date = '2024-01-02' ORDER BY customer_id"))
                .containsExactly("0|21.0", "1|42.0");
        assertThat(ApplyIT.rows(sandbox, "SELECT plus_one FROM sushi.top_waiters WHERE waiter_id = 1"))
                .containsExactly("32.5");
        assertThat(ApplyIT.rows(sandbox, "SELECT name FROM sushi.waiters_odd ORDER BY id"))
                .containsExactly("Ann", "Cid");
        assertThat(ApplyIT.rows(sandbox, "SELECT name FROM sushi.waiters_even")).containsExactly("Bob");
        assertThat(ApplyIT.rows(sandbox, "SELECT waiters FROM marketing.waiter_summary"))
                .containsExactly("3");
        assertThat(ApplyIT.rows(sandbox, "SHOW DATABASES")).contains("sushi_log");
    }

    @Test
    void pythonProblemsNameTheModelFile() throws IOException {
        sushi();
        write("repo_1/models/needs_pandas.py", """
                import pandas_not_installed_here

                from sqlmesh import model


                @model("sushi.needs_pandas", kind="FULL", columns={"x": "int"})
                def execute(context, **kwargs):
                    return []
                """);
        assertThatThrownBy(this::load)
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("models/needs_pandas.py:1:1")
                .hasMessageContaining("imports pandas_not_installed_here, which is not installed");
        assertThatThrownBy(() -> Project.load(List.of(dir.resolve("repo_1")), Map.of()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("python3 is not installed")
                .hasMessageContaining("models/orders.py");
    }
}
