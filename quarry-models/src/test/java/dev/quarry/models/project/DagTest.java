package dev.quarry.models.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DagTest {

    @Test
    void findsTablesInFromAndJoinButNotCtesOrFunctions() {
        assertThat(References.of("SELECT * FROM a.b")).containsExactly("a.b");
        assertThat(References.of(
                        "SELECT * FROM `Db`.`T` AS x JOIN db.u y ON x.id = y.id LEFT OUTER JOIN db.v USING (id)"))
                .containsExactly("db.t", "db.u", "db.v");
        assertThat(References.of("SELECT * FROM a.x, a.y z, a.w WHERE 1 = 1")).containsExactly("a.x", "a.y", "a.w");
        assertThat(References.of("""
                WITH recent AS (SELECT * FROM raw.orders WHERE ds > '2024-01-01'),
                     totals (id, n) AS (SELECT id, COUNT(*) FROM recent GROUP BY id)
                SELECT * FROM totals JOIN raw.customers c ON c.id = totals.id
                """)).containsExactly("raw.orders", "raw.customers");
        assertThat(References.of(
                        "SELECT EXTRACT(YEAR FROM ts), TRIM(BOTH 'x' FROM name), SUBSTRING(s FROM 2) FROM db.t"))
                .containsExactly("db.t");
        assertThat(References.of("SELECT * FROM (SELECT * FROM db.inner_t) s WHERE id IN (SELECT id FROM db.ids)"))
                .containsExactly("db.inner_t", "db.ids");
        assertThat(References.of("SELECT * FROM unnest([1, 2]) AS u, @this_model, TABLE(generate_series(1, 3))"))
                .isEmpty();
        assertThat(References.of("SELECT 'FROM fake.table' AS s /* FROM db.comment */ FROM db.real -- JOIN db.no"))
                .containsExactly("db.real");
        assertThat(References.of("SELECT * FROM cat.db.t")).containsExactly("cat.db.t");
        assertThat(References.of(
                        "SELECT a, b FROM db.x JOIN db.y ON f(x.a, y.b) = 1, db.z WHERE c IN (1, 2) GROUP BY a, b "
                                + "ORDER BY a, b LIMIT 1, 2"))
                .containsExactly("db.x", "db.y", "db.z");
        assertThat(References.of("SELECT * FROM (SELECT a, b FROM db.p, db.q) s, db.r"))
                .containsExactly("db.p", "db.q", "db.r");
    }

    private static Model model(String name, String body) {
        return new ModelReader("models/" + name + ".sql", Map.of(), new ArrayList<>())
                .read("MODEL (name " + name + ");\n" + body);
    }

    @Test
    void ordersUpstreamFirstAndDrawsTheGraph() {
        Dag dag = Dag.of(List.of(
                model("m.report", "SELECT * FROM m.orders o JOIN m.customers c ON o.c = c.id"),
                model("m.orders", "SELECT * FROM raw.orders"),
                model("m.customers", "SELECT * FROM cat.m.orders, raw.customers"),
                model("m.extra", "@DEF(x, 1); SELECT 1"),
                model("m.self_ref", "SELECT * FROM m.self_ref UNION ALL SELECT * FROM m.extra")));
        assertThat(dag.order()).containsExactly("m.extra", "m.orders", "m.customers", "m.report", "m.self_ref");
        assertThat(dag.upstream("m.customers")).containsExactly("m.orders");
        assertThat(dag.sources("m.customers")).containsExactly("raw.customers");
        assertThat(dag.downstream("m.orders")).containsExactly("m.customers", "m.report");
        assertThat(dag.upstream("m.self_ref")).containsExactly("m.extra");
        assertThat(dag.withDownstream("m.orders")).containsExactly("m.orders", "m.customers", "m.report");
        assertThat(dag.text()).isEqualTo("""
                m.extra
                m.orders
                m.customers <- m.orders
                m.report <- m.customers, m.orders
                m.self_ref <- m.extra
                """);
        assertThat(dag.dot()).isEqualTo("""
                digraph quarry {
                  rankdir=LR;
                  "m.extra";
                  "m.orders";
                  "m.customers";
                  "m.report";
                  "m.self_ref";
                  "m.extra" -> "m.self_ref";
                  "m.orders" -> "m.customers";
                  "m.orders" -> "m.report";
                  "m.customers" -> "m.report";
                }
                """);
        assertThat(dag.mermaid()).isEqualTo("""
                flowchart LR
                  m0["m.extra"]
                  m1["m.orders"]
                  m2["m.customers"]
                  m3["m.report"]
                  m4["m.self_ref"]
                  m0 --> m4
                  m1 --> m2
                  m1 --> m3
                  m2 --> m3
                """);
    }

    @Test
    void cyclesAreNamedFromQueriesAndDependsOn() {
        assertThatThrownBy(() -> Dag.of(List.of(
                        model("c.b", "SELECT * FROM c.c"),
                        model("c.a", "SELECT * FROM c.b"),
                        new ModelReader("models/c.c.sql", Map.of(), new ArrayList<>())
                                .read("MODEL (name c.c, depends_on [c.a]);\nSELECT 1"),
                        model("c.ok", "SELECT * FROM c.a"))))
                .isInstanceOf(ModelException.class)
                .hasMessage("models/c.a.sql:1:1: dependency cycle: c.a -> c.c -> c.b -> c.a");
    }
}
