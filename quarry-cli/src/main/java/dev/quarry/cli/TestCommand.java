package dev.quarry.cli;

import dev.quarry.models.Workspace;
import dev.quarry.models.project.Project;
import dev.quarry.models.testing.TestRunner;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quarry test}: runs the project's unit tests on the gateway, in scratch databases it drops afterwards. */
@Command(
        name = "test",
        description = {
            "Run the unit tests of tests/*.yaml on the gateway.",
            "Each test's input rows go into a scratch database, the model's query reads them, and its rows are compared"
                    + " with the expected ones. Exit code 1 when a test fails."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  quarry test", "  quarry test -k full_model -p ./analytics"})
final class TestCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "-k", paramLabel = "TEXT", description = "Run only tests whose name contains TEXT.")
    String filter;

    TestCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Project p = project.load(ctx);
        List<TestRunner.Outcome> outcomes;
        try (Workspace ws = project.open(ctx, p)) {
            outcomes = TestRunner.run(p, ws.connection(), Optional.ofNullable(filter));
        }
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        for (TestRunner.Outcome o : outcomes) {
            ctx.out().println((o.passed() ? "ok     " : "FAILED ") + o.test() + (o.passed() ? "" : ": " + o.message()));
        }
        ctx.out().println(outcomes.size() + " tests, " + (outcomes.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
