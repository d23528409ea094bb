package dev.quarry.cli;

import dev.quarry.models.project.Dag;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quarry dag}: prints which model reads which. */
@Command(
        name = "dag",
        description = "Print the models' dependency graph as text, Graphviz DOT or Mermaid.",
        footerHeading = "%nExamples:%n",
        footer = {"  quarry dag", "  quarry dag --format dot | dot -Tsvg > dag.svg", "  quarry dag --format mermaid"})
final class DagCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text, dot or mermaid (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format {
        TEXT {
            @Override
            String render(Dag dag) {
                return dag.text();
            }
        },
        DOT {
            @Override
            String render(Dag dag) {
                return dag.dot();
            }
        },
        MERMAID {
            @Override
            String render(Dag dag) {
                return dag.mermaid();
            }
        };

        abstract String render(Dag dag);
    }

    DagCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.out().print(format.render(project.load(ctx).dag()));
        return 0;
    }
}
