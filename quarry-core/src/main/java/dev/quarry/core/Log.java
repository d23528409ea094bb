package dev.quarry.core;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Console log: one line per event on stderr, {@code HH:mm:ss LVL message}, like Sling's console output
 * (docs/sling.md §5.2). Results go to stdout and never through here. Every line is scrubbed of secrets.
 * With debug on, every SQL statement ({@link #sql}) and HTTP request ({@link #http}) is logged too.
 */
public final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private record Sink(PrintStream err, boolean debug, Clock clock) {}

    // The wall-clock zone is used for these human-facing timestamps only, never for data.
    private static volatile Sink sink = new Sink(System.err, false, Clock.system(ZoneId.systemDefault()));

    private Log() {}

    /** Points the log at {@code err}; called once per command run by the CLI (and by tests). */
    public static void configure(PrintStream err, boolean debug, Clock clock) {
        sink = new Sink(
                Objects.requireNonNull(err, "err is null"), debug, Objects.requireNonNull(clock, "clock is null"));
    }

    public static boolean isDebug() {
        return sink.debug();
    }

    public static void info(String message) {
        write("INF", message);
    }

    public static void warn(String message) {
        write("WRN", message);
    }

    public static void error(String message) {
        write("ERR", message);
    }

    public static void debug(String message) {
        if (sink.debug()) {
            write("DBG", message);
        }
    }

    /** A SQL statement about to be sent to a server (debug only). */
    public static void sql(String sql) {
        if (sink.debug()) {
            write("DBG", "SQL: " + sql.strip());
        }
    }

    /** An HTTP request about to be sent (debug only); user info in the URI is dropped. */
    public static void http(String method, URI uri) {
        if (sink.debug()) {
            String shown = uri.getRawUserInfo() == null
                    ? uri.toString()
                    : uri.toString().replace(uri.getRawUserInfo() + "@", "");
            write("DBG", "HTTP: " + method + " " + shown);
        }
    }

    private static void write(String level, String message) {
        Sink s = sink;
        String time = LocalTime.now(s.clock()).format(TIME);
        s.err().println(time + " " + level + " " + Secrets.scrub(String.valueOf(message)));
        s.err().flush();
    }
}
