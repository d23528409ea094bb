package dev.quarry.sandbox.engine;

import static dev.quarry.sandbox.engine.EngineTesting.batch;
import static dev.quarry.sandbox.engine.EngineTesting.csv;
import static dev.quarry.sandbox.engine.EngineTesting.flat;
import static dev.quarry.sandbox.engine.EngineTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Load transactions: conversion rules, strict mode, columns mapping, where, labels, empty loads (docs/starrocks.md §1, §2). */
class LoadTest {
    private Engine engine;
    private EngineSession s;

    @BeforeEach
    void open() throws SqlError {
        engine = Engine.open(EngineTesting.config(1));
        s = engine.openSession("root");
        ok(s, "CREATE DATABASE d");
        ok(s, "USE d");
        ok(
                s,
                "CREATE TABLE t (id INT NOT NULL, name VARCHAR(5), amount DECIMAL(6,2), at DATETIME, day DATE, flag BOOLEAN,"
                        + " big LARGEINT, doc JSON, tags ARRAY<INT>) DUPLICATE KEY(id) PROPERTIES ('replication_num' = '1')");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static final List<String> ALL = List.of("id", "name", "amount", "at", "day", "flag", "big", "doc", "tags");

    @Test
    void convertsEveryTypeFromText() throws SqlError {
        LoadTxn t = engine.beginLoad("d", "t", "types");
        String[] row = {
            "1",
            "ab",
            "12.345",
            "2024-03-10 02:30:00",
            "2024-02-29",
            "true",
            "170141183460469231731687303715884105727",
            "{\"a\": [1, 2]}",
            "[1,2]"
        };
        AppendResult r = t.append(new LoadBatch(
                ALL, Map.of(), null, true, "Asia/Shanghai", false, null, List.<String[]>of(row), List.of()));
        assertThat(r.filteredRows()).isZero();
        t.commit();
        assertThat(flat(s, "SELECT * FROM t"))
                .containsExactly(
                        "1|ab|12.35|2024-03-10 02:30:00|2024-02-29|1|170141183460469231731687303715884105727|{\"a\": [1, 2]}|[1,2]");
    }

    @Test
    void nonStrictTurnsBadValuesIntoNullAndFiltersNotNullViolations() throws SqlError {
        LoadTxn t = engine.beginLoad("d", "t", "lenient");
        AppendResult r = t.append(csv(
                List.of("id", "amount", "at", "name"),
                "1,abc,2024-01-01,ok",
                "x,1.00,2024-01-01,ok",
                "2,1.5,2024-13-01,ok",
                "3,1,2024-01-01 10:00:00,toolong",
                "\\N,1,2024-01-01,ok"));
        assertThat(r.totalRows()).isEqualTo(5);
        assertThat(r.loadedRows()).isEqualTo(2);
        assertThat(r.filteredRows()).isEqualTo(3);
        assertThat(r.rejected())
                .extracting(AppendResult.RejectedRow::row)
                .containsExactly("x,1.00,2024-01-01,ok", "3,1,2024-01-01 10:00:00,toolong", "\\N,1,2024-01-01,ok");
        assertThat(r.rejected().get(1).reason()).contains("too long");
        CommitResult c = t.commit();
        assertThat(c.totals().filteredRows()).isEqualTo(3);
        assertThat(flat(s, "SELECT id, amount, at FROM t ORDER BY id"))
                .containsExactly("1|\\N|2024-01-01 00:00:00", "2|1.50|\\N");
    }

    @Test
    void strictModeFiltersRowsThatDoNotConvert() throws SqlError {
        LoadTxn t = engine.beginLoad("d", "t", "strict");
        AppendResult r = t.append(
                batch(List.of("id", "amount"), Map.of(), null, true, false, null, "1,abc", "2,9999.99", "3,10000"));
        assertThat(r.loadedRows()).isEqualTo(1);
        assertThat(r.filteredRows()).isEqualTo(2);
        assertThat(r.rejected().get(0).reason())
                .isEqualTo("Value 'abc' is invalid for column 'amount' of type decimal(6, 2)");
        assertThat(r.rejected().get(1).reason())
                .isEqualTo("Value '10000' is out of range for column 'amount' of type decimal(6, 2)");
        t.commit();
        assertThat(flat(s, "SELECT id, amount FROM t")).containsExactly("2|9999.99");
    }

    @Test
    void columnExpressionsAndWhereCountUnselectedRows() throws SqlError {
        LoadTxn t = engine.beginLoad("d", "t", "mapped");
        AppendResult r = t.append(batch(
                List.of("id", "raw_name", "cents"),
                Map.of("name", "upper(raw_name)", "amount", "cents / 100"),
                "id > 1",
                false,
                false,
                null,
                "1,ann,100",
                "2,bob,250",
                "3,cy,7"));
        assertThat(r.totalRows()).isEqualTo(3);
        assertThat(r.unselectedRows()).isEqualTo(1);
        assertThat(r.loadedRows()).isEqualTo(2);
        t.commit();
        assertThat(flat(s, "SELECT id, name, amount FROM t ORDER BY id")).containsExactly("2|BOB|2.50", "3|CY|0.07");
    }

    @Test
    void nothingIsVisibleBeforeCommitAndAbortFreesTheLabel() throws SqlError {
        LoadTxn t = engine.beginLoad("d", "t", "txn-1");
        t.append(csv(List.of("id"), "1"));
        t.append(csv(List.of("id"), "2", "3"));
        t.prepare();
        assertThat(t.state()).isEqualTo(TxnState.PREPARED);
        assertThat(flat(s, "SELECT count(*) FROM t")).containsExactly("0");
        assertThat(engine.labelState("d", "txn-1")).contains(TxnState.PREPARED);
        LabelAlreadyExistsException running =
                catchThrowableOfType(LabelAlreadyExistsException.class, () -> engine.beginLoad("d", "t", "txn-1"));
        assertThat(running.existingJobStatus()).isEqualTo("RUNNING");
        t.abort("rolled back by client");
        t.abort("again");
        assertThat(t.state()).isEqualTo(TxnState.ABORTED);
        assertThat(engine.labelState("d", "txn-1")).contains(TxnState.ABORTED);
        assertThat(flat(s, "SELECT count(*) FROM t")).containsExactly("0");
        LoadTxn again = engine.beginLoad("d", "t", "txn-1");
        again.append(csv(List.of("id"), "9"));
        assertThat(again.commit().totals().loadedRows()).isEqualTo(1);
        assertThat(again.commit().state()).isEqualTo(TxnState.VISIBLE);
        assertThat(flat(s, "SELECT id FROM t")).containsExactly("9");
        assertThat(engine.labelState("d", "never")).isEmpty();
    }

    @Test
    void emptyLoadFailsWithTheCurrentMessageUnlessConfigured() throws SqlError {
        LoadTxn t = engine.beginLoad("d", "t", "empty");
        t.append(csv(List.of("id")));
        SqlError e = catchThrowableOfType(SqlError.class, t::commit);
        assertThat(e.code()).isEqualTo(5603);
        assertThat(e.getMessage())
                .isEqualTo("No partitions have data available for loading. If you are sure there may be "
                        + "no data to be loaded, you can use `ADMIN SET FRONTEND CONFIG ('empty_load_as_error' = 'false')` to "
                        + "ensure such load jobs can succeed");
        assertThat(t.state()).isEqualTo(TxnState.ABORTED);
        ok(s, "ADMIN SET FRONTEND CONFIG ('empty_load_as_error' = 'false')");
        LoadTxn t2 = engine.beginLoad("d", "t", "empty");
        assertThat(t2.commit().state()).isEqualTo(TxnState.VISIBLE);
    }

    @Test
    void rowsNoPartitionAcceptsAreFiltered() throws SqlError {
        ok(
                s,
                "CREATE TABLE p (dt DATE, v INT) DUPLICATE KEY(dt) PARTITION BY RANGE(dt) ("
                        + " PARTITION p1 VALUES [('2024-01-01'), ('2024-02-01'))) DISTRIBUTED BY HASH(dt)"
                        + " PROPERTIES ('replication_num' = '1')");
        LoadTxn t = engine.beginLoad("d", "p", "parts");
        AppendResult r = t.append(csv(List.of("dt", "v"), "2024-01-05,1", "2024-03-01,2"));
        assertThat(r.loadedRows()).isEqualTo(1);
        assertThat(r.filteredRows()).isEqualTo(1);
        assertThat(r.rejected()).singleElement().satisfies(x -> {
            assertThat(x.row()).isEqualTo("2024-03-01,2");
            assertThat(x.reason()).isEqualTo("no partition for this tuple");
        });
        t.commit();
        assertThat(flat(s, "SELECT v FROM p")).containsExactly("1");
        assertThat(EngineTesting.error(s, "INSERT INTO p VALUES ('2023-12-31', 3)")
                        .getMessage())
                .startsWith("Insert has filtered data in strict mode");
    }

    @Test
    void labelsFollowStarRocksFormat() {
        SqlError e = catchThrowableOfType(SqlError.class, () -> engine.beginLoad("d", "t", "bad label!"));
        assertThat(e.getMessage()).isEqualTo("Label format error. regex: ^[-\\w]{1,128}$, label: bad label!");
    }

    @Test
    void unknownTargetsAreRefused() {
        SqlError db = catchThrowableOfType(SqlError.class, () -> engine.beginLoad("nodb", "t", "x"));
        assertThat(db.getMessage()).isEqualTo("Unknown database 'nodb'");
        SqlError table = catchThrowableOfType(SqlError.class, () -> engine.beginLoad("d", "nope", "x"));
        assertThat(table.getMessage()).isEqualTo("Getting analyzing error. Detail message: Unknown table 'd.nope'.");
    }

    @Test
    void blackholeValidatesButStoresNothing() throws SqlError {
        try (Engine bh = Engine.open(new EngineConfig(null, 1, true, "3.5.7"));
                EngineSession b = bh.openSession("root")) {
            ok(b, "CREATE DATABASE d");
            ok(b, "CREATE TABLE d.t (id INT NOT NULL) PROPERTIES ('replication_num' = '1')");
            LoadTxn t = bh.beginLoad("d", "t", "bh");
            AppendResult r = t.append(csv(List.of("id"), "1", "2", "x"));
            assertThat(r.loadedRows()).isEqualTo(2);
            assertThat(t.commit().state()).isEqualTo(TxnState.VISIBLE);
            assertThat(flat(b, "SELECT count(*) FROM d.t")).containsExactly("0");
        }
    }
}
