package dev.quarry.replicate.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A stream given on the command line ({@code --src-conn PG --src-stream public.users --tgt-conn SR --tgt-object db.users
 * [--mode M] [--primary-key id] [--update-key updated_at] [--select a,-b] [--where ...]}), checked by the same rules as
 * a replication file.
 */
public record OneOffStream(
        String source,
        String target,
        String stream,
        String object,
        Optional<String> mode,
        List<String> primaryKey,
        Optional<String> updateKey,
        List<String> select,
        Optional<String> where) {
    public OneOffStream {
        requireNonNull(source, "source is null");
        requireNonNull(target, "target is null");
        requireNonNull(stream, "stream is null");
        requireNonNull(object, "object is null");
        requireNonNull(mode, "mode is null");
        primaryKey = List.copyOf(primaryKey);
        requireNonNull(updateKey, "updateKey is null");
        select = List.copyOf(select);
        requireNonNull(where, "where is null");
    }
}
