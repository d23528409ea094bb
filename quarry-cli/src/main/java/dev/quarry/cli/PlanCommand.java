package dev.quarry.cli;

import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import dev.quarry.models.Workspace;
import dev.quarry.models.apply.Executor;
import dev.quarry.models.plan.Plan;
import dev.quarry.models.plan.Planner;
import dev.quarry.models.state.StateStore;
import dev.quarry.models.testing.TestRunner;
import java.io.Console;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry plan [ENV]}: compares the project with an environment, shows the changes, and applies them. */
@Command(
        name = "plan",
        description = {
            "Show how the models differ from an environment (default prod) and build the difference.",
            "Tables are named by fingerprint in quarry__<schema>; environments are views <schema>.<name> (prod) or"
                    + " <schema>__<env>.<name>. What another environment already built is reused, not recomputed."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  quarry plan                    # the changes against prod",
            "  quarry plan dev --auto-apply   # build them into dev",
            "  quarry plan --dry-run          # every SQL statement, nothing run",
            "  quarry plan dev -y --start 2024-01-01 --end 2024-01-31",
            "  quarry plan dev -y --select-model 'sales.*'"
        })
final class PlanCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENV", description = "The environment (default: prod).")
    String environment = "prod";

    @Option(
            names = {"-y", "--auto-apply"},
            description = "Apply without asking.")
    boolean autoApply;

    @Option(
            names = "--dry-run",
            description = "Print every SQL statement applying would run, in order; change nothing.")
    boolean dryRun;

    @Option(
            names = "--start",
            paramLabel = "S",
            description = "First time to fill for time-range models (date, timestamp or '1 week ago').")
    String start;

    @Option(names = "--end", paramLabel = "E", description = "Last time to fill; a date includes the whole day.")
    String end;

    @Option(
            names = "--select-model",
            paramLabel = "M",
            description = "Build only this model (a name or a glob like 'sales.*') and what it reads; repeatable.")
    List<String> selectModels = List.of();

    @Option(names = "--skip-tests", description = "Apply without running the unit tests of tests/*.yaml first.")
    boolean skipTests;

    PlanCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintStream out = ctx.out();
        TimeFlags.check(start, end, ctx.clock().instant());
        Planner.Options options =
                new Planner.Options(Optional.ofNullable(start), Optional.ofNullable(end), selectModels);
        try (Workspace ws = project.open(ctx)) {
            if (dryRun) {
                Plan plan = ws.plan(environment, options, ctx.clock().instant());
                out.print(plan.describe());
                out.println("-- dry run: the SQL applying would run, in order; nothing was changed");
                ws.executor(Log::info).dryRun(plan).forEach(out::println);
                return 0;
            }
            try (StateStore.Lock lock = ws.lock("plan " + environment.toLowerCase(Locale.ROOT))) {
                Plan plan = ws.plan(environment, options, ctx.clock().instant());
                out.print(plan.describe());
                if (plan.isEmpty()) {
                    out.println("Environment " + plan.environment() + " is up to date.");
                    return 0;
                }
                if (!autoApply && !confirmed()) {
                    out.println("Not applied. Apply with: quarry plan " + plan.environment() + " --auto-apply");
                    return 0;
                }
                if (!skipTests) {
                    runTests(ws);
                }
                Executor.Result r = ws.executor(Log::info).apply(plan);
                out.println(
                        "Applied to " + plan.environment() + ": " + r.built().size() + " models built, " + r.audits()
                                + " audits passed, " + r.statements() + " statements.");
                return 0;
            }
        }
    }

    /** Unit tests run before anything is built, as SQLMesh does (docs/sqlmesh.md §5.3); a failure stops the plan. */
    private void runTests(Workspace ws) {
        List<TestRunner.Outcome> outcomes = TestRunner.run(ws.project(), ws.connection(), Optional.empty());
        List<TestRunner.Outcome> failed =
                outcomes.stream().filter(o -> !o.passed()).toList();
        if (!failed.isEmpty()) {
            throw new RunException(
                    failed.size() + " of " + outcomes.size() + " unit tests failed, nothing was applied; first: "
                            + failed.get(0).message() + " (quarry test shows all; --skip-tests applies anyway)");
        }
        if (!outcomes.isEmpty()) {
            Log.info(outcomes.size() + " unit tests passed");
        }
    }

    /** Asks on the terminal; without one (scripts, CI) the answer is no. */
    private boolean confirmed() {
        Console console = Terminal.console().orElse(null);
        if (console == null || ctx.out() != System.out) {
            return false;
        }
        String answer = console.readLine("Apply this plan to %s? [y/N] ", environment);
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
