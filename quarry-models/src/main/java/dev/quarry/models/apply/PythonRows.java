package dev.quarry.models.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.core.RunException;
import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.models.plan.PhysicalNames;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.StarRocksSpecs;
import dev.quarry.models.python.PythonBridge;
import dev.quarry.models.render.Renderer;
import dev.quarry.starrocks.ColumnSpec;
import dev.quarry.starrocks.LoadBody;
import dev.quarry.starrocks.LoadOptions;
import dev.quarry.starrocks.StarRocksQueries;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StatementSink;
import dev.quarry.starrocks.StreamLoader;
import dev.quarry.starrocks.TableSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Python model's rows for one range (docs/sqlmesh.md §10): its function runs in python3, its queries run on the
 * gateway, and the rows it returns are loaded by Stream Load into a staging table beside the model's table. The
 * kind's usual strategy then reads that table as the model's query, so a Python model is replaced, overwritten or
 * upserted exactly as a SQL model of its kind.
 */
final class PythonRows {
    private PythonRows() {}

    /** The staging table of a Python model's physical table. */
    static String staging(String table) {
        return PhysicalNames.fit(table + "__python");
    }

    /** Runs the model for {@code [start, end)}, loads its rows into the staging table, and reads that as its query. */
    static Renderer.Rendered render(ApplyContext ctx, ModelStep s, Instant start, Instant end) {
        Model m = s.model();
        StatementSink w = s.session();
        String db = s.database();
        String staging = staging(s.table());
        List<ColumnSpec> columns = StarRocksSpecs.declaredColumns(m);
        TableSpec spec = TableSpec.builder(db, staging).columns(columns).build();
        w.execute(ctx.dialect().dropTable(db, staging, true));
        w.execute(ctx.dialect()
                .createTable(
                        ctx.replicationNum().isPresent()
                                ? spec.withDefaultReplicationNum(
                                        ctx.replicationNum().getAsInt())
                                : spec,
                        false));
        String query = StarRocksQueries.selectAll(db, staging);
        if (w.dryRun()) {
            w.execute(
                    "-- run the Python model " + m.name() + " (" + m.location().file() + ") for " + start + " .. " + end
                            + " and Stream Load its rows into " + db + "." + staging);
            return new Renderer.Rendered(List.of(), java.util.Optional.of(query), List.of());
        }
        PythonBridge bridge = PythonBridge.find(
                        ctx.project().root(), ctx.project().python().env())
                .orElseThrow(() -> new RunException("model " + m.name() + " (" + m.location()
                        + "): python3 is not installed (or not on PATH), and this Python model needs it"));
        ObjectNode request = bridge.request("execute");
        request.put("file", ctx.project().root().resolve(m.location().file()).toString());
        request.put("model", m.name());
        request.put("start", start.toString());
        // As in SQLMesh, the function sees the inclusive end of its range.
        request.put("end", end.minusNanos(1000).toString());
        request.put("execution_time", s.plan().executionTime().toString());
        Map<String, Object> vars =
                ctx.context(s.plan(), m, start, end, s.physical()).variables();
        request.set("variables", PythonBridge.json().valueToTree(vars));
        ObjectNode tables = request.putObject("tables");
        ctx.targets(s.plan(), start, end).forEach(tables::put);
        tables.put(m.name(), s.physical());
        List<String> names = columns.stream().map(ColumnSpec::name).toList();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] count = new int[1];
        ConnectionSpec gateway = ctx.gateway();
        try (StarRocksSession session = StarRocksSession.open(gateway)) {
            body.write('[');
            bridge.call(request, sql -> session.query(sql, 0), rows -> {
                for (JsonNode row : rows) {
                    ObjectNode o = PythonBridge.json().createObjectNode();
                    for (int i = 0; i < names.size(); i++) {
                        o.set(names.get(i), row.get(i));
                    }
                    try {
                        if (count[0]++ > 0) {
                            body.write(',');
                        }
                        body.write(PythonBridge.json().writeValueAsBytes(o));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            body.write(']');
        } catch (PythonBridge.Failure f) {
            String where = f.line() > 0
                    ? m.location().file() + ":" + f.line()
                    : m.location().toString();
            String problem = f.missingModule()
                    .map(mod -> "imports " + mod + ", which is not installed for python3 (install it, e.g. pip install "
                            + mod + ")")
                    .orElse(f.getMessage());
            throw new RunException("model " + m.name() + " (" + where + "): " + problem, f);
        }
        if (count[0] > 0) {
            StreamLoader loader = StreamLoader.builder(gateway.feUrl(), gateway.user(), gateway.password())
                    .build();
            String label = "quarry_py_" + staging + "_" + System.currentTimeMillis();
            loader.load(
                    db,
                    staging,
                    label.length() > 128 ? label.substring(label.length() - 128) : label,
                    LoadOptions.json().withStripOuterArray(true).withColumns(names),
                    LoadBody.of(body.toByteArray()));
        }
        ctx.progress("ran Python model " + m.name() + ": " + count[0] + " rows");
        return new Renderer.Rendered(List.of(), java.util.Optional.of(query), List.of());
    }
}
