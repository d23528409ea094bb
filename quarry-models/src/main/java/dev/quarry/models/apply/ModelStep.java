package dev.quarry.models.apply;

import static java.util.Objects.requireNonNull;

import dev.quarry.models.plan.Plan;
import dev.quarry.models.project.Model;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StatementSink;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One step of a plan being carried out: the model, where its physical object lives, the session the statements go
 * to, and the count of audits run so far.
 *
 * @param plan the plan
 * @param step the step
 * @param model the step's model
 * @param database the database of the physical object
 * @param table the physical object's name
 * @param session where the statements go
 * @param audits audits run, over all steps
 */
record ModelStep(
        Plan plan,
        Plan.Step step,
        Model model,
        String database,
        String table,
        StatementSink session,
        AtomicInteger audits) {
    ModelStep {
        requireNonNull(plan, "plan is null");
        requireNonNull(step, "step is null");
        requireNonNull(model, "model is null");
        requireNonNull(database, "database is null");
        requireNonNull(table, "table is null");
        requireNonNull(session, "session is null");
        requireNonNull(audits, "audits is null");
    }

    /** {@code `database`.`table`}. */
    String physical() {
        return StarRocksDialect.qualified(database, table);
    }
}
