package dev.quarry.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.ConfigException;
import dev.quarry.starrocks.StarRocksType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interval arithmetic, physical names, audit SQL and seed reading: the parts of plan/apply that need no database. */
class PlannerTest {
    @TempDir
    Path dir;

    private Project project(String... files) throws IOException {
        Files.writeString(dir.resolve("config.yaml"), """
                gateways:
                  local:
                    connection: {type: starrocks, host: 127.0.0.1, port: 9030, user: root}
                model_defaults:
                  dialect: starrocks
                  start: '2024-01-01'
                """);
        Files.createDirectories(dir.resolve("models"));
        for (int i = 0; i < files.length; i += 2) {
            Path p = dir.resolve(files[i]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, files[i + 1]);
        }
        return Project.load(dir, Map.of());
    }

    private static StateStore.Interval iv(String start, String end) {
        return new StateStore.Interval(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void missingIntervalsAreCompleteUnitsFromStartSkippingWhatIsDone() throws IOException {
        Project p = project("models/a.sql", """
                MODEL (name s.a, kind INCREMENTAL_BY_TIME_RANGE (time_column ds), partitioned_by ds, cron '@hourly');
                SELECT CURRENT_DATE() AS ds
                """);
        Model a = p.model("s.a").orElseThrow();
        try (StateStore state = StateStore.open(dir.resolve("state.db"))) {
            Instant now = Instant.parse("2024-01-01T03:30:00Z");
            assertThat(Planner.missingIntervals(a, state, "f", false, Planner.Options.defaults(), now)).containsExactly(
                    iv("2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z"), iv("2024-01-01T01:00:00Z", "2024-01-01T02:00:00Z"),
                    iv("2024-01-01T02:00:00Z", "2024-01-01T03:00:00Z"));
            state.addInterval("s.a", "f", iv("2024-01-01T01:00:00Z", "2024-01-01T02:00:00Z"));
            assertThat(Planner.missingIntervals(a, state, "f", false, Planner.Options.defaults(), now)).containsExactly(
                    iv("2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z"), iv("2024-01-01T02:00:00Z", "2024-01-01T03:00:00Z"));
            // A new snapshot (create) ignores what another fingerprint did; --start/--end narrow the range, a date end is inclusive.
            Planner.Options window = new Planner.Options(Optional.of("2024-01-01 01:00:00"), Optional.of("2024-01-01 02:00:00"), List.of());
            assertThat(Planner.missingIntervals(a, state, "f", true, window, now))
                    .containsExactly(iv("2024-01-01T01:00:00Z", "2024-01-01T02:00:00Z"));
        }
        assertThat(Planner.inclusiveEnd("2024-01-31", Instant.EPOCH)).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
    }

    @Test
    void intervalUnitsFollowTheCronInUtc() {
        assertThat(IntervalUnit.ofCron("@daily")).isEqualTo(IntervalUnit.DAY);
        assertThat(IntervalUnit.ofCron("@hourly")).isEqualTo(IntervalUnit.HOUR);
        assertThat(IntervalUnit.ofCron("*/5 * * * *")).isEqualTo(IntervalUnit.FIVE_MINUTE);
        assertThat(IntervalUnit.ofCron("0 * * * *")).isEqualTo(IntervalUnit.HOUR);
        assertThat(IntervalUnit.ofCron("@monthly")).isEqualTo(IntervalUnit.MONTH);
        Instant t = Instant.parse("2024-03-10T08:47:12Z");
        assertThat(IntervalUnit.DAY.floor(t)).isEqualTo(Instant.parse("2024-03-10T00:00:00Z"));
        assertThat(IntervalUnit.MONTH.floor(t)).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(IntervalUnit.FIVE_MINUTE.floor(t)).isEqualTo(Instant.parse("2024-03-10T08:45:00Z"));
        assertThat(IntervalUnit.MONTH.next(Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(IntervalUnit.lastTick("0 6 * * *", Instant.parse("2024-01-05T03:00:00Z"))).isEqualTo(Instant.parse("2024-01-04T06:00:00Z"));
        assertThat(IntervalUnit.lastTick("0 6 * * *", Instant.parse("2024-01-05T07:00:00Z"))).isEqualTo(Instant.parse("2024-01-05T06:00:00Z"));
        assertThat(IntervalUnit.lastTick("30 * * * *", Instant.parse("2024-01-05T07:10:00Z"))).isEqualTo(Instant.parse("2024-01-05T06:30:00Z"));
        assertThat(IntervalUnit.lastTick("@daily", t)).isEqualTo(t);
    }

    @Test
    void physicalNamesFitStarRocksSixtyFourCharacters() throws IOException {
        String longTable = "t".repeat(70);
        Project p = project("models/a.sql", "MODEL (name sales.orders, kind FULL);\nSELECT 1 AS x\n",
                "models/b.sql", "MODEL (name sales." + longTable + ", kind FULL);\nSELECT 1 AS x\n");
        Model a = p.model("sales.orders").orElseThrow();
        assertThat(PhysicalNames.physicalDatabase(a)).isEqualTo("quarry__sales");
        assertThat(PhysicalNames.physicalTable(a, "0123456789")).isEqualTo("sales__orders__0123456789");
        assertThat(PhysicalNames.environmentDatabase(a, "prod")).isEqualTo("sales");
        assertThat(PhysicalNames.environmentDatabase(a, "dev")).isEqualTo("sales__dev");
        Model b = p.model("sales." + longTable).orElseThrow();
        String one = PhysicalNames.physicalTable(b, "0123456789");
        String two = PhysicalNames.physicalTable(b, "9876543210");
        assertThat(one).hasSize(64).startsWith("sales__ttt").isNotEqualTo(two);
        assertThat(two).hasSize(64);
        assertThatThrownBy(() -> PhysicalNames.checkEnvironment("my-env")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("environment name 'my-env' may hold only letters, digits and underscores");
    }

    @Test
    void builtInAuditsReturnViolatingRows() throws IOException {
        Project p = project("models/a.sql", """
                MODEL (name s.a, kind FULL, audits (not_null(columns := (id, name)), accepted_values(column := c, is_in := ('x', 'y')),
                       number_of_rows(threshold := 10), unique_values(columns := (id)), forall(criteria := (a > 0, b < 5))));
                SELECT 1 AS id
                """);
        Model a = p.model("s.a").orElseThrow();
        MacroContext ctx = new MacroContext(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"),
                Instant.parse("2024-01-02T00:00:00Z"), "`db`.`t`", Map.of(), "local");
        List<String> sql = a.audits().stream().map(c -> Audits.of(p, a, c, "`db`.`t`", ctx).sql()).toList();
        assertThat(sql).containsExactly(
                "SELECT * FROM `db`.`t` AS __quarry_audited WHERE (id IS NULL OR name IS NULL)",
                "SELECT * FROM `db`.`t` AS __quarry_audited WHERE c NOT IN ('x', 'y')",
                "SELECT COUNT(*) AS row_count FROM (SELECT 1 AS one FROM `db`.`t` AS __quarry_audited LIMIT 11) AS __quarry_rows"
                        + " HAVING COUNT(*) <= 10",
                "SELECT 'id' AS audited_column FROM `db`.`t` AS __quarry_audited GROUP BY id HAVING COUNT(*) > 1",
                "SELECT * FROM `db`.`t` AS __quarry_audited WHERE NOT ((a > 0) AND (b < 5))");
    }

    @Test
    void seedCsvHonoursQuotesAndInfersTypes() throws IOException {
        Project p = project("models/s.sql", "MODEL (name s.seed, kind SEED (path '../seeds/s.csv'));\n",
                "seeds/s.csv", "id,name,price,day,at\n1,\"Smith, J\",1.5,2024-01-01,2024-01-01 10:00:00\n2,\"say \"\"hi\"\"\",2,2024-01-02,\n");
        Model m = p.model("s.seed").orElseThrow();
        Executor.Seed seed = Executor.Seed.read(m, p.seedFile(m));
        assertThat(seed.header()).containsExactly("id", "name", "price", "day", "at");
        assertThat(seed.rows()).isEqualTo(2);
        assertThat(seed.columns()).extracting(c -> c.type().sql())
                .containsExactly("BIGINT", "VARCHAR(65533)", "DOUBLE", "DATE", "DATETIME");
        assertThat(Executor.Seed.split("1,\"Smith, J\",x", ",")).containsExactly("1", "Smith, J", "x");
    }

    @Test
    void timeRangeBatchesOverwritePartitionsOnlyWhenTheyCoverWholePartitions() throws IOException {
        Project p = project("models/a.sql", """
                MODEL (name s.a, kind INCREMENTAL_BY_TIME_RANGE (time_column ts), partitioned_by date_trunc('month', ts), cron '@hourly',
                       physical_properties (primary_key = (ts)));
                SELECT NOW() AS ts
                """, "models/b.sql", """
                MODEL (name s.b, kind INCREMENTAL_BY_TIME_RANGE (time_column ds), partitioned_by ds);
                SELECT CURRENT_DATE() AS ds
                """);
        Model a = p.model("s.a").orElseThrow();
        Instant jan = Instant.parse("2024-01-01T00:00:00Z");
        Instant feb = Instant.parse("2024-02-01T00:00:00Z");
        assertThat(Executor.overwritesPartitions(a, StarRocksType.Scalar.DATETIME, jan, feb)).isTrue();
        assertThat(Executor.overwritesPartitions(a, StarRocksType.Scalar.DATETIME, jan, Instant.parse("2024-01-02T00:00:00Z"))).isFalse();
        Model b = p.model("s.b").orElseThrow();
        assertThat(Executor.overwritesPartitions(b, StarRocksType.Scalar.DATE, jan, Instant.parse("2024-01-02T00:00:00Z"))).isTrue();
        assertThat(Executor.formatTime("%Y%m%d %H:%M", LocalDateTime.of(2024, 3, 5, 7, 9))).isEqualTo("20240305 07:09");
    }

    @Test
    void lookbackReprocessesTheIntervalsBeforeTheMissingOnes() throws IOException {
        Project p = project("models/a.sql", """
                MODEL (name s.a, kind INCREMENTAL_BY_TIME_RANGE (time_column ds, lookback 2), partitioned_by ds);
                SELECT CURRENT_DATE() AS ds
                """);
        Model a = p.model("s.a").orElseThrow();
        try (StateStore state = StateStore.open(dir.resolve("state.db"))) {
            Instant now = Instant.parse("2024-01-06T03:00:00Z");
            state.addInterval("s.a", "f", iv("2024-01-01T00:00:00Z", "2024-01-05T00:00:00Z"));
            assertThat(Planner.missingIntervals(a, state, "f", false, Planner.Options.defaults(), now)).containsExactly(
                    iv("2024-01-03T00:00:00Z", "2024-01-04T00:00:00Z"), iv("2024-01-04T00:00:00Z", "2024-01-05T00:00:00Z"),
                    iv("2024-01-05T00:00:00Z", "2024-01-06T00:00:00Z"));
            // Nothing missing: lookback alone starts no work.
            state.addInterval("s.a", "f", iv("2024-01-05T00:00:00Z", "2024-01-06T00:00:00Z"));
            assertThat(Planner.missingIntervals(a, state, "f", false, Planner.Options.defaults(), now)).isEmpty();
        }
    }

    @Test
    void aDayBecomesDueWhenTheCronFires() throws IOException {
        Project p = project("models/a.sql", """
                MODEL (name s.a, kind FULL, cron '0 6 * * *', start '2024-01-01');
                SELECT 1 AS x
                """);
        Model a = p.model("s.a").orElseThrow();
        try (StateStore state = StateStore.open(dir.resolve("state.db"))) {
            state.addInterval("s.a", "f", iv("2024-01-01T00:00:00Z", "2024-01-04T00:00:00Z"));
            assertThat(Planner.missingIntervals(a, state, "f", false, Planner.Options.defaults(), Instant.parse("2024-01-05T05:59:00Z")))
                    .isEmpty();
            assertThat(Planner.missingIntervals(a, state, "f", false, Planner.Options.defaults(), Instant.parse("2024-01-05T06:00:00Z")))
                    .containsExactly(iv("2024-01-04T00:00:00Z", "2024-01-05T00:00:00Z"));
        }
    }
}
