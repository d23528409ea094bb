package dev.quarry.models.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static final String CONFIG = """
            gateways:
              local:
                connection:
                  type: starrocks
                  host: 127.0.0.1
                  port: 9030
                  user: root
                  password: "{{ env_var('SR_PASSWORD') }}"
                  database: demo
                  http_port: 8030
                state_connection:
                  type: sqlite
              prod:
                connection: prod_cluster
                state_connection:
                  type: postgres
                  host: pg.internal
                  password: "{{ env_var('PG_PASSWORD', 'fallback') }}"
                  database: quarry_state
            default_gateway: local
            model_defaults:
              dialect: starrocks
              kind: FULL
              cron: '@daily'
              start: '2024-01-01'
              physical_properties:
                replication_num: 1
            variables:
              min_amount: 10
              currency: EUR
            """;

    private void sampleProject() throws IOException {
        write("config.yaml", CONFIG);
        write("models/orders_clean.sql", """
                MODEL (name sales.orders_clean, physical_properties (primary_key = (id), distributed_by = 'HASH(id) BUCKETS 4'),
                       audits (not_null(columns := (id)), positive_amounts));
                SELECT id, amount, currency FROM raw.orders WHERE amount > @min_amount
                """);
        write("models/marts/revenue.sql", """
                MODEL (name sales.revenue, kind INCREMENTAL_BY_TIME_RANGE (time_column ds),
                       partitioned_by ds, description 'daily revenue');
                WITH base AS (SELECT * FROM sales.orders_clean)
                SELECT ds, SUM(amount) AS amount FROM base JOIN sales.rates r ON r.c = base.currency GROUP BY ds
                """);
        write("models/rates.sql", """
                MODEL (name sales.rates, kind SEED (path '../seeds/rates.csv'));
                """);
        write("models/disabled.sql", "MODEL (name sales.old, enabled false); SELECT 1");
        write("seeds/rates.csv", "c,rate\nEUR,1.0\nUSD,0.9\n");
        write("external_models.yaml", """
                - name: raw.orders
                  description: orders from the source database
                  columns:
                    id: BIGINT
                    amount: DECIMAL(18, 2)
                """);
        write("audits/positive.sql", """
                AUDIT (name positive_amounts, blocking false);
                SELECT * FROM @this_model WHERE amount <= 0;
                AUDIT (name has_rows);
                SELECT 1 FROM (SELECT COUNT(*) AS n FROM @this_model) t WHERE n = 0
                """);
        write("tests/test_revenue.yaml", """
                test_revenue:
                  model: sales.revenue
                  inputs:
                    sales.orders_clean:
                      rows:
                        - {id: 1, amount: 5, currency: EUR}
                  outputs:
                    query:
                      - {ds: 2024-01-01, amount: 5}
                  vars:
                    start: 2024-01-01
                    end: 2024-01-01
                """);
    }

    @Test
    void loadsEveryPartOfAProject() throws IOException {
        sampleProject();
        Project p = Project.load(dir, Map.of("SR_PASSWORD", "s3cret"));

        assertThat(p.models().keySet())
                .containsExactly("raw.orders", "sales.orders_clean", "sales.rates", "sales.revenue");
        assertThat(p.dag().upstream("sales.revenue")).containsExactly("sales.orders_clean", "sales.rates");
        assertThat(p.dag().upstream("sales.orders_clean")).containsExactly("raw.orders");
        assertThat(p.model("SALES.ORDERS_CLEAN")).isPresent();
        assertThat(p.model("sales.old")).isEmpty();

        Model clean = p.model("sales.orders_clean").orElseThrow();
        assertThat(clean.kind().kind()).isEqualTo(ModelKind.FULL);
        assertThat(clean.cron()).isEqualTo("@daily");
        assertThat(clean.start()).contains("2024-01-01");
        assertThat(clean.layout().properties()).containsEntry("replication_num", "1");
        assertThat(clean.location()).hasToString("models/orders_clean.sql:1:1");
        Model revenue = p.model("sales.revenue").orElseThrow();
        assertThat(revenue.kind().kind()).isEqualTo(ModelKind.INCREMENTAL_BY_TIME_RANGE);
        assertThat(revenue.location().file()).isEqualTo("models/marts/revenue.sql");
        assertThat(p.seedFile(p.model("sales.rates").orElseThrow()))
                .isEqualTo(dir.toAbsolutePath().resolve("seeds/rates.csv"));
        assertThat(p.model("raw.orders").orElseThrow().columns()).containsEntry("amount", "DECIMAL(18, 2)");

        ProjectConfig.Gateway local = p.config().gateways().get("local");
        ProjectConfig.Connection.StarRocks sr = (ProjectConfig.Connection.StarRocks) local.connection();
        assertThat(sr.password()).isEqualTo("s3cret");
        assertThat(sr.toString()).doesNotContain("s3cret").contains("root@127.0.0.1:9030/demo");
        // Registered with core's Secrets, so no later message or log line can show it.
        assertThat(dev.quarry.core.Secrets.scrub("login failed for s3cret")).isEqualTo("login failed for ****");
        assertThat(sr.httpPort()).isEqualTo(8030);
        assertThat(local.stateConnection()).isEqualTo(new ProjectConfig.StateConnection.Sqlite(".quarry/state.db"));
        ProjectConfig.Gateway prod = p.config().gateways().get("prod");
        assertThat(prod.connection()).isEqualTo(new ProjectConfig.Connection.Named("prod_cluster"));
        assertThat(((ProjectConfig.StateConnection.Postgres) prod.stateConnection()).password())
                .isEqualTo("fallback");
        assertThat(prod.stateConnection().toString()).doesNotContain("fallback");
        assertThat(p.config().defaultGateway()).contains("local");
        assertThat(p.config().variables()).containsEntry("min_amount", 10L).containsEntry("currency", "EUR");

        assertThat(p.audits().keySet()).containsExactly("has_rows", "positive_amounts");
        assertThat(p.audits().get("positive_amounts").blocking()).isFalse();
        assertThat(p.audits().get("has_rows").query().sql()).startsWith("SELECT 1 FROM");
        assertThat(p.tests()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("test_revenue");
            assertThat(t.model()).isEqualTo("sales.revenue");
            assertThat(t.location()).hasToString("tests/test_revenue.yaml:1:1");
            assertThat(t.inputs()).containsKey("sales.orders_clean");
        });
    }

    private void failsWith(String location, String message) {
        assertThatThrownBy(() -> Project.load(dir, Map.of("SR_PASSWORD", "s3cret")))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(location + ": ")
                .hasMessageContaining(message)
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void configErrorsPointAtTheKey() throws IOException {
        sampleProject();
        write("config.yaml", CONFIG.replace("default_gateway: local", "default_gatway: local"));
        failsWith("config.yaml:20:1", "unknown key default_gatway in config.yaml (did you mean default_gateway?)");
        write("config.yaml", CONFIG.replace("      http_port: 8030", "      htp_port: 8030"));
        failsWith(
                "config.yaml:10:7",
                "unknown key htp_port in the connection of gateway local (did you mean http_port or port?)");
        write("config.yaml", CONFIG.replace("default_gateway: local", "default_gateway: lokal"));
        failsWith(
                "config.yaml:20:18",
                "default_gateway lokal is not among the gateways [local, prod] (did you mean local?)");
        write("config.yaml", CONFIG.replace("      type: sqlite", "      type: starrocks"));
        failsWith("config.yaml:12:13", "StarRocks cannot hold Quarry's state");
        write("config.yaml", CONFIG.replace("port: 9030", "port: nine"));
        failsWith("config.yaml:6:13", "port must be a positive integer, not nine");
        write("config.yaml", CONFIG.replace("  cron: '@daily'", "  cronn: '@daily'"));
        failsWith("config.yaml:24:3", "unknown key cronn in model_defaults (did you mean cron?)");
        write("config.yaml", CONFIG.replace("replication_num: 1", "replicaton_num: 1"));
        failsWith("config.yaml:27:5", "unknown physical property replicaton_num (did you mean replication_num?)");
        write("config.yaml", CONFIG + "  bad: [unclosed\n");
        failsWith(
                "config.yaml:31:17",
                "invalid YAML: while parsing a flow sequence; expected ',' or ']', but got <stream end>");
    }

    @Test
    void missingEnvironmentVariablesAreNamed() throws IOException {
        sampleProject();
        assertThatThrownBy(() -> Project.load(dir, Map.of()))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(
                        "config.yaml:8:18: environment variable SR_PASSWORD is not set and has no default");
        write("config.yaml", CONFIG.replace("{{ env_var('SR_PASSWORD') }}", "{{ var('x') }}"));
        failsWith("config.yaml:8:18", "unsupported template {{ var('x') }}");
    }

    @Test
    void projectErrorsNameTheFile() throws IOException {
        sampleProject();
        write("models/copy.sql", "MODEL (name sales.rates, kind FULL); SELECT 1");
        failsWith("models/rates.sql:1:1", "model sales.rates is also defined at models/copy.sql:1:1");
        Files.delete(dir.resolve("models/copy.sql"));

        write("models/loop.sql", "MODEL (name sales.loop_a); SELECT * FROM sales.loop_b");
        write("models/loop2.sql", "MODEL (name sales.loop_b); SELECT * FROM sales.loop_c");
        write("models/loop3.sql", "MODEL (name sales.loop_c, depends_on [sales.loop_a]); SELECT 1");
        failsWith(
                "models/loop.sql:1:1",
                "dependency cycle: sales.loop_a -> sales.loop_c -> sales.loop_b -> sales.loop_a");
        for (String f : List.of("loop", "loop2", "loop3")) {
            Files.delete(dir.resolve("models/" + f + ".sql"));
        }

        write("models/audited.sql", "MODEL (name sales.audited, audits (not_nul(columns := x))); SELECT 1 AS x");
        failsWith(
                "models/audited.sql:1:1",
                "model sales.audited: unknown audit not_nul (did you mean not_null or not_null_proportion?)");
        Files.delete(dir.resolve("models/audited.sql"));

        Files.delete(dir.resolve("seeds/rates.csv"));
        failsWith("models/rates.sql:1:1", "seed file ../seeds/rates.csv does not exist (looked for seeds/rates.csv)");
        write("seeds/rates.csv", "c,rate\n");

        write("tests/test_other.yaml", "test_x:\n  model: sales.revenu\n");
        failsWith(
                "tests/test_other.yaml:1:1",
                "test test_x is for model sales.revenu, which does not exist (did you mean sales.revenue or sales.rates?)");
        Files.delete(dir.resolve("tests/test_other.yaml"));

        write("models/a.sql", "MODEL (name x.a, kind FULLL); SELECT 1");
        write("models/b.sql", "MODEL (name x.b, kind FULLL); SELECT 1");
        failsWith(
                "models/a.sql:1:23",
                "unknown kind FULLL (did you mean FULL?) (and 1 more error(s), each listed above)");
        assertThatThrownBy(() -> Project.load(dir, Map.of("SR_PASSWORD", "s3cret")))
                .isInstanceOfSatisfying(
                        ModelException.class,
                        e -> assertThat(e.details())
                                .containsExactly(
                                        "models/a.sql:1:23: model x.a: unknown kind FULLL (did you mean FULL?)",
                                        "models/b.sql:1:23: model x.b: unknown kind FULLL (did you mean FULL?)"));
        Files.delete(dir.resolve("models/a.sql"));
        Files.delete(dir.resolve("models/b.sql"));

        // A Python file without @model (an empty __init__.py, a helper module) is not a model.
        write("models/__init__.py", "");
        write("models/helpers.py", "def entrypoint(): pass\n");
        assertThat(Project.load(dir, Map.of("SR_PASSWORD", "s3cret")).models()).doesNotContainKey("helpers");
    }

    @Test
    void externalModelsAndAuditFilesAreChecked() throws IOException {
        sampleProject();
        write("external_models.yaml", "- name: raw.orders\n  colums: {id: INT}\n");
        failsWith("external_models.yaml:2:3", "unknown key colums in an external model (did you mean columns?)");
        write("external_models.yaml", "- name: raw.orders\n");
        write("audits/bad.sql", "AUDIT (name two, blocking maybe); SELECT 1");
        failsWith("audits/bad.sql:1:27", "blocking must be true or false");
        write("audits/bad.sql", "AUDIT (name two); DELETE FROM x; SELECT 1");
        failsWith("audits/bad.sql:1:1", "audit two must be followed by exactly one query");
    }
}
