package dev.quarry.models.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SQLMesh forms a model file may use: blueprints, inline audits, generic type names, CUSTOM. */
class SqlMeshFormsTest {
    private final List<String> warnings = new ArrayList<>();

    @Test
    void blueprintsMakeOneModelPerEntry() {
        ModelReader reader = new ModelReader("models/b.sql", Map.of(), warnings);
        List<Model> models = reader.readAll("""
                MODEL (name @{name}, kind FULL,
                       blueprints ((name := s.active, status := 'active'), (name := s.gone, status := 'gone')));
                SELECT * FROM s.customers WHERE status = @status AND @start_ds <= ds
                """);
        assertThat(models).extracting(Model::name).containsExactly("s.active", "s.gone");
        assertThat(models.get(1).query().orElseThrow().sql())
                .contains("status = 'gone'")
                .contains("@start_ds");
    }

    @Test
    void inlineAuditsFollowTheQuery() {
        ModelReader reader = new ModelReader("models/a.sql", Map.of(), warnings);
        Model m = reader.read("""
                MODEL (name s.items, kind FULL, audits (positive_price));
                SELECT 1 AS id, 2.5 AS price;
                AUDIT (name positive_price);
                SELECT * FROM @this_model WHERE price <= 0;
                """);
        assertThat(m.query().orElseThrow().sql()).doesNotContain("AUDIT");
        assertThat(reader.inlineAudits()).extracting(Audit::name).containsExactly("positive_price");
    }

    @Test
    void genericTypeNamesBecomeStarRocksTypes() {
        assertThat(ColumnTypes.starRocks("TEXT")).isEqualTo("STRING");
        assertThat(ColumnTypes.starRocks("array<text>")).isEqualTo("array<STRING>");
        assertThat(ColumnTypes.starRocks("double precision")).isEqualTo("DOUBLE");
        assertThat(ColumnTypes.starRocks("NUMERIC(10, 2)")).isEqualTo("DECIMAL(10, 2)");
        assertThat(ColumnTypes.starRocks("VARCHAR(20)")).isEqualTo("VARCHAR(20)");
    }

    @Test
    void customKindsNameTheirMaterialization() {
        assertThatThrownBy(() -> new ModelReader("models/c.sql", Map.of(), warnings)
                        .read("MODEL (name s.c, kind CUSTOM (materialization 'custom_full'));\nSELECT 1 AS x"))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(
                        "models/c.sql:1:23: model s.c: kind CUSTOM runs the Python materialization" + " custom_full");
    }
}
