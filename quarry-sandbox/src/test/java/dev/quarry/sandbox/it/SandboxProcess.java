package dev.quarry.sandbox.it;

import dev.quarry.sandbox.Sandbox;
import dev.quarry.sandbox.SandboxConfig;
import java.nio.file.Path;

/** A sandbox in a child JVM, so a test can kill it with SIGKILL: prints its ports, then waits to be killed. */
public final class SandboxProcess {
    private SandboxProcess() {}

    public static void main(String[] args) throws Exception {
        Sandbox s = Sandbox.start(SandboxConfig.ephemeral().withDataDir(Path.of(args[0])));
        System.out.println("READY " + s.queryPort() + " " + s.httpPort() + " " + s.beHttpPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
