package dev.quarry.models.project;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A unit test from {@code tests/test*.yaml} (docs/sqlmesh.md §8): fixed inputs, the expected output of one model.
 * Inputs, outputs and vars are kept as plain values (maps, lists, strings, numbers) for the test runner.
 *
 * @param name test name
 * @param location where the test is defined
 * @param model the model under test, lower case
 * @param description description
 * @param inputs upstream model name to its rows or settings
 * @param outputs expected {@code query} and {@code ctes}
 * @param vars start, end, execution_time and macro variables
 */
public record UnitTest(
        String name,
        Location location,
        String model,
        Optional<String> description,
        Map<String, Object> inputs,
        Map<String, Object> outputs,
        Map<String, Object> vars) {
    public UnitTest {
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        requireNonNull(model, "model is null");
        requireNonNull(description, "description is null");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }
}
