package dev.quarry.models.project;

import dev.quarry.core.Location;
import dev.quarry.models.project.PhysicalLayout.Distribution;
import dev.quarry.models.project.PhysicalLayout.KeyType;
import dev.quarry.models.project.PhysicalLayout.Partitioning;
import dev.quarry.models.project.PhysicalLayout.TableKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Checks that the partition, bucket, key and sort columns fit the table key and the model's declared columns. */
final class LayoutColumnCheck {

    private final String model;
    private final Set<String> declaredColumns;

    LayoutColumnCheck(String model, Set<String> declaredColumns) {
        this.model = model;
        this.declaredColumns = declaredColumns;
    }

    private ModelException error(Location at, String message) {
        return LayoutReader.error(model, at, message);
    }

    void check(
            Optional<TableKey> key,
            Optional<Partitioning> partitioning,
            Optional<Distribution> distribution,
            List<String> orderBy,
            Map<String, Block.Property> physical,
            Optional<Block.Property> partitionedBy,
            Optional<Block.Property> clusteredBy) {
        Set<String> keyColumns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        key.ifPresent(k -> keyColumns.addAll(k.columns()));
        boolean keyed = key.isPresent() && key.get().type() != KeyType.DUPLICATE;
        Location partitionAt = partitionedBy
                .map(Block.Property::location)
                .orElseGet(() -> Optional.ofNullable(physical.get("partition_by"))
                        .or(() -> Optional.ofNullable(physical.get("partitioned_by")))
                        .map(Block.Property::location)
                        .orElse(null));
        List<String> partitionCols =
                partitioning.map(PartitioningReader::partitionColumns).orElse(List.of());
        List<String> hashCols = distribution
                .filter(d -> d instanceof Distribution.Hash)
                .map(d -> ((Distribution.Hash) d).columns())
                .orElse(List.of());
        if (keyed) {
            for (String c : partitionCols) {
                if (!keyColumns.contains(c)) {
                    throw error(
                            partitionAt,
                            "partition column " + c + " must be a key column of a "
                                    + key.get().type() + " KEY table (key: "
                                    + String.join(", ", key.get().columns()) + ")");
                }
            }
            for (String c : hashCols) {
                if (!keyColumns.contains(c)) {
                    throw error(
                            physical.get("distributed_by").location(),
                            "bucket column " + c + " must be a key column of a "
                                    + key.get().type() + " KEY table (key: "
                                    + String.join(", ", key.get().columns()) + ")");
                }
            }
        }
        if (declaredColumns.isEmpty()) {
            return;
        }
        key.ifPresent(k -> requireDeclared(
                k.columns(),
                physical.get(k.type().property()) == null
                        ? null
                        : physical.get(k.type().property()).location(),
                k.type().property()));
        requireDeclared(partitionCols, partitionAt, "partitioning");
        requireDeclared(
                hashCols,
                physical.containsKey("distributed_by")
                        ? physical.get("distributed_by").location()
                        : null,
                "distributed_by");
        Location orderAt = clusteredBy
                .map(Block.Property::location)
                .orElseGet(() -> Optional.ofNullable(physical.get("order_by"))
                        .or(() -> Optional.ofNullable(physical.get("clustered_by")))
                        .map(Block.Property::location)
                        .orElse(null));
        requireDeclared(orderBy, orderAt, "order_by");
    }

    private void requireDeclared(List<String> columns, Location at, String what) {
        for (String c : columns) {
            if (!declaredColumns.contains(c.toLowerCase(Locale.ROOT)) && at != null) {
                throw error(at, what + " names column " + c + ", which is not among the model's columns");
            }
        }
    }
}
