package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.EngineTesting.csv;
import static dev.quarry.sandbox.engine.EngineTesting.flat;
import static dev.quarry.sandbox.engine.EngineTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sessions and loads from many threads at once (the front ends call the engine concurrently). */
class ConcurrencyTest {

    @Test
    void concurrentSessionsAndLoadsKeepEveryCommittedRow() throws Exception {
        try (Engine engine = Engine.open(EngineTesting.config(1));
                EngineSession admin = engine.openSession("root")) {
            ok(admin, "CREATE DATABASE d");
            ok(admin, "CREATE TABLE d.t (who VARCHAR(10), n INT) PROPERTIES ('replication_num' = '1')");
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                String who = "sql" + w;
                futures.add(pool.submit(() -> {
                    try (EngineSession s = engine.openSession("root")) {
                        s.useDatabase("d");
                        for (int i = 0; i < 20; i++) {
                            ok(s, "INSERT INTO t VALUES ('" + who + "', " + i + ")");
                            assertThat(flat(s, "SELECT count(*) >= " + (i + 1) + " FROM t WHERE who = '" + who + "'"))
                                    .containsExactly("1");
                        }
                    }
                    return null;
                }));
            }
            for (int w = 0; w < 3; w++) {
                String who = "load" + w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        LoadTxn txn = engine.beginLoad("d", "t", who + "_" + i);
                        txn.append(csv(List.of("who", "n"), who + "," + i, who + "," + (i + 100)));
                        txn.commit();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(flat(admin, "SELECT count(*) FROM d.t WHERE who LIKE 'sql%'"))
                    .containsExactly("60");
            assertThat(flat(admin, "SELECT count(*) FROM d.t WHERE who LIKE 'load%'"))
                    .containsExactly("60");
        }
    }
}
