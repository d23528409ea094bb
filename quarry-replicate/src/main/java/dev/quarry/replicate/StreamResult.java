package dev.quarry.replicate;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** What one stream did: rows read from the source and loaded into the target, body bytes, Stream Load calls. */
public record StreamResult(String stream, TargetTable target, Mode mode, long rowsRead, long rowsLoaded, long bytes, int loads,
                           Duration elapsed) {
    public StreamResult {
        requireNonNull(stream, "stream is null");
        requireNonNull(target, "target is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(elapsed, "elapsed is null");
    }
}
