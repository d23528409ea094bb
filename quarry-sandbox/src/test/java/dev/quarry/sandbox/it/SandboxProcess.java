package dev.quarry.sandbox.it;

import static org.awaitility.Awaitility.await;

import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.core.ConditionTimeoutException;

/** A sandbox in a child JVM, so a test can kill it with SIGKILL: prints its ports, then waits to be killed. */
public final class SandboxProcess {
    private SandboxProcess() {}

    public static void main(String[] args) throws Exception {
        Sandbox s = Sandbox.start(SandboxConfig.ephemeral().withDataDir(Path.of(args[0])));
        System.out.println("READY " + s.queryPort() + " " + s.httpPort() + " " + s.beHttpPort());
        System.out.flush();
        // The test kills this JVM. Should the test JVM go away first, stdin (a pipe from it) ends, and this child with
        // it; the deadline ends an orphan whose stdin somehow stays open, long after any test could still use it.
        AtomicBoolean parentGone = new AtomicBoolean();
        Thread watch = new Thread(
                () -> {
                    try {
                        while (System.in.read() >= 0) {
                            // the test writes nothing; only end of stream matters
                        }
                    } catch (IOException e) {
                        // a broken pipe: gone as well
                    }
                    parentGone.set(true);
                },
                "parent-watch");
        watch.setDaemon(true);
        watch.start();
        try {
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(250))
                    .untilTrue(parentGone);
        } catch (ConditionTimeoutException e) {
            // outlived its test
        }
        s.close();
    }
}
