package dev.quarry.models.apply;

import dev.quarry.models.project.Model;
import dev.quarry.starrocks.StarRocksQueries;
import dev.quarry.starrocks.StatementSink;
import java.util.Optional;

/**
 * INCREMENTAL_BY_UNIQUE_KEY: INSERT into the PRIMARY KEY table, which upserts natively; rows are deduplicated
 * within the batch with ROW_NUMBER over the key.
 */
final class UniqueKeyBuild extends TableBuild {
    static final UniqueKeyBuild INSTANCE = new UniqueKeyBuild();

    private UniqueKeyBuild() {}

    @Override
    void fill(ApplyContext ctx, ModelStep s, Fill fill) {
        Model m = s.model();
        StatementSink w = s.session();
        // StarRocks upserts by primary key; two rows with one key in one INSERT would leave an arbitrary one.
        String dedup = StarRocksQueries.onePerKey(
                fill.query().query().orElseThrow(), m.kind().uniqueKey(), fill.names());
        w.execute(ctx.dialect().insertInto(s.database(), s.table(), Optional.empty(), fill.names(), dedup));
        fill.query().postStatements().forEach(w::execute);
        ctx.recordInterval(w, m, fill.first(), fill.last());
    }
}
