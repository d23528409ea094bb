package dev.quarry.models.apply;

import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.models.plan.IntervalUnit;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.StarRocksSpecs;
import dev.quarry.starrocks.ColumnSpec;
import dev.quarry.starrocks.LoadBody;
import dev.quarry.starrocks.LoadOptions;
import dev.quarry.starrocks.LoadResult;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StatementSink;
import dev.quarry.starrocks.StreamLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** SEED: the table is created (types declared or inferred from the CSV), emptied, and loaded with Stream Load. */
final class SeedBuild implements BuildStrategy {
    static final SeedBuild INSTANCE = new SeedBuild();

    private SeedBuild() {}

    @Override
    public void build(ApplyContext ctx, ModelStep s) {
        Instant today = IntervalUnit.DAY.floor(s.plan().executionTime());
        load(ctx, s);
        ctx.recordSnapshot(s.session(), s.model());
        AuditRunner.run(ctx, s, s.physical(), today.minus(1, ChronoUnit.DAYS), today);
    }

    private static void load(ApplyContext ctx, ModelStep s) {
        Model m = s.model();
        StatementSink w = s.session();
        String db = s.database();
        String table = s.table();
        Path csv = ctx.project().seedFile(m);
        SeedCsv seed = SeedCsv.read(m, csv);
        List<ColumnSpec> columns = m.columns().isEmpty() ? seed.columns() : StarRocksSpecs.declaredColumns(m);
        w.execute(ctx.dialect().createTable(ctx.tableSpec(m, db, table, columns), true));
        // A retried load must not double the rows: the table is emptied first (TRUNCATE: works for every table type).
        w.execute(ctx.dialect().truncateTable(db, table));
        if (w.dryRun()) {
            w.execute("-- Stream Load " + csv.getFileName() + " (" + seed.rows() + " rows) into "
                    + StarRocksDialect.qualified(db, table));
            return;
        }
        if (seed.rows() == 0) {
            return;
        }
        ConnectionSpec gateway = ctx.gateway();
        StreamLoader loader = StreamLoader.builder(gateway.feUrl(), gateway.feUser(), gateway.fePassword())
                .build();
        LoadOptions options = LoadOptions.csv()
                .withColumnSeparator(seed.delimiter())
                .withEnclose('"')
                .withColumns(seed.header());
        String label = ("quarry_seed_" + table + "_" + System.currentTimeMillis());
        LoadResult result = loader.load(
                db,
                table,
                label.length() > 128 ? label.substring(label.length() - 128) : label,
                options,
                LoadBody.of(seed.body().getBytes(StandardCharsets.UTF_8)));
        ctx.progress("loaded seed " + m.name() + ": "
                + result.counts().map(c -> c.loadedRows() + " rows").orElse(result.message()));
    }
}
