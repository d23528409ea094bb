package dev.quarry.models.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the Python side of a project through python3: config.py, @model metadata, errors with file:line. */
class PythonProjectTest {
    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static Map<String, String> env() {
        return Map.of("PATH", System.getenv().getOrDefault("PATH", ""));
    }

    private void configPy() throws IOException {
        write("config.py", """
                from sqlmesh.core.config import (Config, GatewayConfig, ModelDefaultsConfig,
                                                 StarRocksConnectionConfig)

                config = Config(
                    gateways={"sr": GatewayConfig(connection=StarRocksConnectionConfig(host="db.example", port=9031))},
                    default_gateway="sr",
                    model_defaults=ModelDefaultsConfig(dialect="starrocks", start="2024-01-01", cron="@daily"),
                    variables={"min_amount": 5},
                )
                """);
    }

    @Test
    void aProjectWithOnlyConfigPyAndPythonModelsLoads() throws IOException {
        configPy();
        write("models/items.py", """
                from sqlmesh import ExecutionContext, model
                from sqlmesh.core.model import ModelKindName


                @model(
                    "shop.items",
                    kind=dict(name=ModelKindName.INCREMENTAL_BY_TIME_RANGE, time_column="ds", batch_size=7),
                    columns={"id": "int", "name": "text", "ds": "date"},
                    audits=[("not_null", {"columns": ["id"]}), "unique_values(columns := (id))"],
                    owner="kitchen",
                )
                def execute(context: ExecutionContext, start, end, execution_time, **kwargs):
                    return []
                """);
        write("models/__init__.py", "");
        write("models/util.py", "X = 1\n");
        Project p = Project.load(dir, env());
        ProjectConfig.Connection.StarRocks sr = (ProjectConfig.Connection.StarRocks)
                p.config().gateways().get("sr").connection();
        assertThat(sr.host()).isEqualTo("db.example");
        assertThat(sr.port()).isEqualTo(9031);
        assertThat(p.config().variables()).containsEntry("min_amount", 5L);
        Model m = p.model("shop.items").orElseThrow();
        assertThat(m.python()).isTrue();
        assertThat(m.location().toString()).startsWith("models/items.py:5:");
        assertThat(m.kind().kind()).isEqualTo(ModelKind.INCREMENTAL_BY_TIME_RANGE);
        assertThat(m.kind().batchSize()).hasValue(7);
        assertThat(m.columns()).containsEntry("name", "STRING");
        assertThat(m.audits()).extracting(AuditCall::name).containsExactly("not_null", "unique_values");
        assertThat(m.start()).contains("2024-01-01");
        assertThat(m.owner()).contains("kitchen");
        assertThat(p.models()).hasSize(1);
    }

    @Test
    void everyErrorIsReportedAtOnceWithItsLine() throws IOException {
        configPy();
        write("models/broken.py", "from sqlmesh import model\n\n\n@model(\"shop.x\", kind=\"FULL\"\ndef f(: pass\n");
        write(
                "models/no_columns.py",
                "from sqlmesh import model\n\n\n@model(\"shop.y\", kind=\"FULL\")\ndef f(c):\n    return []\n");
        write("models/bad.sql", "MODEL (name shop.z, kind FULLL);\nSELECT 1");
        assertThatThrownBy(() -> Project.load(dir, env()))
                .isInstanceOfSatisfying(
                        ModelException.class,
                        e -> assertThat(e.details())
                                .hasSize(3)
                                .anySatisfy(d -> assertThat(d)
                                        .startsWith("models/bad.sql:1:")
                                        .contains("unknown kind FULLL"))
                                .anySatisfy(d -> assertThat(d)
                                        .startsWith("models/broken.py:")
                                        .contains("SyntaxError"))
                                .anySatisfy(d -> assertThat(d)
                                        .startsWith("models/no_columns.py:4:")
                                        .contains("a Python model must declare its columns")));
    }
}
