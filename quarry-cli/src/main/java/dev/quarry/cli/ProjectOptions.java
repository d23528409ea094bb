package dev.quarry.cli;

import dev.quarry.models.Workspace;
import dev.quarry.models.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code -p/--path} and {@code --gateway}, shared by the model commands. */
final class ProjectOptions {
    @Option(
            names = {"-p", "--path"},
            paramLabel = "DIR",
            description = "The project directory (default: the current directory); repeat it for a project spread"
                    + " over several repositories (the first one's config leads).")
    List<Path> paths = new ArrayList<>();

    @Option(
            names = "--gateway",
            paramLabel = "NAME",
            description = "The gateway of config.yaml to use (default: default_gateway).")
    String gateway;

    Path root(CliContext ctx) {
        return roots(ctx).get(0);
    }

    List<Path> roots(CliContext ctx) {
        List<Path> out = new ArrayList<>();
        for (Path path : paths.isEmpty() ? List.of(Path.of("")) : paths) {
            Path root = ctx.workingDir().resolve(path);
            if (!Files.isDirectory(root)) {
                throw new dev.quarry.core.ConfigException("project directory " + root
                        + (Files.exists(root) ? " is a file, not a directory" : " does not exist"));
            }
            out.add(root.toAbsolutePath().normalize());
        }
        return out;
    }

    Project load(CliContext ctx) {
        return Project.load(roots(ctx), ctx.env());
    }

    /** The gateway's StarRocks connection, read from the config alone: models are not loaded, so broken ones do not matter. */
    dev.quarry.core.conn.ConnectionSpec connection(CliContext ctx) {
        return Workspace.connection(
                root(ctx),
                ctx.env(),
                Optional.ofNullable(gateway),
                name -> ctx.connections().get(name));
    }

    Workspace open(CliContext ctx) {
        return open(ctx, load(ctx));
    }

    Workspace open(CliContext ctx, Project project) {
        return Workspace.open(
                project, Optional.ofNullable(gateway), name -> ctx.connections().get(name));
    }
}
