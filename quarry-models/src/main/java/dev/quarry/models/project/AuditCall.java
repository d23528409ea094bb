package dev.quarry.models.project;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An audit attached to a model: {@code not_null(columns := (id))}.
 *
 * @param name audit name, lower case
 * @param args argument name to its SQL text, in the order written
 */
public record AuditCall(String name, Map<String, String> args) {
    public AuditCall {
        requireNonNull(name, "name is null");
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }
}
