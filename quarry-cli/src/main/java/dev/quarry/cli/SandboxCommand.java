package dev.quarry.cli;

import dev.quarry.core.ConfigException;
import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quarry sandbox}: runs a local StarRocks-compatible server in the foreground until Ctrl-C / SIGTERM (or,
 * when run in-process, until the running thread is interrupted).
 */
@Command(
        name = "sandbox",
        description = {
            "Run a local StarRocks-compatible server (MySQL protocol + Stream Load) in the foreground.",
            "It behaves like a fresh single-node StarRocks 3.5: default_replication_num 3, empty_load_as_error true,"
                    + " and StarRocks' error messages. Stop it with Ctrl-C."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  quarry sandbox                                  # ports 9030/8030/8040, data in $QUARRY_HOME/sandbox",
            "  quarry sandbox --memory --query-port 0 --http-port 0 --be-http-port 0",
            "  quarry sandbox --data /tmp/sr --backends 3 --query-log /tmp/sr/audit.jsonl",
            "  mysql -h 127.0.0.1 -P 9030 -u root -e 'show databases'"
        })
final class SandboxCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Address to bind and advertise (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--query-port",
            defaultValue = "9030",
            description = "MySQL protocol port, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int queryPort;

    @Option(
            names = "--http-port",
            defaultValue = "8030",
            description = "FE HTTP port; Stream Load is redirected from here (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(
            names = "--be-http-port",
            defaultValue = "8040",
            description = "BE HTTP port where loads run (default: ${DEFAULT-VALUE}).")
    int beHttpPort;

    @ArgGroup(exclusive = true)
    Storage storage = new Storage();

    static final class Storage {
        @Option(
                names = "--data",
                paramLabel = "DIR",
                description = "Keep catalog and data in DIR across restarts (default: $QUARRY_HOME/sandbox).")
        Path data;

        @Option(names = "--memory", description = "Keep everything in memory; gone when the sandbox stops.")
        boolean memory;
    }

    @Option(
            names = "--backends",
            defaultValue = "1",
            description = "Number of alive backends to report (default: ${DEFAULT-VALUE}).")
    int backends;

    @Option(
            names = "--user",
            defaultValue = "root",
            description = "The account clients log in with (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(
            names = "--password",
            defaultValue = "",
            description = "Its password (default: empty). Also read from QUARRY_SANDBOX_PASSWORD.")
    String password;

    @Option(
            names = "--query-log",
            paramLabel = "FILE",
            description = "Append one JSON line per statement and per Stream Load to FILE.")
    Path queryLog;

    @Option(
            names = "--starrocks-version",
            defaultValue = "3.5.7",
            description = "StarRocks version to emulate in @@version_comment (default: ${DEFAULT-VALUE}).")
    String starRocksVersion;

    @Option(
            names = "--blackhole",
            description = "Test aid for benchmarking clients: loads are parsed and validated but nothing is stored.")
    boolean blackhole;

    SandboxCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        SandboxConfig config = config();
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(config);
        } catch (IOException e) {
            String hint = e instanceof BindException || e.getCause() instanceof BindException
                    ? " (a port is in use: pick others with --query-port/--http-port/--be-http-port, or 0 for any free port)"
                    : "";
            throw new RunException("cannot start the sandbox: " + e.getMessage() + hint);
        } catch (IllegalStateException e) {
            throw new RunException(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    sandbox.close();
                    stopped.countDown();
                },
                "quarry-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintStream out = ctx.out();
        out.println("StarRocks sandbox (emulating StarRocks " + config.starRocksVersion() + ") is running"
                + (config.dataDir() == null ? " in memory" : " with data in " + config.dataDir()));
        out.println("  MySQL protocol : " + sandbox.mysqlUrl());
        out.println("  FE HTTP        : " + sandbox.feUrl());
        out.println("  BE HTTP        : " + sandbox.beUrl());
        out.println("  connect        : mysql -h " + sandbox.host() + " -P " + sandbox.queryPort() + " -u "
                + config.user() + (config.password().isEmpty() ? "" : " -p"));
        // The password is never printed; the line still says that one is needed, and where it comes from.
        String passwordOption = config.password().isEmpty()
                ? ""
                : password.isEmpty() ? " password=\"$QUARRY_SANDBOX_PASSWORD\"" : " password='<your --password>'";
        out.println("  register it    : " + sandbox.connsSetLine("SR") + passwordOption);
        out.flush();
        Log.info("press Ctrl-C to stop");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // In-process callers stop the sandbox by interrupting the thread running the command.
            Runtime.getRuntime().removeShutdownHook(hook);
            sandbox.close();
            Log.info("sandbox stopped");
        }
        return 0;
    }

    private SandboxConfig config() {
        String effectivePassword =
                password.isEmpty() ? ctx.env().getOrDefault("QUARRY_SANDBOX_PASSWORD", "") : password;
        Path dataDir = storage.memory
                ? null
                : storage.data != null
                        ? ctx.resolve(storage.data.toString())
                        : ctx.home().resolve("sandbox");
        if (backends < 1) {
            throw new ConfigException("--backends must be 1 or more, got " + backends);
        }
        if (dataDir != null && java.nio.file.Files.exists(dataDir) && !java.nio.file.Files.isDirectory(dataDir)) {
            throw new ConfigException("--data " + dataDir + " is a file, not a directory");
        }
        try {
            return new SandboxConfig(
                    host,
                    queryPort,
                    httpPort,
                    beHttpPort,
                    dataDir,
                    backends,
                    user,
                    effectivePassword,
                    queryLog == null ? null : ctx.resolve(queryLog.toString()),
                    blackhole,
                    starRocksVersion);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
