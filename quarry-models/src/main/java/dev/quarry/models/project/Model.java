package dev.quarry.models.project;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Location;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One model of a project, validated, with project defaults applied.
 *
 * @param name fully qualified name as written ({@code schema.table}), lower case
 * @param location where its MODEL block (or external_models.yaml entry) is
 * @param kind kind and kind options
 * @param dialect SQL dialect of the query
 * @param cron schedule ({@code @daily}, {@code @hourly}, or five cron fields)
 * @param start first time to process, as written
 * @param end last time to process, as written
 * @param owner owner
 * @param description table comment
 * @param columns declared column name (lower case) to its type, in order; empty when types are inferred
 * @param columnDescriptions column comments
 * @param grains grain columns
 * @param tags tags
 * @param dependsOn upstream models named explicitly (depends_on), lower case
 * @param enabled whether the model is part of the project
 * @param layout StarRocks keys, partitioning, distribution, order, PROPERTIES, refresh, security
 * @param audits attached audits
 * @param allowPartials whether incomplete intervals may be processed
 * @param preStatements statements run before the query
 * @param query the query; empty for SEED and EXTERNAL
 * @param postStatements statements run after the query
 * @param onVirtualUpdate statements run when the model's environment view is updated
 * @param python whether a Python function in the model's file computes its rows (docs/sqlmesh.md §10)
 */
public record Model(
        String name,
        Location location,
        Kind kind,
        String dialect,
        String cron,
        Optional<String> start,
        Optional<String> end,
        Optional<String> owner,
        Optional<String> description,
        Map<String, String> columns,
        Map<String, String> columnDescriptions,
        List<String> grains,
        List<String> tags,
        List<String> dependsOn,
        boolean enabled,
        PhysicalLayout layout,
        List<AuditCall> audits,
        boolean allowPartials,
        List<Statement> preStatements,
        Optional<Statement> query,
        List<Statement> postStatements,
        List<Statement> onVirtualUpdate,
        boolean python) {

    public Model {
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(dialect, "dialect is null");
        requireNonNull(cron, "cron is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(description, "description is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(query, "query is null");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        columnDescriptions = Collections.unmodifiableMap(new LinkedHashMap<>(columnDescriptions));
        grains = List.copyOf(grains);
        tags = List.copyOf(tags);
        dependsOn = List.copyOf(dependsOn);
        audits = List.copyOf(audits);
        preStatements = List.copyOf(preStatements);
        postStatements = List.copyOf(postStatements);
        onVirtualUpdate = List.copyOf(onVirtualUpdate);
        if (python && query.isPresent()) {
            throw new IllegalArgumentException("model " + name + ": a Python model has no SQL query");
        }
        if (kind.kind().hasQuery() != (query.isPresent() || python)) {
            throw new IllegalArgumentException("model " + name + ": kind " + kind.kind()
                    + (query.isPresent() ? " takes no query" : " needs a query"));
        }
    }

    /** {@link #start()} as an instant in UTC; relative values ({@code 1 week ago}, {@code yesterday}) count from {@code now}. */
    public Optional<Instant> startAt(Instant now) {
        return start.map(s -> Times.parse(s, now));
    }

    /** {@link #end()} as an instant in UTC, read like {@link #startAt}. */
    public Optional<Instant> endAt(Instant now) {
        return end.map(s -> Times.parse(s, now));
    }

    /** The schema part of the name ({@code db} of {@code db.tbl}); empty for an unqualified name. */
    public String schema() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    /** The table part of the name. */
    public String table() {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
