package dev.quarry.bench;

import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import dev.quarry.sandbox.engine.SqlError;
import dev.quarry.sandbox.load.LoadOptions;
import dev.quarry.sandbox.load.RowReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Stream Load throughput of an in-process sandbox: N rows (default 1,000,000) of a 6-column orders shape as CSV,
 * sent with java.net.http through the FE's 307 to the BE, into a DUPLICATE KEY and a PRIMARY KEY table. The
 * baseline measured in the same run is the same load into a blackhole sandbox (parse, validate, count; store
 * nothing), which separates the wire and parsing cost from the engine's storage cost, and the CSV parser alone
 * over the same bytes. The last line is JSON.
 *
 * <p>Usage: {@code StreamLoadBench [rows [runs]]}; each figure is the best of {@code runs} (default 3).
 */
public final class StreamLoadBench {
    private static final String TABLE_TAIL =
            " DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES (\"replication_num\" = \"1\")";
    private static final String COLUMNS = "(id BIGINT NOT NULL, user_id BIGINT NOT NULL, amount DECIMAL(10,2), "
            + "currency VARCHAR(3), status VARCHAR(16), placed_at DATETIME)";

    private StreamLoadBench() {}

    /** One measured load. */
    record Result(String name, long rows, long bytes, double seconds, long loadedRows, long tableRows) {
        double rowsPerSecond() {
            return rows / seconds;
        }

        double mbPerSecond() {
            return bytes / seconds / (1 << 20);
        }

        String json() {
            return String.format(
                    Locale.ROOT,
                    "\"%s\":{\"seconds\":%.3f,\"rows_per_s\":%.0f,\"mb_per_s\":%.2f,"
                            + "\"loaded_rows\":%d,\"table_rows\":%d}",
                    name,
                    seconds,
                    rowsPerSecond(),
                    mbPerSecond(),
                    loadedRows,
                    tableRows);
        }
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        byte[] csv = orders(rows);
        System.out.printf(Locale.ROOT, "generated %,d rows, %.1f MiB of CSV%n", rows, csv.length / (double) (1 << 20));
        List<Result> results = new ArrayList<>();
        results.add(best(runs, () -> parseOnly(csv, rows)));
        try (Sandbox blackhole = Sandbox.start(SandboxConfig.ephemeral().withBlackhole(true))) {
            blackhole.execute(
                    "CREATE DATABASE bench",
                    "CREATE TABLE bench.orders_dup " + COLUMNS + " DUPLICATE KEY(id)" + TABLE_TAIL);
            results.add(best(runs, () -> load(blackhole, "blackhole_baseline", "orders_dup", csv, rows)));
        }
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.ephemeral())) {
            sandbox.execute(
                    "CREATE DATABASE bench",
                    "CREATE TABLE bench.orders_dup " + COLUMNS + " DUPLICATE KEY(id)" + TABLE_TAIL,
                    "CREATE TABLE bench.orders_pk " + COLUMNS + " PRIMARY KEY(id)" + TABLE_TAIL);
            results.add(best(runs, () -> {
                sandbox.execute("TRUNCATE TABLE bench.orders_dup");
                return load(sandbox, "duplicate", "orders_dup", csv, rows);
            }));
            results.add(best(runs, () -> {
                sandbox.execute("TRUNCATE TABLE bench.orders_pk");
                return load(sandbox, "primary_key", "orders_pk", csv, rows);
            }));
        }
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "%-20s %,12.0f rows/s %8.2f MiB/s %8.3f s  loaded=%,d table=%,d%n",
                    r.name(),
                    r.rowsPerSecond(),
                    r.mbPerSecond(),
                    r.seconds(),
                    r.loadedRows(),
                    r.tableRows());
        }
        StringBuilder json = new StringBuilder("{\"benchmark\":\"stream_load_sandbox\",\"rows\":")
                .append(rows)
                .append(",\"bytes\":")
                .append(csv.length)
                .append(",\"cores\":")
                .append(Runtime.getRuntime().availableProcessors());
        for (Result r : results) {
            json.append(',').append(r.json());
        }
        System.out.println(json.append('}'));
    }

    /** Deterministic orders CSV (tab-separated, the Stream Load default). */
    static byte[] orders(int rows) {
        SplittableRandom random = new SplittableRandom(42);
        String[] currencies = {"USD", "EUR", "MXN", "JPY"};
        String[] statuses = {"placed", "paid", "shipped", "delivered", "cancelled"};
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 64);
        StringBuilder line = new StringBuilder(96);
        for (int i = 1; i <= rows; i++) {
            line.setLength(0);
            long cents = random.nextLong(1, 10_000_000);
            line.append(i)
                    .append('\t')
                    .append(random.nextLong(1, 100_000))
                    .append('\t')
                    .append(cents / 100)
                    .append('.')
                    .append(cents % 100 < 10 ? "0" : "")
                    .append(cents % 100)
                    .append('\t')
                    .append(currencies[random.nextInt(currencies.length)])
                    .append('\t')
                    .append(statuses[random.nextInt(statuses.length)])
                    .append('\t')
                    .append(String.format(
                            Locale.ROOT,
                            "2026-%02d-%02d %02d:%02d:%02d",
                            1 + random.nextInt(12),
                            1 + random.nextInt(28),
                            random.nextInt(24),
                            random.nextInt(60),
                            random.nextInt(60)))
                    .append('\n');
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** One measurement. */
    @FunctionalInterface
    interface Measurement {
        Result run() throws Exception;
    }

    /**
     * The fastest of {@code runs} runs: the machine is shared (2 cores, other builds), so the best run is the
     * least disturbed one; every run is printed.
     */
    private static Result best(int runs, Measurement measurement) throws Exception {
        Result best = null;
        for (int i = 0; i < runs; i++) {
            Result r = measurement.run();
            System.out.printf(Locale.ROOT, "  run %d %-20s %,12.0f rows/s%n", i + 1, r.name(), r.rowsPerSecond());
            if (best == null || r.seconds() < best.seconds()) {
                best = r;
            }
        }
        return best;
    }

    /** The sandbox's CSV parser alone over the same bytes: the floor under every load below. */
    private static Result parseOnly(byte[] csv, int rows) throws IOException, SqlError {
        LoadOptions options = LoadOptions.parse(header -> null);
        List<String> columns = List.of("id", "user_id", "amount", "currency", "status", "placed_at");
        long start = System.nanoTime();
        long parsed = 0;
        RowReader reader = RowReader.open(options, new ByteArrayInputStream(csv), columns);
        RowReader.Chunk chunk;
        while ((chunk = reader.next(4096)) != null) {
            parsed += chunk.rows().size();
        }
        return new Result("csv_parse_only", rows, csv.length, (System.nanoTime() - start) / 1e9, parsed, 0);
    }

    private static Result load(Sandbox sandbox, String name, String table, byte[] csv, int rows)
            throws IOException, InterruptedException, SQLException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String auth = "Basic " + Base64.getEncoder().encodeToString("root:".getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        URI uri = URI.create(sandbox.feUrl() + "/api/bench/" + table + "/_stream_load");
        HttpResponse<String> response = null;
        for (int hop = 0; hop < 2; hop++) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(csv))
                    .expectContinue(true)
                    .header("Authorization", auth)
                    .header("label", name + "_" + System.nanoTime())
                    .timeout(Duration.ofMinutes(10))
                    .build();
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 307) {
                break;
            }
            uri = URI.create(response.headers().firstValue("Location").orElseThrow());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String body = response.body();
        if (!body.contains("\"Status\": \"Success\"")) {
            throw new IllegalStateException(name + " load failed: " + body);
        }
        long loaded = Long.parseLong(body.replaceAll("(?s).*\"NumberLoadedRows\": (\\d+).*", "$1"));
        long tableRows;
        try (Connection c = DriverManager.getConnection(sandbox.jdbcUrl(), "root", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM bench." + table)) {
            rs.next();
            tableRows = rs.getLong(1);
        }
        return new Result(name, rows, csv.length, seconds, loaded, tableRows);
    }
}
