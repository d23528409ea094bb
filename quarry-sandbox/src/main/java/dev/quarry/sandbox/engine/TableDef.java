package dev.quarry.sandbox.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * StarRocks catalog metadata of one table, view or materialized view: everything SHOW CREATE TABLE prints and
 * the write path needs. Stored as JSON in the engine's own catalog table so it survives restarts.
 *
 * @param partitionDesc the PARTITION BY clause as StarRocks prints it, or {@code null}
 * @param distributionColumns HASH columns; empty for RANDOM
 * @param buckets bucket count, 0 when StarRocks would choose it
 * @param query the defining query of a view or materialized view (StarRocks text as written)
 * @param refresh an MV's refresh clause as printed, e.g. {@code ASYNC EVERY(INTERVAL 1 HOUR)}
 */
record TableDef(
        String db,
        String name,
        Kind kind,
        long id,
        List<ColumnDef> columns,
        KeysType keysType,
        List<String> keys,
        String comment,
        String partitionDesc,
        List<String> partitionColumns,
        boolean randomDistribution,
        List<String> distributionColumns,
        int buckets,
        List<String> orderBy,
        Map<String, String> properties,
        String query,
        String refresh,
        long createdMillis) {

    enum Kind {
        TABLE,
        VIEW,
        MATERIALIZED_VIEW
    }

    TableDef {
        Objects.requireNonNull(db, "db is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(kind, "kind is null");
        columns = List.copyOf(columns);
        keys = List.copyOf(keys);
        comment = comment == null ? "" : comment;
        partitionColumns = List.copyOf(partitionColumns);
        distributionColumns = List.copyOf(distributionColumns);
        orderBy = List.copyOf(orderBy);
        properties = new TreeMap<>(properties);
    }

    Optional<ColumnDef> column(String columnName) {
        return columns.stream().filter(c -> c.named(columnName)).findFirst();
    }

    List<ColumnDef> keyColumns() {
        return columns.stream().filter(ColumnDef::key).toList();
    }

    List<ColumnDef> valueColumns() {
        return columns.stream().filter(c -> !c.key()).toList();
    }

    String duckName() {
        return Sql.table(db, name);
    }

    TableDef renamed(String newDb, String newName) {
        return new TableDef(
                newDb,
                newName,
                kind,
                id,
                columns,
                keysType,
                keys,
                comment,
                partitionDesc,
                partitionColumns,
                randomDistribution,
                distributionColumns,
                buckets,
                orderBy,
                properties,
                query,
                refresh,
                createdMillis);
    }

    TableDef withColumns(List<ColumnDef> newColumns) {
        return new TableDef(
                db,
                name,
                kind,
                id,
                newColumns,
                keysType,
                keys,
                comment,
                partitionDesc,
                partitionColumns,
                randomDistribution,
                distributionColumns,
                buckets,
                orderBy,
                properties,
                query,
                refresh,
                createdMillis);
    }

    TableDef withComment(String newComment) {
        return new TableDef(
                db,
                name,
                kind,
                id,
                columns,
                keysType,
                keys,
                newComment,
                partitionDesc,
                partitionColumns,
                randomDistribution,
                distributionColumns,
                buckets,
                orderBy,
                properties,
                query,
                refresh,
                createdMillis);
    }

    TableDef withProperties(Map<String, String> newProperties) {
        return new TableDef(
                db,
                name,
                kind,
                id,
                columns,
                keysType,
                keys,
                comment,
                partitionDesc,
                partitionColumns,
                randomDistribution,
                distributionColumns,
                buckets,
                orderBy,
                newProperties,
                query,
                refresh,
                createdMillis);
    }

    List<String> columnNames() {
        List<String> out = new ArrayList<>();
        for (ColumnDef c : columns) {
            out.add(c.name());
        }
        return out;
    }
}
