package dev.quarry.models.plan;

import dev.quarry.models.project.Kind;
import dev.quarry.models.project.Lexer;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.ModelKind;
import dev.quarry.models.project.PhysicalLayout;
import dev.quarry.models.project.Project;
import dev.quarry.models.project.Statement;
import dev.quarry.models.project.Token;
import dev.quarry.models.render.Renderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Computes the {@link Fingerprint} of every model of a project, upstream first. */
public final class Fingerprints {
    private Fingerprints() {}

    /** Fingerprints by model name, in DAG order. */
    public static Map<String, Fingerprint> of(Project project) {
        Map<String, Object> variables = new TreeMap<>(project.config().variables());
        project.config()
                .defaultGateway()
                .map(g -> project.config().gateways().get(g))
                .ifPresent(g -> variables.putAll(g.variables()));
        Map<String, Fingerprint> out = new LinkedHashMap<>();
        for (String name : project.dag().order()) {
            Model m = project.models().get(name);
            // A Python model's code stands where a seed's contents stand: a change to it changes the data.
            String seed = m.kind().kind() == ModelKind.SEED
                    ? sha256(readBytes(project, m))
                    : m.python()
                            ? sha256(project.sources()
                                    .getOrDefault(name, "")
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            : "";
            List<String> upstream = new ArrayList<>();
            for (String u : project.dag().upstream(name)) {
                upstream.add(u + "=" + out.get(u).data());
            }
            out.put(name, of(m, variables, seed, upstream));
        }
        return out;
    }

    private static byte[] readBytes(Project project, Model m) {
        try {
            return Files.readAllBytes(project.seedFile(m));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed of " + m.name(), e);
        }
    }

    /**
     * @param variables the variables SQL may use; only those a statement mentions count
     * @param seedHash hash of the seed CSV, or "" when none
     * @param upstream {@code name=dataHash} of each upstream model, sorted
     */
    static Fingerprint of(Model m, Map<String, Object> variables, String seedHash, List<String> upstream) {
        Kind k = m.kind();
        List<String> statements = new ArrayList<>();
        m.preStatements().forEach(s -> statements.add(normalize(s.sql())));
        m.query().ifPresent(q -> statements.add(normalize(q.sql())));
        m.postStatements().forEach(s -> statements.add(normalize(s.sql())));
        PhysicalLayout l = m.layout();
        String own = hash(
                "name", m.name(),
                "kind", k.kind().name(),
                "time_column",
                        k.timeColumn().orElse("") + "|" + k.timeColumnFormat().orElse(""),
                "unique_key", k.uniqueKey().toString(),
                "materialized", Boolean.toString(k.materialized()),
                "seed", k.seedPath().orElse("") + "|" + k.csvSettings() + "|" + seedHash,
                "insert_overwrite", Boolean.toString(k.insertOverwrite()),
                "dialect", m.dialect(),
                "columns", m.columns().toString(),
                "layout",
                        new PhysicalLayout(
                                        l.key(),
                                        l.partitioning(),
                                        l.distribution(),
                                        l.orderBy(),
                                        l.properties(),
                                        l.refresh(),
                                        java.util.Optional.empty())
                                .toString(),
                "statements", String.join("\n;\n", statements),
                "variables", usedVariables(m, variables));
        String data = hash("own", own, "upstream", String.join(",", upstream));
        String metadata = hash(
                "cron", m.cron(),
                "start", m.start().orElse(""),
                "end", m.end().orElse(""),
                "owner", m.owner().orElse(""),
                "description", m.description().orElse(""),
                "column_descriptions", m.columnDescriptions().toString(),
                "grains", m.grains().toString(),
                "tags", m.tags().toString(),
                "audits", m.audits().toString(),
                "allow_partials", Boolean.toString(m.allowPartials()),
                "security", l.security().orElse(""),
                "batch", k.batchSize() + "|" + k.lookback() + "|" + k.otherOptions(),
                "on_virtual_update",
                        m.onVirtualUpdate().stream()
                                .map(s -> normalize(s.sql()))
                                .toList()
                                .toString());
        return new Fingerprint(data, own, metadata);
    }

    /** The SQL as its tokens separated by single spaces: whitespace and comments do not count. */
    static String normalize(String sql) {
        List<Token> tokens = Lexer.tokens("<sql>", sql);
        StringBuilder sb = new StringBuilder(sql.length());
        for (Token t : tokens) {
            if (t.is(Token.Type.EOF)) {
                break;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(sql, t.start(), t.end());
        }
        return sb.toString();
    }

    private static String usedVariables(Model m, Map<String, Object> variables) {
        Set<String> used = new TreeSet<>();
        List<Statement> all = new ArrayList<>(m.preStatements());
        m.query().ifPresent(all::add);
        all.addAll(m.postStatements());
        for (Statement s : all) {
            List<Token> tokens = Lexer.tokens("<sql>", s.sql());
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.is(Token.Type.MACRO)) {
                    String name = t.text().replace("{", "").replace("}", "").toLowerCase(Locale.ROOT);
                    if (variables.containsKey(name)) {
                        used.add(name);
                    }
                    if (name.equals("var")
                            && i + 2 < tokens.size()
                            && tokens.get(i + 2).is(Token.Type.STRING)) {
                        used.add(tokens.get(i + 2).text().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String v : used) {
            sb.append(v).append('=').append(Renderer.literal(variables.get(v))).append(';');
        }
        return sb.toString();
    }

    private static String hash(String... labelledParts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < labelledParts.length; i += 2) {
            String part = labelledParts[i + 1];
            // Length-prefixed, so no two different inputs concatenate to the same text.
            sb.append(labelledParts[i])
                    .append(':')
                    .append(part.length())
                    .append(':')
                    .append(part)
                    .append('\n');
        }
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
