package dev.quarry.cli;

import dev.quarry.core.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code quarry init [DIR]}: writes a small StarRocks model project that plans on the sandbox as it is. */
@Command(
        name = "init",
        description = {
            "Create a StarRocks model project that plans on the local sandbox as it is.",
            "It holds config.yaml (a gateway for the sandbox), models of several kinds, a seed, an audit and a unit test.",
            "Host, ports, user and password come from QUARRY_SR_HOST, QUARRY_SR_PORT, QUARRY_SR_HTTP_PORT,"
                    + " QUARRY_SR_USER and QUARRY_SR_PASSWORD when set."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  quarry init analytics && cd analytics",
            "  quarry sandbox --memory &        # a local StarRocks-compatible server",
            "  quarry plan --auto-apply"
        })
final class InitCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "Where to create the project (default: the current directory).")
    String dir;

    InitCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path root = dir == null ? ctx.workingDir() : ctx.resolve(dir);
        if (Files.exists(root.resolve("config.yaml")) || Files.exists(root.resolve("models"))) {
            throw new ConfigException(
                    root + " already holds a project (config.yaml or models/); choose an empty directory");
        }
        try {
            for (Map.Entry<String, String> f : files().entrySet()) {
                Path p = root.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
            Files.createDirectories(root.resolve("macros"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the project into " + root, e);
        }
        ctx.out().println("Created a StarRocks model project in " + root + ":");
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .sorted()
                    .forEach(p -> ctx.out().println("  " + p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.out()
                .println("Next: start a sandbox (quarry sandbox --memory) and run: quarry plan -p " + root
                        + " --auto-apply");
        return 0;
    }

    static Map<String, String> files() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("config.yaml", """
                # A Quarry model project (SQLMesh-compatible). The gateway points at a local sandbox (quarry sandbox);
                # set QUARRY_SR_* to reach another StarRocks. State stays in .quarry/state.db, never in StarRocks.
                gateways:
                  local:
                    connection:
                      type: starrocks
                      host: "{{ env_var('QUARRY_SR_HOST', '127.0.0.1') }}"
                      port: {{ env_var('QUARRY_SR_PORT', '9030') }}
                      http_port: {{ env_var('QUARRY_SR_HTTP_PORT', '8030') }}
                      user: "{{ env_var('QUARRY_SR_USER', 'root') }}"
                      password: "{{ env_var('QUARRY_SR_PASSWORD', '') }}"
                      concurrent_tasks: 4
                    state_connection:
                      type: sqlite
                      path: .quarry/state.db
                default_gateway: local

                model_defaults:
                  dialect: starrocks
                  cron: '@daily'
                  start: '2020-01-01'
                """);
        f.put("seeds/seed_data.csv", """
                id,item_id,event_date
                1,2,2020-01-01
                2,1,2020-01-01
                3,3,2020-01-03
                4,1,2020-01-04
                5,1,2020-01-05
                6,1,2020-01-06
                7,1,2020-01-07
                """);
        f.put("models/seed_model.sql", """
                MODEL (
                  name quarry_example.seed_model,
                  kind SEED (path '../seeds/seed_data.csv'),
                  columns (id INT, item_id INT, event_date DATE),
                  grain (id, event_date)
                );
                """);
        f.put("models/incremental_model.sql", """
                -- Filled day by day from start; each day is replaced atomically by INSERT OVERWRITE of its partition.
                MODEL (
                  name quarry_example.incremental_model,
                  kind INCREMENTAL_BY_TIME_RANGE (time_column event_date),
                  partitioned_by event_date,
                  grain (id, event_date),
                  audits (not_null(columns := (id, event_date)))
                );

                SELECT id, item_id, event_date
                FROM quarry_example.seed_model
                WHERE event_date BETWEEN @start_date AND @end_date
                """);
        f.put("models/full_model.sql", """
                -- Rebuilt on every run into a staging table that is swapped in: readers never see it half done.
                MODEL (
                  name quarry_example.full_model,
                  kind FULL,
                  physical_properties (primary_key = (item_id), distributed_by = 'HASH(item_id) BUCKETS 4'),
                  audits (assert_positive_order_ids, unique_values(columns := (item_id)))
                );

                SELECT item_id, COUNT(DISTINCT id) AS num_orders
                FROM quarry_example.incremental_model
                GROUP BY item_id
                """);
        f.put("models/busy_items.sql", """
                MODEL (
                  name quarry_example.busy_items,
                  kind VIEW,
                  virtual_properties (security = INVOKER)
                );

                SELECT item_id, num_orders FROM quarry_example.full_model WHERE num_orders > 1
                """);
        f.put("models/orders_per_day.sql", """
                -- An asynchronous materialized view: created once, refreshed by the plans that need its data.
                MODEL (
                  name quarry_example.orders_per_day,
                  kind VIEW (materialized true),
                  physical_properties (refresh_scheme = MANUAL, distributed_by = 'HASH(event_date) BUCKETS 2')
                );

                SELECT event_date, COUNT(*) AS orders FROM quarry_example.incremental_model GROUP BY event_date
                """);
        f.put("audits/assert_positive_order_ids.sql", """
                AUDIT (name assert_positive_order_ids);

                SELECT * FROM @this_model WHERE item_id < 0
                """);
        f.put("tests/test_full_model.yaml", """
                test_full_model:
                  model: quarry_example.full_model
                  inputs:
                    quarry_example.incremental_model:
                      rows:
                        - {id: 1, item_id: 1}
                        - {id: 2, item_id: 1}
                        - {id: 3, item_id: 2}
                  outputs:
                    query:
                      rows:
                        - {item_id: 1, num_orders: 2}
                        - {item_id: 2, num_orders: 1}
                """);
        return f;
    }
}
