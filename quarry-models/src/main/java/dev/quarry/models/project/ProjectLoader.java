package dev.quarry.models.project;

import dev.quarry.core.FileText;
import dev.quarry.core.Location;
import dev.quarry.core.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Loads a project directory: config.yaml, models/, external_models.yaml, audits/, seeds/, tests/. */
final class ProjectLoader {
    private ProjectLoader() {}

    static Project load(Path root, Map<String, String> env) {
        return load(List.of(root), env);
    }

    /**
     * Loads a project from one directory or several (SQLMesh's multi-repo projects, {@code -p repo_1 -p repo_2}):
     * the first directory's config gives the gateways and variables; each directory's own config gives the
     * model_defaults of its models. Every error found is reported at once, each with its file:line.
     */
    static Project load(List<Path> roots, Map<String, String> env) {
        Path dir = roots.get(0).toAbsolutePath().normalize();
        List<ModelException> errors = new ArrayList<>();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        ProjectConfig config = null;
        List<Model> parsed = new ArrayList<>();
        Map<String, String> texts = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Audit> audits = new TreeMap<>();
        List<Audit> inline = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> macros = new LinkedHashMap<>();
        List<String> macroFiles = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (Path r : roots) {
            Path repo = r.toAbsolutePath().normalize();
            if (!Files.isDirectory(repo)) {
                throw new ModelException(new Location(r.toString(), 1, 1), "not a directory");
            }
            dirs.add(repo);
            Map<String, Block.Property> defaults = new LinkedHashMap<>();
            ProjectConfig repoConfig = config(dir, repo, env, defaults);
            if (config == null) {
                config = repoConfig;
            }
            List<Path> modelFiles = files(repo.resolve("models"), ".sql");
            // Parsing is independent per file; a parallel stream keeps large projects fast on several cores.
            List<Object> results = modelFiles.parallelStream()
                    .map(p -> {
                        try {
                            String text = read(p);
                            texts.put(relative(dir, p), text);
                            ModelReader reader = new ModelReader(relative(dir, p), defaults, warnings);
                            List<Model> models = reader.readAll(text);
                            inline.addAll(reader.inlineAudits());
                            return (Object) models;
                        } catch (ModelException e) {
                            return e;
                        }
                    })
                    .collect(Collectors.toList());
            for (Object r2 : results) {
                if (r2 instanceof ModelException e) {
                    errors.add(e);
                } else {
                    ((List<?>) r2).stream().map(Model.class::cast).forEach(parsed::add);
                }
            }
            PythonFiles.Found python = PythonFiles.read(
                    repo,
                    files(repo.resolve("models"), ".py"),
                    files(repo.resolve("macros"), ".py"),
                    defaults,
                    warnings,
                    env,
                    p -> relative(dir, p),
                    errors);
            for (Model m : python.models()) {
                parsed.add(m);
                texts.put(m.location().file(), read(dir.resolve(m.location().file())));
            }
            macros.putAll(python.macros());
            macroFiles.addAll(python.macroFiles());
            for (Path p : files(repo.resolve("audits"), ".sql")) {
                try {
                    ProjectFiles.audits(relative(dir, p), read(p)).forEach(a -> addAudit(audits, a, errors));
                } catch (ModelException e) {
                    errors.add(e);
                }
            }
        }
        inline.forEach(a -> addAudit(audits, a, errors));

        Map<String, Model> models = new TreeMap<>();
        for (Model m : parsed) {
            if (!m.enabled()) {
                continue;
            }
            Model previous = models.put(m.name(), m);
            if (previous != null) {
                errors.add(new ModelException(
                        m.location(), "model " + m.name() + " is also defined at " + previous.location()));
            }
        }
        for (Path repo : dirs) {
            List<Path> externalFiles = new ArrayList<>();
            Stream.of("external_models.yaml", "external_models.yml")
                    .map(repo::resolve)
                    .filter(Files::isRegularFile)
                    .forEach(externalFiles::add);
            externalFiles.addAll(files(repo.resolve("external_models"), ".yaml"));
            for (Path p : externalFiles) {
                try {
                    for (Model m : ProjectFiles.externalModels(relative(dir, p), read(p))) {
                        Model previous = models.put(m.name(), m);
                        if (previous != null) {
                            errors.add(new ModelException(
                                    m.location(),
                                    "external model " + m.name() + " is also defined at " + previous.location()));
                        }
                    }
                } catch (ModelException e) {
                    errors.add(e);
                }
            }
        }
        for (Model m : models.values()) {
            for (AuditCall call : m.audits()) {
                if (!audits.containsKey(call.name()) && !Audit.isBuiltIn(call.name())) {
                    Set<String> known = new java.util.TreeSet<>(audits.keySet());
                    known.addAll(Audit.BUILT_IN);
                    errors.add(new ModelException(
                            m.location(),
                            "model " + m.name() + ": unknown audit " + call.name()
                                    + Names.didYouMean(call.name(), known)));
                }
            }
        }

        List<UnitTest> tests = new ArrayList<>();
        for (Path repo : dirs) {
            List<Path> testFiles = new ArrayList<>(files(repo.resolve("tests"), ".yaml"));
            testFiles.addAll(files(repo.resolve("tests"), ".yml"));
            for (Path p : testFiles) {
                if (!p.getFileName().toString().startsWith("test")) {
                    warnings.add(relative(dir, p) + ": not read as unit tests: test files are named test*.yaml");
                    continue;
                }
                try {
                    for (UnitTest t : ProjectFiles.tests(relative(dir, p), read(p))) {
                        if (!models.containsKey(t.model())) {
                            errors.add(new ModelException(
                                    t.location(),
                                    "test " + t.name() + " is for model " + t.model() + ", which does not exist"
                                            + Names.didYouMean(t.model(), models.keySet())));
                        } else {
                            tests.add(t);
                        }
                    }
                } catch (ModelException e) {
                    errors.add(e);
                }
            }
        }
        throwAll(errors);

        Dag dag = Dag.of(models.values());
        Map<String, Model> ordered = new LinkedHashMap<>();
        dag.order().forEach(n -> ordered.put(n, models.get(n)));
        Map<String, String> sources = new LinkedHashMap<>();
        for (Model m : ordered.values()) {
            String text = texts.get(m.location().file());
            sources.put(m.name(), text != null ? text : "external " + m.name() + " columns " + m.columns() + "\n");
        }
        Project project = new Project(
                dir,
                config,
                ordered,
                audits,
                tests,
                dag,
                warnings,
                sources,
                new Project.PythonCode(macros, macroFiles, env));
        for (Model m : ordered.values()) {
            if (m.kind().kind() == ModelKind.SEED && !Files.isRegularFile(project.seedFile(m))) {
                errors.add(new ModelException(
                        m.location(),
                        "model " + m.name() + ": seed file "
                                + m.kind().seedPath().orElseThrow() + " does not exist (looked for "
                                + relative(dir, project.seedFile(m)) + ")"));
            }
        }
        throwAll(errors);
        return project;
    }

    /** config.yaml, or config.py read through Python when there is no YAML config. */
    static ProjectConfig config(Path dir, Path repo, Map<String, String> env, Map<String, Block.Property> defaults) {
        Optional<Path> yaml = Stream.of("config.yaml", "config.yml")
                .map(repo::resolve)
                .filter(Files::isRegularFile)
                .findFirst();
        if (yaml.isPresent()) {
            return ConfigReader.read(relative(dir, yaml.get()), read(yaml.get()), env, defaults);
        }
        Path py = repo.resolve("config.py");
        if (Files.isRegularFile(py)) {
            String name = relative(dir, py);
            return ConfigReader.read(name, PythonFiles.config(repo, py, env, name), env, defaults);
        }
        throw new ModelException(
                new Location(repo.resolve("config.yaml").toString(), 1, 1),
                "no config.yaml (or config.py) in the project directory " + repo);
    }

    private static void addAudit(Map<String, Audit> audits, Audit a, List<ModelException> errors) {
        Audit previous = audits.put(a.name(), a);
        if (previous != null && !previous.location().equals(a.location())) {
            errors.add(new ModelException(
                    a.location(), "audit " + a.name() + " is also defined at " + previous.location()));
        }
    }

    /** One error as it is; several as one exception listing each with its file:line, in file order. */
    private static void throwAll(List<ModelException> errors) {
        if (errors.isEmpty()) {
            return;
        }
        List<ModelException> sorted = new ArrayList<>(errors);
        sorted.sort(java.util.Comparator.comparing(
                        (ModelException e) -> e.location().map(Location::file).orElse(""))
                .thenComparingInt(e -> e.location().map(Location::line).orElse(0)));
        if (sorted.size() == 1) {
            throw sorted.get(0);
        }
        throw new ModelException(
                sorted.get(0).location().orElseThrow(),
                sorted.get(0).problem() + " (and " + (sorted.size() - 1) + " more error(s), each listed above)",
                sorted.stream().map(e -> e.getMessage()).toList());
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static String read(Path file) {
        return FileText.read(file, "project file");
    }

    /** Files under {@code dir} ending in {@code suffix}, sorted, so loading is deterministic. */
    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ModelException(
                    new Location(dir.toString(), 1, 1),
                    "the project directory cannot be listed: "
                            + (e instanceof UncheckedIOException u ? u.getCause() : (IOException) e).getMessage());
        }
    }
}
