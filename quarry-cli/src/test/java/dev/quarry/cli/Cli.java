package dev.quarry.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the real {@link Main} in-process with its own QUARRY_HOME, environment and captured output. */
final class Cli {
    private final Path home;
    private final Path workingDir;
    private final Map<String, String> env = new HashMap<>();

    Cli(Path home) {
        this(home, home);
    }

    /** Commands run in {@code workingDir}, with {@code home} as QUARRY_HOME. */
    Cli(Path home, Path workingDir) {
        this.home = home;
        this.workingDir = workingDir;
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Path home() {
        return home;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(new CliContext(home, env, workingDir, o, e, Clock.systemUTC()), args);
        }
        return new Result(
                code,
                out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8),
                (System.nanoTime() - start) / 1_000_000);
    }

    record Result(int exitCode, String out, String err, long millis) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + " after " + millis + " ms\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
