package dev.quarry.replicate.source.mysql;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Log;
import dev.quarry.replicate.source.ReadProgress;
import dev.quarry.replicate.source.ReadTotals;
import dev.quarry.replicate.source.Source;
import dev.quarry.replicate.source.SourceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * A whole-table read in parallel key ranges over one consistent snapshot (docs/type-mapping.md §7.6). MySQL cannot
 * hand one snapshot to several sessions the way PostgreSQL exports one, so the snapshot is made common the way
 * mysqldump does it: {@code FLUSH TABLES WITH READ LOCK} holds writes off for the moment every session runs
 * {@code START TRANSACTION WITH CONSISTENT SNAPSHOT}, then {@code UNLOCK TABLES}. That needs the RELOAD privilege and
 * a lock wait of at most a few seconds; without either, the table is read in one session (one snapshot) and a
 * warning says why. Each range's rows are cut into chunks on its own thread; the consumer takes whole chunks in the
 * order they complete, so memory holds at most two chunks per range.
 */
final class SnapshotReader {
    /** How long FLUSH TABLES WITH READ LOCK may wait for running statements before the read goes serial. */
    private static final int LOCK_WAIT_SECONDS = 5;

    /** How a source splits large reads: into {@code threads} ranges when a table has at least {@code minRows}. */
    record Parallelism(int threads, long minRows) {
        static final Parallelism NONE = new Parallelism(1, Long.MAX_VALUE);
    }

    /** The split of one read: its integer key column and the number of ranges. */
    record Split(String table, String key, int ranges) {
        Split {
            requireNonNull(table, "table is null");
            requireNonNull(key, "key is null");
        }
    }

    private final Connection main;
    private final Supplier<Connection> more;
    private final MySqlSource.ReadPlan plan;
    private final Split split;

    SnapshotReader(Connection main, Supplier<Connection> more, MySqlSource.ReadPlan plan, Split split) {
        this.main = requireNonNull(main, "main is null");
        this.more = requireNonNull(more, "more is null");
        this.plan = requireNonNull(plan, "plan is null");
        this.split = requireNonNull(split, "split is null");
    }

    /** The split of a whole-table read: a single-column integer primary key on a table large enough to be worth it. */
    static Optional<Split> split(MySqlTable table, Parallelism parallelism) {
        if (parallelism.threads() < 2
                || table.estimatedRows() < parallelism.minRows()
                || table.primaryKey().size() != 1) {
            return Optional.empty();
        }
        MySqlColumn key = table.column(table.primaryKey().get(0)).orElseThrow();
        return switch (key.base()) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint" ->
                Optional.of(new Split(
                        MySqlSql.qualified(table.name().schema(), table.name().table()),
                        MySqlSql.ident(key.name()),
                        parallelism.threads()));
            default -> Optional.empty();
        };
    }

    ReadTotals read(long maxRows, long maxBytes, String what, ReadProgress progress, Source.ChunkConsumer consumer) {
        List<Connection> sessions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            if (!snapshot(sessions, warnings, what)) {
                return serial(maxRows, maxBytes, what, progress, consumer, warnings);
            }
            List<String> ranges = ranges(sessions.get(0));
            if (ranges.isEmpty()) {
                return serial(maxRows, maxBytes, what, progress, consumer, warnings);
            }
            return parallel(sessions, ranges, maxRows, maxBytes, what, progress, consumer, warnings);
        } finally {
            end(sessions);
        }
    }

    private ReadTotals serial(
            long maxRows,
            long maxBytes,
            String what,
            ReadProgress progress,
            Source.ChunkConsumer consumer,
            List<String> warnings) {
        ReadTotals totals = new MySqlRowReader(main).read(plan, maxRows, maxBytes, what, progress, consumer);
        List<String> all = new ArrayList<>(warnings);
        all.addAll(totals.warnings());
        return new ReadTotals(totals.rows(), totals.bytes(), totals.chunks(), all);
    }

    /**
     * Opens the range sessions and starts one snapshot in all of them; false (with a warning) when the server does not
     * let this user hold writes off for that moment.
     */
    private boolean snapshot(List<Connection> sessions, List<String> warnings, String what) {
        try (Statement st = main.createStatement()) {
            st.execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_SECONDS);
            try {
                st.execute("FLUSH TABLES WITH READ LOCK");
            } catch (SQLException e) {
                warnings.add("stream " + what + ": read in one session instead of " + split.ranges()
                        + " parallel ranges: one snapshot across sessions needs FLUSH TABLES WITH READ LOCK, which"
                        + " failed (" + MySqlRowReader.oneLine(e) + "); grant RELOAD to read in parallel");
                return false;
            }
            try {
                sessions.add(main);
                for (int i = 1; i < split.ranges(); i++) {
                    sessions.add(more.get());
                }
                for (Connection session : sessions) {
                    try (Statement s = session.createStatement()) {
                        s.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                        s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
                    }
                }
            } finally {
                st.execute("UNLOCK TABLES");
            }
            return true;
        } catch (SQLException e) {
            throw new SourceException("starting a snapshot for " + what + " failed: " + e.getMessage(), e);
        }
    }

    /** The WHERE conditions of the ranges, evenly splitting MIN..MAX of the key as the snapshot sees it. */
    private List<String> ranges(Connection session) {
        BigInteger min;
        BigInteger max;
        String sql = "SELECT CAST(MIN(" + split.key() + ") AS CHAR), CAST(MAX(" + split.key() + ") AS CHAR) FROM "
                + split.table();
        Log.sql(sql);
        try (Statement st = session.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            if (rs.getString(1) == null) {
                return List.of();
            }
            min = new BigInteger(rs.getString(1));
            max = new BigInteger(rs.getString(2));
        } catch (SQLException e) {
            throw new SourceException("reading the key range of " + split.table() + " failed: " + e.getMessage(), e);
        }
        BigInteger n = BigInteger.valueOf(split.ranges());
        BigInteger step = max.subtract(min).divide(n).add(BigInteger.ONE);
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < split.ranges(); i++) {
            BigInteger lo = min.add(step.multiply(BigInteger.valueOf(i)));
            if (lo.compareTo(max) > 0) {
                break;
            }
            BigInteger hi = lo.add(step);
            ranges.add(split.key() + " >= " + lo + (hi.compareTo(max) > 0 ? "" : " AND " + split.key() + " < " + hi));
        }
        return ranges;
    }

    private ReadTotals parallel(
            List<Connection> sessions,
            List<String> ranges,
            long maxRows,
            long maxBytes,
            String what,
            ReadProgress progress,
            Source.ChunkConsumer consumer,
            List<String> warnings) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(ranges.size());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            Connection session = sessions.get(i);
            MySqlSource.ReadPlan piece = new MySqlSource.ReadPlan(
                    plan.statement() + " WHERE " + ranges.get(i), plan.columns(), plan.zone(), Optional.empty());
            Thread worker = new Thread(
                    () -> {
                        Object outcome;
                        try {
                            outcome = new MySqlRowReader(session)
                                    .read(piece, maxRows, maxBytes, what, progress, (n, in) -> {
                                        put(queue, in.readAllBytes());
                                    });
                        } catch (RuntimeException e) {
                            outcome = e;
                        }
                        if (!Thread.currentThread().isInterrupted()) {
                            try {
                                queue.put(outcome);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    },
                    "quarry-mysql-range-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        long rows = 0;
        long bytes = 0;
        int chunks = 0;
        int finished = 0;
        Set<String> all = new LinkedHashSet<>(warnings);
        try {
            while (finished < workers.size()) {
                Object item = queue.take();
                if (item instanceof byte[] chunk) {
                    chunks++;
                    consumer.chunk(chunks, new ByteArrayInputStream(chunk));
                } else if (item instanceof ReadTotals t) {
                    finished++;
                    rows += t.rows();
                    bytes += t.bytes();
                    all.addAll(t.warnings());
                } else if (item instanceof RuntimeException e) {
                    throw e;
                } else {
                    throw new IllegalStateException("unexpected item from a range reader: " + item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while reading " + what, e);
        } catch (IOException e) {
            if (e.getCause() instanceof SourceException) {
                throw (SourceException) e.getCause();
            }
            throw new SourceException("streaming " + what + " failed: " + e.getMessage(), e);
        } finally {
            if (finished < workers.size()) {
                // Workers blocked on a full queue stop when their session is closed (end) and the queue drains.
                workers.forEach(Thread::interrupt);
                queue.clear();
            }
        }
        return new ReadTotals(rows, bytes, chunks, List.copyOf(all));
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("a parallel range read was stopped", e);
        }
    }

    /** Ends the snapshot transactions and closes the extra sessions (the main one stays open). */
    private void end(List<Connection> sessions) {
        for (Connection session : sessions) {
            try {
                if (session == main) {
                    try (Statement st = session.createStatement()) {
                        st.execute("COMMIT");
                    }
                } else {
                    session.close();
                }
            } catch (SQLException e) {
                // Ending a read-only snapshot cannot lose anything; the read's own outcome is what counts.
            }
        }
    }
}
