package dev.quarry.models.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.models.project.Project;
import dev.quarry.models.python.PythonBridge;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The project's Python macros ({@code @macro} functions in macros/*.py) as {@link MacroContext.Functions}: each call
 * runs the function in python3 with the arguments' SQL text and the project's variables, and its return value
 * (a string, a number, a list) becomes SQL (docs/sqlmesh.md §10).
 */
public final class PythonMacros implements MacroContext.Functions {
    private final Project project;
    private final Map<String, Object> variables;

    private PythonMacros(Project project, Map<String, Object> variables) {
        this.project = project;
        this.variables = variables;
    }

    /** The project's Python macros, or none when it has none. */
    public static MacroContext.Functions of(
            Project project, Map<String, Object> variables, Instant start, Instant end, Instant executionTime) {
        if (project.python().macros().isEmpty()) {
            return MacroContext.Functions.NONE;
        }
        Map<String, Object> vars = new java.util.LinkedHashMap<>(variables);
        vars.put("start", start.toString());
        vars.put("end", end.toString());
        vars.put("execution_time", executionTime.toString());
        return new PythonMacros(project, vars);
    }

    @Override
    public Optional<String> call(String name, List<String> args) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!project.python().macros().containsKey(key)) {
            return Optional.empty();
        }
        PythonBridge bridge = PythonBridge.find(project.root(), project.python().env())
                .orElseThrow(() -> new IllegalStateException("python3 is not installed (or not on PATH)"));
        ObjectNode request = bridge.request("macro");
        request.put("name", key);
        project.python().macroFiles().forEach(request.putArray("files")::add);
        args.forEach(request.putArray("args")::add);
        request.set("variables", PythonBridge.json().valueToTree(variables));
        try {
            JsonNode result = bridge.call(
                    request,
                    sql -> {
                        throw new IllegalStateException("a macro cannot run queries in Quarry");
                    },
                    rows -> {});
            return Optional.of(result.path("sql").asText());
        } catch (PythonBridge.Failure f) {
            throw new IllegalStateException(f.getMessage(), f);
        }
    }
}
