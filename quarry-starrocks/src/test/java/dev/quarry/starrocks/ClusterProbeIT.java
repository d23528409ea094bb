package dev.quarry.starrocks;

import static dev.quarry.starrocks.StarRocksType.Scalar.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.sandbox.SandboxConfig;
import dev.quarry.testing.TestingSandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterProbeIT {

    private static TableSpec table(String db, String name) {
        return TableSpec.builder(db, name)
                .column("id", BIGINT)
                .primaryKey("id")
                .distribution(Distribution.hash(List.of("id")))
                .build();
    }

    @Test
    void singleBackendClusterGetsReplicationNumOneWithoutAdminSet() throws SQLException {
        TestingSandbox sandbox = TestingSandbox.get();
        String db = sandbox.createDatabase("probe");
        try (Connection c = sandbox.connect(db)) {
            ClusterProbe probe = ClusterProbe.of(c);
            assertThat(probe.version())
                    .isEqualTo(StarRocksVersion.parse(sandbox.sandbox().config().starRocksVersion()));
            assertThat(probe.aliveBackends()).isEqualTo(1);
            assertThat(probe.frontendConfig("default_replication_num")).contains("3");
            assertThat(probe.frontendConfig("no_such_config_item")).isEmpty();
            assertThat(probe.defaultReplicationNum()).isEqualTo(1);

            StarRocksDialect dialect = StarRocksDialect.forVersion(probe.version());
            // What a user of a fresh single-node cluster would hit without the probe:
            assertThatThrownBy(() -> SandboxSupport.execute(c, dialect.createTable(table(db, "plain"), false)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("replication num");
            SandboxSupport.execute(
                    c,
                    dialect.createTable(
                            table(db, "probed").withDefaultReplicationNum(probe.defaultReplicationNum()), false));
            assertThat(SandboxSupport.query(c, "SELECT COUNT(*) FROM probed")).containsExactly("0");

            SandboxSupport.execute(
                    c, dialect.addColumn(db, "probed", ColumnSpec.of("note", StarRocksType.varchar(20))));
            probe.awaitSchemaChange(db, "probed", java.time.Duration.ofSeconds(30));
            assertThat(SandboxSupport.query(
                            c,
                            "SELECT column_name FROM information_schema.columns WHERE table_schema = '" + db
                                    + "' AND table_name = 'probed' ORDER BY ordinal_position"))
                    .containsExactly("id", "note");
        }
    }

    @Test
    void readsBackTheColumnsOfATableItCreated() throws SQLException {
        TestingSandbox sandbox = TestingSandbox.get();
        String db = sandbox.createDatabase("columns");
        try (Connection c = sandbox.connect(db)) {
            ClusterProbe probe = ClusterProbe.of(c);
            TableSpec spec = TableSpec.builder(db, "typed")
                    .column(ColumnSpec.of("id", BIGINT))
                    .column(ColumnSpec.of("amount", StarRocksType.decimal(12, 2))
                            .withComment("gross, in cents"))
                    .column("name", StarRocksType.varchar(40))
                    .column("born", StarRocksType.Scalar.DATE)
                    .column("seen", StarRocksType.Scalar.DATETIME)
                    .column("flag", StarRocksType.Scalar.BOOLEAN)
                    .column("ratio", StarRocksType.Scalar.DOUBLE)
                    .column("doc", StarRocksType.Scalar.JSON)
                    .column("tags", StarRocksType.array(StarRocksType.varchar(10)))
                    .primaryKey("id")
                    .distribution(Distribution.hash(List.of("id")))
                    .property("replication_num", "1")
                    .build();
            SandboxSupport.execute(
                    c, StarRocksDialect.forVersion(probe.version()).createTable(spec, false));

            assertThat(probe.tableColumns(db, "typed")).hasValueSatisfying(cols -> {
                assertThat(cols)
                        .extracting(ColumnSpec::name)
                        .containsExactly("id", "amount", "name", "born", "seen", "flag", "ratio", "doc", "tags");
                assertThat(cols)
                        .extracting(col -> col.type().sql())
                        .containsExactly(
                                "BIGINT",
                                "DECIMAL(12, 2)",
                                "VARCHAR(40)",
                                "DATE",
                                "DATETIME",
                                "BOOLEAN",
                                "DOUBLE",
                                "JSON",
                                "ARRAY<VARCHAR(10)>");
                assertThat(cols.get(0).nullable()).isFalse();
                assertThat(cols.get(1).nullable()).isTrue();
                assertThat(cols.get(1).comment()).contains("gross, in cents");
            });
            assertThat(probe.tableColumns(db, "no_such_table")).isEmpty();
        }
    }

    @Test
    void followsTheBackendCountAndTheFrontendSetting() throws SQLException {
        try (TestingSandbox three =
                        TestingSandbox.fresh(SandboxConfig.ephemeral().withBackends(3));
                Connection c = three.connect(null)) {
            ClusterProbe probe = ClusterProbe.of(c);
            assertThat(probe.aliveBackends()).isEqualTo(3);
            assertThat(probe.defaultReplicationNum()).isEqualTo(3);
            SandboxSupport.execute(c, StarRocksDialect.latest().setFrontendConfig("default_replication_num", "2"));
            assertThat(probe.defaultReplicationNum()).isEqualTo(2);
        }
    }

    @Test
    void noAliveBackendIsAClearError() throws SQLException {
        try (TestingSandbox none =
                        TestingSandbox.fresh(SandboxConfig.ephemeral().withBackends(0));
                Connection c = none.connect(null)) {
            assertThatThrownBy(() -> ClusterProbe.of(c).defaultReplicationNum())
                    .hasMessage("the StarRocks cluster has no alive backend; tables cannot be created (SHOW BACKENDS)");
        }
    }
}
