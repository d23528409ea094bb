package dev.quarry.models.project;

import dev.quarry.core.Location;
import dev.quarry.models.project.PhysicalLayout.KeyType;
import dev.quarry.models.project.PhysicalLayout.Partitioning;
import dev.quarry.models.project.PhysicalLayout.TableKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the table type and key (primary_key, duplicate_key, unique_key) and checks it suits the model kind. */
final class TableKeyReader {

    private final String model;
    private final Kind kind;

    TableKeyReader(String model, Kind kind) {
        this.model = model;
        this.kind = kind;
    }

    private ModelException error(Location at, String message) {
        return LayoutReader.error(model, at, message);
    }

    /** Returns the key the physical properties declare, if any. */
    Optional<TableKey> read(Map<String, Block.Property> physical) {
        Block.Property aggregate = physical.get("aggregate_key");
        if (aggregate != null) {
            throw error(
                    aggregate.location(),
                    "aggregate_key is not supported: an AGGREGATE KEY table needs an aggregate "
                            + "function (SUM, MAX, REPLACE, ...) on every value column, which a model cannot declare; use primary_key "
                            + "or duplicate_key");
        }
        List<Block.Property> keys = new ArrayList<>();
        for (KeyType t : KeyType.values()) {
            Block.Property p = physical.get(t.property());
            if (p != null) {
                keys.add(p);
            }
        }
        if (keys.size() > 1) {
            throw error(
                    keys.get(1).location(),
                    "more than one table type: "
                            + keys.stream().map(Block.Property::name).toList()
                            + "; a StarRocks table has exactly one of primary_key, duplicate_key, unique_key");
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Block.Property p = keys.get(0);
        KeyType type =
                KeyType.valueOf(p.name().substring(0, p.name().indexOf('_')).toUpperCase(Locale.ROOT));
        return Optional.of(new TableKey(type, ColumnLists.columns(model, p.value(), p.name())));
    }

    /**
     * DELETE of an interval and upsert by key work fully only on PRIMARY KEY tables. INCREMENTAL_BY_UNIQUE_KEY's
     * unique_key becomes the primary key when none is given. A time-range model partitioned by its time column
     * is exempt: Quarry replaces its intervals with INSERT OVERWRITE of partitions, which needs no DELETE.
     */
    Optional<TableKey> primaryKeyRule(
            Optional<TableKey> key,
            Optional<Partitioning> partitioning,
            Map<String, Block.Property> physical,
            Location modelLocation) {
        if (!kind.kind().rewritesRows()) {
            return key;
        }
        boolean primary = key.isPresent() && key.get().type() == KeyType.PRIMARY;
        Location at = key.map(k -> physical.get(k.type().property()).location()).orElse(modelLocation);
        if (kind.kind() == ModelKind.INCREMENTAL_BY_UNIQUE_KEY) {
            if (key.isEmpty()) {
                return Optional.of(new TableKey(KeyType.PRIMARY, kind.uniqueKey()));
            }
            if (!primary) {
                throw error(
                        at,
                        "INCREMENTAL_BY_UNIQUE_KEY upserts by key, which StarRocks supports only on PRIMARY KEY tables; "
                                + "remove " + key.get().type().property()
                                + " (the unique_key becomes the primary key)");
            }
            if (!lower(key.get().columns()).equals(lower(kind.uniqueKey()))) {
                throw error(
                        at,
                        "primary_key " + key.get().columns() + " differs from unique_key " + kind.uniqueKey()
                                + "; StarRocks upserts by the primary key, so they must name the same columns");
            }
            return key;
        }
        if (primary
                || PartitioningReader.partitionedBy(
                        partitioning, kind.timeColumn().orElseThrow())) {
            return key;
        }
        throw error(
                at,
                kind.kind() + " deletes and rewrites the rows of each interval, which StarRocks supports only on "
                        + "PRIMARY KEY tables: add physical_properties (primary_key = (...)), or partition by the time column "
                        + kind.timeColumn().orElseThrow() + " so intervals are replaced by INSERT OVERWRITE");
    }

    private static Set<String> lower(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return out;
    }
}
