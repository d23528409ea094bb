package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An asynchronous materialized view (docs/starrocks.md §5.6). The REFRESH clause is required, as in SQLMesh's
 * adapter (docs/sqlmesh.md §3.6): without it StarRocks picks MANUAL and the view silently never refreshes.
 * The column list carries names and comments only; types come from the query.
 *
 * @param database database name
 * @param name view name
 * @param columns optional column list
 * @param comment comment
 * @param distribution DISTRIBUTED BY, if any
 * @param refresh the REFRESH clause
 * @param partition PARTITION BY: a column or date_trunc/time_slice of one
 * @param orderBy ORDER BY columns
 * @param properties PROPERTIES in the given order
 * @param query the defining SELECT
 */
public record MaterializedViewSpec(
        String database,
        String name,
        List<ViewSpec.ViewColumn> columns,
        Optional<String> comment,
        Optional<Distribution> distribution,
        RefreshSpec refresh,
        Optional<PartitionSpec.PartitionExpr> partition,
        List<String> orderBy,
        Map<String, String> properties,
        String query) {

    public MaterializedViewSpec {
        requireNonNull(database, "database is null");
        requireNonNull(name, "materialized view name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(comment, "comment is null");
        requireNonNull(distribution, "distribution is null");
        requireNonNull(refresh, "materialized view " + database + "." + name + ": a REFRESH clause is required");
        requireNonNull(partition, "partition is null");
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        requireNonNull(properties, "properties is null");
        requireNonNull(query, "query is null");
        String where = "materialized view " + database + "." + name;
        if (database.isBlank() || name.isBlank()) {
            throw new InvalidSpecException(where + ": database and view names must not be blank");
        }
        if (query.isBlank()) {
            throw new InvalidSpecException(where + ": query is empty");
        }
        ViewSpec.ViewColumn.checkDistinct(columns, where);
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String c : orderBy) {
            if (!seen.add(requireNonNull(c, "ORDER BY column is null"))) {
                throw new InvalidSpecException(where + ": ORDER BY column " + c + " is listed twice");
            }
        }
        Map<String, String> props = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            if (k == null || k.isBlank() || v == null) {
                throw new InvalidSpecException(where + ": property names must not be blank and values not null");
            }
            props.put(k, v);
        });
        properties = Collections.unmodifiableMap(props);
    }

    public static Builder builder(String database, String name, RefreshSpec refresh, String query) {
        return new Builder(database, name, refresh, query);
    }

    /** Collects the optional parts of a {@link MaterializedViewSpec}. */
    public static final class Builder {
        private final String database;
        private final String name;
        private final RefreshSpec refresh;
        private final String query;
        private List<ViewSpec.ViewColumn> columns = List.of();
        private Optional<String> comment = Optional.empty();
        private Optional<Distribution> distribution = Optional.empty();
        private Optional<PartitionSpec.PartitionExpr> partition = Optional.empty();
        private List<String> orderBy = List.of();
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder(String database, String name, RefreshSpec refresh, String query) {
            this.database = database;
            this.name = name;
            this.refresh = refresh;
            this.query = query;
        }

        public Builder columns(List<ViewSpec.ViewColumn> newColumns) {
            this.columns = List.copyOf(newColumns);
            return this;
        }

        public Builder comment(String text) {
            this.comment = Optional.of(text);
            return this;
        }

        public Builder distribution(Distribution spec) {
            this.distribution = Optional.of(spec);
            return this;
        }

        public Builder partition(PartitionSpec.PartitionExpr expr) {
            this.partition = Optional.of(expr);
            return this;
        }

        public Builder orderBy(String... columnNames) {
            this.orderBy = List.of(columnNames);
            return this;
        }

        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public MaterializedViewSpec build() {
            return new MaterializedViewSpec(
                    database, name, columns, comment, distribution, refresh, partition, orderBy, properties, query);
        }
    }
}
