package dev.quarry.sandbox.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FE configuration items the sandbox honours. Like StarRocks' dynamic items, changes made with ADMIN SET FRONTEND
 * CONFIG live in memory only and are lost on restart (docs/starrocks.md §5.8, ADMIN SET FRONTEND CONFIG).
 */
final class FeConfig {
    /** Name → {default, type}. */
    private static final Map<String, String[]> ITEMS = Map.ofEntries(
            Map.entry("default_replication_num", new String[] {"3", "short"}),
            Map.entry("empty_load_as_error", new String[] {"true", "boolean"}),
            Map.entry("label_keep_max_second", new String[] {"259200", "int"}),
            Map.entry("label_keep_max_num", new String[] {"1000", "int"}),
            Map.entry("stream_load_default_timeout_second", new String[] {"600", "int"}),
            Map.entry("prepared_transaction_default_timeout_second", new String[] {"86400", "int"}),
            Map.entry("max_bucket_number_per_partition", new String[] {"1024", "int"}),
            Map.entry("allow_system_reserved_names", new String[] {"false", "boolean"}),
            Map.entry("enable_auto_tablet_distribution", new String[] {"true", "boolean"}),
            Map.entry("dynamic_partition_enable", new String[] {"true", "boolean"}),
            Map.entry("mysql_server_version", new String[] {"8.0.33", "String"}),
            Map.entry("max_routine_load_task_num_per_be", new String[] {"16", "int"}),
            Map.entry("enable_strict_storage_medium_check", new String[] {"false", "boolean"}),
            Map.entry("enable_materialized_view", new String[] {"true", "boolean"}),
            Map.entry("enable_experimental_mv", new String[] {"true", "boolean"}));

    private final Map<String, String> values = new ConcurrentHashMap<>();

    String get(String key) {
        String[] item = ITEMS.get(key);
        if (item == null) {
            return null;
        }
        return values.getOrDefault(key, item[0]);
    }

    void set(String key, String value) throws SqlError {
        String[] item = ITEMS.get(key);
        if (item == null) {
            throw new SqlError(1064, "HY000", String.format("Config '%s' does not exist or is not mutable", key));
        }
        String v = value.trim();
        switch (item[1]) {
            case "boolean" -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw SqlError.of("Unexpected exception: Invalid boolean format: " + value);
                }
                v = v.toLowerCase(Locale.ROOT);
            }
            case "short", "int" -> {
                try {
                    long n = Long.parseLong(v);
                    if (item[1].equals("short") && (n < Short.MIN_VALUE || n > Short.MAX_VALUE)) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw SqlError.of("Unexpected exception: Invalid " + item[1] + " format: " + value);
                }
            }
            default -> {}
        }
        values.put(key, v);
    }

    boolean bool(String key) {
        return Boolean.parseBoolean(get(key));
    }

    int integer(String key) {
        return Integer.parseInt(get(key));
    }

    /** Rows of ADMIN SHOW FRONTEND CONFIG: Key, AliasNames, Value, Type, IsMutable, Comment. */
    List<List<String>> rows(String likePattern) {
        List<List<String>> out = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(ITEMS.keySet())) {
            if (likePattern != null && !Like.matches(likePattern, key)) {
                continue;
            }
            out.add(new ArrayList<>(List.of(key, "[]", get(key), ITEMS.get(key)[1], "true", "")));
        }
        return out;
    }
}
