package dev.quarry.models.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.models.project.PhysicalLayout.Distribution;
import dev.quarry.models.project.PhysicalLayout.KeyType;
import dev.quarry.models.project.PhysicalLayout.Partitioning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ModelReaderTest {

    private final List<String> warnings = new ArrayList<>();

    private Model read(String text) {
        return new ModelReader("models/m.sql", Map.of(), warnings).read(text);
    }

    @Test
    void cronStepsListsAndRangesWithinBoundsAreAccepted() {
        assertThat(read("MODEL (name a.b, cron '*/15 0-23/2 1,15 */3 0-7'); SELECT 1")
                        .cron())
                .isEqualTo("*/15 0-23/2 1,15 */3 0-7");
    }

    private void fails(String text, String location, String message) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(location + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void readsEverySyntaxFormOfTheModelBlock() {
        Model m = read("""
                -- a leading comment
                MODEL (
                  name Sales.Daily_Revenue, /* block comment */
                  kind INCREMENTAL_BY_TIME_RANGE (time_column (ds, '%Y-%m-%d'), batch_size 7, lookback 2,),
                  cron '@daily',
                  start '2024-01-01',
                  end '2024-12-31 23:00:00',
                  owner jen,
                  description 'Revenue by day; it''s summed',
                  columns (ds DATE, currency VARCHAR(3), amount DECIMAL(18, 2)),
                  column_descriptions (amount = 'sum of order totals'),
                  grain (ds, currency),
                  tags [finance, 'daily'],
                  depends_on [raw.Orders],
                  enabled true,
                  allow_partials false,
                  dialect starrocks,
                  partitioned_by date_trunc('day', ds),
                  clustered_by (currency),
                  physical_properties (
                    primary_key = (ds, currency),
                    distributed_by = (kind = HASH, expressions = ds, buckets = 10),
                    replication_num = '1',
                  ),
                  virtual_properties (security = INVOKER),
                  audits (not_null(columns := (ds, currency)), forall(criteria := (amount >= 0)), assert_positive),
                );
                SET @x = 1;
                SELECT ds, currency, SUM(amount) AS amount -- trailing; comment
                FROM raw.orders WHERE ds BETWEEN @start_ds AND @end_ds AND note <> ';'
                GROUP BY 1, 2;
                ANALYZE TABLE @this_model;
                """);
        assertThat(m.name()).isEqualTo("sales.daily_revenue");
        assertThat(m.schema()).isEqualTo("sales");
        assertThat(m.location()).hasToString("models/m.sql:2:1");
        assertThat(m.kind().kind()).isEqualTo(ModelKind.INCREMENTAL_BY_TIME_RANGE);
        assertThat(m.kind().timeColumn()).contains("ds");
        assertThat(m.kind().timeColumnFormat()).contains("%Y-%m-%d");
        assertThat(m.kind().batchSize()).isEqualTo(OptionalInt.of(7));
        assertThat(m.kind().lookback()).isEqualTo(2);
        assertThat(m.cron()).isEqualTo("@daily");
        assertThat(m.start()).contains("2024-01-01");
        assertThat(m.end()).contains("2024-12-31 23:00:00");
        assertThat(m.owner()).contains("jen");
        assertThat(m.description()).contains("Revenue by day; it's summed");
        assertThat(m.columns())
                .containsExactly(
                        Map.entry("ds", "DATE"),
                        Map.entry("currency", "VARCHAR(3)"),
                        Map.entry("amount", "DECIMAL(18, 2)"));
        assertThat(m.columnDescriptions()).containsExactly(Map.entry("amount", "sum of order totals"));
        assertThat(m.grains()).containsExactly("ds", "currency");
        assertThat(m.tags()).containsExactly("finance", "daily");
        assertThat(m.dependsOn()).containsExactly("raw.orders");
        assertThat(m.enabled()).isTrue();
        assertThat(m.layout().key()).contains(new PhysicalLayout.TableKey(KeyType.PRIMARY, List.of("ds", "currency")));
        assertThat(m.layout().partitioning()).contains(new Partitioning.Expressions(List.of("date_trunc('day', ds)")));
        assertThat(m.layout().distribution()).contains(new Distribution.Hash(List.of("ds"), OptionalInt.of(10)));
        assertThat(m.layout().orderBy()).containsExactly("currency");
        assertThat(m.layout().properties()).containsExactly(Map.entry("replication_num", "1"));
        assertThat(m.layout().security()).contains("INVOKER");
        assertThat(m.audits())
                .containsExactly(
                        new AuditCall("not_null", Map.of("columns", "(ds, currency)")),
                        new AuditCall("forall", Map.of("criteria", "(amount >= 0)")),
                        new AuditCall("assert_positive", Map.of()));
        assertThat(m.preStatements()).extracting(Statement::sql).containsExactly("SET @x = 1");
        assertThat(m.query().orElseThrow().sql())
                .startsWith("SELECT ds, currency")
                .endsWith("GROUP BY 1, 2")
                .contains("note <> ';'");
        assertThat(m.query().orElseThrow().location()).hasToString("models/m.sql:29:1");
        assertThat(m.postStatements()).extracting(Statement::sql).containsExactly("ANALYZE TABLE @this_model");
    }

    @Test
    void kindsAndTheirOptions() {
        assertThat(read("MODEL (name a.b); SELECT 1").kind()).isEqualTo(Kind.of(ModelKind.VIEW));
        assertThat(read("MODEL (name a.b, kind FULL); SELECT 1").kind().kind()).isEqualTo(ModelKind.FULL);
        Model mv = read(
                "MODEL (name a.b, kind VIEW (materialized true), physical_properties (refresh_scheme = ASYNC)); SELECT 1");
        assertThat(mv.kind().isMaterializedView()).isTrue();
        assertThat(mv.layout().refresh())
                .contains(new PhysicalLayout.Refresh(java.util.Optional.empty(), java.util.Optional.of("ASYNC")));
        Model upsert = read(
                "MODEL (name a.b, kind INCREMENTAL_BY_UNIQUE_KEY (unique_key (id, region), batch_size 3)); SELECT 1");
        assertThat(upsert.kind().uniqueKey()).containsExactly("id", "region");
        assertThat(upsert.layout().key())
                .contains(new PhysicalLayout.TableKey(KeyType.PRIMARY, List.of("id", "region")));
        Model unmanaged = read("MODEL (name a.b, kind INCREMENTAL_UNMANAGED (insert_overwrite true)); SELECT 1");
        assertThat(unmanaged.kind().insertOverwrite()).isTrue();
        assertThat(unmanaged.layout().key()).isEmpty();
        Model seed = read(
                "MODEL (name a.b, kind SEED (path '../seeds/x.csv', batch_size 100, csv_settings (delimiter = ';')))");
        assertThat(seed.kind().seedPath()).contains("../seeds/x.csv");
        assertThat(seed.kind().csvSettings()).containsEntry("delimiter", ";");
        assertThat(seed.query()).isEmpty();
        assertThat(read("MODEL (name a.b, kind EMBEDDED); SELECT 1").kind().kind())
                .isEqualTo(ModelKind.EMBEDDED);
        Model timeRange = read("MODEL (name a.b, kind INCREMENTAL_BY_TIME_RANGE (time_column ds, format '%Y%m%d'), "
                + "physical_properties (primary_key = 'id, ds')); SELECT 1");
        assertThat(timeRange.kind().timeColumnFormat()).contains("%Y%m%d");
        assertThat(timeRange.layout().key().orElseThrow().columns()).containsExactly("id", "ds");
    }

    @Test
    void syntaxErrorsPointAtFileLineAndColumn() {
        fails(
                "MODEL (\n  name a.b,\n  kind FULL\n  cron '@daily'\n); SELECT 1",
                "models/m.sql:4:3",
                "expected ',' or ')'");
        fails("MODEL (name 'unterminated); SELECT 1", "models/m.sql:1:13", "unterminated string");
        fails("MODEL (name a.b, /* never closed\n", "models/m.sql:1:18", "unterminated /* comment");
        fails(
                "MODEL (name a.b, kind FULL, tags [a, b\n",
                "models/m.sql:2:1",
                "expected ',' or ']' but found the end of the file");
        fails("MODEL (name a.b, kind FULL, kind VIEW); SELECT 1", "models/m.sql:1:29", "property kind is given twice");
        fails(
                "MODEL (name a.b,\n kindd FULL); SELECT 1",
                "models/m.sql:2:2",
                "unknown property kindd (did you mean kind?)");
        fails("SELECT 1", "models/m.sql:1:1", "expected MODEL (...)");
        fails("MODEL (name a.b, kind FULL);", "models/m.sql:1:1", "no query");
        fails("MODEL (name a.b, kind FULL, cron);", "models/m.sql:1:29", "property cron has no value");
        fails("MODEL (kind FULL); SELECT 1", "models/m.sql:1:1", "MODEL has no name");
        fails("MODEL (name 'a b'); SELECT 1", "models/m.sql:1:13", "model name must be");
        fails("MODEL (name a.b, kind FULLL); SELECT 1", "models/m.sql:1:23", "unknown kind FULLL (did you mean FULL?)");
        fails(
                "MODEL (name a.b, kind SCD_TYPE_2 (unique_key id)); SELECT 1",
                "models/m.sql:1:23",
                "not supported by Quarry yet");
        fails(
                "MODEL (name a.b, kind FULL (batch_size 3)); SELECT 1",
                "models/m.sql:1:29",
                "kind FULL has no option batch_size");
        fails(
                "MODEL (name a.b, kind INCREMENTAL_BY_TIME_RANGE (time_colum ds)); SELECT 1",
                "models/m.sql:1:50",
                "(did you mean time_column or partition_by_time_column?)");
        fails(
                "MODEL (name a.b, kind INCREMENTAL_BY_TIME_RANGE (batch_size 2)); SELECT 1",
                "models/m.sql:1:23",
                "needs time_column");
        fails(
                "MODEL (name a.b, kind INCREMENTAL_BY_TIME_RANGE (time_column ds, batch_size 0)); SELECT 1",
                "models/m.sql:1:77",
                "batch_size must be a positive integer");
        fails(
                "MODEL (name a.b, kind INCREMENTAL_BY_UNIQUE_KEY (unique_key id, when_matched x)); SELECT 1",
                "models/m.sql:1:65",
                "StarRocks lacks");
        fails(
                "MODEL (name a.b, kind SEED (path 'x.csv', csv_settings (delimitter = ';')))",
                "models/m.sql:1:57",
                "csv_settings has no setting delimitter (did you mean delimiter?)");
        fails("MODEL (name a.b, kind SEED (batch_size 3))", "models/m.sql:1:23", "SEED needs path");
        fails("MODEL (name a.b, kind EXTERNAL); SELECT 1", "models/m.sql:1:18", "external_models.yaml");
        fails("MODEL (name a.b, cron 'every day'); SELECT 1", "models/m.sql:1:23", "cron must be");
        fails(
                "MODEL (name a.b, cron '61 * * * *'); SELECT 1",
                "models/m.sql:1:23",
                "cron '61 * * * *': minute 61 is out of range 0-59");
        fails("MODEL (name a.b, cron '0 6 * 13 *'); SELECT 1", "models/m.sql:1:23", "month 13 is out of range 1-12");
        fails("MODEL (name a.b, cron '0 0-24 * * *'); SELECT 1", "models/m.sql:1:23", "hour 24 is out of range 0-23");
        fails("MODEL (name a.b, start 'last tuesday'); SELECT 1", "models/m.sql:1:24", "start must be a date");
        fails("MODEL (name a.b, end '2024-02-30'); SELECT 1", "models/m.sql:1:22", "end must be a date");
        fails("MODEL (name a.b, dialect duckdb); SELECT 1", "models/m.sql:1:26", "dialect duckdb is not supported");
        fails("MODEL (name a.b, enabled maybe); SELECT 1", "models/m.sql:1:26", "enabled must be true or false");
        fails(
                "MODEL (name a.b, columns (id INT, id BIGINT)); SELECT 1",
                "models/m.sql:1:35",
                "column id is declared twice");
        fails("MODEL (name a.b, columns (id INT, name STRANGE(3))); SELECT 1", "models/m.sql:1:40", "column name: ");
        fails(
                "MODEL (name a.b, columns (id INT), column_descriptions (idd = 'x')); SELECT 1",
                "models/m.sql:1:57",
                "(did you mean id?)");
        fails("MODEL (name a.b, kind FULL, audits (not_null((id)))); SELECT 1", "models/m.sql:1:46", "named arguments");
    }
}
