package dev.quarry.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One case of the bad-input suite ({@link BadInputIT}), read from a {@code .case} file:
 *
 * <pre>
 * # what the case checks
 * args: replicate -r r.yaml          (split on spaces; 'single quotes' keep spaces)
 * exit: 2
 * expect: r.yaml:4:1                 (each must appear in stdout + stderr)
 * reject: NoSuchFile                 (must not appear)
 * env: NAME=value                    (an extra environment variable)
 * setup: CREATE TABLE ${DB}.t (...)  (StarRocks SQL run before the command)
 * no-database                        (the case's target database ${DB} is not created)
 * no-connections                     (no PG/SR environment-variable connections)
 * built-versions-stay                (a model version built before the failure may remain in quarry__...)
 * === r.yaml                         (a file in the working directory; home/x goes to QUARRY_HOME)
 * ...its text, until the next === line...
 * </pre>
 *
 * {@code ${DB}}, {@code ${PG_HOST}}, {@code ${PG_PORT}}, {@code ${PG_USER}}, {@code ${PG_PASSWORD}},
 * {@code ${PG_DATABASE}}, {@code ${SR_PORT}}, {@code ${SR_HTTP_PORT}} and {@code ${SR_PASSWORD}} are replaced in
 * files, setup SQL, arguments and expectations. A literal TAB is written as {@code <TAB>}.
 */
record BadInputCase(
        String name,
        String args,
        int exit,
        List<String> expected,
        List<String> unexpected,
        Map<String, String> env,
        List<String> setup,
        boolean targetDatabase,
        boolean connections,
        boolean builtVersionsStay,
        Map<String, String> files) {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)}");

    static BadInputCase read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String args = null;
        int exit = -1;
        List<String> expected = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        List<String> setup = new ArrayList<>();
        boolean database = true;
        boolean connections = true;
        boolean builtVersionsStay = false;
        Map<String, String> files = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("=== ")) {
                if (current != null) {
                    files.put(current, text.toString());
                }
                current = line.substring(4).strip();
                text.setLength(0);
            } else if (current != null) {
                text.append(line.replace("<TAB>", "\t")).append('\n');
            } else if (line.startsWith("args:")) {
                args = value(line);
            } else if (line.startsWith("exit:")) {
                exit = Integer.parseInt(value(line));
            } else if (line.startsWith("expect:")) {
                expected.add(value(line));
            } else if (line.startsWith("reject:")) {
                unexpected.add(value(line));
            } else if (line.startsWith("env:")) {
                String[] kv = value(line).split("=", 2);
                env.put(kv[0], kv[1]);
            } else if (line.startsWith("setup:")) {
                setup.add(value(line));
            } else if (line.strip().equals("no-database")) {
                database = false;
            } else if (line.strip().equals("no-connections")) {
                connections = false;
            } else if (line.strip().equals("built-versions-stay")) {
                builtVersionsStay = true;
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IllegalArgumentException(name + ": cannot read line: " + line);
            }
        }
        if (current != null) {
            files.put(current, text.toString());
        }
        if (args == null || exit < 0 || expected.isEmpty()) {
            throw new IllegalArgumentException(name + ": a case needs args:, exit: and at least one expect:");
        }
        return new BadInputCase(
                name, args, exit, expected, unexpected, env, setup, database, connections, builtVersionsStay, files);
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).strip().replace("<TAB>", "\t");
    }

    /** The arguments, split on spaces outside single quotes, variables replaced. */
    List<String> args(Map<String, String> vars) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        String text = expand(args, vars);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(word.toString());
        }
        return out;
    }

    static String expand(String text, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
