package dev.quarry.models.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.core.Location;
import dev.quarry.models.python.PythonBridge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Python side of a project (docs/sqlmesh.md §10): {@code @model} functions in models/, {@code @macro} functions
 * in macros/, and config.py. A file without {@code @model} (an empty {@code __init__.py}, a helper module) is not a
 * model. Python is needed only when such code exists; without python3 the error names every file that needs it.
 */
final class PythonFiles {
    private PythonFiles() {}

    /**
     * What the Python files of a project define.
     *
     * @param models Python models, disabled ones left out
     * @param macros macro name (lower case) to the file defining it
     * @param macroFiles every macros/*.py file, to load before calling a macro
     */
    record Found(List<Model> models, Map<String, String> macros, List<String> macroFiles) {}

    static Found read(
            Path dir,
            List<Path> modelFiles,
            List<Path> macroFiles,
            Map<String, Block.Property> defaults,
            List<String> warnings,
            Map<String, String> env,
            Function<Path, String> relative,
            List<ModelException> errors) {
        List<Path> models =
                modelFiles.stream().filter(PythonFiles::definesModel).toList();
        List<Path> macros = macroFiles.stream().filter(p -> !text(p).isBlank()).toList();
        if (models.isEmpty() && macros.isEmpty()) {
            return new Found(List.of(), Map.of(), List.of());
        }
        Optional<PythonBridge> bridge = PythonBridge.find(dir, env);
        if (bridge.isEmpty()) {
            List<Path> all = new ArrayList<>(models);
            all.addAll(macros);
            for (Path p : all) {
                errors.add(new ModelException(
                        new Location(relative.apply(p), 1, 1),
                        "python3 is not installed (or not on PATH, or QUARRY_PYTHON is wrong): it is needed to run "
                                + "the Python models and macros of "
                                + all.stream().map(relative).toList()));
            }
            return new Found(List.of(), Map.of(), List.of());
        }
        ObjectNode request = bridge.get().request("discover");
        ArrayNode files = request.putArray("files");
        models.forEach(p -> files.add(p.toAbsolutePath().toString()));
        macros.forEach(p -> files.add(p.toAbsolutePath().toString()));
        JsonNode result;
        try {
            result = bridge.get()
                    .call(
                            request,
                            sql -> {
                                throw new IllegalStateException("queries are not available while loading the project");
                            },
                            rows -> {});
        } catch (PythonBridge.Failure f) {
            errors.add(new ModelException(new Location(relative.apply(dir.resolve("models")), 1, 1), f.getMessage()));
            return new Found(List.of(), Map.of(), List.of());
        }
        for (JsonNode e : result.path("errors")) {
            String file = relative.apply(Path.of(e.path("file").asText()));
            String missing = e.path("missing_module").asText("");
            String message = missing.isEmpty() || e.path("missing_module").isNull()
                    ? e.path("message").asText()
                    : "imports " + missing + ", which is not installed for python3 (install it, e.g. pip install "
                            + missing + ")";
            errors.add(new ModelException(
                    new Location(file, Math.max(1, e.path("line").asInt(1)), 1),
                    "Python file " + file + ": " + message));
        }
        List<Model> out = new ArrayList<>();
        for (JsonNode m : result.path("models")) {
            String file = relative.apply(Path.of(m.path("file").asText()));
            if (!m.path("enabled").asBoolean(true)) {
                continue;
            }
            int line = Math.max(1, m.path("line").asInt(1));
            if (m.path("is_sql").asBoolean(false)) {
                errors.add(new ModelException(
                        new Location(file, line, 1),
                        "model " + m.path("name").asText() + ": Python models that return SQL (is_sql=True) are "
                                + "not supported; write the model as a .sql file"));
                continue;
            }
            // The block starts on the decorator's line, so errors in it point there.
            String block = "\n".repeat(line - 1) + m.path("block").asText();
            try {
                out.add(new ModelReader(file, defaults, warnings).readPython(block));
            } catch (ModelException e) {
                errors.add(e);
            }
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (JsonNode m : result.path("macros")) {
            found.put(m.path("name").asText(), m.path("file").asText());
        }
        return new Found(
                out,
                found,
                macros.stream().map(p -> p.toAbsolutePath().toString()).toList());
    }

    /** Whether a .py file under models/ defines a model: it uses the {@code @model} decorator. */
    private static boolean definesModel(Path p) {
        return text(p).lines().anyMatch(l -> l.strip().startsWith("@model"));
    }

    /** config.py's {@code config} as the config.yaml text it stands for (JSON is YAML). */
    static String config(Path dir, Path file, Map<String, String> env, String name) {
        PythonBridge bridge = PythonBridge.find(dir, env)
                .orElseThrow(() -> new ModelException(
                        new Location(name, 1, 1),
                        "python3 is not installed (or not on PATH): it is needed to read " + name
                                + "; or write config.yaml instead"));
        ObjectNode request = bridge.request("config");
        request.put("file", file.toAbsolutePath().toString());
        try {
            JsonNode result = bridge.call(
                    request,
                    sql -> {
                        throw new IllegalStateException("config.py cannot run queries");
                    },
                    rows -> {});
            return PythonBridge.json().writeValueAsString(result.path("config"));
        } catch (PythonBridge.Failure f) {
            throw new ModelException(new Location(name, Math.max(1, f.line()), 1), name + ": " + f.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
