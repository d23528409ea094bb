package dev.quarry.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How a {@link Sandbox} starts. Port 0 picks a free port.
 *
 * @param host address to bind and advertise (default 127.0.0.1)
 * @param queryPort MySQL protocol port (FE query port, default 9030)
 * @param httpPort FE HTTP port (default 8030): answers Stream Load with a 307 to the BE port
 * @param beHttpPort BE HTTP port (default 8040): performs Stream Loads
 * @param dataDir where catalog and data persist across restarts, or {@code null} for an in-memory sandbox
 * @param backends number of alive backends the sandbox reports (replication_num is checked against it)
 * @param user the one account the sandbox accepts (default root)
 * @param password its password (default empty); never printed
 * @param queryLog file that receives one JSON line per statement and per Stream Load, or {@code null}
 * @param blackhole test aid: loads parse and validate every row and answer as usual but store nothing
 * @param starRocksVersion the emulated StarRocks version reported by {@code @@version_comment}
 * @param clock where the sandbox reads "now" (now() and friends, label, load and refresh times, the query log);
 *     the system clock unless a test sets another
 */
public record SandboxConfig(
        String host,
        int queryPort,
        int httpPort,
        int beHttpPort,
        Path dataDir,
        int backends,
        String user,
        String password,
        Path queryLog,
        boolean blackhole,
        String starRocksVersion,
        Clock clock) {
    public SandboxConfig {
        Objects.requireNonNull(host, "host is null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("sandbox host is blank");
        }
        checkPort("query port", queryPort);
        checkPort("http port", httpPort);
        checkPort("be http port", beHttpPort);
        if (backends < 0) {
            throw new IllegalArgumentException("sandbox backends must be >= 0, got " + backends);
        }
        Objects.requireNonNull(user, "user is null");
        if (user.isBlank()) {
            throw new IllegalArgumentException("sandbox user is blank");
        }
        Objects.requireNonNull(password, "password is null");
        Objects.requireNonNull(starRocksVersion, "starRocksVersion is null");
        if (!starRocksVersion.matches("\\d+\\.\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException(
                    "sandbox StarRocks version must look like 3.5.7, got '" + starRocksVersion + "'");
        }
        Objects.requireNonNull(clock, "clock is null");
    }

    /** On the system clock. */
    public SandboxConfig(
            String host,
            int queryPort,
            int httpPort,
            int beHttpPort,
            Path dataDir,
            int backends,
            String user,
            String password,
            Path queryLog,
            boolean blackhole,
            String starRocksVersion) {
        this(
                host,
                queryPort,
                httpPort,
                beHttpPort,
                dataDir,
                backends,
                user,
                password,
                queryLog,
                blackhole,
                starRocksVersion,
                Clock.systemUTC());
    }

    private static void checkPort(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("sandbox " + what + " must be 0..65535, got " + port);
        }
    }

    /** StarRocks' default ports on 127.0.0.1, in memory, one backend, root with an empty password. */
    public static SandboxConfig defaults() {
        return new SandboxConfig("127.0.0.1", 9030, 8030, 8040, null, 1, "root", "", null, false, "3.5.7");
    }

    /** Like {@link #defaults()} but on free ports: what tests use. */
    public static SandboxConfig ephemeral() {
        return defaults().withPorts(0, 0, 0);
    }

    public SandboxConfig withHost(String newHost) {
        return new SandboxConfig(
                newHost,
                queryPort,
                httpPort,
                beHttpPort,
                dataDir,
                backends,
                user,
                password,
                queryLog,
                blackhole,
                starRocksVersion,
                clock);
    }

    public SandboxConfig withPorts(int newQueryPort, int newHttpPort, int newBeHttpPort) {
        return new SandboxConfig(
                host,
                newQueryPort,
                newHttpPort,
                newBeHttpPort,
                dataDir,
                backends,
                user,
                password,
                queryLog,
                blackhole,
                starRocksVersion,
                clock);
    }

    /** {@code null} means in memory. */
    public SandboxConfig withDataDir(Path newDataDir) {
        return new SandboxConfig(
                host,
                queryPort,
                httpPort,
                beHttpPort,
                newDataDir,
                backends,
                user,
                password,
                queryLog,
                blackhole,
                starRocksVersion,
                clock);
    }

    public SandboxConfig withBackends(int newBackends) {
        return new SandboxConfig(
                host,
                queryPort,
                httpPort,
                beHttpPort,
                dataDir,
                newBackends,
                user,
                password,
                queryLog,
                blackhole,
                starRocksVersion,
                clock);
    }

    public SandboxConfig withCredentials(String newUser, String newPassword) {
        return new SandboxConfig(
                host,
                queryPort,
                httpPort,
                beHttpPort,
                dataDir,
                backends,
                newUser,
                newPassword,
                queryLog,
                blackhole,
                starRocksVersion,
                clock);
    }

    public SandboxConfig withQueryLog(Path newQueryLog) {
        return new SandboxConfig(
                host,
                queryPort,
                httpPort,
                beHttpPort,
                dataDir,
                backends,
                user,
                password,
                newQueryLog,
                blackhole,
                starRocksVersion,
                clock);
    }

    /** Test aid: see {@link SandboxConfig}. */
    public SandboxConfig withBlackhole(boolean newBlackhole) {
        return new SandboxConfig(
                host,
                queryPort,
                httpPort,
                beHttpPort,
                dataDir,
                backends,
                user,
                password,
                queryLog,
                newBlackhole,
                starRocksVersion,
                clock);
    }

    public SandboxConfig withStarRocksVersion(String newVersion) {
        return new SandboxConfig(
                host,
                queryPort,
                httpPort,
                beHttpPort,
                dataDir,
                backends,
                user,
                password,
                queryLog,
                blackhole,
                newVersion,
                clock);
    }

    /** Test aid: the sandbox reads "now" from {@code newClock}, e.g. a fixed one, instead of the system clock. */
    public SandboxConfig withClock(Clock newClock) {
        return new SandboxConfig(
                host,
                queryPort,
                httpPort,
                beHttpPort,
                dataDir,
                backends,
                user,
                password,
                queryLog,
                blackhole,
                starRocksVersion,
                newClock);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "SandboxConfig[host=" + host + ", queryPort=" + queryPort + ", httpPort=" + httpPort + ", beHttpPort="
                + beHttpPort + ", dataDir=" + (dataDir == null ? "memory" : dataDir) + ", backends=" + backends
                + ", user=" + user + ", password=" + (password.isEmpty() ? "(empty)" : "****") + ", queryLog="
                + queryLog + ", blackhole=" + blackhole + ", starRocksVersion=" + starRocksVersion + "]";
    }
}
