package dev.quarry.models.testing;

import dev.quarry.core.ConfigException;
import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.models.plan.IntervalUnit;
import dev.quarry.models.plan.PhysicalNames;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.ModelException;
import dev.quarry.models.project.Project;
import dev.quarry.models.project.Times;
import dev.quarry.models.project.UnitTest;
import dev.quarry.models.render.MacroContext;
import dev.quarry.models.render.PythonMacros;
import dev.quarry.models.render.Renderer;
import dev.quarry.starrocks.ClusterProbe;
import dev.quarry.starrocks.ColumnSpec;
import dev.quarry.starrocks.Distribution;
import dev.quarry.starrocks.KeyType;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksQueries;
import dev.quarry.starrocks.StarRocksType;
import dev.quarry.starrocks.StatementSink;
import dev.quarry.starrocks.TableSpec;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a project's unit tests ({@code tests/*.yaml}, docs/sqlmesh.md §8) on the gateway: each test's inputs become
 * tables in a scratch database, the model's query reads them instead of its upstream models, and its rows are
 * compared with the expected ones (in any order; numbers by value; missing input columns are NULL).
 */
public final class TestRunner {
    private TestRunner() {}

    /**
     * The result of one unit test.
     *
     * @param test test name
     * @param passed whether the rows matched
     * @param message what differed, or {@code ok}
     */
    public record Outcome(String test, boolean passed, String message) {}

    /** Runs the tests whose name contains {@code filter} (all when empty). */
    public static List<Outcome> run(Project project, ConnectionSpec gateway, Optional<String> filter) {
        List<Outcome> out = new ArrayList<>();
        List<UnitTest> tests = project.tests().stream()
                .filter(t -> filter.map(f -> t.name().contains(f)).orElse(true))
                .toList();
        if (tests.isEmpty()) {
            return out;
        }
        try (Connection c = gateway.open()) {
            ClusterProbe probe = ClusterProbe.of(c);
            StarRocksDialect dialect = StarRocksDialect.forVersion(probe.version());
            int replication = probe.defaultReplicationNum();
            // Not closed on its own: closing it would close c, which the try closes.
            StatementSink session = StatementSink.of(c, new AtomicInteger());
            for (UnitTest t : tests) {
                out.add(runOne(project, t, session, dialect, replication));
            }
        } catch (SQLException e) {
            throw new RunException("unit tests on " + gateway.describe() + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static Outcome runOne(
            Project project, UnitTest t, StatementSink c, StarRocksDialect dialect, int replication) {
        Model m = project.model(t.model())
                .orElseThrow(() -> new ModelException(t.location(), "test " + t.name() + ": no model " + t.model()));
        if (m.python()) {
            throw new ModelException(
                    t.location(),
                    "test " + t.name() + ": model " + m.name()
                            + " is a Python model; Quarry runs unit tests of SQL models only (docs/sqlmesh.md §10)");
        }
        if (m.query().isEmpty()) {
            throw new ModelException(
                    t.location(), "test " + t.name() + ": model " + m.name() + " has no query to test");
        }
        String db = PhysicalNames.fit(
                "quarry__test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        Map<String, String> targets = new HashMap<>();
        try {
            c.execute(dialect.createDatabase(db, true));
            for (Map.Entry<String, Object> in : t.inputs().entrySet()) {
                String name = in.getKey().toLowerCase(Locale.ROOT);
                List<Map<String, Object>> rows = rows(t, "input " + name, in.getValue());
                String table = PhysicalNames.fit(name.replace('.', '_'));
                List<ColumnSpec> columns = columns(project.model(name), rows);
                TableSpec.Builder b = TableSpec.builder(db, table).columns(columns);
                columns.stream()
                        .filter(col -> col.type().keyCapable())
                        .findFirst()
                        .ifPresent(col -> b.key(KeyType.DUPLICATE, List.of(col.name())));
                b.distribution(new Distribution.Random(OptionalInt.empty()));
                c.execute(dialect.createTable(b.build().withDefaultReplicationNum(replication), false));
                if (!rows.isEmpty()) {
                    List<String> names = columns.stream().map(ColumnSpec::name).toList();
                    List<List<Object>> values = new ArrayList<>();
                    for (Map<String, Object> r : rows) {
                        values.add(names.stream().map(r::get).toList());
                    }
                    c.execute(dialect.insertInto(db, table, Optional.empty(), names, StarRocksQueries.values(values)));
                }
                targets.put(name, StarRocksDialect.qualified(db, table));
            }
            String query = Renderer.resolveTables(
                    Renderer.render(m, context(project, m, t))
                            .query()
                            .orElseThrow()
                            .strip(),
                    targets);
            while (query.endsWith(";")) {
                query = query.substring(0, query.length() - 1).strip();
            }
            List<Map<String, Object>> expected = expected(t);
            boolean partial = (t.outputs().get("partial") instanceof Boolean p && p)
                    || (t.outputs().get("query") instanceof Map<?, ?> q && Boolean.TRUE.equals(q.get("partial")));
            List<Map<String, String>> actual = new ArrayList<>();
            for (Map<String, String> r : c.rows(query)) {
                Map<String, String> row = new LinkedHashMap<>();
                r.forEach((label, value) -> row.put(TestValues.columnName(label), normalize(value)));
                actual.add(row);
            }
            return compare(t, expected, actual, partial);
        } catch (RunException e) {
            return new Outcome(t.name(), false, "test " + t.name() + " (" + t.location() + "): " + driverMessage(e));
        } finally {
            try {
                c.execute(dialect.dropDatabase(db, true));
            } catch (RunException e) {
                Log.warn("could not drop the test database " + db + ": " + driverMessage(e));
            }
        }
    }

    private static Outcome compare(
            UnitTest t, List<Map<String, Object>> expected, List<Map<String, String>> actual, boolean partial) {
        Set<String> columns = new LinkedHashSet<>();
        expected.forEach(r -> r.keySet().forEach(k -> columns.add(k.toLowerCase(Locale.ROOT))));
        for (Map<String, String> r : actual) {
            if (!partial && !expected.isEmpty() && !r.keySet().equals(columns)) {
                return new Outcome(
                        t.name(),
                        false,
                        "test " + t.name() + " (" + t.location() + "): the query returns columns " + r.keySet()
                                + ", the test expects " + columns + " (set partial: true to compare only those)");
            }
        }
        // Rows match in any order; values as SQLMesh compares them: numbers within a relative tolerance, a date
        // equal to midnight of that date (docs/sqlmesh.md §8).
        List<Map<String, String>> wantRows = new ArrayList<>();
        for (Map<String, Object> r : expected) {
            Map<String, String> row = new LinkedHashMap<>();
            columns.forEach(k -> row.put(k, normalize(value(r, k))));
            wantRows.add(row);
        }
        List<Map<String, String>> gotRows = new ArrayList<>();
        for (Map<String, String> r : actual) {
            Map<String, String> row = new LinkedHashMap<>();
            columns.forEach(k -> row.put(k, r.get(k)));
            gotRows.add(row);
        }
        List<String> missing = new ArrayList<>();
        for (Map<String, String> w : wantRows) {
            int match = -1;
            for (int i = 0; i < gotRows.size() && match < 0; i++) {
                if (TestValues.sameRow(w, gotRows.get(i))) {
                    match = i;
                }
            }
            if (match < 0) {
                missing.add(w.toString());
            } else {
                gotRows.remove(match);
            }
        }
        List<String> unexpected = gotRows.stream().map(Object::toString).toList();
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return new Outcome(t.name(), true, "ok");
        }
        return new Outcome(
                t.name(),
                false,
                "test " + t.name() + " (" + t.location() + "): missing rows " + missing + ", unexpected rows "
                        + unexpected);
    }

    private static Object value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Numbers by value ({@code 2}, {@code 2.0} and {@code 2.00} are equal), everything else as text. */
    static String normalize(Object v) {
        if (v == null) {
            return "NULL";
        }
        String s = v.toString();
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (s.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            BigDecimal d = new BigDecimal(s).stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return s.equalsIgnoreCase("true") ? "1" : "0";
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(UnitTest t, String what, Object spec) {
        Object rows = spec;
        if (spec instanceof Map<?, ?> m) {
            if (m.containsKey("query") && !m.containsKey("rows")) {
                throw new ModelException(
                        t.location(),
                        "test " + t.name() + ": " + what + " given as a query is not supported yet; list its rows");
            }
            rows = m.get("rows");
        }
        if (rows == null) {
            return List.of();
        }
        if (!(rows instanceof List<?> list)) {
            throw new ModelException(
                    t.location(), "test " + t.name() + ": " + what + " must be a list of rows ({column: value, ...})");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : list) {
            if (!(r instanceof Map<?, ?>)) {
                throw new ModelException(
                        t.location(),
                        "test " + t.name() + ": each row of " + what + " must be a mapping {column: value}");
            }
            out.add((Map<String, Object>) r);
        }
        return out;
    }

    private static List<Map<String, Object>> expected(UnitTest t) {
        Object q = t.outputs().get("query");
        if (q == null) {
            throw new ModelException(t.location(), "test " + t.name() + ": outputs has no query rows to compare");
        }
        return rows(t, "outputs.query", q);
    }

    private static List<ColumnSpec> columns(Optional<Model> upstream, List<Map<String, Object>> rows) {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        rows.forEach(r -> r.forEach((k, v) -> values.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>())
                .add(v)));
        List<ColumnSpec> out = new ArrayList<>();
        Map<String, String> declared = upstream.map(Model::columns).orElse(Map.of());
        values.forEach((name, vs) -> {
            String type = declared.getOrDefault(name, inferType(vs));
            out.add(ColumnSpec.of(name, StarRocksType.parse(type)));
        });
        return out;
    }

    private static String inferType(List<Object> values) {
        List<Object> present = values.stream().filter(v -> v != null).toList();
        if (present.isEmpty()) {
            return "VARCHAR(" + StarRocksType.STRING_LENGTH + ")";
        }
        if (present.stream().allMatch(v -> v instanceof Long || v instanceof Integer)) {
            return "BIGINT";
        }
        if (present.stream().allMatch(v -> v instanceof Number)) {
            return "DOUBLE";
        }
        if (present.stream().allMatch(v -> v instanceof Boolean)) {
            return "BOOLEAN";
        }
        if (present.stream().allMatch(v -> v.toString().matches("\\d{4}-\\d{2}-\\d{2}"))) {
            return "DATE";
        }
        if (present.stream()
                .allMatch(v -> v.toString().matches("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?"))) {
            return "DATETIME";
        }
        return "VARCHAR(" + StarRocksType.STRING_LENGTH + ")";
    }

    private static MacroContext context(Project project, Model m, UnitTest t) {
        Map<String, Object> vars = new LinkedHashMap<>(project.config().variables());
        Instant now = Instant.now();
        Instant start = IntervalUnit.DAY.floor(now).minus(1, ChronoUnit.DAYS);
        Instant end = IntervalUnit.DAY.floor(now);
        Instant execution = end;
        for (Map.Entry<String, Object> e : t.vars().entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            try {
                switch (k) {
                    case "start" -> start = Times.parse(String.valueOf(e.getValue()), now);
                    case "end" -> end = Times.inclusiveEnd(String.valueOf(e.getValue()), now);
                    case "execution_time" -> execution = Times.parse(String.valueOf(e.getValue()), now);
                    default -> vars.put(k, e.getValue());
                }
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(t.location() + ": test " + t.name() + ": vars." + k + ": " + ex.getMessage());
            }
        }
        return new MacroContext(
                start,
                end,
                execution,
                m.name(),
                vars,
                project.config().defaultGateway().orElse(""),
                PythonMacros.of(project, vars, start, end, execution));
    }

    /** What the driver said when a statement failed (the session's message adds the statement). */
    private static String driverMessage(RunException e) {
        return e.getCause() instanceof SQLException sql ? sql.getMessage() : e.getMessage();
    }
}
