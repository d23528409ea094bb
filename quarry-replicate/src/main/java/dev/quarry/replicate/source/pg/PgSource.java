package dev.quarry.replicate.source.pg;

import static java.util.Objects.requireNonNull;

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
import dev.quarry.starrocks.StarRocksType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.util.PSQLException;

/**
 * The PostgreSQL source (pgjdbc): discovers tables and columns through pg_catalog ({@link PgCatalog}), maps their
 * types ({@link PgTypeMapping}), writes the COPY query of a read with its select, where, checkpoint predicate, range
 * and limit, and streams it ({@link PgRowReader}).
 */
public final class PgSource implements Source {
    private final Connection connection;
    private final boolean ownsConnection;
    private final PgCatalog catalog;
    /** Row estimates of whole-table reads, by COPY statement (see {@link #estimatedRows}). */
    private final Map<String, Long> estimates = new ConcurrentHashMap<>();

    private PgSource(Connection connection, boolean ownsConnection) {
        this.connection = requireNonNull(connection, "connection is null");
        this.ownsConnection = ownsConnection;
        this.catalog = new PgCatalog(connection);
    }

    /** A session over {@code connection}; {@link #close()} closes the connection only when {@code ownsConnection}. */
    public static Source open(Connection connection, boolean ownsConnection) {
        return new PgSource(connection, ownsConnection);
    }

    PgCatalog catalog() {
        return catalog;
    }

    @Override
    public String kind() {
        return "PostgreSQL";
    }

    @Override
    public List<SourceTable> tables(String schema) {
        return catalog.tables(schema);
    }

    @Override
    public Optional<DescribedTable> describe(SourceTable table) {
        PgTypeMapping mapping = new PgTypeMapping(ZoneOffset.UTC, false);
        return catalog.describe(table)
                .map(t -> new DescribedTable(
                        table,
                        t.columns().stream()
                                .map(c -> {
                                    PgTypeMapping.Mapped m = mapping.map(c, table.name());
                                    return new DescribedTable.Column(
                                            c.name(), c.type().declared(), m.type(), m.nullable());
                                })
                                .toList(),
                        t.primaryKey()));
    }

    @Override
    public SourceRead prepare(ReadSpec spec) {
        ZoneId zone = spec.zone();
        PgTypeMapping mapping = new PgTypeMapping(zone, spec.emptyAsNull());
        PgTable table = describe(spec);
        List<String> chosen = spec.chooseColumns(table.columnNames());
        List<PgTypeMapping.Mapped> mapped = new ArrayList<>();
        for (String name : chosen) {
            mapped.add(mapping.map(table.column(name).orElseThrow(), spec.stream(), spec.columnType(name)));
        }
        spec.checkKeys(table.columnNames());
        spec.snapshotValue()
                .ifPresent(at -> mapped.add(new PgTypeMapping.Mapped(
                        ReadSpec.LOADED_AT, StarRocksType.Scalar.DATETIME, false, PgSql.literal(at))));
        Optional<PgColumn> updateKey = spec.updateKey().map(k -> table.column(k).orElseThrow());

        List<String> conditions = new ArrayList<>();
        String predicate = "1=1";
        String value = "null";
        if (spec.checkpoint().isPresent()) {
            ReadSpec.Checkpoint checkpoint = spec.checkpoint().get();
            value = literal(updateKey.orElseThrow(), checkpoint.value(), zone);
            predicate = PgSql.ident(updateKey.get().name()) + (checkpoint.inclusive() ? " >= " : " > ") + value;
        }
        if (spec.range().isPresent()) {
            KeyRange r = spec.range().get();
            String k = PgSql.ident(updateKey.orElseThrow().name());
            conditions.add(k + " >= " + literal(updateKey.get(), r.low(), zone) + " AND " + k
                    + (r.highInclusive() ? " <= " : " < ") + literal(updateKey.get(), r.high(), zone));
        }
        String from;
        if (spec.sql().isPresent()) {
            String sql = fill(spec.sql().get(), predicate, value, updateKey);
            from = "(" + sql + ") AS quarry_source";
        } else {
            from = spec.table().orElseThrow().quoted();
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
                    .append(PgSql.ident(mapped.get(i).name()));
        }
        select.append(" FROM ").append(from);
        if (!conditions.isEmpty()) {
            select.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        if (spec.limit().isPresent()) {
            // With an update_key, a limited read takes the oldest rows first so the next run continues from them.
            updateKey.ifPresent(k -> select.append(" ORDER BY ").append(PgSql.ident(k.name())));
            select.append(" LIMIT ").append(spec.limit().get());
            spec.offset().ifPresent(offset -> select.append(" OFFSET ").append(offset));
        }
        List<String> key = spec.primaryKey().isEmpty() ? table.primaryKey() : spec.primaryKey();
        List<MappedColumn> columns = mapped.stream()
                .map(m -> new MappedColumn(m.name(), m.type(), m.nullable()))
                .toList();
        String copy = PgCopy.copy(select.toString(), mapped);
        if (spec.sql().isEmpty() && conditions.isEmpty() && spec.limit().isEmpty()) {
            estimates.put(copy, estimatedRows(spec.table().orElseThrow()));
        }
        return new SourceRead(spec.stream(), columns, key, copy);
    }

    /**
     * PostgreSQL's own estimate of a table's rows ({@code pg_class.reltuples}, kept by VACUUM and ANALYZE), for a
     * progress ETA; -1 when it has none (a table never analyzed reads -1 from PostgreSQL 14 on) or cannot be read.
     */
    private long estimatedRows(SourceTable table) {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT c.reltuples::int8 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                        + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
            st.setString(1, table.schema());
            st.setString(2, table.table());
            try (ResultSet rs = st.executeQuery()) {
                long rows = rs.next() ? rs.getLong(1) : -1;
                return rows > 0 ? rows : -1;
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    @Override
    public ReadTotals read(
            SourceRead read, long maxRows, long maxBytes, ReadProgress progress, ChunkConsumer consumer) {
        progress.expect(estimates.getOrDefault(read.statement(), -1L));
        return new PgRowReader(connection).read(read.statement(), maxRows, maxBytes, read.stream(), progress, consumer);
    }

    @Override
    public void close() {
        if (ownsConnection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new SourceException("closing the PostgreSQL session failed: " + e.getMessage(), e);
            }
        }
    }

    private PgTable describe(ReadSpec spec) {
        if (spec.table().isPresent()) {
            SourceTable t = spec.table().get();
            return catalog.describe(t)
                    .orElseThrow(() ->
                            new SourceException("stream " + spec.stream() + ": source table " + t + " does not exist"));
        }
        // A temporary view gives the query's result columns their exact types through the same pg_catalog path.
        String probe = fill(spec.sql().orElseThrow(), "1=0", "null", Optional.empty());
        String view = "quarry_probe_" + Long.toHexString(System.nanoTime());
        String create = "CREATE TEMPORARY VIEW " + PgSql.ident(view) + " AS ";
        try (Statement st = connection.createStatement()) {
            st.execute(create + probe);
            try {
                String schema;
                try (var rs = st.executeQuery(
                        "SELECT nspname FROM pg_catalog.pg_namespace WHERE oid = pg_catalog.pg_my_temp_schema()")) {
                    rs.next();
                    schema = rs.getString(1);
                }
                PgTable t = catalog.describe(new SourceTable(schema, view)).orElseThrow();
                return new PgTable(new SourceTable(schema, spec.stream()), t.columns(), List.of());
            } finally {
                st.execute("DROP VIEW IF EXISTS " + PgSql.ident(view));
            }
        } catch (SQLException e) {
            throw new SourceException(
                    "stream " + spec.stream() + ": its sql does not run: "
                            + userSqlError(e, create.length(), spec.sql().orElseThrow()),
                    e);
        }
    }

    /**
     * PostgreSQL's message about the user's SQL, with the position it reports (a character offset into the statement
     * Quarry wrapped around that SQL) turned into a line and column of the user's own SQL.
     */
    static String userSqlError(SQLException e, int wrapperLength, String userSql) {
        String message = String.valueOf(e.getMessage()).strip();
        String first = message.lines().findFirst().orElse(message).strip();
        int position = e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getPosition()
                : 0;
        int offset = position - 1 - wrapperLength;
        if (position <= 0 || offset < 0 || offset > userSql.length()) {
            return first;
        }
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (userSql.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return first + " (at line " + line + ", column " + column + " of the sql)";
    }

    private static String fill(String sql, String predicate, String value, Optional<PgColumn> updateKey) {
        String filled = sql.replace("{incremental_where_cond}", predicate).replace("{incremental_value}", value);
        return updateKey
                .map(k -> filled.replace("{update_key}", PgSql.ident(k.name())))
                .orElse(filled);
    }

    /**
     * A checkpoint or range value as a PostgreSQL literal of the key's type. A timestamptz key's checkpoint was
     * written to StarRocks as wall time in the target zone, so it converts back through that zone.
     */
    static String literal(PgColumn key, String value, ZoneId zone) {
        String text = PgSql.literal(value);
        return switch (key.type().kind() == PgType.Kind.BASE ? key.type().name() : "") {
            case "timestamptz" -> "(" + text + "::timestamp AT TIME ZONE " + PgSql.literal(zone.getId()) + ")";
            case "timestamp" -> text + "::timestamp";
            case "date" -> text + "::date";
            case "int2", "int4", "int8", "numeric", "float4", "float8" -> text + "::numeric";
            default -> text;
        };
    }
}
