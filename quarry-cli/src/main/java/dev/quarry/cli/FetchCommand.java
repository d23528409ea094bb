package dev.quarry.cli;

import dev.quarry.core.RunException;
import dev.quarry.core.output.ResultFormat;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StarRocksSqlException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarry fetch "SQL"}: runs a query on the gateway's StarRocks and prints a boxed table. */
@Command(
        name = "fetch",
        description = "Run a query on the project's StarRocks gateway and print the result as a table.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  quarry fetch 'SELECT * FROM sales.daily_revenue ORDER BY ds'",
            "  quarry fetch --limit 10 'SELECT * FROM sales__dev.customers'"
        })
final class FetchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Parameters(index = "0", paramLabel = "SQL", description = "The query.")
    String sql;

    @Option(
            names = "--limit",
            defaultValue = "1000",
            description = "Print at most this many rows; 0 prints all (default: ${DEFAULT-VALUE}).")
    int limit;

    FetchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be 0 (no limit) or more, got " + limit);
        }
        // Only the connection is needed: a broken model must not stop a query.
        try (StarRocksSession session = StarRocksSession.open(project.connection(ctx))) {
            ctx.out().print(ResultFormat.TABLE.render(session.query(sql, limit)));
            return 0;
        } catch (StarRocksSqlException e) {
            throw new RunException("query failed: " + e.getMessage(), e);
        }
    }
}
