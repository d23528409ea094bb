package dev.quarry.replicate.config;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a plan is rendered against: the run's start instant and the zone its date variables ({@code {run_timestamp}},
 * {@code {YYYY}}, ...) are written in — never the JVM default zone — and the process environment for {@code ${VAR}}.
 */
public record RunContext(Instant runTime, ZoneId zone, Map<String, String> environment) {
    public RunContext {
        requireNonNull(runTime, "runTime is null");
        requireNonNull(zone, "zone is null");
        environment = Map.copyOf(environment);
    }

    /** Now, in UTC, with this process's environment. */
    public static RunContext now() {
        return new RunContext(Instant.now(), ZoneId.of("UTC"), System.getenv());
    }
}
