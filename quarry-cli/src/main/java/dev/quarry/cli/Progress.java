package dev.quarry.cli;

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
 * The live progress line of a replication run ({@code 12s 1,234,567 rows 102,880 r/s 120 MB [shop.orders]}): one line for
 * all running streams, redrawn in place with {@code \r} on stderr twice a second. Only on a terminal; piped or captured
 * output gets the log lines alone. {@link #clear()} erases it before a log line so the two do not mix.
 */
final class Progress implements AutoCloseable {
    private static final long PERIOD_MILLIS = 500;

    private final PrintStream terminal;
    private final long started = System.nanoTime();
    private final Map<String, ReadProgress> running = new ConcurrentHashMap<>();
    private final LongAdder doneRows = new LongAdder();
    private final LongAdder doneBytes = new LongAdder();
    private final ScheduledExecutorService ticker;
    private final ScheduledFuture<?> drawing;
    private boolean drawn;

    private Progress(PrintStream terminal) {
        this.terminal = terminal;
        if (terminal == null) {
            ticker = null;
            drawing = null;
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quarry-progress");
            t.setDaemon(true);
            return t;
        });
        // Redrawn until close() cancels it.
        drawing = ticker.scheduleAtFixedRate(this::draw, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Draws on {@code err} when it is the process's own terminal; otherwise only counts. */
    static Progress start(PrintStream err) {
        return new Progress(err == System.err && Terminal.console().isPresent() ? err : null);
    }

    /** Shows {@code counters} (what {@code stream} has read) until the returned handle is closed. */
    Tracked track(String stream, ReadProgress counters) {
        running.put(stream, counters);
        return () -> {
            running.remove(stream);
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
        String line = text(rows(), bytes(), System.nanoTime() - started) + " " + names;
        synchronized (terminal) {
            terminal.print("\r\u001b[K" + line);
            terminal.flush();
            drawn = true;
        }
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
        if (ticker == null) {
            return;
        }
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
