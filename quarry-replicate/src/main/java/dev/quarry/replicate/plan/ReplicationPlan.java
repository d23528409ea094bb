package dev.quarry.replicate.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.config.Hooks;
import dev.quarry.replicate.config.RunContext;
import java.util.List;
import java.util.Map;

/**
 * A replication file turned into the streams to run, in file order (wildcards expanded where they stood), with the
 * file's {@code start}/{@code end} hooks and the warnings about keys that have no effect on StarRocks (each
 * {@code file:line:col: message}, docs/sling.md §7).
 */
public record ReplicationPlan(
        String source,
        String target,
        Map<String, String> env,
        List<StreamPlan> streams,
        RunContext context,
        Hooks hooks,
        List<String> warnings) {
    public ReplicationPlan {
        requireNonNull(source, "source is null");
        requireNonNull(target, "target is null");
        env = Map.copyOf(env);
        streams = List.copyOf(streams);
        requireNonNull(context, "context is null");
        requireNonNull(hooks, "hooks is null");
        warnings = List.copyOf(warnings);
    }

    /** The same plan running only {@code chosen}. */
    public ReplicationPlan withStreams(List<StreamPlan> chosen) {
        return new ReplicationPlan(source, target, env, chosen, context, hooks, warnings);
    }
}
