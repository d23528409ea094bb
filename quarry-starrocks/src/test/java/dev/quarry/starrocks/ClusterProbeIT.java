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
        return TableSpec.builder(db, name).column("id", BIGINT).primaryKey("id").distribution(Distribution.hash(List.of("id"))).build();
    }

    @Test
    void singleBackendClusterGetsReplicationNumOneWithoutAdminSet() throws SQLException {
        TestingSandbox sandbox = SandboxSupport.shared();
        String db = sandbox.createDatabase("probe");
        try (Connection c = SandboxSupport.connect(sandbox, db)) {
            ClusterProbe probe = ClusterProbe.of(c);
            assertThat(probe.version()).isEqualTo(StarRocksVersion.parse(sandbox.sandbox().config().starRocksVersion()));
            assertThat(probe.aliveBackends()).isEqualTo(1);
            assertThat(probe.frontendConfig("default_replication_num")).contains("3");
            assertThat(probe.frontendConfig("no_such_config_item")).isEmpty();
            assertThat(probe.defaultReplicationNum()).isEqualTo(1);

            StarRocksDialect dialect = StarRocksDialect.forVersion(probe.version());
            // What a user of a fresh single-node cluster would hit without the probe:
            assertThatThrownBy(() -> SandboxSupport.execute(c, dialect.createTable(table(db, "plain"), false)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("replication num");
            SandboxSupport.execute(c, dialect.createTable(table(db, "probed").withDefaultReplicationNum(probe.defaultReplicationNum()), false));
            assertThat(SandboxSupport.query(c, "SELECT COUNT(*) FROM probed")).containsExactly("0");

            SandboxSupport.execute(c, dialect.addColumn(db, "probed", ColumnSpec.of("note", StarRocksType.varchar(20))));
            probe.awaitSchemaChange(db, "probed", java.time.Duration.ofSeconds(30));
            assertThat(SandboxSupport.query(c, "SELECT column_name FROM information_schema.columns WHERE table_schema = '" + db
                    + "' AND table_name = 'probed' ORDER BY ordinal_position")).containsExactly("id", "note");
        }
    }

    @Test
    void followsTheBackendCountAndTheFrontendSetting() throws SQLException {
        try (TestingSandbox three = SandboxSupport.fresh(SandboxConfig.ephemeral().withBackends(3));
             Connection c = SandboxSupport.connect(three, null)) {
            ClusterProbe probe = ClusterProbe.of(c);
            assertThat(probe.aliveBackends()).isEqualTo(3);
            assertThat(probe.defaultReplicationNum()).isEqualTo(3);
            SandboxSupport.execute(c, StarRocksDialect.latest().setFrontendConfig("default_replication_num", "2"));
            assertThat(probe.defaultReplicationNum()).isEqualTo(2);
        }
    }

    @Test
    void noAliveBackendIsAClearError() throws SQLException {
        try (TestingSandbox none = SandboxSupport.fresh(SandboxConfig.ephemeral().withBackends(0));
             Connection c = SandboxSupport.connect(none, null)) {
            assertThatThrownBy(() -> ClusterProbe.of(c).defaultReplicationNum())
                    .hasMessage("the StarRocks cluster has no alive backend; tables cannot be created (SHOW BACKENDS)");
        }
    }
}
