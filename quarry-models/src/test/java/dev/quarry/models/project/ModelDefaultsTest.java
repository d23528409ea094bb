package dev.quarry.models.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelDefaultsTest {

    private static Map<String, Block.Property> defaults(String yaml) {
        Map<String, Block.Property> defaults = new LinkedHashMap<>();
        ConfigReader.read("config.yaml", yaml, Map.of(), defaults);
        return defaults;
    }

    private static Model read(Map<String, Block.Property> defaults, String text) {
        return new ModelReader("models/d.sql", defaults, new ArrayList<>()).read(text);
    }

    @Test
    void defaultsApplyAndModelsOverrideOrUnsetThem() {
        Map<String, Block.Property> d = defaults("""
                model_defaults:
                  kind:
                    name: INCREMENTAL_BY_TIME_RANGE
                    time_column: ds
                    batch_size: 7
                  cron: '@hourly'
                  start: 2024-01-01
                  owner: data-team
                  physical_properties:
                    primary_key: (id, ds)
                    replication_num: 1
                    storage_medium: SSD
                  virtual_properties:
                    security: INVOKER
                """);
        Model inherited = read(d, "MODEL (name a.inherited); SELECT 1");
        assertThat(inherited.kind().kind()).isEqualTo(ModelKind.INCREMENTAL_BY_TIME_RANGE);
        assertThat(inherited.kind().timeColumn()).contains("ds");
        assertThat(inherited.kind().batchSize()).hasValue(7);
        assertThat(inherited.cron()).isEqualTo("@hourly");
        assertThat(inherited.start()).contains("2024-01-01");
        assertThat(inherited.owner()).contains("data-team");
        assertThat(inherited.layout().key().orElseThrow().columns()).containsExactly("id", "ds");
        assertThat(inherited.layout().properties())
                .containsExactly(Map.entry("replication_num", "1"), Map.entry("storage_medium", "SSD"));
        assertThat(inherited.layout().security()).contains("INVOKER");

        Model own = read(
                d,
                "MODEL (name a.own, kind FULL, cron '@daily', physical_properties (storage_medium = None, "
                        + "replication_num = '3', primary_key = None), virtual_properties (security = NONE)); SELECT 1");
        assertThat(own.kind().kind()).isEqualTo(ModelKind.FULL);
        assertThat(own.cron()).isEqualTo("@daily");
        assertThat(own.layout().key()).isEmpty();
        assertThat(own.layout().properties()).containsExactly(Map.entry("replication_num", "3"));
        assertThat(own.layout().security()).contains("NONE");

        Model view = read(d, "MODEL (name a.v, kind VIEW); SELECT 1");
        assertThat(view.layout().properties()).isEmpty();
    }

    @Test
    void defaultErrorsPointIntoConfig() {
        Map<String, Block.Property> d =
                defaults("model_defaults:\n  kind: FULL\n  physical_properties:\n    aggregate_key: id\n");
        assertThatThrownBy(() -> read(d, "MODEL (name a.b); SELECT 1"))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("config.yaml:4:5: model a.b: aggregate_key is not supported");
        Map<String, Block.Property> k =
                defaults("model_defaults:\n  kind:\n    name: INCREMENTAL_BY_TIME_RANGE\n    time_colum: ds\n");
        assertThatThrownBy(() -> read(k, "MODEL (name a.b); SELECT 1"))
                .hasMessageStartingWith(
                        "config.yaml:4:5: model a.b: kind INCREMENTAL_BY_TIME_RANGE has no option time_colum");
    }
}
