package dev.quarry.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.ConfigException;
import dev.quarry.replicate.config.Mode;
import dev.quarry.replicate.config.ReplicationConfigException;
import dev.quarry.replicate.config.RunContext;
import dev.quarry.replicate.plan.ReplicationPlanner;
import dev.quarry.replicate.plan.StreamPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicationTest {
    private static List<StreamPlan> streams() {
        RunContext context = new RunContext(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC, Map.of());
        return new ReplicationPlanner(context, schema -> List.of())
                .plan("""
                source: PG
                target: SR
                defaults:
                  object: shop.{stream_table}
                streams:
                  public.users:
                  public.orders:
                    primary_key: [id]
                  public.events:
                    update_key: occurred_at
                """, "r.yaml", Path.of("."))
                .streams();
    }

    @Test
    void streamsKeepsPlanOrderIgnoresCaseAndRejectsUnknownNames() {
        assertThat(Replication.select(streams(), List.of("PUBLIC.EVENTS", "public.users")))
                .extracting(StreamPlan::name)
                .containsExactly("public.users", "public.events");
        assertThat(Replication.select(streams(), List.of())).hasSize(3);
        assertThatThrownBy(() -> Replication.select(streams(), List.of("public.user", "public.orders")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "--streams: no stream named public.user in the replication (streams: public.users, public.orders, public.events)");
    }

    @Test
    void modeOverrideIsCheckedAgainstEachStreamsKeys() {
        assertThat(Replication.parseMode("Truncate")).isEqualTo(Mode.TRUNCATE);
        assertThatThrownBy(() -> Replication.parseMode("append"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--mode: unknown mode 'append' (modes: full-refresh, ");
        List<StreamPlan> streams = streams();
        assertThat(streams.get(1).withMode(Mode.INCREMENTAL).mode()).isEqualTo(Mode.INCREMENTAL);
        assertThat(streams.get(2).withMode(Mode.FULL_REFRESH).mode()).isEqualTo(Mode.FULL_REFRESH);
        assertThatThrownBy(() -> streams.get(0).withMode(Mode.INCREMENTAL))
                .isInstanceOf(ReplicationConfigException.class)
                .hasMessageContaining("--mode incremental: stream public.users (r.yaml:6");
    }

    @Test
    void runIdsAreUniqueAndUsableInStreamLoadLabels() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = Replication.newRunId();
            // StarRocks labels: ASCII letters, digits, '-' and '_' (docs/starrocks.md §1.5).
            assertThat(id).matches("r\\d{8}_\\d{6}_[0-9a-f]{8}");
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void durationsReadLikeSlings() {
        assertThat(Replication.human(Duration.ofMillis(7_900))).isEqualTo("7s");
        assertThat(Replication.human(Duration.ofSeconds(62))).isEqualTo("1m2s");
        assertThat(Replication.human(Duration.ofSeconds(3_725))).isEqualTo("1h2m5s");
    }

    @Test
    void aRunRunsAFileOrAOneOffStreamWithBoundedThreads() {
        assertThatThrownBy(() -> Replication.ofFile(Path.of("r.yaml")).threads(17))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--threads must be between 1 and 16, got 17");
        assertThatThrownBy(() -> new Replication.Builder(Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
