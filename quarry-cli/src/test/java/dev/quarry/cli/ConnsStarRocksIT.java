package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.testing.TestingSandbox;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry conns ...} with a starrocks connection, against the sandbox over its real ports. */
class ConnsStarRocksIT {
    @TempDir
    Path home;

    @Test
    void setTestExecDiscoverOnTheSandbox() {
        TestingSandbox sandbox = TestingSandbox.get();
        String db = sandbox.createDatabase("qt_cli");
        Cli cli = new Cli(home);
        String userInfo = sandbox.user() + ":" + sandbox.password();
        Cli.Result set = cli.run(
                "conns",
                "set",
                "SR",
                "url=starrocks://" + userInfo + "@" + sandbox.host() + ":" + sandbox.queryPort() + "/" + db,
                "fe_url=" + sandbox.feUrl());
        assertThat(set.exitCode()).as(set.toString()).isZero();

        Cli.Result test = cli.run("conns", "test", "SR");
        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.out())
                .startsWith("success! SR (starrocks at " + sandbox.host() + ":" + sandbox.queryPort() + "): ");
        assertThat(test.err()).contains("StarRocks FE HTTP endpoint " + sandbox.feUrl() + " answered ");

        Cli.Result create = cli.run(
                "conns",
                "exec",
                "SR",
                "create table t (id int, name varchar(20)) duplicate key(id) distributed by hash(id) buckets 1"
                        + " properties (\"replication_num\" = \"1\")");
        assertThat(create.exitCode()).as(create.toString()).isZero();
        // Rows go in through the sandbox's own session: an INSERT over the wire currently trips Connector/J
        // ("Buffer length is less than expected payload length"), a sandbox issue reported separately.
        sandbox.execute("insert into " + db + ".t values (1, 'one'), (2, NULL)");
        Cli.Result exec = cli.run("conns", "exec", "SR", "select id, name from t order by id");
        assertThat(exec.exitCode()).as(exec.toString()).isZero();
        assertThat(exec.out()).isEqualTo("""
                +----+------+
                | id | name |
                +----+------+
                |  1 | one  |
                |  2 | NULL |
                +----+------+
                """);

        Cli.Result discover = cli.run("conns", "discover", "SR", db + ".*", "-o", "csv");
        assertThat(discover.exitCode()).as(discover.toString()).isZero();
        assertThat(discover.out()).isEqualTo("schema,name,type\r\n" + db + ",t,table\r\n");
    }
}
