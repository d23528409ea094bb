package dev.quarry.sandbox.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * StarRocks session variables: the MySQL compatibility set drivers read on connect plus StarRocks' own
 * (time_zone default Asia/Shanghai, docs/starrocks.md §4.5; enable_insert_strict default true, §5.2).
 */
final class SessionVariables {
    /** Name → default; numeric defaults come back as numbers. */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    private static final java.util.Set<String> NUMERIC = new java.util.HashSet<>();

    static {
        def("auto_increment_increment", "1", true);
        def("autocommit", "1", true);
        def("character_set_client", "utf8", false);
        def("character_set_connection", "utf8", false);
        def("character_set_database", "utf8", false);
        def("character_set_results", "utf8", false);
        def("character_set_server", "utf8", false);
        def("collation_connection", "utf8_general_ci", false);
        def("collation_database", "utf8_general_ci", false);
        def("collation_server", "utf8_general_ci", false);
        def("default_storage_engine", "olap", false);
        def("div_precision_increment", "4", true);
        def("dynamic_overwrite", "false", false);
        def("enable_insert_strict", "true", false);
        def("event_scheduler", "OFF", false);
        def("init_connect", "", false);
        def("insert_timeout", "14400", true);
        def("interactive_timeout", "3600", true);
        def("language", "/starrocks/share/english/", false);
        def("license", "Apache License 2.0", false);
        def("lower_case_table_names", "0", true);
        def("max_allowed_packet", "33554432", true);
        def("net_buffer_length", "16384", true);
        def("net_read_timeout", "60", true);
        def("net_write_timeout", "60", true);
        def("performance_schema", "0", true);
        def("query_cache_size", "1048576", true);
        def("query_cache_type", "0", true);
        def("query_mem_limit", "0", true);
        def("query_timeout", "300", true);
        def("sql_auto_is_null", "0", true);
        def("sql_mode", "ONLY_FULL_GROUP_BY", false);
        def("sql_safe_updates", "0", true);
        def("sql_select_limit", "9223372036854775807", true);
        def("storage_engine", "olap", false);
        def("system_time_zone", "Asia/Shanghai", false);
        def("time_zone", "Asia/Shanghai", false);
        def("transaction_isolation", "REPEATABLE-READ", false);
        def("transaction_read_only", "0", true);
        def("tx_isolation", "REPEATABLE-READ", false);
        def("tx_read_only", "0", true);
        def("version", "8.0.33", false);
        def("version_comment", "", false);
        def("wait_timeout", "28800", true);
        def("warning_count", "0", true);
        def("error_count", "0", true);
        def("pipeline_dop", "0", true);
        def("parallel_fragment_exec_instance_num", "1", true);
        def("new_planner_optimize_timeout", "3000", true);
        def("enable_profile", "false", false);
        def("cbo_enable_low_cardinality_optimize", "true", false);
        def("partial_update_mode", "auto", false);
        def("enable_spill", "false", false);
        def("have_query_cache", "YES", false);
        def("ssl_cipher", "", false);
    }

    private static void def(String name, String value, boolean numeric) {
        DEFAULTS.put(name, value);
        if (numeric) {
            NUMERIC.add(name);
        }
    }

    private final Map<String, String> values = new TreeMap<>();
    private final String versionComment;

    SessionVariables(String starRocksVersion) {
        this.versionComment = "StarRocks version " + starRocksVersion;
    }

    static boolean known(String name) {
        return DEFAULTS.containsKey(name.toLowerCase(Locale.ROOT));
    }

    String get(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("version_comment")) {
            return versionComment;
        }
        String v = values.get(key);
        return v != null ? v : DEFAULTS.get(key);
    }

    static boolean numeric(String name) {
        return NUMERIC.contains(name.toLowerCase(Locale.ROOT));
    }

    void set(String name, String value) throws SqlError {
        String key = name.toLowerCase(Locale.ROOT);
        if (!DEFAULTS.containsKey(key)) {
            throw unknown(name);
        }
        if (key.equals("time_zone")) {
            value = Zones.check(value);
        }
        values.put(key, value);
    }

    static SqlError unknown(String name) {
        return new SqlError(1193, "HY000", "Unknown system variable '" + name + "'");
    }

    /** Rows of SHOW VARIABLES: Variable_name, Value, sorted by name. */
    List<List<String>> rows(String likePattern) {
        Map<String, String> all = new TreeMap<>();
        for (String k : DEFAULTS.keySet()) {
            all.put(k, get(k));
        }
        return all.entrySet().stream()
                .filter(e -> likePattern == null || Like.matches(likePattern, e.getKey()))
                .map(e -> List.of(e.getKey(), e.getValue()))
                .toList();
    }

    boolean bool(String name) {
        String v = get(name);
        return v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("on");
    }
}
