package dev.quarry.cli;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.conn.Connections;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a command may touch of the outside world, injected so that tests run {@link Main} in-process with
 * their own home directory, environment and captured output. Commands get it through a constructor
 * taking a {@code CliContext}.
 *
 * @param home $QUARRY_HOME (env.yaml lives here)
 * @param env environment variables (connections may be defined in them)
 * @param workingDir where relative paths given on the command line resolve
 */
public record CliContext(
        Path home, Map<String, String> env, Path workingDir, PrintStream out, PrintStream err, Clock clock) {
    public CliContext {
        requireNonNull(home, "home is null");
        env = Map.copyOf(requireNonNull(env, "env is null"));
        requireNonNull(workingDir, "workingDir is null");
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
        requireNonNull(clock, "clock is null");
    }

    /** The real process: environment, ~/.quarry or $QUARRY_HOME, System.out/err, the local wall clock. */
    public static CliContext system() {
        Map<String, String> env = System.getenv();
        Path userHome = Path.of(System.getProperty("user.home"));
        return new CliContext(
                Connections.home(env, userHome),
                env,
                Path.of("").toAbsolutePath(),
                System.out,
                System.err,
                Clock.system(ZoneId.systemDefault()));
    }

    /** All connections, read fresh (env.yaml may have changed since the last command). */
    public Connections connections() {
        return Connections.load(home, env);
    }

    public Path resolve(String path) {
        return workingDir.resolve(path);
    }
}
