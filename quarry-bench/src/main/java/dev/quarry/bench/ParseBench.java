package dev.quarry.bench;

import dev.quarry.sql.SqlParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run parse [--rounds N]}: the sandbox's statement gate, parsing with quarry-sql (docs/sql.md §8), per
 * statement, p50 and p99 over N rounds (default 20,000) of a mix of the statements Quarry and its users send. The
 * baseline, measured in the same run, is one pass over the same text that only upper-cases it, the least any front
 * end must do with a statement. The last line of output is JSON.
 */
public final class ParseBench {
    private static final List<String> STATEMENTS = List.of(
            "SELECT 1",
            "SELECT `user_id`, COUNT(*) AS event_count FROM golden.user_events WHERE event_time >= '2024-01-01' "
                    + "GROUP BY user_id ORDER BY event_count DESC LIMIT 10",
            "WITH x AS (SELECT id, name FROM c) SELECT x.name, row_number() OVER (PARTITION BY x.name ORDER BY x.id "
                    + "DESC) rn FROM x LEFT JOIN ev ON ev.id = x.id WHERE x.id IN (1, 2, 3) ORDER BY rn",
            "INSERT INTO `db`.`t` (`id`, `name`, `amount`) VALUES (1, 'a', 1.50), (2, 'b', 2.50), (3, NULL, 0)",
            "INSERT OVERWRITE `db`.`t` PARTITION (p20240101) SELECT * FROM `db`.`stage` WHERE ds = '2024-01-01'",
            "CREATE TABLE IF NOT EXISTS `golden`.`user_events_inc` (`user_id` BIGINT NOT NULL, `event_date` DATE NOT "
                    + "NULL, `cnt` BIGINT NULL) PRIMARY KEY(`user_id`, `event_date`) PARTITION BY date_trunc('day', "
                    + "`event_date`) DISTRIBUTED BY HASH(`user_id`) BUCKETS 16 PROPERTIES (\"replication_num\" = \"1\")",
            "CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(k) REFRESH ASYNC EVERY (INTERVAL 1 HOUR) AS SELECT k, "
                    + "sum(v) AS s FROM t GROUP BY k",
            "ALTER TABLE `db`.`orders` SWAP WITH `orders__staging`",
            "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM information_schema.columns WHERE TABLE_SCHEMA = 'db' "
                    + "ORDER BY ORDINAL_POSITION",
            "SHOW FULL COLUMNS FROM `orders` FROM `db`",
            "SET time_zone = 'Asia/Shanghai'",
            "DELETE FROM `db`.`t` WHERE `ds` >= '2024-01-01' AND `ds` < '2024-01-02'");

    private ParseBench() {}

    /**
     * One measurement of parse time per statement, with its baseline.
     *
     * @param statements statements in the mix
     * @param parseP50Micros median time to parse one statement
     * @param parseP99Micros 99th percentile
     * @param baselineP50Micros median time of the baseline pass over one statement
     * @param baselineP99Micros its 99th percentile
     */
    public record Result(
            int statements,
            double parseP50Micros,
            double parseP99Micros,
            double baselineP50Micros,
            double baselineP99Micros) {
        public String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"statements\": %d, \"parse_p50_us\": %.2f, \"parse_p99_us\": %.2f, \"baseline_p50_us\": %.2f, "
                            + "\"baseline_p99_us\": %.2f}",
                    statements,
                    parseP50Micros,
                    parseP99Micros,
                    baselineP50Micros,
                    baselineP99Micros);
        }
    }

    public static Result measure(int rounds) {
        // Warm up both paths so the JIT has compiled them before timing.
        time(rounds / 4, true);
        time(rounds / 4, false);
        long[] baseline = time(rounds, false);
        long[] parse = time(rounds, true);
        return new Result(
                STATEMENTS.size(),
                percentile(parse, 0.50),
                percentile(parse, 0.99),
                percentile(baseline, 0.50),
                percentile(baseline, 0.99));
    }

    private static long[] time(int rounds, boolean parse) {
        long[] nanos = new long[rounds * STATEMENTS.size()];
        int n = 0;
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (String sql : STATEMENTS) {
                long t0 = System.nanoTime();
                if (parse) {
                    sink += SqlParser.parseStatement(sql).hashCode();
                } else {
                    sink += sql.toUpperCase(Locale.ROOT).hashCode();
                }
                nanos[n++] = System.nanoTime() - t0;
            }
        }
        if (sink == 42) {
            System.err.print("");
        }
        return nanos;
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))] / 1000.0;
    }

    public static void main(String[] args) {
        int rounds = 20_000;
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.size() == 2 && rest.get(0).equals("--rounds")) {
            rounds = Integer.parseInt(rest.get(1));
        }
        Result r = measure(rounds);
        System.out.printf(
                Locale.ROOT,
                "parse per statement: p50 %.2f us, p99 %.2f us (baseline upper-case pass: p50 %.2f us, p99 %.2f us)%n",
                r.parseP50Micros(),
                r.parseP99Micros(),
                r.baselineP50Micros(),
                r.baselineP99Micros());
        System.out.println(r.json());
    }
}
