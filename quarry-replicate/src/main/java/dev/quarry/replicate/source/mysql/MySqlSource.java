package dev.quarry.replicate.source.mysql;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.replicate.source.DescribedTable;
import dev.quarry.replicate.source.KeyRange;
import dev.quarry.replicate.source.MappedColumn;
import dev.quarry.replicate.source.ReadProgress;
import dev.quarry.replicate.source.ReadSpec;
import dev.quarry.replicate.source.ReadTotals;
import dev.quarry.replicate.source.Source;
import dev.quarry.replicate.source.SourceException;
import dev.quarry.replicate.source.SourceRead;
import dev.quarry.replicate.source.SourceTable;
import dev.quarry.replicate.source.mysql.MySqlTypeMapping.Handling;
import dev.quarry.replicate.source.mysql.MySqlTypeMapping.Mapped;
import dev.quarry.starrocks.StarRocksType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The MySQL and MariaDB source (Connector/J): discovers tables and columns through information_schema
 * ({@link MySqlCatalog}), maps their types ({@link MySqlTypeMapping}), writes the SELECT of a read with its select,
 * where, checkpoint predicate, range and limit, and streams it as CSV ({@link MySqlRowReader}); large whole-table
 * reads go in parallel key ranges over one consistent snapshot ({@link SnapshotReader}).
 */
public final class MySqlSource implements Source {
    static final long DEFAULT_READ_THREADS = 1;
    static final long DEFAULT_SPLIT_ROWS = 1_000_000;

    private final Connection connection;
    private final boolean ownsConnection;
    private final Optional<Supplier<Connection>> more;
    private final SnapshotReader.Parallelism parallelism;
    private final boolean mariadb;
    private final MySqlCatalog catalog;
    /** The reader's plan of each read this session prepared (a session serves one stream at a time). */
    // Keyed by the read's statement: a plan may hand back a copy of the SourceRead with its columns renamed
    // (column_casing), and the statement is what identifies the read.
    private final Map<String, ReadPlan> plans = new HashMap<>();

    private MySqlSource(
            Connection connection,
            boolean ownsConnection,
            Optional<Supplier<Connection>> more,
            SnapshotReader.Parallelism parallelism) {
        this.connection = requireNonNull(connection, "connection is null");
        this.ownsConnection = ownsConnection;
        this.more = requireNonNull(more, "more is null");
        this.parallelism = requireNonNull(parallelism, "parallelism is null");
        try {
            this.mariadb = connection
                    .getMetaData()
                    .getDatabaseProductVersion()
                    .toLowerCase(Locale.ROOT)
                    .contains("mariadb");
        } catch (SQLException e) {
            throw new SourceException("reading the server version failed: " + e.getMessage(), e);
        }
        this.catalog = new MySqlCatalog(connection, mariadb);
    }

    /** A session on {@code spec} that owns its connection and may open more for parallel snapshot reads. */
    public static Source open(ConnectionSpec spec) {
        Connection first = spec.open();
        try {
            return new MySqlSource(first, true, Optional.of(spec::open), parallelism(spec));
        } catch (RuntimeException e) {
            try {
                first.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** A session over {@code connection}, which stays open when the session is closed; reads are never parallel. */
    public static Source over(Connection connection) {
        return new MySqlSource(connection, false, Optional.empty(), SnapshotReader.Parallelism.NONE);
    }

    /**
     * The connection's {@code read_threads} (default {@value #DEFAULT_READ_THREADS}) and {@code read_split_rows}
     * (default {@value #DEFAULT_SPLIT_ROWS}): whole-table reads of tables the server estimates at that many rows or
     * more go in that many parallel key ranges (docs/type-mapping.md §7.6).
     */
    static SnapshotReader.Parallelism parallelism(ConnectionSpec spec) {
        return new SnapshotReader.Parallelism(
                (int) positive(spec, "read_threads", DEFAULT_READ_THREADS),
                positive(spec, "read_split_rows", DEFAULT_SPLIT_ROWS));
    }

    private static long positive(ConnectionSpec spec, String key, long fallback) {
        String text = spec.property(key).orElse("").strip();
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= 1 && value <= (key.equals("read_threads") ? 16 : Long.MAX_VALUE)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new dev.quarry.core.ConfigException("connection " + spec.name() + ": " + key + " \"" + text
                + "\" is not a number in 1.." + (key.equals("read_threads") ? "16" : "2^63"));
    }

    /** What the reader needs beyond the statement: each column's handling and the target zone. */
    record ReadPlan(String statement, List<Mapped> columns, ZoneId zone, Optional<SnapshotReader.Split> split) {
        ReadPlan {
            requireNonNull(statement, "statement is null");
            columns = List.copyOf(columns);
            requireNonNull(zone, "zone is null");
            requireNonNull(split, "split is null");
        }
    }

    @Override
    public String kind() {
        return mariadb ? "MariaDB" : "MySQL";
    }

    @Override
    public List<SourceTable> tables(String schema) {
        return catalog.tables(schema);
    }

    @Override
    public Optional<DescribedTable> describe(SourceTable table) {
        MySqlTypeMapping mapping = new MySqlTypeMapping(false);
        return catalog.describe(table)
                .map(t -> new DescribedTable(
                        t.name(),
                        t.columns().stream()
                                .map(c -> {
                                    Mapped m = mapping.map(c, t.name().name(), Optional.empty());
                                    return new DescribedTable.Column(c.name(), c.columnType(), m.type(), m.nullable());
                                })
                                .toList(),
                        t.primaryKey()));
    }

    @Override
    public SourceRead prepare(ReadSpec spec) {
        ZoneId zone = spec.zone();
        MySqlTypeMapping mapping = new MySqlTypeMapping(spec.emptyAsNull());
        MySqlTable table = spec.table().isPresent()
                ? catalog.describe(spec.table().get())
                        .orElseThrow(() -> new SourceException("stream " + spec.stream() + ": source table "
                                + catalog.resolveSchema(spec.table().get().schema()) + "."
                                + spec.table().get().table() + " does not exist"))
                : QueryProbe.describe(connection, spec);
        List<String> chosen = spec.chooseColumns(table.columnNames());
        List<Mapped> mapped = new ArrayList<>();
        for (String name : chosen) {
            mapped.add(mapping.map(table.column(name).orElseThrow(), spec.stream(), spec.columnType(name)));
        }
        spec.checkKeys(table.columnNames());
        spec.snapshotValue()
                .ifPresent(at -> mapped.add(new Mapped(
                        ReadSpec.LOADED_AT,
                        StarRocksType.Scalar.DATETIME,
                        false,
                        MySqlSql.literal(at),
                        Handling.NUMBER,
                        0)));
        Optional<MySqlColumn> updateKey =
                spec.updateKey().map(k -> table.column(k).orElseThrow());

        List<String> conditions = new ArrayList<>();
        String predicate = "1=1";
        String value = "NULL";
        if (spec.checkpoint().isPresent()) {
            ReadSpec.Checkpoint checkpoint = spec.checkpoint().get();
            value = literal(updateKey.orElseThrow(), checkpoint.value(), zone);
            predicate = MySqlSql.ident(updateKey.get().name()) + (checkpoint.inclusive() ? " >= " : " > ") + value;
        }
        if (spec.range().isPresent()) {
            KeyRange r = spec.range().get();
            String k = MySqlSql.ident(updateKey.orElseThrow().name());
            conditions.add(k + " >= " + literal(updateKey.get(), r.low(), zone) + " AND " + k
                    + (r.highInclusive() ? " <= " : " < ") + literal(updateKey.get(), r.high(), zone));
        }
        String from;
        if (spec.sql().isPresent()) {
            from = "(" + QueryProbe.fill(spec.sql().get(), predicate, value, updateKey) + ") AS `quarry_source`";
        } else {
            from = MySqlSql.qualified(table.name().schema(), table.name().table());
            if (!predicate.equals("1=1")) {
                conditions.add(predicate);
            }
        }
        spec.where().ifPresent(w -> conditions.add("(" + w + ")"));

        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < mapped.size(); i++) {
            select.append(i == 0 ? "" : ", ")
                    .append(mapped.get(i).expression())
                    .append(" AS ")
                    .append(MySqlSql.ident(mapped.get(i).name()));
        }
        select.append(" FROM ").append(from);
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        select.append(where);
        if (spec.limit().isPresent()) {
            // With an update_key, a limited read takes the oldest rows first so the next run continues from them.
            updateKey.ifPresent(k -> select.append(" ORDER BY ").append(MySqlSql.ident(k.name())));
            select.append(" LIMIT ").append(spec.limit().get());
            spec.offset().ifPresent(offset -> select.append(" OFFSET ").append(offset));
        }
        Optional<SnapshotReader.Split> split =
                spec.table().isPresent() && spec.limit().isEmpty() && conditions.isEmpty() && more.isPresent()
                        ? SnapshotReader.split(table, parallelism)
                        : Optional.empty();
        List<String> key = spec.primaryKey().isEmpty() ? table.primaryKey() : spec.primaryKey();
        List<MappedColumn> columns = mapped.stream()
                .map(m -> new MappedColumn(m.name(), m.type(), m.nullable()))
                .toList();
        SourceRead read = new SourceRead(spec.stream(), columns, key, select.toString());
        plans.put(read.statement(), new ReadPlan(select.toString(), mapped, zone, split));
        return read;
    }

    @Override
    public ReadTotals read(
            SourceRead read, long maxRows, long maxBytes, ReadProgress progress, ChunkConsumer consumer) {
        ReadPlan plan = plans.remove(read.statement());
        if (plan == null) {
            throw new IllegalArgumentException("read " + read.stream() + " was not prepared by this session");
        }
        if (plan.split().isPresent()) {
            return new SnapshotReader(
                            connection, more.orElseThrow(), plan, plan.split().get())
                    .read(maxRows, maxBytes, read.stream(), progress, consumer);
        }
        return new MySqlRowReader(connection).read(plan, maxRows, maxBytes, read.stream(), progress, consumer);
    }

    @Override
    public void close() {
        if (ownsConnection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new SourceException("closing the " + kind() + " session failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * A checkpoint or range value as a literal of the key's type. A TIMESTAMP key's checkpoint was written to StarRocks
     * as wall time in the target zone, so it converts back to the UTC the session reads in.
     */
    static String literal(MySqlColumn key, String value, ZoneId zone) {
        return switch (key.base()) {
            case "tinyint",
                    "smallint",
                    "mediumint",
                    "int",
                    "integer",
                    "bigint",
                    "decimal",
                    "numeric",
                    "float",
                    "double",
                    "real",
                    "year" -> {
                try {
                    yield MySqlSql.number(value);
                } catch (NumberFormatException e) {
                    throw new SourceException(
                            "update_key " + key.name() + " is a number, but the checkpoint '" + value + "' is not one");
                }
            }
            case "timestamp" -> MySqlSql.literal(Timestamps.wallTimeToUtc(value, zone));
            default -> MySqlSql.literal(value);
        };
    }
}
