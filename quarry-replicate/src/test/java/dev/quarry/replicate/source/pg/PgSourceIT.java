package dev.quarry.replicate.source.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.replicate.config.Mode;
import dev.quarry.replicate.config.RunContext;
import dev.quarry.replicate.plan.ReplicationPlan;
import dev.quarry.replicate.plan.ReplicationPlanner;
import dev.quarry.replicate.plan.StreamPlan;
import dev.quarry.replicate.source.DescribedTable;
import dev.quarry.replicate.source.ReadProgress;
import dev.quarry.replicate.source.ReadTotals;
import dev.quarry.replicate.source.SourceException;
import dev.quarry.replicate.source.SourceRead;
import dev.quarry.replicate.source.SourceTable;
import dev.quarry.testing.TestingPostgres;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PgSourceIT {
    private static TestingPostgres.Database db;
    private static Connection connection;

    @BeforeAll
    static void setUp() throws SQLException {
        db = TestingPostgres.get().createDatabase();
        db.execute(
                "CREATE SCHEMA rt",
                "CREATE TYPE rt.mood AS ENUM ('sad', 'happy')",
                "CREATE DOMAIN rt.posint AS int4 CHECK (VALUE > 0)",
                "CREATE DOMAIN rt.short_text AS varchar(5)",
                """
                CREATE TABLE rt.types (
                  id int4 PRIMARY KEY, b bool, i2 int2, i4 int4, i8 int8, n numeric(10,2), nu numeric, f4 float4, f8 float8,
                  vc varchar(10), ch char(3), t text, u uuid, j json, jb jsonb, by bytea, d date, ts timestamp(6),
                  tstz timestamptz, tm time, iv interval, ip inet, m rt.mood, ai int4[], at text[], dom rt.posint NOT NULL,
                  dt rt.short_text)
                """,
                """
                INSERT INTO rt.types VALUES
                (1, false, -32768, -2147483648, -9223372036854775808, -99999999.99, -12345678901234567890123456789.123456789,
                 -3.4028235e38, -1.7976931348623157e308, '', 'a', E'a,b\\tc\\nd"e\\\\f\\r', '00000000-0000-0000-0000-000000000000',
                 '{"k": "v,\\"q\\""}', '[1, "x"]', '\\x00ff', '0001-01-01', '0001-01-01 00:00:00', '2026-03-08 01:59:59.999999-08',
                 '00:00:00', '1 year 2 mons 3 days 04:05:06.789', '192.168.0.1/24', 'sad', '{1,NULL,3}', '{"a,b","c\\"d"}', 1, 'abcde'),
                (2, true, 32767, 2147483647, 9223372036854775807, 99999999.99, 0.000000001,
                 1.5, 0.1, '😀 ünïcödé', 'xyz', E'\\\\N', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
                 '"😀"', '{}', '\\x', '9999-12-31', '9999-12-31 23:59:59.999999', '2026-11-01 01:30:00-07',
                 '24:00:00', '-1 days', '::1', 'happy', '{}', '{}', 2147483647, ''),
                (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                 NULL, NULL, NULL, NULL, NULL, NULL, 5, NULL)
                """,
                "CREATE SCHEMA shop",
                "CREATE TABLE shop.orders (id int8 PRIMARY KEY, placed_at timestamptz NOT NULL, amount numeric(12,2))",
                "CREATE TABLE shop.order_items (order_id int8, sku text, PRIMARY KEY (order_id, sku))",
                "CREATE TABLE shop.users (id int4 PRIMARY KEY, name text)",
                "CREATE VIEW shop.big_orders AS SELECT * FROM shop.orders WHERE amount > 100",
                """
                INSERT INTO shop.orders SELECT g, TIMESTAMPTZ '2026-05-25 09:00:00+00' + g * INTERVAL '1 second', g * 1.5
                FROM generate_series(1, 10000) g
                """);
        connection = db.connect();
    }

    @AfterAll
    static void tearDown() throws SQLException {
        connection.close();
    }

    private static PgSource source() {
        return (PgSource) PgSource.open(connection, false);
    }

    private static SourceRead prepare(StreamPlan plan, Optional<String> checkpoint) {
        return source().prepare(plan.readSpec(checkpoint, Optional.empty(), Instant.now()));
    }

    private static StreamPlan stream(String yaml) {
        RunContext context = new RunContext(Instant.parse("2026-06-01T00:00:00Z"), ZoneId.of("UTC"), Map.of());
        ReplicationPlan plan = new ReplicationPlanner(context, source().catalog()).plan(yaml, "r.yaml", Path.of("."));
        return plan.streams().get(0);
    }

    private static List<List<String>> readAll(SourceRead read) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PgRowReader(connection)
                .read(
                        read.statement(),
                        Long.MAX_VALUE,
                        Long.MAX_VALUE,
                        read.stream(),
                        new ReadProgress(),
                        (n, in) -> in.transferTo(out));
        return CsvRows.parse(out.toByteArray());
    }

    @Test
    void discoveryResolvesDomainsEnumsArraysAndModifiers() {
        PgTable t = source().catalog().describe(new SourceTable("rt", "types")).orElseThrow();
        assertThat(t.primaryKey()).containsExactly("id");
        assertThat(t.columns()).hasSize(27);
        assertThat(t.column("n").orElseThrow().type().numericPrecision()).isEqualTo(10);
        assertThat(t.column("n").orElseThrow().type().numericScale()).isEqualTo(2);
        assertThat(t.column("nu").orElseThrow().type().numericPrecision()).isEqualTo(-1);
        assertThat(t.column("vc").orElseThrow().type().length()).isEqualTo(10);
        assertThat(t.column("m").orElseThrow().type().kind()).isEqualTo(PgType.Kind.ENUM);
        PgType ai = t.column("ai").orElseThrow().type();
        assertThat(ai.kind()).isEqualTo(PgType.Kind.ARRAY);
        assertThat(ai.element().orElseThrow().name()).isEqualTo("int4");
        PgColumn dom = t.column("dom").orElseThrow();
        assertThat(dom.type().name()).isEqualTo("int4");
        assertThat(dom.type().declared()).isEqualTo("rt.posint");
        assertThat(dom.notNull()).isTrue();
        PgType dt = t.column("dt").orElseThrow().type();
        assertThat(dt.name()).isEqualTo("varchar");
        assertThat(dt.length()).as("the domain's own typmod").isEqualTo(5);
        assertThat(source().catalog().describe(new SourceTable("rt", "missing")))
                .isEmpty();

        SourceRead read =
                prepare(stream("source: PG\ntarget: SR\nstreams:\n  rt.types: {object: db.types}\n"), Optional.empty());
        assertThat(read.columns())
                .extracting(c -> c.name() + " " + c.type().sql())
                .containsExactly(
                        "id INT",
                        "b BOOLEAN",
                        "i2 SMALLINT",
                        "i4 INT",
                        "i8 BIGINT",
                        "n DECIMAL(10, 2)",
                        "nu DECIMAL(38, 9)",
                        "f4 FLOAT",
                        "f8 DOUBLE",
                        "vc VARCHAR(40)",
                        "ch VARCHAR(12)",
                        "t VARCHAR(1048576)",
                        "u VARCHAR(36)",
                        "j JSON",
                        "jb JSON",
                        "by VARBINARY(1048576)",
                        "d DATE",
                        "ts DATETIME",
                        "tstz DATETIME",
                        "tm VARCHAR(15)",
                        "iv VARCHAR(64)",
                        "ip VARCHAR(64)",
                        "m VARCHAR(64)",
                        "ai ARRAY<INT>",
                        "at ARRAY<VARCHAR(1048576)>",
                        "dom INT",
                        "dt VARCHAR(20)");
        assertThat(read.columns().get(25).nullable()).isFalse();
        assertThat(read.primaryKey()).containsExactly("id");
    }

    @Test
    void everyTypeRoundTripsThroughCopyInStreamLoadCsv() {
        assertThat(TimeZone.getDefault().getID()).as("surefire/failsafe zone").isEqualTo("America/Bahia_Banderas");
        SourceRead read =
                prepare(stream("source: PG\ntarget: SR\nstreams:\n  rt.types: {object: db.types}\n"), Optional.empty());
        List<List<String>> rows = readAll(read);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0))
                .containsExactly(
                        "1",
                        "0",
                        "-32768",
                        "-2147483648",
                        "-9223372036854775808",
                        "-99999999.99",
                        "-12345678901234567890123456789.123456789",
                        "-3.4028235e+38",
                        "-1.7976931348623157e+308",
                        "",
                        "a  ",
                        "a,b\tc\nd\"e\\f\r",
                        "00000000-0000-0000-0000-000000000000",
                        "{\"k\": \"v,\\\"q\\\"\"}",
                        "[1, \"x\"]",
                        "00ff",
                        "0001-01-01",
                        "0001-01-01 00:00:00",
                        utc("2026-03-08T01:59:59.999999-08:00"),
                        "00:00:00",
                        "P1Y2M3DT4H5M6.789S",
                        "192.168.0.1/24",
                        "sad",
                        "[1,null,3]",
                        "[\"a,b\",\"c\\\"d\"]",
                        "1",
                        "abcde");
        assertThat(rows.get(1))
                .containsExactly(
                        "2",
                        "1",
                        "32767",
                        "2147483647",
                        "9223372036854775807",
                        "99999999.99",
                        "0.000000001",
                        "1.5",
                        "0.1",
                        "😀 ünïcödé",
                        "xyz",
                        "\\N",
                        "ffffffff-ffff-ffff-ffff-ffffffffffff",
                        "\"😀\"",
                        "{}",
                        "",
                        "9999-12-31",
                        "9999-12-31 23:59:59.999999",
                        utc("2026-11-01T01:30:00-07:00"),
                        "24:00:00",
                        "P-1D",
                        "::1",
                        "happy",
                        "[]",
                        "[]",
                        "2147483647",
                        "");
        List<String> nulls = new ArrayList<>(Arrays.asList(new String[27]));
        nulls.set(0, "3");
        nulls.set(25, "5");
        assertThat(rows.get(2)).isEqualTo(nulls);
        assertThat(utc("2026-03-08T01:59:59.999999-08:00")).isEqualTo("2026-03-08 09:59:59.999999");
        assertThat(utc("2026-11-01T01:30:00-07:00")).isEqualTo("2026-11-01 08:30:00");
    }

    /**
     * The expected DATETIME text of an instant in UTC, computed without any default zone: PostgreSQL's ISO output,
     * whose fraction keeps its significant digits only.
     */
    private static String utc(String offsetDateTime) {
        LocalDateTime t = java.time.OffsetDateTime.parse(offsetDateTime)
                .withOffsetSameInstant(ZoneOffset.UTC)
                .toLocalDateTime();
        String text = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").format(t);
        return text.replaceFirst("\\.?0*$", "");
    }

    @Test
    void timestamptzLandsInTheConfiguredTargetZoneAcrossDst() {
        db.execute(
                "CREATE TABLE rt.dst (id int PRIMARY KEY, at timestamptz)",
                "INSERT INTO rt.dst VALUES (1, '2026-03-29 00:59:59.5+00'), (2, '2026-03-29 01:00:00+00'), (3, '2026-10-25 00:30:00+00'), (4, '2026-10-25 01:30:00+00')");
        SourceRead read = prepare(stream("""
                source: PG
                target: SR
                streams:
                  rt.dst: {object: db.dst, target_options: {timezone: Europe/Berlin}}
                """), Optional.empty());
        // Berlin: CET→CEST at 01:00 UTC on 2026-03-29, CEST→CET at 01:00 UTC on 2026-10-25 (02:30 happens twice).
        assertThat(readAll(read))
                .extracting(r -> r.get(1))
                .containsExactly(
                        "2026-03-29 01:59:59.5", "2026-03-29 03:00:00", "2026-10-25 02:30:00", "2026-10-25 02:30:00");
    }

    @Test
    void valuesStarRocksCannotHoldFailWithTheColumnNamed() {
        db.execute("CREATE TABLE rt.bad (id int, f float8, d date, nu numeric, n numeric(5,1))");
        String yaml = "source: PG\ntarget: SR\nstreams:\n  rt.bad: {object: db.bad}\n";
        db.execute("INSERT INTO rt.bad VALUES (1, 'NaN', NULL, NULL, NULL)");
        assertThatThrownBy(() -> readAll(prepare(stream(yaml), Optional.empty())))
                .isInstanceOf(SourceException.class)
                .hasMessage(
                        "reading rt.bad failed: column f (double precision) of rt.bad holds a value StarRocks DOUBLE cannot load "
                                + "(map it with columns: {f: string} to keep it as text): NaN");
        db.execute("TRUNCATE rt.bad", "INSERT INTO rt.bad VALUES (1, '-Infinity', NULL, NULL, NULL)");
        assertThatThrownBy(() -> readAll(prepare(stream(yaml), Optional.empty())))
                .hasMessageEndingWith(": -Infinity");
        db.execute("TRUNCATE rt.bad", "INSERT INTO rt.bad VALUES (1, 1, 'infinity', NULL, NULL)");
        assertThatThrownBy(() -> readAll(prepare(stream(yaml), Optional.empty())))
                .hasMessage(
                        "reading rt.bad failed: column d (date) of rt.bad holds a value outside StarRocks DATE's range: infinity");
        db.execute("TRUNCATE rt.bad", "INSERT INTO rt.bad VALUES (1, 1, NULL, 100000000000000000000000000000, NULL)");
        assertThatThrownBy(() -> readAll(prepare(stream(yaml), Optional.empty())))
                .hasMessage(
                        "reading rt.bad failed: column nu (numeric) of rt.bad holds a value DECIMAL(38, 9) cannot store exactly "
                                + "(choose a wider type with columns:): 100000000000000000000000000000");
        db.execute("TRUNCATE rt.bad", "INSERT INTO rt.bad VALUES (1, 1, NULL, 0.1234567891, NULL)");
        assertThatThrownBy(() -> readAll(prepare(stream(yaml), Optional.empty())))
                .hasMessageEndingWith("0.1234567891");
        db.execute("TRUNCATE rt.bad", "INSERT INTO rt.bad VALUES (1, 1, NULL, 'NaN', NULL)");
        assertThatThrownBy(() -> readAll(prepare(stream(yaml), Optional.empty())))
                .hasMessageEndingWith("cannot store exactly (choose a wider type with columns:): NaN");
        db.execute(
                "TRUNCATE rt.bad",
                "INSERT INTO rt.bad VALUES (1, 1, NULL, 12345678901234567890123456789.123456789, 'NaN')");
        assertThatThrownBy(() -> readAll(prepare(stream(yaml), Optional.empty())))
                .hasMessage(
                        "reading rt.bad failed: column n (numeric(5,1)) of rt.bad holds a value DECIMAL cannot store: NaN");
        // NaN is the only special value numeric(5,1) can hold (PgTypeMapping's check relies on it), and the largest
        // and smallest numbers it holds pass.
        for (String infinity : new String[] {"Infinity", "-Infinity"}) {
            assertThatThrownBy(() -> db.execute("INSERT INTO rt.bad VALUES (9, 1, NULL, NULL, '" + infinity + "')"))
                    .hasMessageContaining("numeric field overflow");
        }
        db.execute(
                "TRUNCATE rt.bad", "INSERT INTO rt.bad VALUES (1, 1, NULL, NULL, 9999.9), (2, 1, NULL, NULL, -9999.9)");
        assertThat(readAll(prepare(stream(yaml), Optional.empty())))
                .extracting(r -> r.get(4))
                .containsExactly("9999.9", "-9999.9");
        // The override keeps special floats as text.
        db.execute("TRUNCATE rt.bad", "INSERT INTO rt.bad VALUES (1, 'NaN', NULL, NULL, NULL)");
        List<List<String>> rows = readAll(prepare(
                stream("source: PG\ntarget: SR\nstreams:\n  rt.bad: {object: db.bad, columns: {f: string}}\n"),
                Optional.empty()));
        assertThat(rows.get(0).get(1)).isEqualTo("NaN");
    }

    @Test
    void chunksEndOnRowBoundariesAndCountEverything() {
        SourceRead read = prepare(
                stream("source: PG\ntarget: SR\nstreams:\n  shop.orders: {object: db.orders, mode: full-refresh}\n"),
                Optional.empty());
        List<Integer> rowsPerChunk = new ArrayList<>();
        long[] bytes = {0};
        ReadTotals totals = new PgRowReader(connection)
                .read(read.statement(), 3000, Long.MAX_VALUE, "shop.orders", new ReadProgress(), (n, in) -> {
                    byte[] body = in.readAllBytes();
                    bytes[0] += body.length;
                    rowsPerChunk.add(CsvRows.parse(body).size());
                });
        assertThat(rowsPerChunk).containsExactly(3000, 3000, 3000, 1000);
        assertThat(totals.rows()).isEqualTo(10000);
        assertThat(totals.chunks()).isEqualTo(4);
        assertThat(totals.bytes()).isEqualTo(bytes[0]);

        List<Integer> sizes = new ArrayList<>();
        ReadTotals bySize = new PgRowReader(connection)
                .read(
                        read.statement(),
                        Long.MAX_VALUE,
                        64 * 1024,
                        "shop.orders",
                        new ReadProgress(),
                        (n, in) -> sizes.add(in.readAllBytes().length));
        assertThat(sizes).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(64 * 1024));
        assertThat(sizes.stream().mapToLong(Integer::longValue).sum()).isEqualTo(totals.bytes());
        assertThat(bySize.rows()).isEqualTo(10000);

        // A consumer that reads only part of a chunk still leaves the next chunk aligned.
        List<String> firstRows = new ArrayList<>();
        new PgRowReader(connection)
                .read(read.statement(), 4000, Long.MAX_VALUE, "shop.orders", new ReadProgress(), (n, in) -> {
                    byte[] start = in.readNBytes(5);
                    firstRows.add(new String(start, java.nio.charset.StandardCharsets.UTF_8));
                });
        assertThat(firstRows).as("numbers travel bare").containsExactly("1,202", "4001,", "8001,");
    }

    @Test
    void zeroRowsNeverCallTheConsumer() {
        SourceRead read = prepare(stream("""
                source: PG
                target: SR
                streams:
                  shop.orders: {object: db.orders, where: "id < 0"}
                """), Optional.empty());
        ReadTotals totals = new PgRowReader(connection)
                .read(read.statement(), 10, 1000, "shop.orders", new ReadProgress(), (n, in) -> {
                    throw new AssertionError("called for an empty read");
                });
        assertThat(totals).isEqualTo(new ReadTotals(0, 0, 0));
    }

    @Test
    void incrementalReadsAfterTheCheckpoint() {
        String yaml = """
                source: PG
                target: SR
                streams:
                  shop.orders: {object: db.orders, primary_key: id, update_key: placed_at, select: [id, placed_at]}
                """;
        StreamPlan plan = stream(yaml);
        assertThat(plan.mode()).isEqualTo(Mode.INCREMENTAL);
        // Row 9998 was placed at 09:00:00 + 9998 s = 11:46:38 UTC.
        List<List<String>> after = readAll(prepare(plan, Optional.of("2026-05-25 11:46:38.000000")));
        assertThat(after).extracting(r -> r.get(0)).containsExactly("9999", "10000");
        List<List<String>> gte = readAll(prepare(
                stream(yaml.replace("select:", "source_options: {incremental_gte: true}, select:")),
                Optional.of("2026-05-25 11:46:38")));
        assertThat(gte).extracting(r -> r.get(0)).containsExactly("9998", "9999", "10000");
        assertThat(readAll(prepare(plan, Optional.empty()))).hasSize(10000);

        StreamPlan sql = stream("""
                source: PG
                target: SR
                streams:
                  recent:
                    object: db.recent
                    update_key: placed_at
                    sql: "select id, placed_at, amount from shop.orders where {incremental_where_cond} and id % 2 = 0"
                """);
        SourceRead sqlRead = prepare(sql, Optional.of("2026-05-25 11:46:30"));
        assertThat(sqlRead.columns())
                .extracting(c -> c.type().sql())
                .containsExactly("BIGINT", "DATETIME", "DECIMAL(12, 2)");
        assertThat(readAll(sqlRead)).extracting(r -> r.get(0)).containsExactly("9992", "9994", "9996", "9998", "10000");

        StreamPlan limited = stream(yaml.replace("select:", "source_options: {limit: 3, offset: 1}, select:"));
        assertThat(readAll(prepare(limited, Optional.of("2026-05-25 09:00:00"))))
                .extracting(r -> r.get(0))
                .containsExactly("2", "3", "4");
        StreamPlan backfill = stream(yaml.replace(
                "select:",
                "mode: backfill, source_options: {range: '2026-05-25 09:00:05,2026-05-25 09:00:07'}, select:"));
        assertThat(readAll(prepare(backfill, Optional.empty())))
                .extracting(r -> r.get(0))
                .containsExactly("5", "6", "7");
    }

    @Test
    void selectExclusionsAndBadColumnNames() {
        SourceRead read = prepare(stream("""
                source: PG
                target: SR
                streams:
                  shop.orders: {object: db.orders, select: ["-amount"]}
                """), Optional.empty());
        assertThat(read.columnNames()).containsExactly("id", "placed_at");
        assertThatThrownBy(() -> prepare(stream("""
                source: PG
                target: SR
                streams:
                  shop.orders: {object: db.orders, update_key: placed_on}
                """), Optional.empty()))
                .hasMessage(
                        "stream shop.orders: update_key 'placed_on' is not a column of the source; did you mean 'placed_at'?");
        assertThatThrownBy(() -> prepare(stream("""
                source: PG
                target: SR
                streams:
                  shop.nothing: {object: db.nothing}
                """), Optional.empty()))
                .hasMessage("stream shop.nothing: source table shop.nothing does not exist");
    }

    @Test
    void wildcardsExpandThroughDiscovery() {
        RunContext context = new RunContext(Instant.parse("2026-06-01T00:00:00Z"), ZoneId.of("UTC"), Map.of());
        ReplicationPlan plan = new ReplicationPlanner(context, source().catalog()).plan("""
                source: PG
                target: SR
                defaults:
                  object: "db.{stream_table}"
                streams:
                  shop.*:
                  shop.users:
                    object: db.people
                    primary_key: id
                  shop.order_items:
                    disabled: true
                  rt.ty*:
                    object: "other.{stream_schema}_{stream_table}"
                """, "r.yaml", Path.of("."));
        assertThat(plan.streams())
                .extracting(s -> s.name() + " -> " + s.object() + " " + s.mode())
                .containsExactly(
                        "shop.big_orders -> db.big_orders full-refresh",
                        "shop.orders -> db.orders full-refresh",
                        "shop.users -> db.people incremental",
                        "rt.types -> other.rt_types full-refresh");
        assertThatThrownBy(() -> new ReplicationPlanner(context, source().catalog()).plan("""
                source: PG
                target: SR
                streams:
                  nowhere.*: {object: "db.{stream_table}"}
                """, "r.yaml", Path.of(".")))
                .hasMessage("r.yaml:4:3: wildcard stream 'nowhere.*' matches no table in schema nowhere");
    }

    @Test
    void describeMapsEachColumnToItsDefaultStarRocksType() {
        DescribedTable t = source().describe(new SourceTable("shop", "orders")).orElseThrow();
        assertThat(t.primaryKey()).containsExactly("id");
        assertThat(t.columns())
                .extracting(
                        c -> c.name() + " " + c.sourceType() + " " + c.type().sql() + " " + c.nullable())
                .containsExactly(
                        "id bigint BIGINT false",
                        "placed_at timestamp with time zone DATETIME false",
                        "amount numeric(12,2) DECIMAL(12, 2) true");
        assertThat(source().describe(new SourceTable("shop", "missing"))).isEmpty();
        assertThat(source().tables("shop"))
                .extracting(SourceTable::table)
                .containsExactly("big_orders", "order_items", "orders", "users");
    }

    @Test
    void changeCaptureIsNotSupportedYet() {
        assertThatThrownBy(() -> source().changeCapture())
                .isInstanceOf(SourceException.class)
                .hasMessage("change capture is not supported for PostgreSQL sources yet");
    }
}
