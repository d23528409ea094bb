package dev.quarry.cli;

import dev.quarry.models.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry table-name MODEL}: the physical table behind a model in an environment. */
@Command(
        name = "table-name",
        description = "Print the physical table (database.table) a model's environment view reads.",
        footerHeading = "%nExamples:%n",
        footer = {"  quarry table-name sales.daily_revenue", "  quarry table-name sales.daily_revenue --env dev"})
final class TableNameCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model (schema.name).")
    String model;

    @Option(names = "--env", defaultValue = "prod", description = "The environment (default: ${DEFAULT-VALUE}).")
    String environment;

    @Option(names = "--view", description = "Print the environment view instead of the physical table.")
    boolean view;

    TableNameCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try (Workspace ws = project.open(ctx)) {
            Workspace.TableNames names = ws.tableNames(model, environment);
            ctx.out().println(view ? names.view() : names.physical());
            return 0;
        }
    }
}
