package dev.quarry.models.apply;

import dev.quarry.models.project.Model;
import dev.quarry.starrocks.StarRocksDialect;
import java.util.Optional;

/**
 * INCREMENTAL_BY_UNIQUE_KEY: INSERT into the PRIMARY KEY table, which upserts natively; rows are deduplicated
 * within the batch with ROW_NUMBER over the key.
 */
final class UniqueKeyBuild extends TableBuild {
    static final UniqueKeyBuild INSTANCE = new UniqueKeyBuild();

    private UniqueKeyBuild() {
    }

    @Override
    void fill(ApplyContext ctx, ModelStep s, Fill fill) {
        Model m = s.model();
        Warehouse w = s.warehouse();
        String key = String.join(", ", m.kind().uniqueKey().stream().map(StarRocksDialect::quote).toList());
        String cols = fill.names().isEmpty() ? "*" : String.join(", ", fill.names().stream().map(StarRocksDialect::quote).toList());
        // StarRocks upserts by primary key; two rows with one key in one INSERT would leave an arbitrary one.
        String dedup = "SELECT " + cols + " FROM (\n  SELECT *, ROW_NUMBER() OVER (PARTITION BY " + key + " ORDER BY " + key
                + ") AS __quarry_rn\n  FROM (\n" + fill.query().query().orElseThrow() + "\n  ) AS __quarry_src\n) AS __quarry_dedup\nWHERE __quarry_rn = 1";
        w.execute(ctx.dialect().insertInto(s.database(), s.table(), Optional.empty(), fill.names(), dedup));
        fill.query().postStatements().forEach(w::execute);
        ctx.recordInterval(w, m, fill.first(), fill.last());
    }
}
