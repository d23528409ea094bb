package dev.quarry.replicate.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.Location;
import dev.quarry.replicate.config.ColumnCasing;
import dev.quarry.replicate.config.ConfigErrors;
import dev.quarry.replicate.config.Hook;
import dev.quarry.replicate.config.Mode;
import dev.quarry.replicate.config.OptionValues;
import dev.quarry.replicate.config.ReplicationConfigException;
import dev.quarry.replicate.config.RunContext;
import dev.quarry.replicate.config.SourceOption;
import dev.quarry.replicate.config.TargetOption;
import dev.quarry.replicate.source.SourceCatalog;
import dev.quarry.replicate.source.SourceTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicationPlannerTest {
    private static final RunContext CONTEXT = new RunContext(
            Instant.parse("2026-03-08T07:30:05Z"), ZoneId.of("UTC"), Map.of("PG_SCHEMA", "demo", "HOME", "/root"));
    private static final SourceCatalog NO_DISCOVERY = schema -> {
        throw new AssertionError("no wildcard in this file, yet the catalog was asked for " + schema);
    };

    @TempDir
    Path dir;

    private ReplicationPlan plan(String yaml) {
        return new ReplicationPlanner(CONTEXT, NO_DISCOVERY).plan(yaml, "r.yaml", dir);
    }

    private List<String> errors(String yaml) {
        try {
            plan(yaml);
        } catch (ReplicationConfigException e) {
            return e.errors();
        }
        throw new AssertionError("expected configuration errors");
    }

    @Test
    void walkthroughFileGivesThreeFullRefreshStreams() {
        ReplicationPlan plan = plan("""
                # replication.yaml
                source: POSTGRES
                target: STARROCKS
                defaults:
                  object: demo_postgres_starrocks.{stream_table}
                  mode: full-refresh
                streams:
                  demo_postgres_starrocks.users:
                  demo_postgres_starrocks.orders:
                  demo_postgres_starrocks.events:
                """);
        assertThat(plan.source()).isEqualTo("POSTGRES");
        assertThat(plan.target()).isEqualTo("STARROCKS");
        assertThat(plan.streams())
                .extracting(s -> s.object().toString())
                .containsExactly(
                        "demo_postgres_starrocks.users",
                        "demo_postgres_starrocks.orders",
                        "demo_postgres_starrocks.events");
        assertThat(plan.streams()).allSatisfy(s -> assertThat(s.mode()).isEqualTo(Mode.FULL_REFRESH));
        assertThat(plan.streams().get(1).sourceTable()).contains(new SourceTable("demo_postgres_starrocks", "orders"));
        assertThat(plan.streams().get(0).definedAt()).isEqualTo("r.yaml:8:3");
    }

    @Test
    void incrementalWalkthroughInfersNothingAndKeepsKeys() {
        ReplicationPlan plan = plan("""
                source: POSTGRES
                target: STARROCKS
                defaults:
                  object: demo.{stream_table}
                streams:
                  demo.events:
                    mode: incremental
                    primary_key: [id]
                    update_key: occurred_at
                """);
        StreamPlan s = plan.streams().get(0);
        assertThat(s.mode()).isEqualTo(Mode.INCREMENTAL);
        assertThat(s.primaryKey()).containsExactly("id");
        assertThat(s.updateKey()).contains("occurred_at");
    }

    @Test
    void modeIsInferredFromKeysAfterDefaultsMerge() {
        ReplicationPlan plan = plan("""
                source: PG
                target: SR
                defaults:
                  object: db.{stream_table}
                  update_key: updated_at
                streams:
                  public.a:
                  public.b:
                    update_key: ~
                    primary_key: "k1, k2"
                  public.c:
                    mode: full-refresh
                  public.d:
                    primary_key: id
                """);
        assertThat(plan.streams())
                .extracting(StreamPlan::mode)
                .containsExactly(Mode.INCREMENTAL, Mode.INCREMENTAL, Mode.FULL_REFRESH, Mode.INCREMENTAL);
        assertThat(plan.streams().get(1).primaryKey()).containsExactly("k1", "k2");
        assertThat(plan.streams().get(3).primaryKey()).containsExactly("id");
        assertThat(plan.streams().get(3).updateKey()).contains("updated_at");
    }

    @Test
    void streamKeysReplaceDefaultsWhileOptionsMergeFieldByField() {
        ReplicationPlan plan = plan("""
                source: PG
                target: SR
                defaults:
                  object: db.{stream_table}
                  where: "deleted = false"
                  select: [id, name]
                  columns: {id: bigint, name: varchar(10)}
                  source_options: {limit: 10, empty_as_null: true}
                  target_options:
                    replication_num: 1
                    properties: {compression: ZSTD}
                    max_filter_ratio: 0.1
                streams:
                  public.one:
                    where: "id > 5"
                    columns: {"+name": string(20), extra: json}
                    source_options: {limit: 20}
                    target_options: {buckets: 4}
                  public.two:
                    columns: {name: text}
                """);
        StreamPlan one = plan.streams().get(0);
        assertThat(one.where()).contains("id > 5");
        assertThat(one.columns())
                .containsExactlyInAnyOrderEntriesOf(Map.of("id", "bigint", "name", "string(20)", "extra", "json"));
        assertThat(one.sourceOptions().integer(SourceOption.LIMIT)).isEqualTo(20L);
        assertThat(one.sourceOptions().bool(SourceOption.EMPTY_AS_NULL)).isTrue();
        assertThat(one.targetOptions().integer(TargetOption.REPLICATION_NUM)).isEqualTo(1L);
        assertThat(one.targetOptions().integer(TargetOption.BUCKETS)).isEqualTo(4L);
        assertThat(one.targetOptions().<String>map(TargetOption.PROPERTIES)).containsEntry("compression", "ZSTD");
        assertThat(one.select().includes()).containsExactly("id", "name");
        StreamPlan two = plan.streams().get(1);
        assertThat(two.where()).contains("deleted = false");
        assertThat(two.columns()).containsExactly(Map.entry("name", "text"));
        assertThat(two.sourceOptions().integer(SourceOption.LIMIT)).isEqualTo(10L);
        assertThat(two.targetOptions().integer(TargetOption.BUCKETS)).isNull();
        assertThat(two.targetOptions().bool(TargetOption.ADD_NEW_COLUMNS))
                .as("declared default")
                .isTrue();
        assertThat(two.targetOptions().bool(TargetOption.STRICT_MODE))
                .as("declared default")
                .isTrue();
    }

    @Test
    void everyStreamAndOptionKeyIsRead() throws Exception {
        Files.writeString(
                dir.resolve("q.sql"), "select * from public.t where {incremental_where_cond}", StandardCharsets.UTF_8);
        ReplicationPlan plan = plan("""
                source: PG
                target: SR
                streams:
                  custom_query:
                    object: db.custom
                    mode: incremental
                    primary_key: [id]
                    update_key: updated_at
                    sql: file://q.sql
                    description: from a file
                    tags: [a, b]
                    source_options:
                      incremental_gte: true
                      limit: 100
                      offset: 5
                  public.t2:
                    object: db.t2
                    mode: backfill
                    primary_key: id
                    update_key: day
                    select: ["*", "-secret_*"]
                    disabled: false
                    source_options: {range: "2026-01-01,2026-02-01", chunk_size: 7d, empty_as_null: false}
                    target_options:
                      table_keys: {primary: [id], hash: [id], sort: [day]}
                      pre_sql: "delete from {object_name} where 1=0"
                      post_sql: "analyze table {object_table}"
                      add_new_columns: false
                      column_casing: source
                      max_filter_ratio: 0.5
                      strict_mode: false
                      use_bulk: true
                      partition_by: date_trunc('month', day)
                      distributed_by: id
                      buckets: 8
                      order_by: [day, id]
                      replication_num: 1
                      properties: {storage_medium: SSD}
                      timezone: Europe/Berlin
                      file_max_rows: 5000
                      file_max_bytes: 1048576
                  public.t3:
                    object: db.t3
                    target_options:
                      table_ddl: "create table db.t3 (id int) duplicate key(id) distributed by hash(id)"
                """);
        StreamPlan q = plan.streams().get(0);
        assertThat(q.sourceTable()).isEmpty();
        assertThat(q.sql()).contains("select * from public.t where {incremental_where_cond}");
        assertThat(q.description()).isEqualTo("from a file");
        assertThat(q.sourceOptions().bool(SourceOption.INCREMENTAL_GTE)).isTrue();
        assertThat(q.sourceOptions().integer(SourceOption.OFFSET)).isEqualTo(5L);

        StreamPlan t2 = plan.streams().get(1);
        assertThat(t2.mode()).isEqualTo(Mode.BACKFILL);
        assertThat(t2.select().excludes()).containsExactly("secret_*");
        assertThat(t2.sourceOptions().string(SourceOption.RANGE)).isEqualTo("2026-01-01,2026-02-01");
        assertThat(t2.sourceOptions().string(SourceOption.CHUNK_SIZE)).isEqualTo("7d");
        OptionValues<TargetOption> to = t2.targetOptions();
        assertThat(to.<List<String>>map(TargetOption.TABLE_KEYS)).containsEntry("sort", List.of("day"));
        assertThat(to.string(TargetOption.PRE_SQL)).isEqualTo("delete from db.t2 where 1=0");
        assertThat(to.string(TargetOption.POST_SQL)).isEqualTo("analyze table t2");
        assertThat(to.bool(TargetOption.ADD_NEW_COLUMNS)).isFalse();
        assertThat(to.string(TargetOption.COLUMN_CASING)).isEqualTo("source");
        assertThat(to.get(TargetOption.MAX_FILTER_RATIO)).isEqualTo(0.5);
        assertThat(to.bool(TargetOption.STRICT_MODE)).isFalse();
        assertThat(to.string(TargetOption.PARTITION_BY)).isEqualTo("date_trunc('month', day)");
        assertThat(to.names(TargetOption.DISTRIBUTED_BY)).containsExactly("id");
        assertThat(to.names(TargetOption.ORDER_BY)).containsExactly("day", "id");
        assertThat(to.string(TargetOption.TIMEZONE)).isEqualTo("Europe/Berlin");
        assertThat(to.integer(TargetOption.FILE_MAX_ROWS)).isEqualTo(5000L);
        assertThat(plan.streams().get(2).targetOptions().string(TargetOption.TABLE_DDL))
                .startsWith("create table db.t3");
    }

    @Test
    void disabledStreamsAreLeftOut() {
        ReplicationPlan plan = plan("""
                source: PG
                target: SR
                defaults: {object: "db.{stream_table}"}
                streams:
                  public.a: {disabled: true}
                  public.b:
                """);
        assertThat(plan.streams()).extracting(StreamPlan::name).containsExactly("public.b");
    }

    @Test
    void runtimeVariablesRenderPerStreamInTheContextZone() {
        RunContext mexico =
                new RunContext(Instant.parse("2026-03-08T07:30:05Z"), ZoneId.of("America/Bahia_Banderas"), Map.of());
        ReplicationPlan plan = new ReplicationPlanner(mexico, NO_DISCOVERY).plan("""
                source: PG
                target: SR
                env: {SUFFIX: v2}
                defaults:
                  object: "db.{stream_schema}_{stream_table_lower}_{SUFFIX}"
                  target_options:
                    post_sql: "insert into db.log values ('{stream_name}', '{object_name}', '{run_timestamp}', '{YYYY}-{MM}-{DD} {HH} {DDD} {MMM} {YY} {hh}:{mm}:{ss}')"
                streams:
                  Sales.Orders:
                  '"Sales"."Orders"':
                """, "r.yaml", dir);
        StreamPlan a = plan.streams().get(0);
        assertThat(a.object().toString()).isEqualTo("db.sales_orders_v2");
        // 07:30:05 UTC is 01:30:05 on the previous day in Bahia de Banderas (UTC-6).
        assertThat(a.targetOptions().string(TargetOption.POST_SQL))
                .isEqualTo(
                        "insert into db.log values ('sales.orders', 'db.sales_orders_v2', '2026_03_08_013005', '2026-03-08 01 067 Mar 26 01:30:05')");
        StreamPlan b = plan.streams().get(1);
        assertThat(b.sourceTable()).contains(new SourceTable("Sales", "Orders"));
        assertThat(b.object().toString()).isEqualTo("db.Sales_orders_v2");
    }

    @Test
    void environmentVariablesComeFromTheFileThenTheProcess() {
        ReplicationPlan plan = plan("""
                source: PG
                target: SR
                env:
                  TARGET_DB: analytics_${PG_SCHEMA}
                defaults:
                  object: "${TARGET_DB}.{stream_table}"
                streams:
                  ${PG_SCHEMA}.users:
                """);
        assertThat(plan.env()).containsEntry("TARGET_DB", "analytics_demo");
        assertThat(plan.streams().get(0).object().toString()).isEqualTo("analytics_demo.users");
    }

    @Test
    void unknownKeysPointAtTheirLineWithASuggestion() {
        List<String> errors = errors("""
                source: PG
                target: SR
                defualts:
                  object: db.x
                streams:
                  public.t:
                    object: db.t
                    primery_key: [id]
                    source_options:
                      limt: 5
                    target_options:
                      replication_nm: 1
                      table_keys: {primay: [id]}
                """);
        assertThat(errors)
                .containsExactly(
                        "r.yaml:3:1: unknown top-level key 'defualts'; did you mean 'defaults'?",
                        "r.yaml:8:5: unknown stream key 'primery_key'; did you mean 'primary_key'?",
                        "r.yaml:10:7: unknown source option 'limt'; did you mean 'limit'?",
                        "r.yaml:12:7: unknown target option 'replication_nm'; did you mean 'replication_num'?",
                        "r.yaml:13:19: unknown table_keys kind 'primay'; did you mean 'primary'?");
    }

    @Test
    void allErrorsOfAFileAreReportedTogether() {
        ReplicationConfigException e =
                org.junit.jupiter.api.Assertions.assertThrows(ReplicationConfigException.class, () -> plan("""
                source: PG
                streams:
                  public.a:
                    object: db.a
                    mode: incremantal
                  public.b:
                    object: db.b
                    mode: incremental
                  public.c:
                    object: "db.{stream_tabel}"
                  public.d:
                    object: db.d
                    disabled: maybe
                    target_options: {max_filter_ratio: 2, transforms: x}
                  public.e:
                    object: db.e
                    schedule: daily
                    mode: change-capture
                  public.f:
                    object: db.f
                    mode: incremental
                    update_key: ts
                    sql: select * from t
                  public.g:
                    object: "${NOT_SET_ANYWHERE}.g"
                  public.h:
                    object: db.h
                    select: [a, -b]
                """));
        assertThat(e.errors())
                .containsExactly(
                        "r.yaml: missing 'target' (a connection name)",
                        "r.yaml:5:11: unknown mode 'incremantal'; did you mean 'incremental'?",
                        "r.yaml:13:15: expected true or false, got 'maybe'",
                        "r.yaml:14:40: max_filter_ratio must be between 0 and 1, got 2.0",
                        "r.yaml:14:43: unknown target option 'transforms' (known: table_keys, table_ddl, pre_sql, post_sql, add_new_columns, column_casing, "
                                + "max_filter_ratio, strict_mode, use_bulk, adjust_column_type, ignore_existing, partition_by, distributed_by, buckets, "
                                + "order_by, replication_num, properties, timezone, file_max_rows, file_max_bytes, direct_insert, "
                                + "column_typing, table_tmp, merge_strategy, delete_missing, batch_limit, batch_max_duration, isolation_level, "
                                + "datetime_format, max_decimals, format, compression, header, delimiter, concurrency, encoding)",
                        "r.yaml:18:11: mode 'change-capture' is not supported by Quarry",
                        "r.yaml:25:13: environment variable ${NOT_SET_ANYWHERE} is not set (set it, or define it under env:)",
                        "r.yaml:8:5: stream public.b: must specify value for 'update_key' and/or 'primary_key' for incremental mode",
                        "r.yaml:10:5: unknown variable {stream_tabel} in object; did you mean {stream_table}?",
                        "r.yaml:23:5: stream public.f: incremental sql with an update_key must contain {incremental_where_cond} or {incremental_value}, "
                                + "else every run reads everything",
                        "r.yaml:28:5: select mixes columns and -exclusions; add '*' to say the exclusions apply to all columns");
        assertThat(e.getMessage()).isEqualTo("11 errors in the replication; nothing was run");
        assertThat(e.details()).isEqualTo(e.errors());
        assertThat(e.exitCode()).isEqualTo(2);
    }

    @Test
    void slingKeysWithoutEffectWarnOncePerFileWithTheirLineAndNeverFail() {
        ReplicationPlan plan = plan("""
                source: PG
                target: SR
                defaults:
                  target_options:
                    datetime_format: 2006-01-02 15:04:05.000000 -07
                    batch_limit: 1000
                streams:
                  public.a:
                    object: db.a
                    transforms: [trim_space]
                    source_options: {chunk_count: 3, delimiter: ","}
                    target_options: {use_bulk: false, table_keys: {primary: [id], cluster: [id]}}
                  public.b:
                    object: db.b
                    transforms: [trim_space]
                    target_options: {datetime_format: auto}
                """);
        assertThat(plan.streams()).hasSize(2);
        assertThat(plan.warnings())
                .containsExactly(
                        "r.yaml:5:5: target_options.datetime_format has no effect on StarRocks: it formats files Sling"
                                + " writes; Quarry loads StarRocks tables by Stream Load with its own CSV framing",
                        "r.yaml:6:5: target_options.batch_limit has no effect on StarRocks: StarRocks commits whole"
                                + " Stream Load requests; size them with file_max_rows / file_max_bytes",
                        "r.yaml:10:5: transforms has no effect on StarRocks: Sling's value transforms are not applied;"
                                + " transform in the source query with sql:",
                        "r.yaml:11:22: source_options.chunk_count has no effect on StarRocks: the range is read in one"
                                + " piece; split it with chunk_size (a row count or a duration)",
                        "r.yaml:11:38: source_options.delimiter has no effect on StarRocks: it configures reading"
                                + " files; Quarry reads database tables",
                        "r.yaml:12:32: use_bulk: false has no effect on StarRocks: Quarry always loads through Stream"
                                + " Load (row-by-row INSERT is what Sling falls back to without fe_url)",
                        "r.yaml:12:51: table_keys cluster has no effect on StarRocks: its tables have no clustering,"
                                + " secondary index or update keys (use primary, duplicate, unique, aggregate, hash,"
                                + " sort or partition)");
        assertThat(plan.streams().get(0).targetOptions().map(TargetOption.TABLE_KEYS))
                .containsEntry("primary", List.of("id"));
    }

    @Test
    void slingsOwnPostgresToStarRocksFileR13Plans() {
        // The shape of sling-cli's tests/replications/r.13.yaml: its datetime_format target option used to be refused.
        ReplicationPlan plan = plan("""
                source: postgres
                target: starrocks

                defaults:
                  mode: incremental
                  object: 'public.{stream_schema}_{stream_table}'
                  target_options:
                    add_new_columns: true
                    datetime_format: 2006-01-02 15:04:05.000000 -07

                streams:
                  public.test1k:
                    mode: full-refresh
                    update_key: create_date
                    target_options:
                      table_keys:
                        duplicate: [ id, name ]
                        hash: [ id ]
                """);
        StreamPlan stream = plan.streams().get(0);
        assertThat(stream.mode()).isEqualTo(Mode.FULL_REFRESH);
        assertThat(stream.object().toString()).isEqualTo("public.public_test1k");
        assertThat(stream.targetOptions().map(TargetOption.TABLE_KEYS))
                .containsEntry("duplicate", List.of("id", "name"))
                .containsEntry("hash", List.of("id"));
        assertThat(plan.warnings()).singleElement().asString().startsWith("r.yaml:9:5: target_options.datetime_format");
    }

    @Test
    void keysNobodyKnowsAreStillLocatedErrorsWithSuggestions() {
        assertThat(errors("""
                source: PG
                target: SR
                hook: {}
                streams:
                  public.a:
                    object: db.a
                    target_options: {datetime_formt: auto, column_casing: camel}
                    source_options: {chunk_sise: 10}
                """))
                .containsExactly(
                        "r.yaml:3:1: unknown top-level key 'hook'; did you mean 'hooks'?",
                        "r.yaml:7:22: unknown target option 'datetime_formt'; did you mean 'datetime_format'?",
                        "r.yaml:7:59: column_casing must be one of normalize, source, target, snake, upper, lower, got 'camel'",
                        "r.yaml:8:22: unknown source option 'chunk_sise'; did you mean 'chunk_size'?");
    }

    @Test
    void hooksRunQueriesOnTheTargetAndLogLinesAndWarnForTheRest() {
        ReplicationPlan plan = plan("""
                source: PG
                target: SR
                hooks:
                  start:
                    - type: query
                      connection: '{target.name}'
                      query: CREATE TABLE IF NOT EXISTS db.audit (at DATETIME)
                    - type: query
                      connection: '{source.name}'
                      query: DROP TABLE x
                  end:
                    - type: http
                      url: https://example.com/done
                    - type: log
                      message: done {run_timestamp}
                streams:
                  public.a:
                    object: db.a
                    hooks:
                      pre:
                        - type: query
                          query: DELETE FROM {object_name} WHERE 1 = 0; SELECT 1
                          on_failure: warn
                      post:
                        - {type: log, message: "loaded {stream_table} into {object_table}"}
                      post_merge:
                        - {type: query, query: SELECT 2}
                """);
        assertThat(plan.hooks().phase("start"))
                .extracting(Hook::text)
                .containsExactly("CREATE TABLE IF NOT EXISTS db.audit (at DATETIME)");
        assertThat(plan.hooks().phase("end"))
                .singleElement()
                .satisfies(h -> assertThat(h.kind()).isEqualTo(Hook.Kind.LOG))
                .satisfies(h -> assertThat(h.text()).isEqualTo("done 2026_03_08_073005"));
        StreamPlan a = plan.streams().get(0);
        assertThat(a.hooks().phase("pre"))
                .singleElement()
                .satisfies(h -> assertThat(h.text()).isEqualTo("DELETE FROM db.a WHERE 1 = 0; SELECT 1"))
                .satisfies(h -> assertThat(h.warnOnly()).isTrue());
        assertThat(a.hooks().phase("post")).extracting(Hook::text).containsExactly("loaded a into a");
        assertThat(plan.warnings())
                .containsExactly(
                        "r.yaml:9:19: query hook on connection '{source.name}' under hooks.start has no effect:"
                                + " Quarry runs query hooks on the target connection only",
                        "r.yaml:12:13: hook type 'http' under hooks.end has no effect on StarRocks: Quarry runs query"
                                + " hooks on the target and log hooks only",
                        "r.yaml:26:7: hooks.post_merge has no effect on StarRocks: Quarry has no separate merge step"
                                + " (loads upsert or append directly); use pre or post");
    }

    @Test
    void columnCasingNamesTheTargetColumns() {
        assertThat(ColumnCasing.apply("snake", "createdAt")).isEqualTo("created_at");
        assertThat(ColumnCasing.apply("snake", "HTTPCode")).isEqualTo("http_code");
        assertThat(ColumnCasing.apply("snake", "Order Id")).isEqualTo("order_id");
        assertThat(ColumnCasing.apply("upper", "id")).isEqualTo("ID");
        assertThat(ColumnCasing.apply("normalize", "ID")).isEqualTo("id");
        assertThat(ColumnCasing.apply("normalize", "CamelCase")).isEqualTo("CamelCase");
        assertThat(ColumnCasing.apply("source", "CamelCase")).isEqualTo("CamelCase");
        assertThat(ColumnCasing.apply("target", "CamelCase")).isEqualTo("camelcase");
    }

    @Test
    void wildcardNeedsAStreamVariableInItsObject() {
        assertThat(errors("""
                source: PG
                target: SR
                streams:
                  public.*:
                    object: db.everything
                  "*":
                    object: db.{stream_table}
                """))
                .containsExactly(
                        "r.yaml:5:5: stream 'public.*' is a wildcard but its object 'db.everything' names one table for all of them; use {stream_table} (or {stream_name}) in object",
                        "r.yaml:6:3: stream '*': Must specify schema or path when using wildcard");
    }

    @Test
    void backfillNeedsKeysAndRange() {
        assertThat(errors("""
                source: PG
                target: SR
                defaults: {object: "db.{stream_table}", mode: backfill}
                streams:
                  public.a: {primary_key: id}
                  public.b: {primary_key: id, update_key: ts}
                  public.c: {primary_key: id, update_key: ts, source_options: {range: "5"}}
                """))
                .containsExactly(
                        "r.yaml:7:71: range must be \"start,end\", got '5'",
                        "r.yaml:3:41: stream public.a: backfill needs both 'primary_key' and 'update_key'",
                        "r.yaml:3:41: stream public.b: backfill needs source_options.range (\"start,end\")",
                        "r.yaml:3:41: stream public.c: backfill needs source_options.range (\"start,end\")");
    }

    @Test
    void duplicateKeysAndBrokenYamlAreErrors() {
        assertThat(errors("""
                source: PG
                target: SR
                streams:
                  public.a: {object: db.a}
                  public.a: {object: db.b}
                """)).containsExactly("r.yaml:5:3: duplicate key 'public.a' (first at line 4)");
        assertThat(errors("source: [unclosed\n"))
                .containsExactly(
                        "r.yaml:1:18: not valid YAML: while parsing a flow sequence; expected ',' or ']', but got <stream end>");
    }

    @Test
    void twoStreamsMayNotWriteOneTable() {
        assertThat(errors("""
                source: PG
                target: SR
                streams:
                  public.a: {object: db.same}
                  other.a: {object: db.same}
                """))
                .containsExactly(
                        "r.yaml:5:3: stream other.a writes to db.same, which another stream of this file also writes to");
    }

    @Test
    void sqlStreamsKeepRuntimePlaceholdersAndRenderTheRest() {
        StreamPlan s = plan("""
                source: PG
                target: SR
                streams:
                  recent_orders:
                    object: db.{stream_name}
                    update_key: updated_at
                    sql: |
                      select * from public.orders
                      where {incremental_where_cond} and region = 'eu'
                """).streams().get(0);
        assertThat(s.object().toString()).isEqualTo("db.recent_orders");
        assertThat(s.mode()).isEqualTo(Mode.INCREMENTAL);
        assertThat(s.sql()).contains("select * from public.orders\nwhere {incremental_where_cond} and region = 'eu'\n");
        assertThat(s.sourceTable()).isEqualTo(Optional.empty());
    }

    @Test
    void selectionAppliesIncludesAndGlobExclusions() {
        List<String> columns = List.of("id", "name", "secret_a", "secret_b", "created_at");
        ConfigErrors errors = new ConfigErrors();
        Location at = new Location("r.yaml", 1, 1);
        assertThat(Selection.parse(List.of("*", "-secret_*"), at, errors).apply(columns, "s"))
                .containsExactly("id", "name", "created_at");
        assertThat(Selection.parse(List.of("-SECRET_?", "-id"), at, errors).apply(columns, "s"))
                .containsExactly("name", "created_at");
        assertThat(Selection.parse(List.of("name", "id"), at, errors).apply(columns, "s"))
                .containsExactly("name", "id");
        assertThat(errors.isEmpty()).isTrue();
        assertThatThrownBy(() -> Selection.parse(List.of("nmae"), at, errors).apply(columns, "public.t"))
                .hasMessage(
                        "stream public.t: select names column 'nmae' which the source does not have; did you mean 'name'?");
        assertThatThrownBy(
                        () -> Selection.parse(List.of("-nothing*"), at, errors).apply(columns, "public.t"))
                .hasMessage("stream public.t: select exclusion '-nothing*' matches no column");
    }

    @Test
    void suggestionsNeedACloseName() {
        assertThat(ConfigErrors.closest("udpate_key", List.of("update_key", "primary_key")))
                .isEqualTo("update_key");
        assertThat(ConfigErrors.closest("zzzz", List.of("update_key", "primary_key")))
                .isNull();
    }

    @Test
    void oneOffStreamsFollowTheFileRules() {
        ReplicationPlanner planner = new ReplicationPlanner(CONTEXT, NO_DISCOVERY);
        ReplicationPlan plan = planner.plan(new OneOffStream(
                "PG",
                "SR",
                "public.users",
                "db.users",
                Optional.empty(),
                List.of("id"),
                Optional.of("updated_at"),
                List.of("*", "-secret"),
                Optional.of("active: 'yes'")));
        StreamPlan s = plan.streams().get(0);
        assertThat(s.mode()).isEqualTo(Mode.INCREMENTAL);
        assertThat(s.object().toString()).isEqualTo("db.users");
        assertThat(s.select().excludes()).containsExactly("secret");
        assertThat(s.where()).contains("active: 'yes'");
        assertThatThrownBy(() -> planner.plan(new OneOffStream(
                        "PG",
                        "SR",
                        "public.users",
                        "db.users",
                        Optional.of("incremental"),
                        List.of(),
                        Optional.empty(),
                        List.of(),
                        Optional.empty())))
                .hasMessageEndingWith(
                        "stream public.users: must specify value for 'update_key' and/or 'primary_key' for incremental mode");
    }
}
