package dev.quarry.replicate.source.mysql;

import dev.quarry.core.conn.Connections;
import dev.quarry.replicate.Replication;
import dev.quarry.replicate.ReplicationListener;
import dev.quarry.testing.TestingSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs a replication file from a MariaDB test database into the shared sandbox, keeping warnings and failures. */
final class MariaDbRun {
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<Exception> failures = new CopyOnWriteArrayList<>();
    Replication.Outcome outcome;

    static MariaDbRun run(Path dir, TestingMariaDb db, String connectionExtra, String file) {
        TestingSandbox sandbox = TestingSandbox.get();
        Map<String, String> env = Map.of(
                "MY",
                db.connectionJson(connectionExtra),
                "SR",
                "{\"type\": \"starrocks\", \"host\": \"" + sandbox.host() + "\", \"port\": " + sandbox.queryPort()
                        + ", \"user\": \"" + sandbox.user() + "\", \"fe_url\": \"" + sandbox.feUrl() + "\"}");
        MariaDbRun run = new MariaDbRun();
        try {
            Path path = Files.writeString(dir.resolve("replication-" + System.nanoTime() + ".yaml"), file);
            run.outcome = Replication.ofFile(path)
                    .connections(Connections.load(dir, env))
                    .build()
                    .run(new ReplicationListener() {
                        @Override
                        public void warning(Stream stream, String message) {
                            run.warnings.add(message);
                        }

                        @Override
                        public void streamFailed(Stream stream, Exception error) {
                            run.failures.add(error);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run;
    }

    /** The first failure's message, for assertions. */
    String failure() {
        return failures.isEmpty() ? "" : failures.get(0).getMessage();
    }
}
