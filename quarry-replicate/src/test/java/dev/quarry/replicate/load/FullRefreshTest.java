package dev.quarry.replicate.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.replicate.config.RunContext;
import dev.quarry.replicate.config.TargetOption;
import dev.quarry.replicate.plan.ReplicationPlan;
import dev.quarry.replicate.plan.ReplicationPlanner;
import dev.quarry.replicate.plan.StreamPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FullRefreshTest {
    private static ReplicationPlan plan(String yaml) {
        RunContext context = new RunContext(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC, Map.of());
        return new ReplicationPlanner(context, schema -> {
                    throw new AssertionError("no wildcard in this file, yet the catalog was asked for " + schema);
                })
                .plan(yaml, "r.yaml", Path.of("."));
    }

    @Test
    void tableDdlIsPointedAtTheStagingTable() {
        StreamPlan s = plan("""
                source: PG
                target: SR
                streams:
                  public.t:
                    object: db.t
                    target_options: {table_ddl: "create table if not exists `db` . `t` (id int) duplicate key(id)"}
                  public.u:
                    object: db.u
                    target_options: {table_ddl: "create table db.other (u int) -- about u"}
                """).streams().get(0);
        assertThat(FullRefresh.renameCreatedTable(
                        s.targetOptions().string(TargetOption.TABLE_DDL), s, "db", "t__quarry_stage_1"))
                .isEqualTo("create table if not exists `db`.`t__quarry_stage_1` (id int) duplicate key(id)");
        StreamPlan u = plan("""
                            source: PG
                            target: SR
                            streams:
                              public.u:
                                object: db.u
                                target_options: {table_ddl: "create table db.other (u int)"}
                            """).streams().get(0);
        assertThatThrownBy(() ->
                        FullRefresh.renameCreatedTable(u.targetOptions().string(TargetOption.TABLE_DDL), u, "db", "s"))
                .hasMessage("stream public.u: table_ddl creates db.other, not the object db.u");
    }
}
