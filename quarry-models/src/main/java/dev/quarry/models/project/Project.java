package dev.quarry.models.project;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated model project. Load one with {@link #load(Path)}.
 *
 * @param root project directory
 * @param config config.yaml
 * @param models enabled models (external ones included) by name, in DAG order
 * @param audits project audits by name
 * @param tests unit tests
 * @param dag dependencies between the models
 * @param warnings things worth telling the user that do not stop loading, each with file:line:column
 * @param sources model name to the text that defines it (the model file; a summary for external models), for diffs
 * @param python the project's Python macros, and what running Python needs
 */
public record Project(
        Path root,
        ProjectConfig config,
        Map<String, Model> models,
        Map<String, Audit> audits,
        List<UnitTest> tests,
        Dag dag,
        List<String> warnings,
        Map<String, String> sources,
        PythonCode python) {

    public Project {
        requireNonNull(root, "root is null");
        requireNonNull(config, "config is null");
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        audits = Collections.unmodifiableMap(new LinkedHashMap<>(audits));
        tests = List.copyOf(tests);
        requireNonNull(dag, "dag is null");
        warnings = List.copyOf(warnings);
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        requireNonNull(python, "python is null");
    }

    /**
     * The Python side of a project (docs/sqlmesh.md §10).
     *
     * @param macros Python macro name (lower case) to the file defining it
     * @param macroFiles every Python macro file, loaded before a macro runs
     * @param env the environment Python runs with (PATH finds python3; QUARRY_PYTHON names one)
     */
    public record PythonCode(Map<String, String> macros, List<String> macroFiles, Map<String, String> env) {
        public PythonCode {
            macros = Collections.unmodifiableMap(new LinkedHashMap<>(macros));
            macroFiles = List.copyOf(macroFiles);
            env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        }
    }

    /** Loads a project spread over several directories (SQLMesh's multi-repo projects); the first one leads. */
    public static Project load(List<Path> roots, Map<String, String> env) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("no project directory");
        }
        return ProjectLoader.load(roots, env);
    }

    /** Loads the project in {@code root}, reading {@code {{ env_var(...) }}} from the process environment. */
    public static Project load(Path root) {
        return ProjectLoader.load(root, System.getenv());
    }

    /** Loads the project in {@code root} with the given environment variables. */
    public static Project load(Path root, Map<String, String> env) {
        return ProjectLoader.load(root, env);
    }

    /** The model called {@code name} (case-insensitive). */
    public Optional<Model> model(String name) {
        return Optional.ofNullable(models.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The CSV file of a SEED model: its path is relative to the model file; {@code $root} means the project root. */
    public Path seedFile(Model model) {
        String path = model.kind()
                .seedPath()
                .orElseThrow(() -> new IllegalArgumentException(model.name() + " is not a SEED model"));
        if (path.startsWith("$root/")) {
            return root.resolve(path.substring("$root/".length())).normalize();
        }
        Path modelFile = root.resolve(model.location().file());
        return modelFile.getParent().resolve(path).normalize();
    }
}
