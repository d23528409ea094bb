package dev.quarry.models.apply;

import dev.quarry.starrocks.StatementSink;
import java.util.List;
import java.util.Optional;

/** INCREMENTAL_UNMANAGED: INSERT, or INSERT OVERWRITE with {@code insert_overwrite true}. */
final class UnmanagedBuild extends TableBuild {
    static final UnmanagedBuild INSTANCE = new UnmanagedBuild();

    private UnmanagedBuild() {}

    @Override
    void fill(ApplyContext ctx, ModelStep s, Fill fill) {
        StatementSink w = s.session();
        String query = fill.query().query().orElseThrow();
        if (s.model().kind().insertOverwrite()) {
            w.execute(ctx.dialect()
                    .insertOverwrite(s.database(), s.table(), List.of(), Optional.empty(), fill.names(), query));
        } else {
            w.execute(ctx.dialect().insertInto(s.database(), s.table(), Optional.empty(), fill.names(), query));
        }
        fill.query().postStatements().forEach(w::execute);
        ctx.recordInterval(w, s.model(), fill.first(), fill.last());
    }
}
