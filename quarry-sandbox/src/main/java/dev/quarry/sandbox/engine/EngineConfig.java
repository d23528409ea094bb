package dev.quarry.sandbox.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How an engine is opened.
 *
 * @param dataDir where catalog and data persist across restarts; {@code null} keeps everything in memory
 * @param backends number of alive backends the cluster reports (replication_num is checked against it)
 * @param blackhole test aid: loads parse and validate every row and answer as usual but store nothing
 * @param starRocksVersion the emulated StarRocks version, e.g. {@code 3.5.7}, reported by version_comment
 * @param clock where the engine reads "now": now() and friends, label, load and refresh times (the system clock
 *     unless a test sets another)
 */
public record EngineConfig(Path dataDir, int backends, boolean blackhole, String starRocksVersion, Clock clock) {
    public EngineConfig {
        if (backends < 0) {
            throw new IllegalArgumentException("backends must be >= 0, got " + backends);
        }
        if (starRocksVersion == null || starRocksVersion.isBlank()) {
            throw new IllegalArgumentException("starRocksVersion is blank");
        }
        Objects.requireNonNull(clock, "clock is null");
    }

    /** On the system clock. */
    public EngineConfig(Path dataDir, int backends, boolean blackhole, String starRocksVersion) {
        this(dataDir, backends, blackhole, starRocksVersion, Clock.systemUTC());
    }

    public static EngineConfig inMemory() {
        return new EngineConfig(null, 1, false, "3.5.7");
    }

    public EngineConfig withClock(Clock newClock) {
        return new EngineConfig(dataDir, backends, blackhole, starRocksVersion, newClock);
    }
}
