package dev.quarry.sandbox.it;

import static dev.quarry.sandbox.it.Loads.json;
import static dev.quarry.sandbox.it.Loads.txn;
import static dev.quarry.sandbox.it.StreamLoadIT.newDb;
import static dev.quarry.sandbox.it.StreamLoadIT.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The transaction interface's status matrix, step for step as StarRocks' regression test
 * {@code test/sql/test_stream_load/R/test_stream_load_basic_txn} observes it (docs/starrocks.md §2.4).
 */
// A lost answer must fail the test, never hang the build (CI allows 90 minutes; the build should take under 10).
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TransactionIT {
    private static final String TABLE = "CREATE TABLE {db}.table1 (id INT, name VARCHAR(100)) DUPLICATE KEY(id) "
            + "DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES (\"replication_num\" = \"1\")";
    private static Sandbox sandbox;
    private static String fe;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxConfig.ephemeral());
        fe = sandbox.feUrl();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String status(String op, String db, String label, String body) throws Exception {
        return json(txn(fe, op, db, "table1", label, body, "column_separator", ","))
                .get("Status")
                .asText();
    }

    @Test
    void commitOperations() throws Exception {
        String db = newDb(sandbox, "txn_commit", TABLE);
        JsonNode begin = json(txn(fe, "begin", db, "table1", "commit_test", null));
        assertThat(begin.get("Status").asText()).isEqualTo("OK");
        assertThat(begin.get("Label").asText()).isEqualTo("commit_test");
        assertThat(begin.get("TxnId").asLong()).isPositive();
        JsonNode load = json(txn(fe, "load", db, "table1", "commit_test", "1,alice", "column_separator", ","));
        assertThat(load.get("Status").asText()).as(load.toString()).isEqualTo("OK");
        assertThat(load.get("LoadBytes").asLong()).isEqualTo(7);
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".table1"))
                .as("invisible before commit")
                .containsExactly("0");
        JsonNode commit = json(txn(fe, "commit", db, "table1", "commit_test", null));
        assertThat(commit.get("Status").asText()).isEqualTo("OK");
        assertThat(commit.get("NumberLoadedRows").asLong()).isEqualTo(1);
        assertThat(status("commit", db, "commit_test", null)).isEqualTo("OK");
        assertThat(status("load", db, "commit_test", "2,bob")).isEqualTo("TXN_NOT_EXISTS");
        assertThat(status("rollback", db, "commit_test", null)).isEqualTo("FAILED");
        assertThat(query(sandbox, "SELECT id, name FROM " + db + ".table1 ORDER BY id"))
                .containsExactly("1|alice");
        assertThat(status("begin", db, "commit_test", null)).isEqualTo("LABEL_ALREADY_EXISTS");
    }

    @Test
    void rollbackOperations() throws Exception {
        String db = newDb(sandbox, "txn_rollback", TABLE);
        assertThat(status("begin", db, "rollback_test", null)).isEqualTo("OK");
        assertThat(status("load", db, "rollback_test", "1,alice")).isEqualTo("OK");
        assertThat(status("rollback", db, "rollback_test", null)).isEqualTo("OK");
        assertThat(status("rollback", db, "rollback_test", null)).isEqualTo("OK");
        assertThat(status("load", db, "rollback_test", "2,bob")).isEqualTo("TXN_NOT_EXISTS");
        assertThat(status("commit", db, "rollback_test", null)).isEqualTo("FAILED");
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".table1")).containsExactly("0");
        assertThat(status("begin", db, "rollback_test", null)).isEqualTo("OK");
    }

    @Test
    void edgeCases() throws Exception {
        String db = newDb(sandbox, "txn_edge", TABLE);
        assertThat(status("load", db, "no_begin", "1,alice")).isEqualTo("FAILED");
        assertThat(status("commit", db, "no_begin", null)).isEqualTo("FAILED");
        assertThat(status("rollback", db, "no_begin", null)).isEqualTo("FAILED");
        assertThat(status("begin", db, "empty_commit", null)).isEqualTo("OK");
        JsonNode empty = json(txn(fe, "commit", db, "table1", "empty_commit", null));
        assertThat(empty.get("Status").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(empty.get("Message").asText()).isEqualTo(StreamLoadIT.EMPTY_LOAD);
        assertThat(status("begin", db, "empty_rollback", null)).isEqualTo("OK");
        assertThat(status("rollback", db, "empty_rollback", null)).isEqualTo("OK");
        assertThat(status("begin", db, "double_begin", null)).isEqualTo("OK");
        JsonNode dup = json(txn(fe, "begin", db, "table1", "double_begin", null));
        assertThat(dup.get("Status").asText()).isEqualTo("LABEL_ALREADY_EXISTS");
        assertThat(dup.get("ExistingJobStatus").asText()).isEqualTo("RUNNING");
        assertThat(dup.get("Message").asText()).isEqualTo("Label [double_begin] has already been used.");
        assertThat(status("rollback", db, "double_begin", null)).isEqualTo("OK");
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".table1")).containsExactly("0");
    }

    @Test
    void severalLoadsPrepareThenCommitBecomeVisibleTogether() throws Exception {
        String db = newDb(sandbox, "txn_multi", TABLE);
        assertThat(status("begin", db, "multi", null)).isEqualTo("OK");
        for (int i = 0; i < 3; i++) {
            assertThat(status("load", db, "multi", (2 * i) + ",a\n" + (2 * i + 1) + ",b\n"))
                    .isEqualTo("OK");
        }
        JsonNode prepare = json(txn(fe, "prepare", db, "table1", "multi", null));
        assertThat(prepare.get("Status").asText()).isEqualTo("OK");
        assertThat(prepare.get("NumberTotalRows").asLong()).isEqualTo(6);
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".table1")).containsExactly("0");
        assertThat(status("commit", db, "multi", null)).isEqualTo("OK");
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".table1")).containsExactly("6");
    }

    @Test
    void labelAndDatabaseHeadersAreRequired() throws Exception {
        JsonNode noDb = json(Loads.followed(
                "POST",
                fe + "/api/transaction/begin",
                Loads.headers("label", "x"),
                java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(noDb.get("Status").asText()).isEqualTo("FAILED");
        assertThat(noDb.get("Message").asText()).isEqualTo("No database selected.");
        JsonNode noLabel = json(Loads.followed(
                "POST",
                fe + "/api/transaction/begin",
                Loads.headers("db", "d"),
                java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(noLabel.get("Message").asText()).isEqualTo("empty label.");
    }
}
