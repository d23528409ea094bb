package dev.quarry.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.conn.Connections;
import dev.quarry.replicate.config.RunContext;
import dev.quarry.testing.TestingPostgres;
import dev.quarry.testing.TestingSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replication file with every key of Sling's reference (src/test/resources/sling/every-key.yaml) runs from
 * PostgreSQL into the sandbox: the keys StarRocks has a meaning for take effect, the others warn once each
 * (docs/sling.md §7). The target connection is the seed's form, credentials written in fe_url.
 */
class SlingKeysIT {
    private static TestingPostgres.Database pg;
    private static TestingSandbox sandbox;
    private static String database;
    private static Replication.Outcome outcome;
    private static List<String> warnings;
    private static final List<String> heard = new CopyOnWriteArrayList<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void runTheFile() throws IOException {
        pg = TestingPostgres.get().createDatabase();
        pg.execute(
                "CREATE SCHEMA shop",
                "CREATE TABLE shop.orders (id int4 PRIMARY KEY, customer varchar(40), note text, amount numeric(10, 2),"
                        + " secret text, created_at timestamp)",
                "INSERT INTO shop.orders SELECT g, 'c' || (g % 7), 'n' || g, g * 1.5, 'hide me',"
                        + " TIMESTAMP '2026-01-01' + g * INTERVAL '1 hour' FROM generate_series(1, 200) g",
                "CREATE TABLE shop.customers (id int4 PRIMARY KEY, \"fullName\" text, updated_at timestamp)",
                "INSERT INTO shop.customers SELECT g, 'name ' || g, TIMESTAMP '2026-02-01' + g * INTERVAL '1 minute'"
                        + " FROM generate_series(1, 30) g",
                "CREATE TABLE shop.events (id int4 PRIMARY KEY, kind text)",
                "INSERT INTO shop.events SELECT g, 'k' || (g % 3) FROM generate_series(1, 60) g",
                "CREATE TABLE shop.existing (id int4)",
                "INSERT INTO shop.existing SELECT g FROM generate_series(1, 5) g",
                "CREATE TABLE shop.skipped (id int4)");
        sandbox = TestingSandbox.get();
        database = sandbox.createDatabase("sling_keys");

        TestingPostgres server = pg.server();
        String credentials = sandbox.user() + ":" + sandbox.password();
        Map<String, String> env = Map.of(
                "PG",
                "postgresql://" + server.user() + ":"
                        + java.net.URLEncoder.encode(server.password(), java.nio.charset.StandardCharsets.UTF_8)
                                .replace("+", "%20")
                        + "@" + server.host() + ":" + server.port()
                        + "/" + pg.name() + "?sslmode=disable",
                "SR",
                "{type: starrocks, url: \"starrocks://" + credentials + "@" + sandbox.host() + ":"
                        + sandbox.queryPort() + "/" + database + "\", fe_url: \""
                        + sandbox.feUrl().replace("://", "://" + credentials + "@") + "\"}",
                "SR_DB",
                database);
        Path file = dir.resolve("every-key.yaml");
        try (InputStream in = SlingKeysIT.class.getResourceAsStream("/sling/every-key.yaml")) {
            Files.write(file, in.readAllBytes());
        }
        Replication replication = Replication.ofFile(file)
                .connections(Connections.load(dir, env))
                .context(new RunContext(Instant.now(), ZoneOffset.UTC, env))
                .build();
        warnings = replication.warnings();
        outcome = replication.run(new ReplicationListener() {
            @Override
            public void runMessage(String message, boolean warning) {
                heard.add(message);
            }

            @Override
            public void info(Stream stream, String message) {
                heard.add(message);
            }

            @Override
            public void streamFailed(Stream stream, Exception error) {
                heard.add("FAILED " + stream.plan().name() + ": " + error.getMessage());
            }
        });
    }

    @Test
    void everyStreamSucceedsThroughTheSeedsConnectionForm() {
        assertThat(heard).noneMatch(line -> line.startsWith("FAILED"));
        assertThat(outcome.succeeded()).isEqualTo(5);
        assertThat(outcome.failed()).isZero();
    }

    @Test
    void tableKeysMakeTheStarRocksKeyKinds() throws SQLException {
        assertThat(ddl("orders")).contains("DUPLICATE KEY(`ID`, `CUSTOMER`)").contains("DISTRIBUTED BY HASH(`ID`)");
        assertThat(ddl("customers")).contains("PRIMARY KEY(`id`)").contains("ORDER BY(`id`)");
        assertThat(ddl("events")).contains("UNIQUE KEY(`id`)");
        assertThat(ddl("from_sql")).contains("PRIMARY KEY(`id`)").contains("BUCKETS 1");
    }

    @Test
    void columnCasingSelectAndColumnsShapeTheTarget() throws SQLException {
        assertThat(columns("orders")).containsExactly("ID", "CUSTOMER", "NOTE", "AMOUNT", "CREATED_AT");
        assertThat(ddl("orders")).containsIgnoringCase("`NOTE` varchar(50)");
        assertThat(columns("customers")).containsExactly("id", "full_name", "updated_at");
    }

    @Test
    void whereLimitSqlAndRangeChooseTheRows() throws SQLException {
        assertThat(query("SELECT COUNT(*), MAX(ID) FROM orders")).containsExactly(List.of("150", "150"));
        assertThat(query("SELECT COUNT(*), MAX(id) FROM customers")).containsExactly(List.of("10", "10"));
        assertThat(query("SELECT COUNT(*), MIN(id), MAX(id) FROM events")).containsExactly(List.of("40", "1", "40"));
        assertThat(query("SELECT COUNT(*) FROM from_sql")).containsExactly(List.of("10"));
    }

    @Test
    void ignoreExistingAndDisabledLeaveTablesAlone() throws SQLException {
        assertThat(query("SELECT COUNT(*) FROM existing")).containsExactly(List.of("0"));
        assertThat(heard).anyMatch(line -> line.contains("exists; skipped (target_options.ignore_existing)"));
        assertThat(query("SHOW TABLES")).extracting(row -> row.get(0)).doesNotContain("skipped");
    }

    @Test
    void hooksAndPreAndPostSqlRunOnTheTarget() throws SQLException {
        assertThat(query("SELECT step, note FROM audit WHERE step <> 'end' ORDER BY step"))
                .containsExactly(
                        List.of("post hook", "orders"),
                        List.of("post_sql", "orders"),
                        List.of("pre hook", "orders"),
                        List.of("pre_sql", "orders"),
                        List.of("start", "quarry-it"));
        assertThat(query("SELECT COUNT(*) FROM audit WHERE step = 'end'")).containsExactly(List.of("1"));
        assertThat(heard).contains("starting the every-key replication for quarry-it");
    }

    @Test
    void keysWithoutEffectWarnOnceEachWithTheirLine() {
        assertThat(warnings).allMatch(w -> w.matches(".*every-key\\.yaml:\\d+:\\d+: .*"));
        List<String> said =
                warnings.stream().map(w -> w.substring(w.indexOf(": ") + 2)).toList();
        for (String key : List.of(
                "source_options.datetime_format",
                "target_options.datetime_format",
                "target_options.batch_limit",
                "id",
                "schedule",
                "transforms",
                "single",
                "files",
                "target_options.direct_insert",
                "target_options.column_typing",
                "target_options.table_tmp",
                "target_options.merge_strategy",
                "target_options.delete_missing",
                "target_options.isolation_level",
                "target_options.batch_max_duration",
                "target_options.max_decimals",
                "target_options.format",
                "target_options.compression",
                "target_options.header",
                "target_options.delimiter",
                "target_options.concurrency",
                "target_options.encoding",
                "source_options.max_decimals",
                "source_options.chunk_count",
                "source_options.chunk_expr",
                "source_options.null_if",
                "source_options.header",
                "source_options.delimiter",
                "source_options.escape",
                "source_options.quote",
                "source_options.skip_lines",
                "source_options.skip_blank_lines",
                "source_options.fields_per_rec",
                "source_options.compression",
                "source_options.format",
                "source_options.encoding",
                "source_options.flatten",
                "source_options.jmespath",
                "source_options.jq",
                "source_options.sheet",
                "source_options.columns",
                "source_options.transforms")) {
            assertThat(said)
                    .filteredOn(s -> s.startsWith(key + " has no effect on StarRocks: "))
                    .hasSize(1);
        }
        assertThat(said)
                .anyMatch(s -> s.startsWith("query hook on connection '{source.name}' under hooks.start has no effect"))
                .anyMatch(s -> s.startsWith("hook type 'check' under hooks.end has no effect"))
                .anyMatch(s -> s.startsWith("hook type 'http' under hooks.post has no effect"))
                .anyMatch(s -> s.startsWith("hooks.post_merge has no effect"))
                .anyMatch(s -> s.startsWith("table_keys index has no effect"))
                .anyMatch(s -> s.startsWith("table_keys update has no effect"));
        assertThat(said).noneMatch(s -> s.contains("description") || s.contains("use_bulk"));
    }

    private static String ddl(String table) throws SQLException {
        return query("SHOW CREATE TABLE " + table).get(0).get(1);
    }

    private static List<String> columns(String table) throws SQLException {
        return query("DESC " + table).stream().map(row -> row.get(0)).toList();
    }

    private static List<List<String>> query(String sql) throws SQLException {
        try (Connection c = sandbox.connect(database);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
