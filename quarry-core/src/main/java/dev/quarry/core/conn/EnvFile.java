package dev.quarry.core.conn;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.quarry.core.ConfigException;
import dev.quarry.core.FileText;
import dev.quarry.core.Location;
import dev.quarry.core.Log;
import dev.quarry.core.Names;
import dev.quarry.core.RunException;
import dev.quarry.core.Secrets;
import dev.quarry.core.yaml.YamlNode;
import dev.quarry.core.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $QUARRY_HOME/env.yaml}: the {@code connections:} map, read with line numbers for error
 * messages, and edited in place so that other entries, their order and comments survive a
 * {@code conns set} or {@code conns unset}. The file is written atomically with mode 600.
 */
public final class EnvFile {
    public static final String FILE_NAME = "env.yaml";

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();
    private static final Pattern CONNECTIONS_LINE = Pattern.compile("^connections:\\s*(#.*)?$");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_./-]+");

    private final Path path;

    private EnvFile(Path path) {
        this.path = requireNonNull(path, "path is null");
    }

    public static EnvFile in(Path quarryHome) {
        return new EnvFile(quarryHome.resolve(FILE_NAME));
    }

    public Path path() {
        return path;
    }

    /** One connection as written in the file, each key with its line. */
    record Entry(String name, int line, Map<String, String> keys, Map<String, Integer> keyLines) {
        Entry {
            requireNonNull(name, "name is null");
            keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
            keyLines = Map.copyOf(keyLines);
        }

        /** {@code /home/me/.quarry/env.yaml:12} for a key (or the entry when the key is null or absent). */
        String where(Path file, String key) {
            return file + ":" + (key == null ? line : keyLines.getOrDefault(key, line));
        }
    }

    /** The entries of {@code connections:}, in file order; empty when the file does not exist. */
    List<Entry> read() {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new ConfigException("connections file " + path + " " + FileText.problem(path, e), e);
        }
        return parse(text);
    }

    private List<Entry> parse(String text) {
        YamlNode root = YamlReader.read(path.toString(), text, new YamlReader.Problems() {
            @Override
            public void duplicateKey(String key, Location at, Location first) {
                throw new ConfigException(
                        path + ":" + at.line() + ": " + key + " is given twice (also at line " + first.line() + ")");
            }

            @Override
            public void notYaml(Location at, String parserMessage) {
                // The parser's first line names the problem; the lines after it quote the file, secrets included.
                String message = parserMessage == null ? "invalid YAML" : parserMessage.strip();
                int newline = message.indexOf('\n');
                throw new ConfigException(
                        at + ": invalid YAML: " + (newline >= 0 ? message.substring(0, newline) : message));
            }

            @Override
            public void unreadable(IOException e) {
                throw new ConfigException("cannot read " + path + ": " + e.getMessage(), e);
            }
        });
        List<Entry> entries = new ArrayList<>();
        if (root instanceof YamlNode.Scalar s && s.isNull()) {
            return entries;
        }
        if (!(root instanceof YamlNode.Mapping top)) {
            throw error(root.location(), "expected a mapping with a connections: key at the top level");
        }
        for (YamlNode.Entry e : top.entries()) {
            if (!e.key().equals("connections")) {
                topLevelKey(e);
                continue;
            }
            if (e.value() instanceof YamlNode.Scalar s && s.isNull()) {
                continue;
            }
            if (!(e.value() instanceof YamlNode.Mapping connections)) {
                throw error(
                        e.value().location(), "connections: must be a mapping of connection names to their settings");
            }
            readConnections(connections, entries);
        }
        return entries;
    }

    /** Sling's {@code variables:} is not read (a warning); any other key besides {@code connections:} is a mistake. */
    private void topLevelKey(YamlNode.Entry e) {
        if (e.key().equals("variables")) {
            Log.warn(
                    e.keyLocation() + ": variables: is Sling's; Quarry does not read it (replication files take env:)");
            return;
        }
        String suggestion = Names.didYouMean(e.key(), List.of("connections"));
        throw new ConfigException(
                e.keyLocation(),
                "unknown key " + e.key() + " at the top level",
                suggestion.isEmpty()
                        ? "env.yaml holds connections: (a mapping of connection names to their settings)"
                        : suggestion.strip().replaceAll("^\\(|\\)$", ""));
    }

    private void readConnections(YamlNode.Mapping connections, List<Entry> entries) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (YamlNode.Entry c : connections.entries()) {
            String name = c.key();
            int line = c.keyLocation().line();
            Integer earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), line);
            if (earlier != null) {
                throw new ConfigException(path + ":" + line + ": connection " + name
                        + " is defined twice (also at line " + earlier + ")");
            }
            Map<String, String> keys = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            if (c.value() instanceof YamlNode.Scalar url && url.kind() == YamlNode.Scalar.Kind.STRING) {
                // Shorthand: NAME: postgresql://...
                keys.put("url", url.text());
                keyLines.put("url", line);
            } else if (c.value() instanceof YamlNode.Mapping settings) {
                for (YamlNode.Entry k : settings.entries()) {
                    String key = k.key().toLowerCase(Locale.ROOT);
                    int keyLine = k.keyLocation().line();
                    if (!(k.value() instanceof YamlNode.Scalar v)) {
                        throw new ConfigException(path + ":" + keyLine + ": connection " + name + ": " + key
                                + " must be a plain value, not a list or mapping");
                    }
                    String value = v.isNull() ? "" : v.text();
                    if (Secrets.isSecretKey(key)) {
                        Secrets.register(value);
                    }
                    keys.put(key, value);
                    keyLines.put(key, keyLine);
                }
            } else if (!(c.value() instanceof YamlNode.Scalar s && s.isNull())) {
                throw new ConfigException(path + ":" + line + ": connection " + name
                        + " must be a mapping of keys (type, host, ...) or a URL");
            }
            entries.add(new Entry(name, line, keys, keyLines));
        }
    }

    private ConfigException error(Location at, String message) {
        return new ConfigException(path + ":" + at.line() + ": " + message);
    }

    /**
     * Adds or replaces connection {@code name} (matched ignoring case) with {@code keys}, keeping every
     * other line of the file as it was. Falls back to rewriting the whole file (losing comments) only
     * when the layout is one this editor does not understand, e.g. a flow-style {@code connections: {}}.
     */
    public void set(String name, Map<String, String> keys) {
        List<String> lines = lines();
        List<String> edited = new ArrayList<>(lines);
        Section section = Section.find(edited);
        List<String> rendered;
        if (section == null) {
            if (!edited.isEmpty() && !edited.get(edited.size() - 1).isBlank()) {
                edited.add("");
            }
            edited.add("connections:");
            section = Section.find(edited);
        }
        rendered = section == null
                ? render(name, keys, 2, 4)
                : render(name, keys, section.childIndent(), section.keyIndent());
        if (section != null && !section.flow()) {
            int[] block = section.entry(edited, name);
            if (block != null) {
                edited.subList(block[0], block[1]).clear();
                edited.addAll(block[0], rendered);
            } else {
                edited.addAll(section.lastContentLine(edited) + 1, rendered);
            }
        }
        List<Entry> before = safeParse(lines);
        if (!writeIfFaithful(edited, before, name, keys)) {
            rewrite(before, name, keys);
        }
    }

    /** Removes connection {@code name} (matched ignoring case); false when the file has no such entry. */
    public boolean unset(String name) {
        List<String> lines = lines();
        List<Entry> before = safeParse(lines);
        if (before.stream().noneMatch(e -> e.name().equalsIgnoreCase(name))) {
            return false;
        }
        List<String> edited = new ArrayList<>(lines);
        Section section = Section.find(edited);
        if (section != null && !section.flow()) {
            int[] block = section.entry(edited, name);
            if (block != null) {
                edited.subList(block[0], block[1]).clear();
            }
        }
        if (!writeIfFaithful(edited, before, name, null)) {
            rewrite(before, name, null);
        }
        return true;
    }

    /** Writes {@code edited} if reading it back gives exactly the intended connections. */
    private boolean writeIfFaithful(List<String> edited, List<Entry> before, String name, Map<String, String> keys) {
        List<Entry> after;
        try {
            after = parse(String.join("\n", edited) + "\n");
        } catch (ConfigException e) {
            return false;
        }
        Map<String, Map<String, String>> expected = new LinkedHashMap<>();
        for (Entry e : before) {
            if (!e.name().equalsIgnoreCase(name)) {
                expected.put(e.name(), e.keys());
            }
        }
        Map<String, Map<String, String>> actual = new LinkedHashMap<>();
        for (Entry e : after) {
            if (!e.name().equalsIgnoreCase(name)) {
                actual.put(e.name(), e.keys());
            }
        }
        boolean othersKept = expected.equals(actual);
        List<Entry> mine =
                after.stream().filter(e -> e.name().equalsIgnoreCase(name)).toList();
        boolean mineRight = keys == null
                ? mine.isEmpty()
                : mine.size() == 1
                        && mine.get(0).name().equals(name)
                        && mine.get(0).keys().equals(lowerKeys(keys));
        if (!othersKept || !mineRight) {
            return false;
        }
        write(String.join("\n", edited) + "\n");
        return true;
    }

    private void rewrite(List<Entry> before, String name, Map<String, String> keys) {
        ObjectNode root;
        try {
            String text = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
            JsonNode tree = text.isBlank() ? null : MAPPER.readTree(text);
            root = tree instanceof ObjectNode o ? o : MAPPER.createObjectNode();
        } catch (IOException e) {
            throw new ConfigException("cannot read " + path + ": " + e.getMessage(), e);
        }
        ObjectNode connections = MAPPER.createObjectNode();
        for (Entry e : before) {
            if (!e.name().equalsIgnoreCase(name)) {
                ObjectNode node = connections.putObject(e.name());
                e.keys().forEach(node::put);
            }
        }
        if (keys != null) {
            ObjectNode node = connections.putObject(name);
            lowerKeys(keys).forEach(node::put);
        }
        root.set("connections", connections);
        try {
            write(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new RunException("cannot write " + path + ": " + e.getOriginalMessage(), e);
        }
        Log.warn("rewrote " + path + " as a whole; comments in it were not kept");
    }

    private List<Entry> safeParse(List<String> lines) {
        return lines.isEmpty() ? List.of() : parse(String.join("\n", lines) + "\n");
    }

    private List<String> lines() {
        try {
            return trimTrailingEmpty(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        } catch (IOException e) {
            throw new ConfigException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static List<String> trimTrailingEmpty(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\\R", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private void write(String text) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                trySetMode(dir, "rwx------");
            }
            Path temp = Files.createTempFile(dir, ".env.yaml-", ".tmp");
            try {
                trySetMode(temp, "rw-------");
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            trySetMode(path, "rw-------");
        } catch (IOException e) {
            throw new RunException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static void trySetMode(Path p, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user profile's ACLs protect the file instead.
        }
    }

    private static Map<String, String> lowerKeys(Map<String, String> keys) {
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v == null ? "" : v));
        return out;
    }

    private static List<String> render(String name, Map<String, String> keys, int nameIndent, int keyIndent) {
        List<String> out = new ArrayList<>();
        out.add(" ".repeat(nameIndent) + quoteIfNeeded(name) + ":");
        String pad = " ".repeat(keyIndent);
        lowerKeys(keys).forEach((k, v) -> out.add(pad + quoteIfNeeded(k) + ": " + quoteIfNeeded(v)));
        return out;
    }

    /** Plain scalars stay plain; anything else becomes a double-quoted scalar (JSON escaping is valid YAML). */
    private static String quoteIfNeeded(String value) {
        if (PLAIN_VALUE.matcher(value).matches() && !value.startsWith("-") && !looksTyped(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Values YAML would read as something other than the same text (booleans, null, octal-ish numbers). */
    private static boolean looksTyped(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.equals("true")
                || v.equals("false")
                || v.equals("yes")
                || v.equals("no")
                || v.equals("on")
                || v.equals("off")
                || v.equals("null")
                || v.equals("~")
                || (v.startsWith("0") && v.length() > 1)
                || v.startsWith(".");
    }

    /**
     * The {@code connections:} block of the file's lines: names at {@code childIndent}, their keys at
     * {@code keyIndent} (both taken from the file, so an edited entry looks like its neighbours).
     */
    private record Section(int header, int end, int childIndent, int keyIndent, boolean flow) {
        static Section find(List<String> lines) {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("connections:")) {
                    boolean block = CONNECTIONS_LINE.matcher(line).matches();
                    int end = i + 1;
                    int child = -1;
                    int key = -1;
                    while (end < lines.size()) {
                        String l = lines.get(end);
                        int ind = indent(l);
                        if (!l.isBlank() && ind == 0 && !l.startsWith("#")) {
                            break;
                        }
                        boolean content = !l.isBlank() && !l.strip().startsWith("#");
                        if (content && child < 0) {
                            child = ind;
                        } else if (content && key < 0 && ind > child) {
                            key = ind;
                        }
                        end++;
                    }
                    child = child < 0 ? 2 : child;
                    return new Section(i, end, child, key < 0 ? child + 2 : key, !block);
                }
            }
            return null;
        }

        /** [from, to) of the entry's lines, or null. */
        int[] entry(List<String> lines, String name) {
            Pattern start = Pattern.compile(
                    "^ {" + childIndent + "}([\"']?)(" + Pattern.quote(name) + ")\\1\\s*:(.*)$",
                    Pattern.CASE_INSENSITIVE);
            for (int i = header + 1; i < end; i++) {
                Matcher m = start.matcher(lines.get(i));
                if (m.matches()) {
                    int j = i + 1;
                    while (j < end && (lines.get(j).isBlank() || indent(lines.get(j)) > childIndent)) {
                        j++;
                    }
                    while (j > i + 1 && lines.get(j - 1).isBlank()) {
                        j--;
                    }
                    return new int[] {i, j};
                }
            }
            return null;
        }

        int lastContentLine(List<String> lines) {
            int last = header;
            for (int i = header + 1; i < end && i < lines.size(); i++) {
                if (!lines.get(i).isBlank() && indent(lines.get(i)) > 0) {
                    last = i;
                }
            }
            return last;
        }

        private static int indent(String line) {
            int n = 0;
            while (n < line.length() && line.charAt(n) == ' ') {
                n++;
            }
            return n;
        }
    }
}
