package dev.quarry.replicate.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.config.RunContext;
import java.util.List;
import java.util.Map;

/** A replication file turned into the streams to run, in file order (wildcards expanded where they stood). */
public record ReplicationPlan(
        String source, String target, Map<String, String> env, List<StreamPlan> streams, RunContext context) {
    public ReplicationPlan {
        requireNonNull(source, "source is null");
        requireNonNull(target, "target is null");
        env = Map.copyOf(env);
        streams = List.copyOf(streams);
        requireNonNull(context, "context is null");
    }
}
