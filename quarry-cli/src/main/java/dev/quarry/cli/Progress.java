package dev.quarry.cli;

import dev.quarry.replicate.ReadProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live progress line of a running stream ({@code 12s 1,234,567 rows 102,880 r/s 120 MB}), redrawn in place with
 * {@code \r} on stderr twice a second. Only on a terminal: piped or captured output gets the log lines alone.
 */
final class Progress {
    private static final long PERIOD_MILLIS = 500;

    private Progress() {
    }

    /** Counts what the current thread reads; draws the line when stderr is the process's own terminal. */
    static Line start(PrintStream err, String prefix) {
        ReadProgress counters = ReadProgress.track();
        boolean terminal = System.console() != null && err == System.err;
        return new Line(counters, terminal ? err : null, prefix, System.nanoTime());
    }

    /** {@code 12s 1,234,567 rows 102,880 r/s 120 MB}. */
    static String text(long rows, long bytes, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        long rate = seconds > 0 ? Math.round(rows / seconds) : 0;
        return String.format(Locale.ROOT, "%ds %,d rows %,d r/s %s", (long) seconds, rows, rate, bytesText(bytes));
    }

    private static String bytesText(long bytes) {
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

    static final class Line implements AutoCloseable {
        private final ReadProgress counters;
        private final PrintStream terminal;
        private final ScheduledExecutorService ticker;

        Line(ReadProgress counters, PrintStream terminal, String prefix, long started) {
            this.counters = counters;
            this.terminal = terminal;
            if (terminal == null) {
                ticker = null;
                return;
            }
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "quarry-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(() -> {
                synchronized (terminal) {
                    terminal.print("\r\u001b[K" + prefix + text(counters.rows(), counters.bytes(), System.nanoTime() - started));
                    terminal.flush();
                }
            }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }

        /** Stops counting and erases the line, so the next log line starts clean. */
        @Override
        public void close() {
            counters.close();
            if (ticker != null) {
                ticker.shutdownNow();
                try {
                    ticker.awaitTermination(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (terminal) {
                    terminal.print("\r\u001b[K");
                    terminal.flush();
                }
            }
        }
    }
}
