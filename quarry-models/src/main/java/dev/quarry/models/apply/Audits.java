package dev.quarry.models.apply;

import dev.quarry.models.project.Audit;
import dev.quarry.models.project.AuditCall;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.ModelException;
import dev.quarry.models.project.Project;
import dev.quarry.models.render.MacroContext;
import dev.quarry.models.render.Renderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Audit queries: each returns the rows that violate it, so any row fails the audit (spec/sqlmesh.md §3.8).
 * Built-ins are written here in StarRocks SQL; project audits ({@code audits/*.sql}) are rendered with
 * {@code @this_model} and the call's arguments as macro variables.
 */
final class Audits {
    private Audits() {
    }

    /**
     * One audit ready to run.
     *
     * @param name the audit as called
     * @param blocking whether a failure fails the plan or run
     * @param sql the query returning violating rows
     */
    record Query(String name, boolean blocking, String sql) {
    }

    /**
     * The query of {@code call} on {@code target}, something a FROM clause can read (a qualified table, or a
     * parenthesized query with an alias).
     */
    static Query of(Project project, Model model, AuditCall call, String target, MacroContext ctx) {
        String name = call.name().toLowerCase(Locale.ROOT);
        Optional<String> builtIn = Audit.builtInBase(name);
        if (builtIn.isPresent()) {
            return new Query(name, !name.endsWith("_non_blocking"), builtIn(model, builtIn.get(), call.args(), target));
        }
        Audit audit = project.audits().get(name);
        if (audit == null) {
            throw new ModelException(model.location(), "model " + model.name() + ": unknown audit " + call.name());
        }
        Map<String, Object> vars = new LinkedHashMap<>(ctx.variables());
        audit.defaults().forEach((k, v) -> vars.put(k.toLowerCase(Locale.ROOT), new Renderer.SqlText(v)));
        call.args().forEach((k, v) -> vars.put(k.toLowerCase(Locale.ROOT), new Renderer.SqlText(v)));
        String thisModel = target.startsWith("(") ? target + " AS __quarry_this" : target;
        MacroContext auditCtx = new MacroContext(ctx.start(), ctx.end(), ctx.executionTime(), thisModel, vars, ctx.gateway());
        String sql = Renderer.renderText(audit.query().sql(), audit.query().location(), auditCtx, model.kind().kind().name());
        return new Query(name, audit.blocking(), Renderer.withoutTrailingSemicolons(sql));
    }

    private static String builtIn(Model model, String base, Map<String, String> args, String target) {
        Optional<String> condition = Optional.ofNullable(args.get("condition")).map(c -> "(" + c.strip() + ")");
        String where = condition.map(c -> " AND " + c).orElse("");
        String from = " FROM " + target + " AS __quarry_audited";
        String filtered = from + condition.map(c -> " WHERE " + c).orElse("");
        return switch (base) {
            case "not_null" -> "SELECT *" + from + " WHERE (" + items(model, base, args, "columns").stream()
                    .map(c -> c + " IS NULL").collect(Collectors.joining(" OR ")) + ")" + where;
            case "unique_values" -> items(model, base, args, "columns").stream()
                    .map(c -> "SELECT " + dev.quarry.starrocks.StarRocksDialect.literal(c) + " AS audited_column" + filtered
                            + " GROUP BY " + c + " HAVING COUNT(*) > 1")
                    .collect(Collectors.joining(" UNION ALL "));
            case "unique_combination_of_columns" -> {
                String cols = String.join(", ", items(model, base, args, "columns"));
                yield "SELECT " + cols + filtered + " GROUP BY " + cols + " HAVING COUNT(*) > 1";
            }
            case "accepted_values" -> "SELECT *" + from + " WHERE " + arg(model, base, args, "column") + " NOT IN ("
                    + String.join(", ", items(model, base, args, "is_in")) + ")" + where;
            case "not_accepted_values" -> "SELECT *" + from + " WHERE " + arg(model, base, args, "column") + " IN ("
                    + String.join(", ", items(model, base, args, "is_in")) + ")" + where;
            case "number_of_rows" -> {
                long threshold = number(model, base, arg(model, base, args, "threshold"));
                yield "SELECT COUNT(*) AS row_count FROM (SELECT 1 AS one" + filtered + " LIMIT " + (threshold + 1)
                        + ") AS __quarry_rows HAVING COUNT(*) <= " + threshold;
            }
            case "forall" -> "SELECT *" + from + " WHERE NOT (" + items(model, base, args, "criteria").stream()
                    .map(c -> "(" + c + ")").collect(Collectors.joining(" AND ")) + ")" + where;
            case "accepted_range" -> {
                String column = arg(model, base, args, "column");
                boolean inclusive = !"false".equalsIgnoreCase(args.getOrDefault("inclusive", "true").strip());
                List<String> outside = new ArrayList<>();
                if (args.containsKey("min_v")) {
                    outside.add(column + (inclusive ? " < " : " <= ") + args.get("min_v").strip());
                }
                if (args.containsKey("max_v")) {
                    outside.add(column + (inclusive ? " > " : " >= ") + args.get("max_v").strip());
                }
                if (outside.isEmpty()) {
                    throw new ModelException(model.location(), "model " + model.name() + ": audit accepted_range needs min_v or max_v");
                }
                yield "SELECT *" + from + " WHERE (" + String.join(" OR ", outside) + ")" + where;
            }
            case "at_least_one" -> "SELECT COUNT(" + arg(model, base, args, "column") + ") AS non_null" + filtered
                    + " HAVING COUNT(" + arg(model, base, args, "column") + ") = 0";
            case "not_constant" -> "SELECT COUNT(DISTINCT " + arg(model, base, args, "column") + ") AS distinct_values" + filtered
                    + " HAVING COUNT(DISTINCT " + arg(model, base, args, "column") + ") <= 1";
            case "not_empty_string" -> "SELECT *" + from + " WHERE " + arg(model, base, args, "column") + " = ''" + where;
            case "string_length_between" -> {
                String column = arg(model, base, args, "column");
                yield "SELECT *" + from + " WHERE (CHAR_LENGTH(" + column + ") < " + arg(model, base, args, "min_v")
                        + " OR CHAR_LENGTH(" + column + ") > " + arg(model, base, args, "max_v") + ")" + where;
            }
            case "string_length_equal" -> "SELECT *" + from + " WHERE CHAR_LENGTH(" + arg(model, base, args, "column") + ") <> "
                    + arg(model, base, args, "v") + where;
            default -> throw new ModelException(model.location(), "model " + model.name() + ": built-in audit " + base
                    + " is not supported by Quarry yet");
        };
    }

    private static String arg(Model model, String audit, Map<String, String> args, String name) {
        String v = args.get(name);
        if (v == null || v.isBlank()) {
            throw new ModelException(model.location(), "model " + model.name() + ": audit " + audit + " needs the argument "
                    + name + " (" + name + " := ...)");
        }
        return v.strip();
    }

    private static long number(Model model, String audit, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ModelException(model.location(), "model " + model.name() + ": audit " + audit + " needs a whole number, not "
                    + text);
        }
    }

    /** A list argument: {@code (a, b)}, {@code [a, b]} or a single item. */
    static List<String> items(Model model, String audit, Map<String, String> args, String name) {
        String v = arg(model, audit, args, name);
        if ((v.startsWith("(") && v.endsWith(")")) || (v.startsWith("[") && v.endsWith("]"))) {
            v = v.substring(1, v.length() - 1);
        }
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(v.substring(from, i).strip());
                from = i + 1;
            }
        }
        if (!v.substring(from).isBlank()) {
            out.add(v.substring(from).strip());
        }
        if (out.isEmpty()) {
            throw new ModelException(model.location(), "model " + model.name() + ": audit " + audit + " needs at least one " + name);
        }
        return out;
    }
}
