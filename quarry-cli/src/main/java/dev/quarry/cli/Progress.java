package dev.quarry.cli;

import dev.quarry.core.Log;
import dev.quarry.replicate.source.ReadProgress;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live progress of a replication run. On a terminal, one line on stderr redrawn in place with {@code \r} twice a
 * second: the run's rows, rate and bytes, and each running stream's rows with its share and ETA when the source
 * estimated its size ({@code 12s 1,234,567 rows 102,880 r/s 120 MB [shop.orders 82% ETA 3s]}); {@link #clear()} erases
 * it before a log line so the two do not mix. Piped or captured output gets a log line per running stream every 10
 * seconds instead, so a long stream is never silent.
 */
final class Progress implements AutoCloseable {
    private static final long PERIOD_MILLIS = 500;
    private static final long LOG_PERIOD_MILLIS = 10_000;

    private final PrintStream terminal;
    private final long started = System.nanoTime();
    private final Map<String, ReadProgress> running = new ConcurrentHashMap<>();
    private final LongAdder doneRows = new LongAdder();
    private final LongAdder doneBytes = new LongAdder();
    private final ScheduledExecutorService ticker;
    private final ScheduledFuture<?> drawing;
    private boolean drawn;

    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();

    private Progress(PrintStream terminal, long logPeriodMillis) {
        this.terminal = terminal;
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quarry-progress");
            t.setDaemon(true);
            return t;
        });
        // Redrawn (or logged) until close() cancels it.
        drawing = terminal != null
                ? ticker.scheduleAtFixedRate(this::draw, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS)
                : ticker.scheduleAtFixedRate(this::log, logPeriodMillis, logPeriodMillis, TimeUnit.MILLISECONDS);
    }

    /** Draws on {@code err} when it is the process's own terminal; otherwise only counts. */
    static Progress start(PrintStream err) {
        return new Progress(err == System.err && Terminal.console().isPresent() ? err : null, LOG_PERIOD_MILLIS);
    }

    /** Logs every {@code periodMillis} and never draws: what a test sees of a run without a terminal. */
    static Progress logging(long periodMillis) {
        return new Progress(null, periodMillis);
    }

    /** Shows {@code counters} (what {@code stream} has read) until the returned handle is closed. */
    Tracked track(String stream, ReadProgress counters) {
        running.put(stream, counters);
        startedAt.put(stream, System.nanoTime());
        return () -> {
            running.remove(stream);
            startedAt.remove(stream);
            doneRows.add(counters.rows());
            doneBytes.add(counters.bytes());
        };
    }

    /** One stream's counting; closing it moves its counts into the run's total. */
    interface Tracked extends AutoCloseable {
        @Override
        void close();
    }

    /** Rows read so far by every stream of the run. */
    long rows() {
        return doneRows.sum()
                + running.values().stream().mapToLong(ReadProgress::rows).sum();
    }

    long bytes() {
        return doneBytes.sum()
                + running.values().stream().mapToLong(ReadProgress::bytes).sum();
    }

    /** Erases the line (if drawn) so that a log line can follow; the next tick draws it again. */
    void clear() {
        if (terminal == null) {
            return;
        }
        synchronized (terminal) {
            if (drawn) {
                terminal.print("\r\u001b[K");
                terminal.flush();
                drawn = false;
            }
        }
    }

    private void draw() {
        List<String> names = new ArrayList<>(running.keySet());
        if (names.isEmpty()) {
            return;
        }
        names.sort(null);
        List<String> streams = new ArrayList<>();
        for (String name : names) {
            ReadProgress p = running.get(name);
            Long since = startedAt.get(name);
            if (p != null && since != null) {
                streams.add(name + share(p.rows(), p.expectedRows(), System.nanoTime() - since));
            }
        }
        String line = text(rows(), bytes(), System.nanoTime() - started) + " " + streams;
        synchronized (terminal) {
            terminal.print("\r\u001b[K" + line);
            terminal.flush();
            drawn = true;
        }
    }

    /** One log line per running stream: {@code stream shop.orders: 1,234,567 rows 102,880 r/s 120 MB (82%, ETA 3s)}. */
    private void log() {
        List<String> names = new ArrayList<>(running.keySet());
        names.sort(null);
        for (String name : names) {
            ReadProgress p = running.get(name);
            Long since = startedAt.get(name);
            if (p != null && since != null) {
                long elapsed = System.nanoTime() - since;
                String share = share(p.rows(), p.expectedRows(), elapsed);
                Log.info("stream " + name + ": " + text(p.rows(), p.bytes(), elapsed)
                        + (share.isEmpty() ? "" : " (" + share.strip() + ")"));
            }
        }
    }

    /**
     * {@code " 82% ETA 3s"} from the rows read and the source's estimate of the total, or "" without an estimate. An
     * estimate that turned out low shows no share and no ETA rather than a share over 100%.
     */
    static String share(long rows, long expected, long elapsedNanos) {
        if (expected <= 0 || rows > expected) {
            return "";
        }
        long percent = rows * 100 / expected;
        double seconds = elapsedNanos / 1e9;
        if (rows == 0 || seconds <= 0) {
            return " " + percent + "%";
        }
        long eta = Math.round((expected - rows) / (rows / seconds));
        return " " + percent + "% ETA " + duration(eta);
    }

    /** {@code 42s}, {@code 3m05s}, {@code 1h02m}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }

    /** {@code 12s 1,234,567 rows 102,880 r/s 120 MB}. */
    static String text(long rows, long bytes, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        long rate = seconds > 0 ? Math.round(rows / seconds) : 0;
        return String.format(Locale.ROOT, "%ds %,d rows %,d r/s %s", (long) seconds, rows, rate, bytesText(bytes));
    }

    static String bytesText(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    /** Stops drawing and erases the line. */
    @Override
    public void close() {
        drawing.cancel(false);
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clear();
    }
}
