package dev.quarry.cli;

import dev.quarry.core.Log;
import dev.quarry.core.QuarryException;
import dev.quarry.core.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code quarry} command. Exit codes: 0 success, 1 a run failed, 2 bad usage or configuration.
 * This is the only place where exceptions become messages: one {@code ERR} line on stderr, with a
 * stack trace only under {@code --debug}.
 */
@Command(
        name = "quarry",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = Main.Version.class,
        description =
                "Replicate into StarRocks, transform inside it, and test against a local StarRocks-compatible sandbox.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  quarry conns set PG url='postgresql://app:secret@localhost:5432/shop'",
            "  quarry conns test PG",
            "  quarry conns exec PG 'select count(*) from orders'",
            "",
            "Logs go to stderr, results to stdout. Exit codes: 0 ok, 1 run failed, 2 bad usage or configuration."
        })
public final class Main implements Callable<Integer> {
    /** Every top-level command, in help order. A new command is one line here plus its class. */
    static final List<Class<?>> COMMANDS = List.of(
            ConnsCommand.class,
            SandboxCommand.class,
            ReplicateCommand.class,
            DemoCommand.class,
            InitCommand.class,
            PlanCommand.class,
            RunCommand.class,
            RenderCommand.class,
            InfoCommand.class,
            DagCommand.class,
            FetchCommand.class,
            TableNameCommand.class,
            TestCommand.class);

    @Spec
    private CommandSpec spec;

    /**
     * Accepts {@code --debug} on every command. Its effect is already in place: {@link #run} reads it from the raw
     * arguments before parsing, so that a parse error gets debug output too.
     */
    @Option(
            names = "--debug",
            scope = ScopeType.INHERIT,
            description = "Log every SQL statement and HTTP request (without secrets); show stack traces on errors.")
    void debug(boolean enabled) {
        // Nothing to do here: see run().
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    /** Runs one command line and returns its exit code; never calls System.exit. */
    public static int run(CliContext ctx, String... args) {
        // Read before parsing so that even a parse error gets debug treatment.
        boolean debug = List.of(args).contains("--debug");
        Log.configure(ctx.err(), debug, ctx.clock());
        CommandLine cli = commandLine(ctx);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failure(ex, ctx, debug));
        cli.setParameterExceptionHandler((ex, ignoredArgs) -> usageError(ex, debug, ctx));
        try {
            return cli.execute(args);
        } finally {
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    static final int HELP_WIDTH = 110;

    static CommandLine commandLine(CliContext ctx) {
        CommandLine.IFactory factory = new ContextFactory(ctx);
        CommandLine cli = new CommandLine(new Main(), factory);
        for (Class<?> command : COMMANDS) {
            cli.addSubcommand(command);
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // Wide enough that no example line (URLs included) is wrapped mid-word, which would break copying it.
        cli.setUsageHelpWidth(HELP_WIDTH);
        cli.setOut(new PrintWriter(ctx.out(), true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(ctx.err(), true, StandardCharsets.UTF_8));
        return cli;
    }

    private static int failure(Exception ex, CliContext ctx, boolean debug) {
        if (ex instanceof QuarryException q) {
            q.details().forEach(Log::error);
            Log.error(q.getMessage());
            if (debug) {
                printStackTrace(ex, ctx);
            }
            return q.exitCode();
        }
        String message =
                ex.getMessage() == null ? "" : ": " + ex.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        Log.error("unexpected " + ex.getClass().getSimpleName() + message
                + (debug ? "" : " (run with --debug for details)"));
        if (debug) {
            printStackTrace(ex, ctx);
        }
        return 1;
    }

    private static int usageError(ParameterException ex, boolean debug, CliContext ctx) {
        String message =
                ex.getMessage() == null ? "bad usage" : ex.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        if (ex instanceof UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        Log.error(message + " (see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
        if (debug) {
            printStackTrace(ex, ctx);
        }
        return 2;
    }

    /** Stack traces carry driver messages too, so they are scrubbed like everything else. */
    private static void printStackTrace(Throwable t, CliContext ctx) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        ctx.err().print(Secrets.scrub(trace.toString()));
        ctx.err().flush();
    }

    /** Creates commands through their {@code (CliContext)} constructor when they have one. */
    private record ContextFactory(CliContext ctx) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            Constructor<K> constructor;
            try {
                constructor = cls.getDeclaredConstructor(CliContext.class);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
            constructor.setAccessible(true);
            return constructor.newInstance(ctx);
        }
    }

    /** The version from the jar manifest (Implementation-Version, set by the build). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"quarry " + version()};
        }

        static String version() {
            String v = Main.class.getPackage().getImplementationVersion();
            return v == null ? "(development build, not from a jar)" : v;
        }
    }
}
