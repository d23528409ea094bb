package dev.quarry.models.project;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project audit from {@code audits/*.sql}: {@code AUDIT (name x, ...); SELECT ... FROM @this_model ...}.
 * The query returns violating rows (docs/sqlmesh.md §6).
 *
 * @param name audit name, lower case
 * @param location where its AUDIT block is
 * @param dialect query dialect
 * @param blocking whether a failure stops the plan or run
 * @param standalone whether it runs on its own rather than attached to a model
 * @param defaults default argument values, as SQL
 * @param query the audit query
 */
public record Audit(
        String name,
        Location location,
        String dialect,
        boolean blocking,
        boolean standalone,
        Map<String, String> defaults,
        Statement query) {

    /** SQLMesh's built-in audits; each also exists as {@code <name>_non_blocking}. */
    static final Set<String> BUILT_IN = Set.of(
            "not_null",
            "unique_values",
            "unique_combination_of_columns",
            "accepted_values",
            "not_accepted_values",
            "number_of_rows",
            "forall",
            "accepted_range",
            "at_least_one",
            "not_constant",
            "not_empty_string",
            "not_null_proportion",
            "sequential_values",
            "mutually_exclusive_ranges",
            "valid_uuid",
            "valid_url",
            "valid_http_method",
            "valid_email",
            "match_regex_pattern_list",
            "not_match_regex_pattern_list",
            "match_like_pattern_list",
            "not_match_like_pattern_list",
            "string_length_between",
            "string_length_equal",
            "z_score",
            "mean_in_range",
            "stddev_in_range",
            "kl_divergence",
            "chi_square");

    public Audit {
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        requireNonNull(dialect, "dialect is null");
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        requireNonNull(query, "query is null");
    }

    /** Whether {@code name} is one of SQLMesh's built-in audits, blocking or {@code _non_blocking}. */
    public static boolean isBuiltIn(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return BUILT_IN.contains(n)
                || (n.endsWith("_non_blocking")
                        && BUILT_IN.contains(n.substring(0, n.length() - "_non_blocking".length())));
    }

    /** The built-in audit {@code name} calls, without {@code _non_blocking}; empty for a project audit. */
    public static Optional<String> builtInBase(String name) {
        return isBuiltIn(name) ? Optional.of(name.replace("_non_blocking", "")) : Optional.empty();
    }
}
