package dev.quarry.models.apply;

import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import dev.quarry.models.project.AuditCall;
import dev.quarry.models.project.Model;
import dev.quarry.starrocks.StatementSink;
import java.time.Instant;

/**
 * Runs a model's audits after its step: each query counts the rows that violate it. A blocking audit with
 * violations fails the step; a non-blocking one is a warning.
 */
final class AuditRunner {
    private AuditRunner() {}

    /**
     * Audits {@code s}'s model on {@code target}, something a FROM clause can read, rendered for {@code [start, end)}.
     */
    static void run(ApplyContext ctx, ModelStep s, String target, Instant start, Instant end) {
        Model m = s.model();
        StatementSink w = s.session();
        for (AuditCall call : m.audits()) {
            Audits.Query q = Audits.of(ctx.project(), m, call, target, ctx.context(s.plan(), m, start, end, target));
            long violations = w.count(q.sql());
            s.audits().incrementAndGet();
            if (violations > 0) {
                String message = "audit " + q.name() + " of model " + m.name() + " failed: " + violations
                        + (violations == 1 ? " row violates it" : " rows violate it");
                if (q.blocking()) {
                    throw new RunException(message);
                }
                Log.warn(message + " (non-blocking)");
            } else if (!w.dryRun()) {
                ctx.progress("audit " + q.name() + " of " + m.name() + " passed");
            }
        }
    }
}
