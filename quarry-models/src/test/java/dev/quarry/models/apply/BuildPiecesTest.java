package dev.quarry.models.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.models.project.Model;
import dev.quarry.models.project.Project;
import dev.quarry.models.render.MacroContext;
import dev.quarry.starrocks.StarRocksType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit SQL, seed reading and partition overwrites: the parts of apply that need no database. */
class BuildPiecesTest {
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

    @Test
    void builtInAuditsReturnViolatingRows() throws IOException {
        Project p = project("models/a.sql", """
                MODEL (name s.a, kind FULL, audits (not_null(columns := (id, name)), accepted_values(column := c, is_in := ('x', 'y')),
                       number_of_rows(threshold := 10), unique_values(columns := (id)), forall(criteria := (a > 0, b < 5))));
                SELECT 1 AS id
                """);
        Model a = p.model("s.a").orElseThrow();
        MacroContext ctx = new MacroContext(
                Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-02T00:00:00Z"),
                Instant.parse("2024-01-02T00:00:00Z"),
                "`db`.`t`",
                Map.of(),
                "local");
        List<String> sql = a.audits().stream()
                .map(c -> Audits.of(p, a, c, "`db`.`t`", ctx).sql())
                .toList();
        assertThat(sql)
                .containsExactly(
                        "SELECT * FROM `db`.`t` AS __quarry_audited WHERE (id IS NULL OR name IS NULL)",
                        "SELECT * FROM `db`.`t` AS __quarry_audited WHERE c NOT IN ('x', 'y')",
                        "SELECT COUNT(*) AS row_count FROM (SELECT 1 AS one FROM `db`.`t` AS __quarry_audited LIMIT 11) AS __quarry_rows"
                                + " HAVING COUNT(*) <= 10",
                        "SELECT 'id' AS audited_column FROM `db`.`t` AS __quarry_audited GROUP BY id HAVING COUNT(*) > 1",
                        "SELECT * FROM `db`.`t` AS __quarry_audited WHERE NOT ((a > 0) AND (b < 5))");
    }

    @Test
    void seedCsvHonoursQuotesAndInfersTypes() throws IOException {
        Project p = project(
                "models/s.sql",
                "MODEL (name s.seed, kind SEED (path '../seeds/s.csv'));\n",
                "seeds/s.csv",
                "id,name,price,day,at\n1,\"Smith, J\",1.5,2024-01-01,2024-01-01 10:00:00\n2,\"say \"\"hi\"\"\",2,2024-01-02,\n");
        Model m = p.model("s.seed").orElseThrow();
        SeedCsv seed = SeedCsv.read(m, p.seedFile(m));
        assertThat(seed.header()).containsExactly("id", "name", "price", "day", "at");
        assertThat(seed.rows()).isEqualTo(2);
        assertThat(seed.columns())
                .extracting(c -> c.type().sql())
                .containsExactly("BIGINT", "VARCHAR(65533)", "DOUBLE", "DATE", "DATETIME");
        assertThat(SeedCsv.split("1,\"Smith, J\",x", ",")).containsExactly("1", "Smith, J", "x");
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
        assertThat(TimeRangeBuild.overwritesPartitions(a, StarRocksType.Scalar.DATETIME, jan, feb))
                .isTrue();
        assertThat(TimeRangeBuild.overwritesPartitions(
                        a, StarRocksType.Scalar.DATETIME, jan, Instant.parse("2024-01-02T00:00:00Z")))
                .isFalse();
        Model b = p.model("s.b").orElseThrow();
        assertThat(TimeRangeBuild.overwritesPartitions(
                        b, StarRocksType.Scalar.DATE, jan, Instant.parse("2024-01-02T00:00:00Z")))
                .isTrue();
        assertThat(TimeRangeBuild.formatTime("%Y%m%d %H:%M", LocalDateTime.of(2024, 3, 5, 7, 9)))
                .isEqualTo("20240305 07:09");
    }

    @Test
    void aLongBackfillSaysHowFarItGotAndHowLongIsLeft() {
        assertThat(TimeRangeBuild.progressLine("db.m", 30, 120, 20_000_000_000L))
                .isEqualTo("model db.m: 30 of 120 intervals done, about 1m00s to go");
        assertThat(TimeRangeBuild.progressLine("db.m", 1, 2, 5_000_000_000L))
                .isEqualTo("model db.m: 1 of 2 intervals done, about 5s to go");
    }
}
