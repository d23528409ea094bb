package dev.quarry.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The sandbox's audit log: one JSON line per statement and per Stream Load, like StarRocks' fe.audit.log.
 * Shared by the MySQL and HTTP front ends; not part of the public API even though it is public.
 */
public final class QueryLog implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();
    // Secrets in statements (CREATE USER ... IDENTIFIED BY '...', SET PASSWORD = PASSWORD('...')) never reach the log.
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(identified\\s+(?:with\\s+\\S+\\s+)?(?:by|as)\\s+(?:password\\s+)?|password\\s*\\(\\s*|password\\s*=\\s*)'(?:[^'\\\\]|\\\\.|'')*'");

    private final Writer out;
    private final Clock clock;

    private QueryLog(Writer out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** A log that writes nothing. */
    public static QueryLog disabled() {
        return new QueryLog(null, Clock.systemUTC());
    }

    /** Appends to {@code file}, creating it (and its directory) if needed; line times are read from {@code clock}. */
    public static QueryLog open(Path file, Clock clock) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new QueryLog(
                new BufferedWriter(Files.newBufferedWriter(
                        file,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE)),
                clock);
    }

    /** One statement on the MySQL port. {@code error} is null when it succeeded. */
    public void statement(String user, String database, String client, String sql, long millis, String error) {
        if (out == null) {
            return;
        }
        write(
                "statement",
                user,
                database,
                client,
                "statement",
                redact(sql),
                error == null ? "OK" : "ERR",
                millis,
                error,
                -1,
                Map.of());
    }

    /**
     * The load headers a log line records, those of docs/starrocks.md §1.2 that shape a load. An allow-list, so that
     * {@code Authorization} and any other credential a client sends never reach the log.
     */
    static final List<String> LOAD_HEADERS = List.of(
            "format",
            "columns",
            "where",
            "partial_update",
            "partial_update_mode",
            "merge_condition",
            "column_separator",
            "row_delimiter",
            "enclose",
            "escape",
            "skip_header",
            "trim_space",
            "max_filter_ratio",
            "strict_mode",
            "timezone",
            "timeout",
            "partitions",
            "temporary_partitions",
            "jsonpaths",
            "json_root",
            "strip_outer_array",
            "ignore_json_size",
            "compression",
            "content-encoding",
            "load_mem_limit",
            "log_rejected_record_num",
            "negative",
            "load_dop",
            "enable_merge_commit",
            "txn_op",
            "idle_transaction_timeout",
            "prepared_timeout");

    /**
     * One Stream Load (or transaction-interface operation); {@code status} is the response's Status, {@code headers}
     * looks the request's headers up (case-insensitively) so the line shows what the client sent.
     */
    public void load(
            String user,
            String database,
            String table,
            String label,
            String status,
            long millis,
            String error,
            long loadedRows,
            Function<String, String> headers) {
        if (out == null) {
            return;
        }
        Map<String, String> sent = new LinkedHashMap<>();
        for (String name : LOAD_HEADERS) {
            String value = headers.apply(name);
            if (value != null) {
                sent.put(name, value);
            }
        }
        write("stream_load", user, database, table, "label", label, status, millis, error, loadedRows, sent);
    }

    static String redact(String sql) {
        return SECRET.matcher(sql).replaceAll("$1'***'");
    }

    private void write(
            String kind,
            String user,
            String database,
            String extra,
            String subjectKey,
            String subject,
            String state,
            long millis,
            String error,
            long loadedRows,
            Map<String, String> headers) {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("time", clock.instant().toString());
            g.writeStringField("kind", kind);
            g.writeStringField("user", user);
            g.writeStringField("database", database);
            if (kind.equals("stream_load")) {
                g.writeStringField("table", extra);
            } else {
                g.writeStringField("client", extra);
            }
            g.writeStringField(subjectKey, subject);
            g.writeStringField("state", state);
            g.writeNumberField("timeMs", millis);
            if (loadedRows >= 0) {
                g.writeNumberField("loadedRows", loadedRows);
            }
            if (error != null) {
                g.writeStringField("error", error);
            }
            if (!headers.isEmpty()) {
                g.writeObjectFieldStart("headers");
                for (Map.Entry<String, String> h : headers.entrySet()) {
                    g.writeStringField(h.getKey(), h.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            try {
                out.write(line.toString());
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                // An unwritable audit log must not fail the client's statement; StarRocks behaves the same.
            }
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // closing at shutdown: nothing useful to do
            }
        }
    }
}
