package dev.quarry.sandbox.it;

import static dev.quarry.sandbox.it.Loads.headers;
import static dev.quarry.sandbox.it.Loads.json;
import static dev.quarry.sandbox.it.Loads.streamLoad;
import static dev.quarry.sandbox.it.StreamLoadIT.USERS_PK;
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

/** The Stream Load {@code columns} and {@code where} headers read with StarRocks' grammar (docs/sql.md §6). */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StreamLoadHeadersIT {
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

    @Test
    void opComesFromATemporaryField() throws Exception {
        String db = newDb(sandbox, "slh_op", USERS_PK);
        JsonNode a =
                json(streamLoad(fe, db, "users", headers("column_separator", ","), "1,ann,10\n2,bob,20\n3,cy,30\n"));
        assertThat(a.get("Status").asText()).as(a.toString()).isEqualTo("Success");
        // StarRocks' documented form (docs/starrocks.md §1.7): the last field says upsert (0) or delete (1).
        JsonNode b = json(streamLoad(
                fe,
                db,
                "users",
                headers("column_separator", ",", "columns", "id, name, score, temp, __op = temp"),
                "1,ann,11,0\n2,bob,20,1\n4,dee,40,0\n"));
        assertThat(b.get("Status").asText()).as(b.toString()).isEqualTo("Success");
        assertThat(query(sandbox, "SELECT id, name, score FROM " + db + ".users ORDER BY id"))
                .containsExactly("1|ann|11", "3|cy|30", "4|dee|40");
    }

    @Test
    void backquotedNamesMayHoldSpacesAndReservedWords() throws Exception {
        String db = newDb(
                sandbox,
                "slh_names",
                "CREATE TABLE {db}.m (id INT NOT NULL, `Mixed Case` VARCHAR(10), `order` INT) DUPLICATE KEY(id) "
                        + "DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES (\"replication_num\" = \"1\")");
        JsonNode a = json(streamLoad(
                fe,
                db,
                "m",
                headers("column_separator", ",", "columns", "id, `Mixed Case`, `order`", "where", "`order` > 1"),
                "1,one,1\n2,two,2\n"));
        assertThat(a.get("Status").asText()).as(a.toString()).isEqualTo("Success");
        assertThat(a.get("NumberUnselectedRows").asLong()).isEqualTo(1);
        assertThat(query(sandbox, "SELECT id, `Mixed Case`, `order` FROM " + db + ".m"))
                .containsExactly("2|two|2");
    }

    @Test
    void bareReservedWordsAreRefusedWithStarRocksSyntaxError() throws Exception {
        String db = newDb(
                sandbox,
                "slh_reserved",
                "CREATE TABLE {db}.m (id INT NOT NULL, `order` INT) DUPLICATE KEY(id) "
                        + "DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES (\"replication_num\" = \"1\")");
        JsonNode a = json(streamLoad(fe, db, "m", headers("column_separator", ",", "columns", "id, order"), "1,1\n"));
        assertThat(a.get("Status").asText()).isEqualTo("Fail");
        assertThat(a.get("Message").asText())
                .isEqualTo("Getting syntax error at line 1, column 4. Detail message: Unexpected input 'order', "
                        + "the most similar input is {a legal identifier}.");
        JsonNode b = json(streamLoad(fe, db, "m", headers("column_separator", ",", "where", "id ILIKE '1'"), "1,1\n"));
        assertThat(b.get("Status").asText()).isEqualTo("Fail");
        assertThat(b.get("Message").asText()).startsWith("Getting syntax error at line 1, column 3.");
        assertThat(query(sandbox, "SELECT count(*) FROM " + db + ".m")).containsExactly("0");
    }
}
