package dev.quarry.replicate.config;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Location;
import java.util.Map;

/**
 * One stream entry (or {@code defaults}) as written: the keys it sets explicitly, with their locations so later
 * checks can point at them.
 */
public record StreamConfig(
        String name,
        Location location,
        OptionValues<StreamKey> keys,
        OptionValues<SourceOption> source,
        OptionValues<TargetOption> target,
        Map<Option, Location> locations) {
    public StreamConfig {
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        requireNonNull(keys, "keys is null");
        requireNonNull(source, "source is null");
        requireNonNull(target, "target is null");
        locations = Map.copyOf(locations);
    }

    public static StreamConfig empty(String name, Location location) {
        return new StreamConfig(
                name,
                location,
                OptionValues.empty(StreamKey.class),
                OptionValues.empty(SourceOption.class),
                OptionValues.empty(TargetOption.class),
                Map.of());
    }

    public Location locationOf(Option key) {
        return locations.getOrDefault(key, location);
    }

    /**
     * Sling's defaults merging (docs/sling.md §1.3): a stream key comes from {@code defaults} only when the stream
     * does not set it; source/target options merge field by field; {@code columns} entries written {@code +col}
     * merge with the defaults' columns instead of replacing them.
     */
    public StreamConfig over(StreamConfig defaults) {
        OptionValues<StreamKey> merged = keys.over(defaults.keys);
        if (keys.isSet(StreamKey.COLUMNS)) {
            Map<String, String> own = keys.map(StreamKey.COLUMNS);
            if (own.keySet().stream().anyMatch(k -> k.startsWith("+"))) {
                Map<String, String> columns =
                        new java.util.LinkedHashMap<>(defaults.keys.<String>map(StreamKey.COLUMNS));
                own.forEach((k, v) -> columns.put(k.startsWith("+") ? k.substring(1) : k, v));
                merged = merged.with(StreamKey.COLUMNS, java.util.Collections.unmodifiableMap(columns));
            }
        }
        Map<Option, Location> where = new java.util.HashMap<>(defaults.locations);
        where.putAll(locations);
        return new StreamConfig(
                name, location, merged, source.over(defaults.source), target.over(defaults.target), where);
    }
}
