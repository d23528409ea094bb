package dev.quarry.models.apply;

import dev.quarry.models.project.Audit;
import dev.quarry.models.project.AuditCall;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.ModelException;
import dev.quarry.models.project.Project;
import dev.quarry.models.render.MacroContext;
import dev.quarry.models.render.Renderer;
import dev.quarry.starrocks.BuiltInAudit;
import dev.quarry.starrocks.InvalidSpecException;
import dev.quarry.starrocks.StarRocksQueries;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Audit queries: each returns the rows that violate it, so any row fails the audit (docs/sqlmesh.md §6).
 * Built-ins are quarry-starrocks' {@link BuiltInAudit}s; project audits ({@code audits/*.sql}) are rendered with
 * {@code @this_model} and the call's arguments as macro variables.
 */
final class Audits {
    private Audits() {}

    /**
     * One audit ready to run.
     *
     * @param name the audit as called
     * @param blocking whether a failure fails the plan or run
     * @param sql the query returning violating rows
     */
    record Query(String name, boolean blocking, String sql) {}

    /**
     * The query of {@code call} on {@code target}, something a FROM clause can read (a qualified table, or a
     * parenthesized query with an alias).
     */
    static Query of(Project project, Model model, AuditCall call, String target, MacroContext ctx) {
        String name = call.name().toLowerCase(Locale.ROOT);
        Optional<String> builtIn = Audit.builtInBase(name);
        if (builtIn.isPresent()) {
            BuiltInAudit builtInAudit = BuiltInAudit.named(builtIn.get())
                    .orElseThrow(() -> new ModelException(
                            model.location(),
                            "model " + model.name() + ": built-in audit " + builtIn.get()
                                    + " is not supported by Quarry yet"));
            try {
                return new Query(name, !name.endsWith("_non_blocking"), builtInAudit.query(call.args(), target));
            } catch (InvalidSpecException e) {
                throw new ModelException(model.location(), "model " + model.name() + ": " + e.getMessage());
            }
        }
        Audit audit = project.audits().get(name);
        if (audit == null) {
            throw new ModelException(model.location(), "model " + model.name() + ": unknown audit " + call.name());
        }
        Map<String, Object> vars = new LinkedHashMap<>(ctx.variables());
        audit.defaults().forEach((k, v) -> vars.put(k.toLowerCase(Locale.ROOT), new Renderer.SqlText(v)));
        call.args().forEach((k, v) -> vars.put(k.toLowerCase(Locale.ROOT), new Renderer.SqlText(v)));
        String thisModel = StarRocksQueries.fromItem(target, "__quarry_this");
        MacroContext auditCtx = new MacroContext(
                ctx.start(), ctx.end(), ctx.executionTime(), thisModel, vars, ctx.gateway(), ctx.functions());
        String sql = Renderer.renderText(
                audit.query().sql(),
                audit.query().location(),
                auditCtx,
                model.kind().kind().name());
        return new Query(name, audit.blocking(), Renderer.withoutTrailingSemicolons(sql));
    }
}
