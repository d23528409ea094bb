package dev.quarry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a synthetic project of N models in a DAG, for load tests and benchmarks: a mix of FULL, VIEW,
 * INCREMENTAL_BY_TIME_RANGE and INCREMENTAL_BY_UNIQUE_KEY models, each reading up to three earlier models or
 * external sources, with CTEs, macros and StarRocks physical properties.
 */
public final class GeneratedProject {
    private GeneratedProject() {}

    /**
     * Writes the project into {@code dir} and returns, per model, the models (external ones included) it reads:
     * what the DAG must find.
     *
     * @param dir an empty or new directory
     * @param models number of models
     * @param seed random seed; the same seed writes the same project
     */
    public static Map<String, Set<String>> write(Path dir, int models, long seed) {
        Random random = new Random(seed);
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir.resolve("models"));
            Files.writeString(dir.resolve("config.yaml"), """
                    gateways:
                      local:
                        connection: {type: starrocks, host: 127.0.0.1, port: 9030, user: root}
                    model_defaults:
                      dialect: starrocks
                      start: '2024-01-01'
                      physical_properties:
                        replication_num: 1
                    variables:
                      min_amount: 0
                    """);
            StringBuilder external = new StringBuilder();
            for (int s = 0; s < 10; s++) {
                external.append("- name: raw.src_")
                        .append(s)
                        .append("\n  columns: {id: BIGINT, ds: DATE, amount: DOUBLE}\n");
            }
            Files.writeString(dir.resolve("external_models.yaml"), external.toString());
            List<String> names = new ArrayList<>();
            for (int i = 0; i < models; i++) {
                String name = String.format(Locale.ROOT, "gen_%d.model_%05d", i % 20, i);
                Set<String> ups = new TreeSet<>();
                int fanIn = names.isEmpty() ? 0 : 1 + random.nextInt(3);
                for (int k = 0; k < fanIn; k++) {
                    // Prefer recent models, so the DAG is deep as well as wide.
                    int back = Math.min(names.size(), 1 + random.nextInt(Math.min(names.size(), 50)));
                    ups.add(names.get(names.size() - back));
                }
                List<String> sources = new ArrayList<>(ups);
                if (sources.isEmpty()) {
                    sources.add("raw.src_" + random.nextInt(10));
                }
                edges.put(name, new TreeSet<>(sources));
                Files.writeString(
                        dir.resolve("models").resolve(String.format(Locale.ROOT, "m%05d.sql", i)),
                        modelText(name, i % 4, sources));
                names.add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return edges;
    }

    private static String modelText(String name, int variant, List<String> sources) {
        StringBuilder from = new StringBuilder("FROM ").append(sources.get(0)).append(" AS t0");
        for (int j = 1; j < sources.size(); j++) {
            from.append("\n  JOIN ")
                    .append(sources.get(j))
                    .append(" AS t")
                    .append(j)
                    .append(" ON t")
                    .append(j)
                    .append(".id = t0.id");
        }
        String header = switch (variant) {
            case 0 ->
                "kind FULL,\n  physical_properties (primary_key = (id), distributed_by = (kind = HASH, expressions = id, buckets = 4))";
            case 1 ->
                "kind INCREMENTAL_BY_TIME_RANGE (time_column ds, batch_size 7),\n  partitioned_by date_trunc('day', ds),\n"
                        + "  physical_properties (primary_key = (id, ds), distributed_by = 'HASH(id) BUCKETS 4')";
            case 2 -> "kind VIEW,\n  virtual_properties (security = INVOKER)";
            default ->
                "kind INCREMENTAL_BY_UNIQUE_KEY (unique_key id),\n  physical_properties (distributed_by = (kind = HASH, expressions = id))";
        };
        String filter =
                variant == 1 ? "\nWHERE t0.ds BETWEEN @start_ds AND @end_ds" : "\nWHERE t0.amount >= @min_amount";
        return "MODEL (\n  name " + name + ",\n  " + header
                + ",\n  owner generator,\n  description 'generated model'\n);\n\n"
                + "WITH base AS (\n  SELECT t0.id, t0.ds, t0.amount -- source columns\n  " + from + filter + "\n)\n"
                + "SELECT id, ds, SUM(amount) AS amount FROM base GROUP BY id, ds;\n";
    }
}
