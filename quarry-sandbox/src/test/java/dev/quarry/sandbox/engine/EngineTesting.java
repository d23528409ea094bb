package dev.quarry.sandbox.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Helpers shared by the engine tests: run statements, read rows, build load batches. */
final class EngineTesting {
    private EngineTesting() {}

    static EngineConfig config(int backends) {
        return new EngineConfig(null, backends, false, "3.5.7");
    }

    static List<List<String>> rows(EngineSession s, String sql) throws SqlError {
        StatementResult r = s.execute(sql);
        assertThat(r).as(sql).isInstanceOf(StatementResult.Rows.class);
        return ((StatementResult.Rows) r).rows();
    }

    static String one(EngineSession s, String sql) throws SqlError {
        List<List<String>> r = rows(s, sql);
        assertThat(r).as(sql).hasSize(1);
        return r.get(0).get(0);
    }

    static StatementResult.Ok ok(EngineSession s, String sql) throws SqlError {
        StatementResult r = s.execute(sql);
        assertThat(r).as(sql).isInstanceOf(StatementResult.Ok.class);
        return (StatementResult.Ok) r;
    }

    static SqlError error(EngineSession s, String sql) {
        SqlError e = catchThrowableOfType(SqlError.class, () -> s.execute(sql));
        assertThat(e).as("expected an error from: " + sql).isNotNull();
        return e;
    }

    /** Rows as "a|b|c" strings, NULL as \N, for compact assertions. */
    static List<String> flat(EngineSession s, String sql) throws SqlError {
        List<String> out = new ArrayList<>();
        for (List<String> r : rows(s, sql)) {
            List<String> cells = new ArrayList<>();
            for (String v : r) {
                cells.add(v == null ? "\\N" : v);
            }
            out.add(String.join("|", cells));
        }
        return out;
    }

    static LoadBatch csv(List<String> columns, String... lines) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            for (int i = 0; i < f.length; i++) {
                if (f[i].equals("\\N")) {
                    f[i] = null;
                }
            }
            rows.add(f);
        }
        return new LoadBatch(columns, Map.of(), null, false, "Asia/Shanghai", false, null, rows, Arrays.asList(lines));
    }

    static LoadBatch batch(
            List<String> columns,
            Map<String, String> derived,
            String where,
            boolean strict,
            boolean partial,
            String mergeCondition,
            String... lines) {
        LoadBatch b = csv(columns, lines);
        return new LoadBatch(
                columns, derived, where, strict, "Asia/Shanghai", partial, mergeCondition, b.rows(), b.rawRows());
    }
}
