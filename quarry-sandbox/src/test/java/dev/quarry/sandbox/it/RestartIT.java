package dev.quarry.sandbox.it;

import static dev.quarry.sandbox.it.Loads.headers;
import static dev.quarry.sandbox.it.Loads.json;
import static dev.quarry.sandbox.it.Loads.streamLoad;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox with a data directory killed with SIGKILL restarts with every committed load. */
// A lost answer must fail the test, never hang the build (CI allows 90 minutes; the build should take under 10).
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RestartIT {

    private record Child(Process process, int queryPort, int httpPort) {}

    private static Child launch(Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Duser.timezone=America/Bahia_Banderas",
                        SandboxProcess.class.getName(),
                        data.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("READY ")) {
                String[] parts = line.split(" ", -1);
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (java.io.IOException e) {
                        // child gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new Child(p, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
        }
        throw new AssertionError("child sandbox did not start:\n" + seen);
    }

    private static long count(Child c, String sql) throws Exception {
        try (Connection conn = DriverManager.getConnection(
                        "jdbc:mysql://127.0.0.1:" + c.queryPort() + "/?sslMode=DISABLED&socketTimeout="
                                + Jdbc.SOCKET_TIMEOUT_MS,
                        "root",
                        "");
                Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void committedLoadsSurviveKillMinusNine(@TempDir Path data) throws Exception {
        Child first = launch(data);
        try {
            try (Connection conn = DriverManager.getConnection(
                            "jdbc:mysql://127.0.0.1:" + first.queryPort() + "/?sslMode=DISABLED&socketTimeout="
                                    + Jdbc.SOCKET_TIMEOUT_MS,
                            "root",
                            "");
                    Statement s = conn.createStatement()) {
                s.execute("CREATE DATABASE durable");
                s.execute("CREATE TABLE durable.t (id INT, v VARCHAR(10)) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) "
                        + "PROPERTIES (\"replication_num\" = \"1\")");
            }
            String fe = "http://127.0.0.1:" + first.httpPort();
            for (int load = 0; load < 3; load++) {
                StringBuilder body = new StringBuilder();
                for (int i = 0; i < 1000; i++) {
                    body.append(load * 1000 + i).append("\tv\n");
                }
                JsonNode r = json(streamLoad(fe, "durable", "t", headers("label", "durable_" + load), body.toString()));
                assertThat(r.get("Status").asText()).as(r.toString()).isEqualTo("Success");
            }
            assertThat(count(first, "SELECT count(*) FROM durable.t")).isEqualTo(3000);
        } finally {
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Child second = launch(data);
        try {
            assertThat(count(second, "SELECT count(*) FROM durable.t")).isEqualTo(3000);
            JsonNode dup = json(streamLoad(
                    "http://127.0.0.1:" + second.httpPort(), "durable", "t", headers("label", "durable_1"), "1\tv\n"));
            assertThat(dup.get("Status").asText()).as("labels persist too").isEqualTo("Label Already Exists");
        } finally {
            second.process().destroyForcibly();
            second.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
