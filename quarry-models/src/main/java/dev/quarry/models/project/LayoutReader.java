package dev.quarry.models.project;

import dev.quarry.core.Location;
import dev.quarry.models.project.PhysicalLayout.Distribution;
import dev.quarry.models.project.PhysicalLayout.KeyType;
import dev.quarry.models.project.PhysicalLayout.Partitioning;
import dev.quarry.models.project.PhysicalLayout.Refresh;
import dev.quarry.models.project.PhysicalLayout.TableKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a model's physical/virtual properties and partitioning parameters into a {@link PhysicalLayout},
 * enforcing the rules of SQLMesh's StarRocks adapter (docs/sqlmesh.md §3, §9) and the StarRocks
 * rules that would otherwise fail only at CREATE time (docs/starrocks.md §3.2).
 */
final class LayoutReader {

    /** The properties SQLMesh rejects as ambiguous, with the name to use instead (docs/sqlmesh.md §3.8). */
    private static final Map<String, String> REJECTED = Map.of(
            "partition",
            "partition_by",
            "distribution",
            "distributed_by",
            "distribute",
            "distributed_by",
            "order",
            "order_by",
            "ordering",
            "order_by");

    private final String model;
    private final Kind kind;
    private final Set<String> declaredColumns;
    private final List<String> warnings;
    private final String defaultTimeUnit;

    LayoutReader(String model, Kind kind, Set<String> declaredColumns, List<String> warnings, String defaultTimeUnit) {
        this.defaultTimeUnit = defaultTimeUnit;
        this.model = model;
        this.kind = kind;
        this.declaredColumns = declaredColumns;
        this.warnings = warnings;
    }

    private ModelException error(Location at, String message) {
        return error(model, at, message);
    }

    /** The error for a mistake in the layout of the given model. */
    static ModelException error(String model, Location at, String message) {
        return new ModelException(at, "model " + model + ": " + message);
    }

    /**
     * @param partitionedBy the model parameter, if given
     * @param clusteredBy the model parameter, if given
     * @param physical physical properties (defaults merged in), name to property
     * @param virtual virtual properties
     * @param hasAudits whether the model has audits (materialized views then need DEFERRED refresh)
     * @param modelLocation where the MODEL block is
     */
    PhysicalLayout read(
            Optional<Block.Property> partitionedBy,
            Optional<Block.Property> clusteredBy,
            Map<String, Block.Property> physical,
            Map<String, Block.Property> virtual,
            boolean hasAudits,
            Location modelLocation) {
        for (Block.Property p : physical.values()) {
            String replacement = REJECTED.get(p.name());
            if (replacement != null) {
                throw error(p.location(), "physical property " + p.name() + " is ambiguous; use " + replacement);
            }
        }
        TableKeyReader keys = new TableKeyReader(model, kind);
        ViewOptionsReader views = new ViewOptionsReader(model, kind);
        Optional<TableKey> key = keys.read(physical);
        Optional<Partitioning> partitioning = new PartitioningReader(model, warnings).read(partitionedBy, physical);
        if (partitioning.isEmpty()
                && kind.kind().isTimeRange()
                && kind.timeColumnFormat().isEmpty()
                && !physical.containsKey("primary_key")) {
            // Without a key or partitioning, a time-range table is partitioned by its time column, so each batch
            // replaces its partitions atomically with INSERT OVERWRITE (docs/sqlmesh.md §3.9).
            partitioning = Optional.of(new Partitioning.Expressions(List.of(
                    "date_trunc('" + defaultTimeUnit + "', " + kind.timeColumn().orElseThrow() + ")")));
        }
        Optional<Distribution> distribution =
                Optional.ofNullable(physical.get("distributed_by")).map(new DistributionReader(model)::read);
        List<String> orderBy = orderBy(clusteredBy, physical);
        Map<String, String> properties = new TablePropertiesReader(model).read(physical);
        Optional<Refresh> refresh = views.refresh(physical, hasAudits, modelLocation);
        Optional<String> security = views.security(virtual);

        if (key.isPresent() && key.get().type() == KeyType.UNIQUE && distribution.isEmpty()) {
            // The sandbox mirrors StarRocks here: "Currently not support default distribution in UNIQUE_KEYS".
            throw error(
                    physical.get("unique_key").location(),
                    "a UNIQUE KEY table needs distributed_by: StarRocks has no default "
                            + "distribution for UNIQUE KEY tables (e.g. distributed_by = (kind = HASH, expressions = ("
                            + String.join(", ", key.get().columns()) + ")))");
        }
        if (kind.isMaterializedView() && key.isPresent()) {
            throw error(
                    physical.get(key.get().type().property()).location(),
                    "a materialized view has no table type; remove "
                            + key.get().type().property());
        }
        key = keys.primaryKeyRule(key, partitioning, physical, modelLocation);
        new LayoutColumnCheck(model, declaredColumns)
                .check(key, partitioning, distribution, orderBy, physical, partitionedBy, clusteredBy);
        return new PhysicalLayout(key, partitioning, distribution, orderBy, properties, refresh, security);
    }

    private List<String> orderBy(Optional<Block.Property> param, Map<String, Block.Property> physical) {
        List<Block.Property> given = new ArrayList<>();
        param.ifPresent(given::add);
        for (String name : List.of("order_by", "clustered_by")) {
            Block.Property p = physical.get(name);
            if (p != null) {
                given.add(p);
            }
        }
        if (given.size() > 1) {
            throw error(
                    given.get(1).location(),
                    "ordering given twice (" + given.get(0).name() + " at line "
                            + given.get(0).location().line() + " and "
                            + given.get(1).name() + "); keep one");
        }
        return given.isEmpty()
                ? List.of()
                : ColumnLists.columns(model, given.get(0).value(), given.get(0).name());
    }
}
