package dev.quarry.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every document a comment cites is in the repository: each {@code docs/<file>.md §<n>} names a file under docs/
 * with a heading for section n ({@code ## n. } or {@code ### n.m }), and nothing cites the external design notes the
 * project started from. A section number belongs to the last docs file named before it on the same line, so
 * {@code docs/x.md §3.2, §3.5} cites x.md twice (also when the second part is wrapped to the next line); inside
 * docs/*.md a bare section number cites the page itself.
 */
class DocsCitationsTest {
    private static final Pattern TOKEN = Pattern.compile("docs/[A-Za-z0-9_-]+\\.md|§[0-9]+(?:\\.[0-9]+)*");
    private static final Pattern EXTERNAL =
            Pattern.compile("spec/[A-Za-z0-9_-]+\\.md|\\bspec §[0-9.]+|\\bspec/java-deps");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", ".mvn");

    private final Path root = repositoryRoot();
    private final Map<String, String> docs = new HashMap<>();

    @Test
    void everyCitedDocumentAndSectionExists() throws IOException {
        List<String> problems = new ArrayList<>();
        int citations = 0;
        for (Path file : sources()) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            // A citation the formatter wrapped keeps its file at the end of one line and its section on the next.
            String carried = null;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = relative + ":" + (i + 1);
                Matcher external = EXTERNAL.matcher(line);
                while (external.find()) {
                    problems.add(where + ": cites a file outside the repository: " + external.group());
                }
                String current = relative.startsWith("docs/") && relative.endsWith(".md") ? relative : carried;
                carried = null;
                Matcher token = TOKEN.matcher(line);
                while (token.find()) {
                    String t = token.group();
                    carried =
                            t.startsWith("docs/") && line.substring(token.end()).isBlank() ? t : null;
                    if (t.startsWith("docs/")) {
                        current = t;
                        citations++;
                        if (document(t) == null) {
                            problems.add(where + ": " + t + " does not exist");
                        }
                    } else if (current == null) {
                        problems.add(where + ": " + t + " names no docs/ file");
                    } else {
                        citations++;
                        String text = document(current);
                        if (text != null && !hasSection(text, t.substring(1))) {
                            problems.add(where + ": " + current + " has no section " + t);
                        }
                    }
                }
            }
        }
        assertThat(problems).as("citations that point nowhere").isEmpty();
        // The check must have seen the code's citations, not an empty tree.
        assertThat(citations).isGreaterThan(100);
    }

    private String document(String name) {
        return docs.computeIfAbsent(name, n -> {
            Path p = root.resolve(n);
            try {
                return Files.isRegularFile(p) ? Files.readString(p) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static boolean hasSection(String document, String number) {
        String heading = number.contains(".")
                ? "#".repeat(number.split("\\.", -1).length + 1) + " " + number + " "
                : "## " + number + ". ";
        return document.lines().anyMatch(l -> l.startsWith(heading));
    }

    private List<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> {
                        for (Path part : root.relativize(p)) {
                            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        // This file spells out the patterns it looks for.
                        if (name.equals(DocsCitationsTest.class.getSimpleName() + ".java")) {
                            return false;
                        }
                        return name.endsWith(".java")
                                || name.endsWith(".xml")
                                || name.endsWith(".md")
                                || name.endsWith(".yaml")
                                || name.equals("run")
                                || name.equals("quarry");
                    })
                    .sorted()
                    .toList();
        }
    }

    /** The directory holding the parent POM: tests run in the module's directory. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no docs/ directory above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
