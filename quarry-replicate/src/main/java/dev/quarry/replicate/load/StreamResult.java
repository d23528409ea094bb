package dev.quarry.replicate.load;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.config.Mode;
import dev.quarry.replicate.plan.TargetTable;
import java.time.Duration;

/** What one stream did: rows read from the source and loaded into the target, body bytes, Stream Load calls. */
public record StreamResult(
        String stream,
        TargetTable target,
        Mode mode,
        long rowsRead,
        long rowsLoaded,
        long bytes,
        int loads,
        Duration elapsed) {
    public StreamResult {
        requireNonNull(stream, "stream is null");
        requireNonNull(target, "target is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(elapsed, "elapsed is null");
    }

    /**
     * The line Sling prints for a stream (docs/sling.md §5.2), e.g. {@code inserted 60000 rows into demo.orders in 2 secs
     * [22,830 r/s] [5.3 MB]}: whole seconds, the rate over the real elapsed time with thousands separators, SI bytes
     * (left out when zero).
     */
    public String summary() {
        double seconds = elapsed.toNanos() / 1e9;
        StringBuilder line = new StringBuilder("inserted ")
                .append(rowsLoaded)
                .append(" rows into ")
                .append(target)
                .append(" in ")
                .append(elapsed.toSeconds())
                .append(" secs");
        if (rowsLoaded > 0 && seconds > 0) {
            line.append(String.format(java.util.Locale.ROOT, " [%,d r/s]", Math.round(rowsLoaded / seconds)));
        }
        if (bytes > 0) {
            line.append(" [").append(siBytes(bytes)).append(']');
        }
        return line.toString();
    }

    static String siBytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
