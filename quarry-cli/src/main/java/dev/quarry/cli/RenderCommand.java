package dev.quarry.cli;

import dev.quarry.core.ConfigException;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.Project;
import dev.quarry.models.render.Renderer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry render MODEL}: prints a model's query with its macros expanded. */
@Command(
        name = "render",
        description = "Print a model's query with its macros expanded for one interval (default: yesterday, UTC).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  quarry render sales.daily_revenue",
            "  quarry render sales.daily_revenue --start 2024-01-01 --end 2024-01-31"
        })
final class RenderCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model (schema.name).")
    String model;

    @Option(names = "--start", paramLabel = "S", description = "Interval start (date or timestamp, UTC).")
    String start;

    @Option(names = "--end", paramLabel = "E", description = "Interval end; a date includes the whole day.")
    String end;

    RenderCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        TimeFlags.check(start, end, ctx.clock().instant());
        Project p = project.load(ctx);
        Model m = p.model(model)
                .orElseThrow(() -> new ConfigException("model " + model + " is not in the project"
                        + dev.quarry.core.Names.didYouMean(model, p.models().keySet())));
        if (m.python()) {
            throw new ConfigException("model " + m.name() + " is a Python model ("
                    + m.location().file() + "): its rows come from Python, so there is no SQL to render");
        }
        if (m.query().isEmpty()) {
            throw new ConfigException(
                    "model " + m.name() + " is a " + m.kind().kind() + " model and has no query to render");
        }
        Instant today = ctx.clock().instant().truncatedTo(ChronoUnit.DAYS);
        Instant s = start == null
                ? today.minus(1, ChronoUnit.DAYS)
                : TimeFlags.parse("--start", start, ctx.clock().instant(), false);
        Instant e = end == null
                ? (start == null ? today : s.plus(1, ChronoUnit.DAYS))
                : TimeFlags.parse("--end", end, ctx.clock().instant(), true);
        if (!e.isAfter(s)) {
            throw new ConfigException("--end " + end + " must be after --start " + (start == null ? s : start));
        }
        ctx.out().println(Renderer.renderQuery(p, m, s, e).strip());
        return 0;
    }
}
