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
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Loads a project directory: config.yaml, models/, external_models.yaml, audits/, seeds/, tests/. */
final class ProjectLoader {
    private ProjectLoader() {}

    static Project load(Path root, Map<String, String> env) {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new ModelException(new Location(root.toString(), 1, 1), "not a directory");
        }
        Path configFile = Stream.of("config.yaml", "config.yml")
                .map(dir::resolve)
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new ModelException(
                        new Location(dir.resolve("config.yaml").toString(), 1, 1),
                        "no config.yaml in the project directory " + dir));
        Map<String, Block.Property> defaults = new LinkedHashMap<>();
        ProjectConfig config = ConfigReader.read(relative(dir, configFile), read(configFile), env, defaults);
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());

        List<Path> modelFiles = files(dir.resolve("models"), ".sql");
        for (Path p : files(dir.resolve("models"), ".py")) {
            throw new ModelException(
                    new Location(relative(dir, p), 1, 1), "Python models are not supported; write the model in SQL");
        }
        // Parsing is independent per file; a parallel stream keeps large projects fast on several cores.
        Map<String, String> texts = new java.util.concurrent.ConcurrentHashMap<>();
        List<Object> results = modelFiles.parallelStream()
                .map(p -> {
                    try {
                        String text = read(p);
                        texts.put(relative(dir, p), text);
                        return (Object) new ModelReader(relative(dir, p), defaults, warnings).read(text);
                    } catch (ModelException e) {
                        return e;
                    }
                })
                .collect(Collectors.toList());
        List<Model> parsed = new ArrayList<>(results.size());
        List<ModelException> errors = new ArrayList<>();
        for (Object r : results) {
            if (r instanceof ModelException e) {
                errors.add(e);
            } else {
                parsed.add((Model) r);
            }
        }
        if (!errors.isEmpty()) {
            ModelException first = errors.get(0);
            if (errors.size() == 1) {
                throw first;
            }
            throw new ModelException(
                    first.location().orElseThrow(),
                    first.problem() + " (and " + (errors.size() - 1) + " more model file error(s), first at "
                            + errors.get(1).location().orElseThrow() + ")");
        }

        Map<String, Model> models = new TreeMap<>();
        for (Model m : parsed) {
            if (!m.enabled()) {
                continue;
            }
            Model previous = models.put(m.name(), m);
            if (previous != null) {
                throw new ModelException(
                        m.location(), "model " + m.name() + " is also defined at " + previous.location());
            }
        }
        List<Path> externalFiles = new ArrayList<>();
        Stream.of("external_models.yaml", "external_models.yml")
                .map(dir::resolve)
                .filter(Files::isRegularFile)
                .forEach(externalFiles::add);
        externalFiles.addAll(files(dir.resolve("external_models"), ".yaml"));
        for (Path p : externalFiles) {
            for (Model m : ProjectFiles.externalModels(relative(dir, p), read(p))) {
                Model previous = models.put(m.name(), m);
                if (previous != null) {
                    throw new ModelException(
                            m.location(), "external model " + m.name() + " is also defined at " + previous.location());
                }
            }
        }

        Map<String, Audit> audits = new TreeMap<>();
        for (Path p : files(dir.resolve("audits"), ".sql")) {
            for (Audit a : ProjectFiles.audits(relative(dir, p), read(p))) {
                Audit previous = audits.put(a.name(), a);
                if (previous != null) {
                    throw new ModelException(
                            a.location(), "audit " + a.name() + " is also defined at " + previous.location());
                }
            }
        }
        for (Model m : models.values()) {
            for (AuditCall call : m.audits()) {
                if (!audits.containsKey(call.name()) && !Audit.isBuiltIn(call.name())) {
                    Set<String> known = new java.util.TreeSet<>(audits.keySet());
                    known.addAll(Audit.BUILT_IN);
                    throw new ModelException(
                            m.location(),
                            "model " + m.name() + ": unknown audit " + call.name()
                                    + Names.didYouMean(call.name(), known));
                }
            }
        }

        List<UnitTest> tests = new ArrayList<>();
        List<Path> testFiles = new ArrayList<>(files(dir.resolve("tests"), ".yaml"));
        testFiles.addAll(files(dir.resolve("tests"), ".yml"));
        for (Path p : testFiles) {
            if (!p.getFileName().toString().startsWith("test")) {
                warnings.add(relative(dir, p) + ": not read as unit tests: test files are named test*.yaml");
                continue;
            }
            for (UnitTest t : ProjectFiles.tests(relative(dir, p), read(p))) {
                if (!models.containsKey(t.model())) {
                    throw new ModelException(
                            t.location(),
                            "test " + t.name() + " is for model " + t.model() + ", which does not exist"
                                    + Names.didYouMean(t.model(), models.keySet()));
                }
                tests.add(t);
            }
        }

        Dag dag = Dag.of(models.values());
        Map<String, Model> ordered = new LinkedHashMap<>();
        dag.order().forEach(n -> ordered.put(n, models.get(n)));
        Map<String, String> sources = new LinkedHashMap<>();
        for (Model m : ordered.values()) {
            String text = texts.get(m.location().file());
            sources.put(m.name(), text != null ? text : "external " + m.name() + " columns " + m.columns() + "\n");
        }
        Project project = new Project(dir, config, ordered, audits, tests, dag, warnings, sources);
        for (Model m : ordered.values()) {
            if (m.kind().kind() == ModelKind.SEED && !Files.isRegularFile(project.seedFile(m))) {
                throw new ModelException(
                        m.location(),
                        "model " + m.name() + ": seed file "
                                + m.kind().seedPath().orElseThrow() + " does not exist (looked for "
                                + relative(dir, project.seedFile(m)) + ")");
            }
        }
        return project;
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
