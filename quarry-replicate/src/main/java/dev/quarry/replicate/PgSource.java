package dev.quarry.replicate;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL side of a stream: discovers the columns, maps their types, and writes the COPY query with the
 * stream's select, where, checkpoint predicate, range and limit.
 */
final class PgSource {
    /** Sling's name for the column snapshot mode adds (docs/sling.md §2.4). */
    static final String LOADED_AT = "_sling_loaded_at";
    private static final java.time.format.DateTimeFormatter DATETIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", java.util.Locale.ROOT);

    private final Connection connection;
    private final PgCatalog catalog;
    private final java.time.Instant loadedAt;

    PgSource(Connection connection) {
        this(connection, java.time.Instant.now());
    }

    /** @param loadedAt the value of the snapshot column, written as DATETIME in the stream's target zone */
    PgSource(Connection connection, java.time.Instant loadedAt) {
        this.connection = requireNonNull(connection, "connection is null");
        this.catalog = new PgCatalog(connection);
        this.loadedAt = requireNonNull(loadedAt, "loadedAt is null");
    }

    PgCatalog catalog() {
        return catalog;
    }

    /** A stream's read, ready to run: the mapped target columns and the COPY statement. */
    record Read(String stream, List<PgTypeMapping.Mapped> columns, List<String> primaryKey, String select, String copy) {
        Read {
            requireNonNull(stream, "stream is null");
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            requireNonNull(select, "select is null");
            requireNonNull(copy, "copy is null");
        }

        List<String> columnNames() {
            return columns.stream().map(PgTypeMapping.Mapped::name).toList();
        }
    }

    /**
     * Prepares the read of {@code plan}. {@code checkpoint} is the target's MAX(update_key) as StarRocks prints it
     * (empty on a first run or for a full read).
     */
    Read prepare(StreamPlan plan, Optional<String> checkpoint) {
        return prepare(plan, checkpoint, Optional.empty());
    }

    /** As above; a backfill reads {@code piece} of its range instead of the whole range when one is given. */
    Read prepare(StreamPlan plan, Optional<String> checkpoint, Optional<KeyRange> piece) {
        ZoneId zone = ZoneId.of(plan.targetOptions().string(TargetOption.TIMEZONE));
        PgTypeMapping mapping = new PgTypeMapping(zone, plan.sourceOptions().bool(SourceOption.EMPTY_AS_NULL));
        PgTable table = describe(plan, checkpoint);
        List<String> chosen = plan.sql().isPresent() ? table.columnNames() : plan.select().apply(table.columnNames(), plan.name());
        Map<String, String> overrides = plan.columns();
        String all = overrides.get("*");
        for (String name : overrides.keySet()) {
            if (!name.equals("*") && table.column(name).isEmpty()) {
                throw new ReplicationConfigException("stream " + plan.name() + ": columns: names '" + name + "', which the source does not have");
            }
        }
        List<PgTypeMapping.Mapped> mapped = new ArrayList<>();
        for (String name : chosen) {
            PgColumn column = table.column(name).orElseThrow();
            Optional<String> override = Optional.ofNullable(overrides.getOrDefault(name, all));
            mapped.add(mapping.map(column, plan.name(), override));
        }
        if (plan.mode() == Mode.SNAPSHOT) {
            if (table.column(LOADED_AT).isPresent()) {
                throw new ReplicationConfigException("stream " + plan.name() + ": snapshot adds column " + LOADED_AT + ", which the source already has");
            }
            String at = DATETIME.format(loadedAt.atZone(zone).toLocalDateTime());
            mapped.add(new PgTypeMapping.Mapped(LOADED_AT, dev.quarry.starrocks.StarRocksType.Scalar.DATETIME, false, PgSql.literal(at)));
        }
        Optional<PgColumn> updateKey = Optional.empty();
        if (plan.updateKey().isPresent()) {
            String key = plan.updateKey().get();
            updateKey = Optional.of(table.column(key).orElseThrow(() -> new ReplicationConfigException(
                    "stream " + plan.name() + ": update_key '" + key + "' is not a column of the source"
                            + suggestion(key, table.columnNames()))));
        }
        for (String key : plan.primaryKey()) {
            if (table.column(key).isEmpty()) {
                throw new ReplicationConfigException("stream " + plan.name() + ": primary_key column '" + key + "' is not a column of the source"
                        + suggestion(key, table.columnNames()));
            }
        }

        List<String> conditions = new ArrayList<>();
        String predicate = "1=1";
        String value = "null";
        if (plan.mode().readsFromCheckpoint() && updateKey.isPresent() && checkpoint.isPresent()) {
            value = literal(updateKey.get(), checkpoint.get(), zone);
            predicate = PgSql.ident(updateKey.get().name()) + (plan.sourceOptions().bool(SourceOption.INCREMENTAL_GTE) ? " >= " : " > ") + value;
        }
        if (plan.mode() == Mode.BACKFILL) {
            String[] range = plan.sourceOptions().string(SourceOption.RANGE).split(",", -1);
            KeyRange r = piece.orElse(new KeyRange(range[0].trim(), range[1].trim(), true));
            String k = PgSql.ident(updateKey.orElseThrow().name());
            conditions.add(k + " >= " + literal(updateKey.get(), r.low(), zone) + " AND " + k + (r.highInclusive() ? " <= " : " < ")
                    + literal(updateKey.get(), r.high(), zone));
        }
        String from;
        if (plan.sql().isPresent()) {
            String sql = fill(plan.sql().get(), predicate, value, updateKey);
            from = "(" + sql + ") AS quarry_source";
        } else {
            from = plan.sourceTable().orElseThrow().quoted();
            if (!predicate.equals("1=1")) {
                conditions.add(predicate);
            }
        }
        plan.where().ifPresent(w -> conditions.add("(" + w + ")"));

        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < mapped.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(mapped.get(i).expression()).append(" AS ").append(PgSql.ident(mapped.get(i).name()));
        }
        select.append(" FROM ").append(from);
        if (!conditions.isEmpty()) {
            select.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        Long limit = plan.sourceOptions().integer(SourceOption.LIMIT);
        if (limit != null) {
            // With an update_key, a limited read takes the oldest rows first so the next run continues from them.
            updateKey.ifPresent(k -> select.append(" ORDER BY ").append(PgSql.ident(k.name())));
            select.append(" LIMIT ").append(limit);
            Long offset = plan.sourceOptions().integer(SourceOption.OFFSET);
            if (offset != null) {
                select.append(" OFFSET ").append(offset);
            }
        }
        List<String> key = plan.primaryKey().isEmpty() ? table.primaryKey() : plan.primaryKey();
        return new Read(plan.name(), mapped, key, select.toString(), CsvFraming.copy(select.toString(), mapped));
    }

    private PgTable describe(StreamPlan plan, Optional<String> checkpoint) {
        if (plan.sourceTable().isPresent()) {
            SourceTable t = plan.sourceTable().get();
            return catalog.describe(t).orElseThrow(() -> new SourceException("stream " + plan.name() + ": source table " + t + " does not exist"));
        }
        // A temporary view gives the query's result columns their exact types through the same pg_catalog path.
        String probe = fill(plan.sql().orElseThrow(), "1=0", "null", Optional.empty());
        String view = "quarry_probe_" + Long.toHexString(System.nanoTime());
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TEMPORARY VIEW " + PgSql.ident(view) + " AS " + probe);
            try {
                String schema;
                try (var rs = st.executeQuery("SELECT nspname FROM pg_catalog.pg_namespace WHERE oid = pg_catalog.pg_my_temp_schema()")) {
                    rs.next();
                    schema = rs.getString(1);
                }
                PgTable t = catalog.describe(new SourceTable(schema, view)).orElseThrow();
                return new PgTable(new SourceTable(schema, plan.name()), t.columns(), List.of());
            } finally {
                st.execute("DROP VIEW IF EXISTS " + PgSql.ident(view));
            }
        } catch (SQLException e) {
            throw new SourceException("stream " + plan.name() + ": its sql does not run: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "), e);
        }
    }

    private static String fill(String sql, String predicate, String value, Optional<PgColumn> updateKey) {
        String filled = sql.replace("{incremental_where_cond}", predicate).replace("{incremental_value}", value);
        return updateKey.map(k -> filled.replace("{update_key}", PgSql.ident(k.name()))).orElse(filled);
    }

    /**
     * A checkpoint or range value as a PostgreSQL literal of the key's type. A timestamptz key's checkpoint was
     * written to StarRocks as wall time in the target zone, so it converts back through that zone.
     */
    static String literal(PgColumn key, String value, ZoneId zone) {
        String text = PgSql.literal(value);
        switch (key.type().kind() == PgType.Kind.BASE ? key.type().name() : "") {
            case "timestamptz":
                return "(" + text + "::timestamp AT TIME ZONE " + PgSql.literal(zone.getId()) + ")";
            case "timestamp":
                return text + "::timestamp";
            case "date":
                return text + "::date";
            case "int2":
            case "int4":
            case "int8":
            case "numeric":
            case "float4":
            case "float8":
                return text + "::numeric";
            default:
                return text;
        }
    }

    private static String suggestion(String name, List<String> names) {
        String close = ConfigErrors.closest(name, names);
        return close == null ? "" : "; did you mean '" + close + "'?";
    }
}
