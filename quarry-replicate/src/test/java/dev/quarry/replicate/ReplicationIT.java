package dev.quarry.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.conn.Connections;
import dev.quarry.replicate.load.StreamResult;
import dev.quarry.testing.TestingPostgres;
import dev.quarry.testing.TestingSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole run through the API: what a listener hears, in order, and a dry run's text. */
class ReplicationIT {
    private static TestingPostgres.Database pg;
    private static TestingSandbox sandbox;
    private static String database;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        pg = TestingPostgres.get().createDatabase();
        pg.execute(
                "CREATE SCHEMA shop",
                "CREATE TABLE shop.items (id int4 PRIMARY KEY, name text)",
                "INSERT INTO shop.items SELECT g, 'item ' || g FROM generate_series(1, 250) g");
        sandbox = TestingSandbox.get();
        database = sandbox.createDatabase("run_api");
    }

    private Replication.Builder replication(String streams) throws IOException {
        TestingPostgres server = pg.server();
        Map<String, String> env = Map.of(
                "PG",
                        "{\"type\": \"postgres\", \"host\": \"" + server.host() + "\", \"port\": " + server.port()
                                + ", \"user\": \"" + server.user() + "\", \"password\": \"" + server.password()
                                + "\", \"database\": \"" + pg.name() + "\"}",
                "SR",
                        "{\"type\": \"starrocks\", \"host\": \"" + sandbox.host() + "\", \"port\": "
                                + sandbox.queryPort() + ", \"user\": \"" + sandbox.user() + "\", \"fe_url\": \""
                                + sandbox.feUrl() + "\"}");
        Path file = Files.writeString(dir.resolve("replication.yaml"), """
                source: PG
                target: SR
                defaults:
                  object: "%s.{stream_table}"
                streams:
                """.formatted(database) + streams);
        return Replication.ofFile(file).connections(Connections.load(dir, env));
    }

    @Test
    void aListenerHearsTheRunStreamByStream() throws IOException {
        List<String> heard = new CopyOnWriteArrayList<>();
        ReplicationListener listener = new ReplicationListener() {
            @Override
            public void runStarted(Start start) {
                heard.add(start.line());
            }

            @Override
            public void streamStarted(Stream stream) {
                heard.add(stream.prefix() + "started " + stream.plan().name());
            }

            @Override
            public void streamWriting(Stream stream) {
                heard.add(stream.prefix() + "writing");
            }

            @Override
            public void chunkLoaded(Stream stream, int chunk) {
                heard.add("chunk " + chunk + " after " + stream.progress().rows() + " rows");
            }

            @Override
            public void tableCreated(Stream stream, String table) {
                heard.add("created " + table);
            }

            @Override
            public void streamFinished(Stream stream, StreamResult result) {
                heard.add("finished " + result.rowsLoaded() + " rows in " + result.loads() + " loads");
            }

            @Override
            public void runFinished(Replication.Outcome outcome) {
                heard.add(outcome.succeeded() + " succeeded, " + outcome.failed() + " failed");
            }
        };
        Replication.Outcome outcome = replication(
                        "  shop.items:\n    mode: full-refresh\n    target_options: {file_max_rows: 100}\n")
                .build()
                .run(listener);

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.summary())
                .matches("Replication completed in \\d+s \\| PG -> SR \\| 1 succeeded \\| 0 failed");
        assertThat(heard)
                .containsExactly(
                        "Replication [1 stream] | PG -> SR",
                        "[1 / 1] started shop.items",
                        "[1 / 1] writing",
                        "chunk 1 after 100 rows",
                        "chunk 2 after 200 rows",
                        "chunk 3 after 250 rows",
                        "created `" + database + "`.`items`",
                        "finished 250 rows in 3 loads",
                        "1 succeeded, 0 failed");
    }

    @Test
    void aDryRunDescribesTheStreamsAndChangesNothing() throws IOException, SQLException {
        List<String> text = new CopyOnWriteArrayList<>();
        Replication.Outcome outcome = replication(
                        "  shop.items:\n    object: \"" + database + ".dry\"\n    primary_key: id\n")
                .dryRun(true)
                .build()
                .run(new ReplicationListener() {
                    @Override
                    public void dryRun(String piece) {
                        text.add(piece);
                    }
                });
        assertThat(outcome.succeeded() + outcome.failed()).isZero();
        assertThat(text).hasSize(2);
        assertThat(text.get(0)).isEqualTo("-- dry run: 1 streams | PG -> SR; nothing was changed\n");
        assertThat(text.get(1))
                .startsWith("stream shop.items -> " + database + ".dry [incremental]\n")
                .contains("PRIMARY KEY(`id`)", "  source: COPY (SELECT ");
        assertThat(sandboxTables()).doesNotContain("dry");
    }

    private static List<String> sandboxTables() throws SQLException {
        try (Connection c = sandbox.connect(database);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW TABLES")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
