package dev.quarry.models.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.models.project.PhysicalLayout.Distribution;
import dev.quarry.models.project.PhysicalLayout.KeyType;
import dev.quarry.models.project.PhysicalLayout.Partitioning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The MODEL examples of SQLMesh's StarRocks documentation, as a user would paste them. */
class SeedExamplesTest {

    private static Model read(String text) {
        return new ModelReader("models/example.sql", Map.of(), new ArrayList<>()).read(text);
    }

    @Test
    void quickstartModels() {
        Model minimal = read("""
                MODEL (
                  name user_events,
                  kind FULL,
                  physical_properties (
                    distributed_by = RANDOM
                  )
                );

                SELECT
                  user_id,
                  event_time,
                  event_type
                FROM source.user_events;
                """);
        assertThat(minimal.layout().distribution()).contains(new Distribution.Random(OptionalInt.empty()));
        assertThat(minimal.layout().key()).isEmpty();

        Model incremental = read("""
                MODEL (
                  name user_events_inc,
                  kind INCREMENTAL_BY_TIME_RANGE(
                    time_column event_date
                  ),
                  physical_properties (
                    primary_key = (user_id, event_date),
                    partition_by = (date_trunc('day', event_date)),
                    distributed_by = (kind=HASH, expressions=user_id, buckets=16)
                  )
                );

                SELECT
                  user_id,
                  event_date,
                  COUNT(*) AS cnt
                FROM source.user_events
                WHERE event_date BETWEEN @start_ds AND @end_ds
                GROUP BY user_id, event_date;
                """);
        assertThat(incremental.layout().key().orElseThrow().type()).isEqualTo(KeyType.PRIMARY);
        assertThat(incremental.layout().partitioning())
                .contains(new Partitioning.Expressions(List.of("date_trunc('day', event_date)")));
        assertThat(incremental.layout().distribution())
                .contains(new Distribution.Hash(List.of("user_id"), OptionalInt.of(16)));
    }

    @Test
    void expressionPartitioningExampleBreaksAStarRocksRule() {
        // That documentation's example partitions a PRIMARY KEY table by event_time, which is not a key column;
        // StarRocks refuses that at CREATE TABLE, so Quarry says so at load time.
        assertThatThrownBy(() -> read("""
                MODEL (
                  name my_partitioned_model,
                  kind INCREMENTAL_BY_TIME_RANGE(time_column event_date),
                  partitioned_by (date_trunc('day', event_time), region),
                  physical_properties (
                    primary_key = (user_id, event_date, region),
                    distributed_by = (kind=HASH, expressions=user_id, buckets=10)
                  )
                );
                SELECT 1
                """))
                .isInstanceOf(ModelException.class)
                .hasMessage(
                        "models/example.sql:4:3: model my_partitioned_model: partition column event_time must be a key column of a "
                                + "PRIMARY KEY table (key: user_id, event_date, region)");
    }

    @Test
    void rangePartitioningOrderingAndProperties() {
        Model range = read("""
                MODEL (
                  name my_partitioned_model_advanced,
                  kind FULL,
                  physical_properties (
                    partition_by = RANGE(event_time),
                    partitions = (
                      'PARTITION p20240101 VALUES [("2024-01-01"), ("2024-01-02"))',
                      'PARTITION p20240102 VALUES [("2024-01-02"), ("2024-01-03"))'
                    ),
                    distributed_by = (kind=HASH, expressions=region, buckets=10)
                  )
                );
                SELECT 1
                """);
        assertThat(range.layout().partitioning().orElseThrow()).isInstanceOf(Partitioning.Range.class);
        Model ordered = read("""
                MODEL (
                  name my_ordered_table,
                  kind FULL,
                  physical_properties (
                    order_by = (ds, id),
                    distributed_by = (kind=HASH, expressions=id, buckets=10)
                  )
                );
                SELECT 1
                """);
        assertThat(ordered.layout().orderBy()).containsExactly("ds", "id");
        Model advanced = read("""
                MODEL (
                  name advanced_table,
                  kind FULL,
                  physical_properties (
                    primary_key = (id),
                    distributed_by = (kind=HASH, expressions=id, buckets=8),
                    replication_num = '1',
                    storage_medium = 'SSD',
                    enable_persistent_index = 'true',
                    compression = 'LZ4'
                  )
                );
                SELECT 1
                """);
        assertThat(advanced.layout().properties())
                .containsOnlyKeys("replication_num", "storage_medium", "enable_persistent_index", "compression");
        Model dist = read("""
                MODEL (
                  name my_table_string_dist,
                  kind FULL,
                  physical_properties (
                    distributed_by = 'HASH(user_id) BUCKETS 10'
                  )
                );
                SELECT 1
                """);
        assertThat(dist.layout().distribution())
                .contains(new Distribution.Hash(List.of("user_id"), OptionalInt.of(10)));
    }

    @Test
    void viewsAndMaterializedViews() {
        Model view = read("""
                MODEL (
                  name user_summary_view,
                  kind VIEW,
                  virtual_properties (
                    security = INVOKER
                  )
                );

                SELECT
                  user_id,
                  COUNT(*) AS event_count,
                  MAX(event_time) AS last_event_time
                FROM user_events
                GROUP BY user_id;
                """);
        assertThat(view.layout().security()).contains("INVOKER");
        Model mv = read("""
                MODEL (
                  name user_summary_mv,
                  kind VIEW (
                    materialized true
                  ),
                  audits (
                    not_null(columns := (user_id))
                  ),
                  physical_properties (
                    -- required when the MV has audits
                    refresh_moment = DEFERRED,
                    refresh_scheme = 'ASYNC'
                  )
                );

                SELECT user_id, COUNT(*) AS event_count FROM user_events GROUP BY user_id;
                """);
        assertThat(mv.layout().refresh())
                .contains(new PhysicalLayout.Refresh(Optional.of("DEFERRED"), Optional.of("ASYNC")));
        Model excluded = read("""
                MODEL (
                  name mydb.order_summary_mv,
                  kind VIEW (
                    materialized true
                  ),
                  physical_properties (
                    refresh_scheme = 'ASYNC',
                    -- SQLMesh resolves mydb.orders and mydb.order_items to their physical table names
                    excluded_trigger_tables = 'mydb.orders,mydb.order_items',
                    excluded_refresh_tables = mydb.orders
                  )
                );

                SELECT order_id, SUM(amount) AS total FROM mydb.orders GROUP BY order_id;
                """);
        assertThat(excluded.layout().properties())
                .containsExactly(
                        Map.entry("excluded_trigger_tables", "mydb.orders,mydb.order_items"),
                        Map.entry("excluded_refresh_tables", "mydb.orders"));
    }
}
