package dev.quarry.models.project;

import dev.quarry.core.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Readers for the project files other than models and config: audits, external models, unit tests. */
final class ProjectFiles {
    private static final Set<String> AUDIT_PROPERTIES =
            Set.of("name", "dialect", "blocking", "standalone", "defaults", "description", "owner", "tags");
    private static final Set<String> EXTERNAL_KEYS = Set.of(
            "name",
            "description",
            "dialect",
            "start",
            "audits",
            "columns",
            "gateway",
            "tags",
            "owner",
            "column_descriptions");
    private static final Set<String> TEST_KEYS =
            Set.of("model", "description", "gateway", "inputs", "outputs", "vars", "schema");

    private ProjectFiles() {}

    /** The AUDIT blocks of one file, each followed by its query. */
    static List<Audit> audits(String file, String text) {
        return audits(BlockParser.of(file, text));
    }

    /** The AUDIT blocks from the parser's position to the end, each followed by its query. */
    static List<Audit> audits(BlockParser parser) {
        List<Audit> out = new ArrayList<>();
        while (!parser.atEnd()) {
            Block block = parser.block("AUDIT");
            Block.Property name =
                    block.get("name").orElseThrow(() -> new ModelException(block.location(), "AUDIT has no name"));
            String auditName = name.value()
                    .text()
                    .orElseThrow(() -> new ModelException(name.value().location(), "audit name must be a name"))
                    .toLowerCase(Locale.ROOT);
            for (Block.Property p : block.properties().values()) {
                if (!AUDIT_PROPERTIES.contains(p.name())) {
                    throw new ModelException(
                            p.location(),
                            "audit " + auditName + ": unknown property " + p.name()
                                    + Names.didYouMean(p.name(), AUDIT_PROPERTIES));
                }
            }
            List<Statement> statements = parser.statements(Optional.of("AUDIT"));
            if (statements.size() != 1 || !statements.get(0).isQuery()) {
                throw new ModelException(
                        block.location(),
                        "audit " + auditName + " must be followed by exactly one query, found " + statements.size()
                                + " statement(s)");
            }
            Map<String, String> defaults = new LinkedHashMap<>();
            ModelReader.pairs(auditName, block.properties().get("defaults"), "defaults")
                    .forEach((k, v) -> defaults.put(k, v.value().sql()));
            out.add(new Audit(
                    auditName,
                    block.location(),
                    block.get("dialect").flatMap(p -> p.value().text()).orElse("starrocks"),
                    flag(block, "blocking", true),
                    flag(block, "standalone", false),
                    defaults,
                    statements.get(0)));
        }
        return out;
    }

    private static boolean flag(Block block, String name, boolean absent) {
        Optional<Block.Property> p = block.get(name);
        if (p.isEmpty()) {
            return absent;
        }
        String t = p.get().value().text().orElse("").toLowerCase(Locale.ROOT);
        if (!t.equals("true") && !t.equals("false")) {
            throw new ModelException(p.get().value().location(), name + " must be true or false");
        }
        return t.equals("true");
    }

    /** external_models.yaml: a list of {name, columns {c: type}, ...}. */
    static List<Model> externalModels(String file, String text) {
        Yaml root = Yaml.parse(file, text);
        if (root instanceof Yaml.Mapping m && m.entries().isEmpty()) {
            return List.of();
        }
        List<Model> out = new ArrayList<>();
        for (Yaml item : root.sequence(file).items()) {
            Yaml.Mapping m = item.mapping("an external model");
            m.checkKeys(EXTERNAL_KEYS, "an external model");
            Yaml nameYaml =
                    m.get("name").orElseThrow(() -> new ModelException(m.location(), "external model has no name"));
            String name = nameYaml.text("name").toLowerCase(Locale.ROOT);
            Map<String, String> columns = new LinkedHashMap<>();
            m.get("columns")
                    .ifPresent(c -> c.mapping("columns")
                            .entries()
                            .forEach((k, e) -> columns.put(
                                    k.toLowerCase(Locale.ROOT), e.value().text("the type of column " + k))));
            Map<String, String> descriptions = new LinkedHashMap<>();
            m.get("column_descriptions")
                    .ifPresent(c -> c.mapping("column_descriptions")
                            .entries()
                            .forEach((k, e) -> descriptions.put(
                                    k.toLowerCase(Locale.ROOT), e.value().text("the description of column " + k))));
            List<AuditCall> audits = new ArrayList<>();
            m.get("audits").ifPresent(a -> a.sequence("audits").items().forEach(x -> audits.add(externalAudit(x))));
            out.add(new Model(
                    name,
                    m.location(),
                    Kind.of(ModelKind.EXTERNAL),
                    m.get("dialect").map(d -> d.text("dialect")).orElse("starrocks"),
                    "@daily",
                    m.get("start").map(s -> s.text("start")),
                    Optional.empty(),
                    m.get("owner").map(o -> o.text("owner")),
                    m.get("description").map(d -> d.text("description")),
                    columns,
                    descriptions,
                    List.of(),
                    List.of(),
                    List.of(),
                    true,
                    PhysicalLayout.none(),
                    audits,
                    false,
                    List.of(),
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    false));
        }
        return out;
    }

    private static AuditCall externalAudit(Yaml y) {
        Yaml.Mapping m = y.mapping("an audit");
        String name = m.get("name")
                .orElseThrow(() -> new ModelException(m.location(), "audit has no name"))
                .text("name");
        Map<String, String> args = new LinkedHashMap<>();
        m.entries().forEach((k, e) -> {
            if (!k.equals("name")) {
                args.put(k, String.valueOf(e.value().plain()));
            }
        });
        return new AuditCall(name.toLowerCase(Locale.ROOT), args);
    }

    /** One tests/test*.yaml file: test name to its definition. */
    @SuppressWarnings("unchecked")
    static List<UnitTest> tests(String file, String text) {
        Yaml root = Yaml.parse(file, text);
        List<UnitTest> out = new ArrayList<>();
        for (Yaml.Entry e : root.mapping(file).entries().values()) {
            Yaml.Mapping m = e.value().mapping("test " + e.key());
            m.checkKeys(TEST_KEYS, "test " + e.key());
            String model = m.get("model")
                    .orElseThrow(() -> new ModelException(e.keyLocation(), "test " + e.key() + " has no model"))
                    .text("model")
                    .toLowerCase(Locale.ROOT);
            Map<String, Object> inputs = m.get("inputs")
                    .map(i -> (Map<String, Object>) i.mapping("inputs").plain())
                    .orElse(Map.of());
            Map<String, Object> outputs = m.get("outputs")
                    .map(o -> (Map<String, Object>) o.mapping("outputs").plain())
                    .orElse(Map.of());
            Map<String, Object> vars = m.get("vars")
                    .map(v -> (Map<String, Object>) v.mapping("vars").plain())
                    .orElse(Map.of());
            out.add(new UnitTest(
                    e.key(),
                    e.keyLocation(),
                    model,
                    m.get("description").map(d -> d.text("description")),
                    inputs,
                    outputs,
                    vars));
        }
        return out;
    }
}
