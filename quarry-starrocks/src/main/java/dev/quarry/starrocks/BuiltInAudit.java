package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The built-in audits of SQLMesh that Quarry runs, written in StarRocks SQL. Each renders a query returning the rows
 * that violate it, so any row fails the audit (docs/sqlmesh.md §6). Arguments are the SQL text of the call's
 * {@code name := value} pairs; list arguments are written {@code (a, b)}, {@code [a, b]} or as a single item.
 */
public enum BuiltInAudit {
    NOT_NULL {
        @Override
        String render(Args a) {
            return "SELECT *" + a.from + " WHERE ("
                    + a.items("columns").stream().map(c -> c + " IS NULL").collect(Collectors.joining(" OR ")) + ")"
                    + a.and;
        }
    },
    UNIQUE_VALUES {
        @Override
        String render(Args a) {
            return a.items("columns").stream()
                    .map(c -> "SELECT " + Sql.literal(c) + " AS audited_column" + a.filtered + " GROUP BY " + c
                            + " HAVING COUNT(*) > 1")
                    .collect(Collectors.joining(" UNION ALL "));
        }
    },
    UNIQUE_COMBINATION_OF_COLUMNS {
        @Override
        String render(Args a) {
            String cols = String.join(", ", a.items("columns"));
            return "SELECT " + cols + a.filtered + " GROUP BY " + cols + " HAVING COUNT(*) > 1";
        }
    },
    ACCEPTED_VALUES {
        @Override
        String render(Args a) {
            return "SELECT *" + a.from + " WHERE " + a.arg("column") + " NOT IN (" + String.join(", ", a.items("is_in"))
                    + ")" + a.and;
        }
    },
    NOT_ACCEPTED_VALUES {
        @Override
        String render(Args a) {
            return "SELECT *" + a.from + " WHERE " + a.arg("column") + " IN (" + String.join(", ", a.items("is_in"))
                    + ")" + a.and;
        }
    },
    NUMBER_OF_ROWS {
        @Override
        String render(Args a) {
            long threshold = a.number(a.arg("threshold"));
            return "SELECT COUNT(*) AS row_count FROM (SELECT 1 AS one" + a.filtered + " LIMIT " + (threshold + 1)
                    + ") AS __quarry_rows HAVING COUNT(*) <= " + threshold;
        }
    },
    FORALL {
        @Override
        String render(Args a) {
            return "SELECT *" + a.from + " WHERE NOT ("
                    + a.items("criteria").stream().map(c -> "(" + c + ")").collect(Collectors.joining(" AND ")) + ")"
                    + a.and;
        }
    },
    ACCEPTED_RANGE {
        @Override
        String render(Args a) {
            String column = a.arg("column");
            boolean inclusive = !"false"
                    .equalsIgnoreCase(a.args.getOrDefault("inclusive", "true").strip());
            List<String> outside = new ArrayList<>();
            if (a.args.containsKey("min_v")) {
                outside.add(column
                        + (inclusive ? " < " : " <= ")
                        + a.args.get("min_v").strip());
            }
            if (a.args.containsKey("max_v")) {
                outside.add(column
                        + (inclusive ? " > " : " >= ")
                        + a.args.get("max_v").strip());
            }
            if (outside.isEmpty()) {
                throw new InvalidSpecException("audit accepted_range needs min_v or max_v");
            }
            return "SELECT *" + a.from + " WHERE (" + String.join(" OR ", outside) + ")" + a.and;
        }
    },
    AT_LEAST_ONE {
        @Override
        String render(Args a) {
            return "SELECT COUNT(" + a.arg("column") + ") AS non_null" + a.filtered + " HAVING COUNT(" + a.arg("column")
                    + ") = 0";
        }
    },
    NOT_CONSTANT {
        @Override
        String render(Args a) {
            return "SELECT COUNT(DISTINCT " + a.arg("column") + ") AS distinct_values" + a.filtered
                    + " HAVING COUNT(DISTINCT " + a.arg("column") + ") <= 1";
        }
    },
    NOT_EMPTY_STRING {
        @Override
        String render(Args a) {
            return "SELECT *" + a.from + " WHERE " + a.arg("column") + " = ''" + a.and;
        }
    },
    STRING_LENGTH_BETWEEN {
        @Override
        String render(Args a) {
            String column = a.arg("column");
            return "SELECT *" + a.from + " WHERE (CHAR_LENGTH(" + column + ") < " + a.arg("min_v") + " OR CHAR_LENGTH("
                    + column + ") > " + a.arg("max_v") + ")" + a.and;
        }
    },
    STRING_LENGTH_EQUAL {
        @Override
        String render(Args a) {
            return "SELECT *" + a.from + " WHERE CHAR_LENGTH(" + a.arg("column") + ") <> " + a.arg("v") + a.and;
        }
    };

    /** The audit's name as SQLMesh spells it ({@code not_null}). */
    public String auditName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The built-in audit called {@code name} (without {@code _non_blocking}), if Quarry runs it. */
    public static Optional<BuiltInAudit> named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.auditName().equals(n)).findFirst();
    }

    /** The names of the audits Quarry runs, in a fixed order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(BuiltInAudit::auditName).toList();
    }

    /**
     * The query returning the rows of {@code target} that violate this audit.
     *
     * @param args the call's arguments, name to SQL text; {@code condition} restricts the rows audited
     * @param target something a FROM clause can read: a qualified table, or a parenthesized query
     * @throws InvalidSpecException when an argument is missing or malformed; the message names the audit
     */
    public String query(Map<String, String> args, String target) {
        return render(new Args(auditName(), args, requireNonNull(target, "target is null")));
    }

    abstract String render(Args a);

    /** A call's arguments, with the FROM and WHERE pieces every audit query uses. */
    static final class Args {
        final String audit;
        final Map<String, String> args;
        /** {@code FROM target AS __quarry_audited}. */
        final String from;
        /** {@code from} restricted by the call's condition, if any. */
        final String filtered;
        /** {@code AND (condition)}, or nothing. */
        final String and;

        Args(String audit, Map<String, String> args, String target) {
            this.audit = audit;
            this.args = requireNonNull(args, "args is null");
            Optional<String> condition =
                    Optional.ofNullable(args.get("condition")).map(c -> "(" + c.strip() + ")");
            this.and = condition.map(c -> " AND " + c).orElse("");
            this.from = " FROM " + target + " AS __quarry_audited";
            this.filtered = from + condition.map(c -> " WHERE " + c).orElse("");
        }

        String arg(String name) {
            String v = args.get(name);
            if (v == null || v.isBlank()) {
                throw new InvalidSpecException(
                        "audit " + audit + " needs the argument " + name + " (" + name + " := ...)");
            }
            return v.strip();
        }

        long number(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new InvalidSpecException("audit " + audit + " needs a whole number, not " + text);
            }
        }

        /** A list argument: {@code (a, b)}, {@code [a, b]} or a single item. */
        List<String> items(String name) {
            String v = arg(name);
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
                throw new InvalidSpecException("audit " + audit + " needs at least one " + name);
            }
            return out;
        }
    }
}
