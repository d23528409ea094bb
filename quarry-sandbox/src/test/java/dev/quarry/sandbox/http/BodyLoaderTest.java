package dev.quarry.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.quarry.sandbox.engine.Engine;
import dev.quarry.sandbox.engine.EngineConfig;
import dev.quarry.sandbox.engine.EngineSession;
import dev.quarry.sandbox.engine.LoadTxn;
import dev.quarry.sandbox.load.LoadOptions;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request thread must always learn how the parser thread ended; it once waited forever (TransactionIT hang). */
class BodyLoaderTest {

    /** A body whose reader dies with an Error, as a StackOverflowError deep in a parser would. */
    private static final class DyingBody extends InputStream {
        @Override
        public int read() {
            throw new AssertionError("parser thread died");
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return read();
        }
    }

    @Test
    void anErrorOnTheParserThreadFailsTheLoadInsteadOfHangingIt() throws Exception {
        try (Engine engine = Engine.open(EngineConfig.inMemory())) {
            try (EngineSession s = engine.openSession("root")) {
                s.execute("CREATE DATABASE d");
                s.execute("CREATE TABLE d.t (k INT) PROPERTIES ('replication_num' = '1')");
            }
            LoadTxn txn = engine.beginLoad("d", "t", "dies");
            LoadOptions options = LoadOptions.parse(Map.<String, String>of()::get);
            Throwable thrown = assertTimeoutPreemptively(
                    Duration.ofSeconds(20),
                    () -> catchThrowable(() -> BodyLoader.append(txn, options, new DyingBody(), new LoadCounters())));
            assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("parser thread died");
            txn.abort("test over");
        }
    }
}
