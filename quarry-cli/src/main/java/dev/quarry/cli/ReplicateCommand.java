package dev.quarry.cli;

import dev.quarry.core.ConfigException;
import dev.quarry.replicate.Replication;
import dev.quarry.replicate.plan.OneOffStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quarry replicate}: runs a Sling-format replication file, or one stream given on the command line. */
@Command(
        name = "replicate",
        description = {
            "Replicate PostgreSQL tables into StarRocks from a Sling-format replication file, or one stream given with --src-*/--tgt-*.",
            "Full refreshes load a staging table and swap it in atomically; incremental streams read past MAX(update_key) of the target.",
            "A failing stream does not stop the others; the exit code is then 1."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  quarry replicate -r replication.yaml",
            "  quarry replicate -r replication.yaml --streams public.users,public.orders",
            "  quarry replicate -r replication.yaml --threads 3 --mode full-refresh",
            "  quarry replicate -r replication.yaml --dry-run",
            "  quarry replicate --src-conn PG --src-stream public.users \\",
            "      --tgt-conn SR --tgt-object shop.users --primary-key id"
        })
final class ReplicateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = {"-r", "--replication"},
            paramLabel = "FILE",
            description = "The replication file (Sling's YAML format).")
    String replication;

    @Option(
            names = "--streams",
            split = ",",
            paramLabel = "NAME",
            description = "Run only these streams of the file (comma-separated names).")
    List<String> streams = List.of();

    @Option(
            names = "--mode",
            paramLabel = "M",
            description = "Run every stream in this mode: full-refresh, truncate, incremental, snapshot, backfill.")
    String mode;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "1",
            description = "Streams run at once, each with its own sessions (1.." + Replication.MAX_THREADS
                    + ", default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--dry-run",
            description = "Print the plan (streams, modes, target DDL, source SQL); change nothing.")
    boolean dryRun;

    @Option(names = "--src-conn", paramLabel = "CONN", description = "One-off stream: the PostgreSQL connection.")
    String srcConn;

    @Option(names = "--src-stream", paramLabel = "SCHEMA.TABLE", description = "One-off stream: the source table.")
    String srcStream;

    @Option(names = "--tgt-conn", paramLabel = "CONN", description = "One-off stream: the StarRocks connection.")
    String tgtConn;

    @Option(names = "--tgt-object", paramLabel = "DB.TABLE", description = "One-off stream: the target table.")
    String tgtObject;

    @Option(
            names = "--primary-key",
            split = ",",
            paramLabel = "COL",
            description = "One-off stream: primary key columns (comma-separated).")
    List<String> primaryKey = List.of();

    @Option(
            names = "--update-key",
            paramLabel = "COL",
            description = "One-off stream: the column incremental reads continue from.")
    String updateKey;

    ReplicateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return ReplicationLog.run(ctx, replication()).exitCode();
    }

    private Replication.Builder replication() {
        boolean oneOff = srcConn != null || srcStream != null || tgtConn != null || tgtObject != null;
        if (replication != null && oneOff) {
            throw new ConfigException(
                    "give either -r FILE or a one-off stream (--src-conn, --src-stream, --tgt-conn, --tgt-object), not both");
        }
        if (replication == null && !oneOff) {
            throw new ConfigException(
                    "nothing to replicate: give -r FILE or --src-conn, --src-stream, --tgt-conn and --tgt-object");
        }
        if (oneOff) {
            List<String> missing = new java.util.ArrayList<>();
            if (srcConn == null) {
                missing.add("--src-conn");
            }
            if (srcStream == null) {
                missing.add("--src-stream");
            }
            if (tgtConn == null) {
                missing.add("--tgt-conn");
            }
            if (tgtObject == null) {
                missing.add("--tgt-object");
            }
            if (!missing.isEmpty()) {
                throw new ConfigException("a one-off stream also needs " + String.join(", ", missing));
            }
            if (!streams.isEmpty()) {
                throw new ConfigException(
                        "--streams selects streams of a replication file; a one-off stream is just one");
            }
            OneOffStream stream = new OneOffStream(
                    srcConn,
                    tgtConn,
                    srcStream,
                    tgtObject,
                    Optional.ofNullable(mode),
                    primaryKey,
                    Optional.ofNullable(updateKey),
                    List.of(),
                    Optional.empty());
            // The mode is part of the one-off stream itself, so the planner checks it with the keys.
            return Replication.ofStream(stream).threads(threads).dryRun(dryRun);
        }
        if (!primaryKey.isEmpty() || updateKey != null) {
            throw new ConfigException(
                    "--primary-key and --update-key belong to a one-off stream; in a file, set them on the stream");
        }
        return Replication.ofFile(ctx.resolve(replication))
                .streams(streams)
                .mode(Optional.ofNullable(mode))
                .threads(threads)
                .dryRun(dryRun);
    }
}
