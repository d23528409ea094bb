package dev.quarry.cli;

import dev.quarry.models.Workspace;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.Project;
import dev.quarry.models.state.StateStore;
import dev.quarry.starrocks.StarRocksSession;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quarry info}: what the project holds and whether its gateway answers. */
@Command(
        name = "info",
        description =
                "Show the project's models by kind, audits, tests, environments, and test the gateway connection.",
        footerHeading = "%nExamples:%n",
        footer = {"  quarry info", "  quarry info -p ./analytics --skip-connection"})
final class InfoCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--skip-connection", description = "Do not connect to StarRocks.")
    boolean skipConnection;

    InfoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintStream out = ctx.out();
        Project p;
        try {
            p = project.load(ctx);
        } catch (dev.quarry.core.ConfigException e) {
            // The models are broken, but the connection may still be checked (it needs only the config).
            out.println("Project: " + project.root(ctx));
            e.details().forEach(d -> out.println("Error: " + d));
            out.println("Error: " + e.getMessage());
            if (!skipConnection) {
                try (StarRocksSession session = StarRocksSession.open(project.connection(ctx))) {
                    out.println("Connection: ok (" + session.versionComment().orElse("unknown version") + ")");
                } catch (dev.quarry.core.RunException e2) {
                    out.println("Connection: failed (" + e2.getMessage() + ")");
                }
            }
            return e.exitCode();
        }
        Map<String, Integer> kinds = new TreeMap<>();
        for (Model m : p.models().values()) {
            kinds.merge(
                    m.kind().isMaterializedView()
                            ? "VIEW (materialized)"
                            : m.kind().kind().name(),
                    1,
                    Integer::sum);
        }
        out.println("Project: " + p.root());
        out.println("Models: " + p.models().size());
        kinds.forEach((k, n) -> out.println("  " + k + ": " + n));
        out.println("Audits: " + p.audits().size());
        out.println("Tests: " + p.tests().size());
        p.warnings().forEach(w -> out.println("Warning: " + w));
        try (Workspace ws = project.open(ctx, p)) {
            out.println("Gateway: " + ws.gatewayName() + " (" + ws.connection().maskedUrl() + ", concurrent_tasks "
                    + ws.concurrentTasks() + ")");
            java.util.List<String> environments = ws.state().environments();
            if (environments.isEmpty()) {
                out.println("Environments: none yet (quarry plan creates prod)");
            }
            for (String env : environments) {
                int n = ws.state()
                        .environment(env)
                        .map(StateStore.Environment::snapshots)
                        .map(Map::size)
                        .orElse(0);
                out.println("Environment " + env + ": " + n + " models");
            }
            if (!skipConnection) {
                try (StarRocksSession session = StarRocksSession.open(ws.connection())) {
                    out.println("Connection: ok (" + session.versionComment().orElse("unknown version") + ")");
                } catch (dev.quarry.core.RunException e) {
                    out.println("Connection: failed (" + e.getMessage() + ")");
                    return 1;
                }
            }
        }
        return 0;
    }
}
