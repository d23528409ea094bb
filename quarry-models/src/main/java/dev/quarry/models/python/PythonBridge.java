package dev.quarry.models.python;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.core.Log;
import dev.quarry.core.output.ResultTable;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs one request in a {@code python3} subprocess through Quarry's runner and compatibility module
 * (docs/sqlmesh.md §10): the request goes as one JSON line on stdin; the runner answers with JSON lines on stdout,
 * asking for queries ({@code {"query": ...}}, answered by {@link Queries}), sending rows, and ending with a result or
 * an error. Each request gets its own process, so user code cannot leak state between models.
 */
public final class PythonBridge {
    /** The files of the runner and of the {@code sqlmesh} stand-in package, as resources next to this class. */
    private static final List<String> RESOURCES = List.of(
            "quarry_runner.py",
            "sqlmesh/__init__.py",
            "sqlmesh/core/__init__.py",
            "sqlmesh/core/model/__init__.py",
            "sqlmesh/core/macros.py",
            "sqlmesh/core/config/__init__.py");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path home;

    private final Path python;
    private final Path root;

    private PythonBridge(Path python, Path root) {
        this.python = python;
        this.root = root;
    }

    /** Runs the queries a Python model or macro asks for. */
    public interface Queries {
        ResultTable query(String sql);
    }

    /** What went wrong in Python: where (the user's file and line, when known) and what. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String file;
        private final int line;
        private final String missingModule;

        Failure(String file, int line, String message, String missingModule) {
            super(message);
            this.file = file;
            this.line = line;
            this.missingModule = missingModule;
        }

        /** The file the error is in, as the runner saw it (absolute); empty when unknown. */
        public String file() {
            return file;
        }

        public int line() {
            return line;
        }

        /** The module an import could not find ({@code pandas}), if that was the error. */
        public Optional<String> missingModule() {
            return Optional.ofNullable(missingModule);
        }
    }

    /**
     * A bridge for the project in {@code root}; empty when no {@code python3} is found ({@code QUARRY_PYTHON}
     * names one explicitly, else the first {@code python3} on PATH).
     */
    public static Optional<PythonBridge> find(Path root, Map<String, String> env) {
        requireNonNull(root, "root is null");
        String explicit = env.get("QUARRY_PYTHON");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(new PythonBridge(p, root)) : Optional.empty();
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator, -1)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "python3");
            if (Files.isExecutable(p)) {
                return Optional.of(new PythonBridge(p, root));
            }
        }
        return Optional.empty();
    }

    /** A new request object for operation {@code op}, with the project root set. */
    public ObjectNode request(String op) {
        ObjectNode r = JSON.createObjectNode();
        r.put("op", op);
        r.put("root", root.toString());
        return r;
    }

    /**
     * Sends {@code request} and returns the runner's result, answering its queries with {@code queries} and passing
     * each batch of rows to {@code rows}.
     *
     * @throws Failure when Python reports an error or ends without a result
     */
    public JsonNode call(ObjectNode request, Queries queries, Consumer<JsonNode> rows) {
        ProcessBuilder pb = new ProcessBuilder(
                python.toString(), "-u", home().resolve("quarry_runner.py").toString());
        pb.environment().put("PYTHONPATH", home() + File.pathSeparator + root);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.directory(root.toFile());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new Failure("", 0, "cannot start " + python + ": " + e.getMessage(), null);
        }
        StringBuilder stderr = new StringBuilder();
        Thread drain = new Thread(() -> drain(process.getErrorStream(), stderr), "python-stderr");
        drain.setDaemon(true);
        drain.start();
        try (BufferedWriter in =
                        new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            in.write(JSON.writeValueAsString(request));
            in.write('\n');
            in.flush();
            String line;
            while ((line = out.readLine()) != null) {
                JsonNode msg = JSON.readTree(line);
                if (msg.has("query")) {
                    in.write(answer(queries, msg.get("query").asText()));
                    in.write('\n');
                    in.flush();
                } else if (msg.has("rows")) {
                    rows.accept(msg.get("rows"));
                } else if (msg.has("result")) {
                    return msg.get("result");
                } else if (msg.has("error")) {
                    throw failure(msg.get("error"));
                }
            }
            drain.join(2000);
            String tail;
            synchronized (stderr) {
                tail = stderr.toString().strip();
            }
            throw new Failure("", 0, "python3 ended without an answer" + (tail.isEmpty() ? "" : ": " + tail), null);
        } catch (IOException e) {
            throw new UncheckedIOException("talking to python3", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("", 0, "interrupted while waiting for python3", null);
        } finally {
            process.destroy();
            synchronized (stderr) {
                if (stderr.length() > 0) {
                    Log.debug("python3 printed: " + stderr.toString().strip());
                }
            }
        }
    }

    private static String answer(Queries queries, String sql) throws JsonProcessingException {
        ObjectNode a = JSON.createObjectNode();
        try {
            ResultTable t = queries.query(sql);
            ArrayNode cols = a.putArray("columns");
            t.columns().forEach(c -> cols.add(c.name()));
            ArrayNode rows = a.putArray("rows");
            for (List<Object> r : t.rows()) {
                ArrayNode row = rows.addArray();
                for (Object v : r) {
                    row.add(JSON.valueToTree(v instanceof java.time.temporal.Temporal ? v.toString() : v));
                }
            }
        } catch (RuntimeException e) {
            a.removeAll();
            a.put("error", String.valueOf(e.getMessage()));
        }
        return JSON.writeValueAsString(a);
    }

    private static Failure failure(JsonNode e) {
        return new Failure(
                e.path("file").asText(""),
                e.path("line").asInt(0),
                e.path("message").asText("error in Python"),
                e.hasNonNull("missing_module") ? e.get("missing_module").asText() : null);
    }

    private static void drain(InputStream err, StringBuilder into) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (into) {
                    if (into.length() < 65536) {
                        into.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            Log.debug("reading python3's stderr: " + e.getMessage());
        }
    }

    /** The directory the runner and the stand-in package are copied to, once per process. */
    private static synchronized Path home() {
        if (home == null) {
            try {
                Path dir = Files.createTempDirectory("quarry-python");
                // Files registered for deletion later are deleted first, so directories are registered first.
                dir.toFile().deleteOnExit();
                for (String name : RESOURCES) {
                    Path target = dir.resolve(name);
                    for (Path d = target.getParent(); !d.equals(dir); d = d.getParent()) {
                        if (!Files.isDirectory(d)) {
                            Files.createDirectories(d);
                        }
                    }
                    registerParents(dir, target.getParent());
                    try (InputStream in = PythonBridge.class.getResourceAsStream(name)) {
                        if (in == null) {
                            throw new IllegalStateException("resource " + name + " is missing from the build");
                        }
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    target.toFile().deleteOnExit();
                }
                home = dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the Python runner", e);
            }
        }
        return home;
    }

    /** Registers {@code d} and its parents up to {@code root} for deletion at exit, outermost first. */
    private static void registerParents(Path root, Path d) {
        if (d.equals(root) || !d.startsWith(root)) {
            return;
        }
        registerParents(root, d.getParent());
        d.toFile().deleteOnExit();
    }

    /** JSON text of a value, for requests. */
    public static ObjectMapper json() {
        return JSON;
    }
}
