package dev.quarry.replicate.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.replicate.config.RunContext;
import dev.quarry.replicate.plan.ReplicationPlan;
import dev.quarry.replicate.plan.ReplicationPlanner;
import dev.quarry.replicate.source.SourceException;
import dev.quarry.replicate.source.Sources;
import dev.quarry.starrocks.StarRocksDialect;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StreamLoader;
import dev.quarry.testing.TestingPostgres;
import dev.quarry.testing.TestingSandbox;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The timestamptz range guard checks the stored instant against the DATETIME bounds converted to the target zone
 * (PgTypeMapping): values at the bounds arrive exactly, one microsecond outside fails the read with the local value.
 */
class TimestamptzRangeIT {
    private static TestingPostgres.Database pg;
    private static Connection source;
    private static Connection target;
    private static StreamLoader loader;
    private static String database;

    @BeforeAll
    static void setUp() throws SQLException {
        pg = TestingPostgres.get().createDatabase();
        pg.execute("CREATE SCHEMA demo", "CREATE TABLE demo.ts (id int4, at timestamptz)");
        source = pg.connect();
        TestingSandbox sandbox = TestingSandbox.get();
        database = sandbox.createDatabase("ts_range");
        target = DriverManager.getConnection(sandbox.mariadbUrl(database), sandbox.user(), sandbox.password());
        loader = StreamLoader.builder(URI.create(sandbox.feUrl()), sandbox.user(), sandbox.password())
                .build();
    }

    @AfterAll
    static void tearDown() throws SQLException {
        source.close();
        target.close();
    }

    private static StreamResult run(String zone) {
        RunContext context = new RunContext(Instant.now(), ZoneId.of("UTC"), Map.of());
        ReplicationPlan plan = new ReplicationPlanner(context, Sources.postgres(source))
                .plan("""
                source: POSTGRES
                target: STARROCKS
                defaults:
                  mode: full-refresh
                  object: "%s.{stream_table}"
                streams:
                  demo.ts:
                    target_options: {timezone: "%s"}
                """.formatted(database, zone), "r.yaml", Path.of("."));
        return new Replicator(
                        Sources.postgres(source),
                        StarRocksSession.of(target),
                        loader,
                        "ts-" + System.nanoTime(),
                        StarRocksDialect.latest())
                .run(plan.streams().get(0));
    }

    private static List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = target.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void theBoundsOfDatetimeInTheTargetZoneArriveAndBeyondThemFails() throws SQLException {
        // In Asia/Tokyo (+09:00 then; +09:18:59 LMT at year 1) the lower bound is an instant on 31 Dec 1 BC in UTC.
        pg.execute(
                "TRUNCATE demo.ts",
                "INSERT INTO demo.ts VALUES"
                        + " (1, TIMESTAMP '0001-01-01 00:00:00' AT TIME ZONE 'Asia/Tokyo'),"
                        + " (2, TIMESTAMP '9999-12-31 23:59:59.999999' AT TIME ZONE 'Asia/Tokyo'),"
                        + " (3, TIMESTAMPTZ '2026-03-08 10:00:00.25+00'), (4, NULL)");
        assertThat(run("Asia/Tokyo").rowsLoaded()).isEqualTo(4);
        assertThat(column("SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s.%f') FROM ts ORDER BY id"))
                .containsExactly(
                        "0001-01-01 00:00:00.000000", "9999-12-31 23:59:59.999999", "2026-03-08 19:00:00.250000", null);

        pg.execute(
                "INSERT INTO demo.ts VALUES (5, (TIMESTAMP '0001-01-01 00:00:00' AT TIME ZONE 'Asia/Tokyo') - INTERVAL '1 microsecond')");
        assertThatThrownBy(() -> run("Asia/Tokyo"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining(
                        "column at (timestamp with time zone) of demo.ts holds a value outside StarRocks DATETIME's range: ")
                .hasMessageEndingWith("0001-12-31 23:59:59.999999 BC");

        // Row 1 is 1 BC in UTC: out of range there too, so it goes.
        pg.execute("DELETE FROM demo.ts WHERE id IN (1, 5)", "INSERT INTO demo.ts VALUES (6, TIMESTAMPTZ 'infinity')");
        assertThatThrownBy(() -> run("UTC"))
                .isInstanceOf(SourceException.class)
                .hasMessageEndingWith("holds a value outside StarRocks DATETIME's range: infinity");
        assertThat(column("SELECT COUNT(*) FROM ts"))
                .as("the failed runs left the table as it was")
                .containsExactly("4");
    }
}
