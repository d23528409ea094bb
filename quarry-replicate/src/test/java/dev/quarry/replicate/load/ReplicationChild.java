package dev.quarry.replicate.load;

import dev.quarry.replicate.config.RunContext;
import dev.quarry.replicate.plan.ReplicationPlan;
import dev.quarry.replicate.plan.ReplicationPlanner;
import dev.quarry.replicate.plan.StreamPlan;
import dev.quarry.replicate.source.Sources;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StreamLoader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A replication in a process of its own, so {@link CrashSafetyIT} can SIGKILL it mid-load. Runs every stream of
 * the replication file given as the only argument. Connection settings come from the environment (passwords in
 * arguments would show in {@code ps}): QUARRY_PG_URL, QUARRY_PG_USER, QUARRY_PG_PASSWORD, QUARRY_SR_URL (MariaDB
 * Connector/J), QUARRY_SR_FE, QUARRY_SR_USER, QUARRY_SR_PASSWORD, and QUARRY_DB (the replication file's ${DB}).
 * Prints {@code START} once connected and {@code DONE <rows loaded>} when every stream finished.
 */
final class ReplicationChild {
    private ReplicationChild() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        try (Connection source = DriverManager.getConnection(
                        env.get("QUARRY_PG_URL"), env.get("QUARRY_PG_USER"), env.get("QUARRY_PG_PASSWORD"));
                Connection target = DriverManager.getConnection(
                        env.get("QUARRY_SR_URL"), env.get("QUARRY_SR_USER"), env.get("QUARRY_SR_PASSWORD"))) {
            StreamLoader loader = StreamLoader.builder(
                            URI.create(env.get("QUARRY_SR_FE")),
                            env.get("QUARRY_SR_USER"),
                            env.get("QUARRY_SR_PASSWORD"))
                    .requestTimeout(Duration.ofMinutes(5))
                    .build();
            RunContext context = new RunContext(
                    java.time.Instant.now(), java.time.ZoneId.of("UTC"), Map.of("DB", env.get("QUARRY_DB")));
            Path file = Path.of(args[0]);
            ReplicationPlan plan = new ReplicationPlanner(context, Sources.postgres(source))
                    .plan(Files.readString(file), file.getFileName().toString(), file.getParent());
            Replicator replicator = new Replicator(
                    Sources.postgres(source),
                    StarRocksSession.of(target),
                    loader,
                    "child-" + UUID.randomUUID(),
                    StarRocksDialect.latest());
            System.out.println("START");
            System.out.flush();
            long rows = 0;
            for (StreamPlan stream : plan.streams()) {
                rows += replicator.run(stream).rowsLoaded();
            }
            System.out.println("DONE " + rows);
        }
    }
}
