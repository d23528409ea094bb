package dev.quarry.cli;

import dev.quarry.models.Workspace;
import dev.quarry.models.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code -p/--path} and {@code --gateway}, shared by the model commands. */
final class ProjectOptions {
    @Option(
            names = {"-p", "--path"},
            paramLabel = "DIR",
            description = "The project directory (default: the current directory).")
    Path path;

    @Option(
            names = "--gateway",
            paramLabel = "NAME",
            description = "The gateway of config.yaml to use (default: default_gateway).")
    String gateway;

    Path root(CliContext ctx) {
        Path root = path == null ? ctx.workingDir() : ctx.workingDir().resolve(path);
        if (!Files.isDirectory(root)) {
            throw new dev.quarry.core.ConfigException("project directory " + root
                    + (Files.exists(root) ? " is a file, not a directory" : " does not exist"));
        }
        return root.toAbsolutePath().normalize();
    }

    Project load(CliContext ctx) {
        return Project.load(root(ctx), ctx.env());
    }

    Workspace open(CliContext ctx) {
        return open(ctx, load(ctx));
    }

    Workspace open(CliContext ctx, Project project) {
        return Workspace.open(
                project, Optional.ofNullable(gateway), name -> ctx.connections().get(name));
    }
}
