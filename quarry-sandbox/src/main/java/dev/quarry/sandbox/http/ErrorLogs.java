package dev.quarry.sandbox.http;

import dev.quarry.sandbox.engine.AppendResult.RejectedRow;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rejected-row reports served at {@code /api/_load_error_log?file=...}; the newest few hundred are kept in memory. */
final class ErrorLogs {
    private static final int KEEP = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> logs = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEEP;
        }
    };

    private volatile String urlBase = "";

    /** Reports are served by the BE HTTP port at {@code host:bePort}. */
    void advertise(String host, int bePort) {
        urlBase = "http://" + host + ":" + bePort + "/api/_load_error_log?file=";
    }

    /** Stores the load's rejected rows and returns their ErrorURL, or null when it rejected none. */
    String url(LoadCounters counters) {
        if (counters.rejected.isEmpty()) {
            return null;
        }
        return urlBase + store(counters.rejected);
    }

    /** Stores a report and returns its file name, shaped like the BE's {@code error_log_<hex>_<hex>}. */
    String store(List<RejectedRow> rows) {
        StringBuilder sb = new StringBuilder();
        for (RejectedRow r : rows) {
            sb.append("Error: ")
                    .append(r.reason())
                    .append(". Row: ")
                    .append(r.row())
                    .append('\n');
        }
        String name = String.format("error_log_%016x_%016x", RANDOM.nextLong(), RANDOM.nextLong());
        synchronized (logs) {
            logs.put(name, sb.toString());
        }
        return name;
    }

    String get(String name) {
        synchronized (logs) {
            return logs.get(name);
        }
    }
}
