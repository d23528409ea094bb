package dev.quarry.cli;

import dev.quarry.core.Log;
import dev.quarry.models.Workspace;
import dev.quarry.models.apply.Executor;
import dev.quarry.replicate.Replication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry run [ENV]}: processes the intervals that have become due by cron. */
@Command(
        name = "run",
        description =
                "Process the intervals of an environment's models that have become due by cron since the last run or plan.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  quarry run            # prod",
            "  quarry run dev -p ./analytics",
            "  quarry run -r replication.yaml    # the same as: quarry replicate -r FILE"
        })
final class RunCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENV", description = "The environment (default: prod).")
    String environment = "prod";

    @Option(
            names = {"-r", "--replication"},
            paramLabel = "FILE",
            description = "Run this replication file instead of models (Sling's spelling of quarry replicate -r FILE).")
    String replication;

    RunCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (replication != null) {
            return ReplicationLog.run(ctx, Replication.ofFile(ctx.resolve(replication)))
                    .exitCode();
        }
        try (Workspace ws = project.open(ctx)) {
            List<String> warnings = new ArrayList<>();
            Executor.Result r = ws.run(environment, ctx.clock().instant(), warnings, Log::info);
            warnings.forEach(Log::warn);
            ctx.out()
                    .println(
                            r.built().isEmpty()
                                    ? "Nothing was due in " + environment + "."
                                    : "Ran " + r.built().size() + " models in " + environment + ", " + r.audits()
                                            + " audits passed.");
            return 0;
        }
    }
}
