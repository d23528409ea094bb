package dev.quarry.models.project;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code MODEL (...)} or {@code AUDIT (...)} block: properties in the order written.
 *
 * @param keyword MODEL or AUDIT
 * @param location where the keyword is
 * @param properties property name (lower case) to its value
 */
record Block(String keyword, Location location, Map<String, Property> properties) {
    Block {
        requireNonNull(keyword, "keyword is null");
        requireNonNull(location, "location is null");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    Optional<Property> get(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /**
     * One property of a block.
     *
     * @param name name as written, lower-cased
     * @param location where the name is
     * @param value its value
     */
    record Property(String name, Location location, Value value) {
        Property {
            requireNonNull(name, "name is null");
            requireNonNull(location, "location is null");
            requireNonNull(value, "value is null");
        }
    }
}
