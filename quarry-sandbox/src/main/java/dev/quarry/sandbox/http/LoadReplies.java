package dev.quarry.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON bodies the BE answers loads and transaction operations with, keys in StarRocks' order. */
final class LoadReplies {
    private LoadReplies() {}

    /** StreamLoadContext::to_json key order (docs/starrocks.md §1.4). */
    static Map<String, Object> loadJson(
            long txnId,
            String label,
            String status,
            String existing,
            String message,
            LoadCounters c,
            long beginMs,
            long readMs,
            long writeMs,
            long commitMs,
            long start,
            String errorUrl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("TxnId", txnId);
        m.put("Label", label);
        m.put("Status", status);
        if (existing != null) {
            m.put("ExistingJobStatus", existing);
        }
        m.put("Message", message);
        m.put("NumberTotalRows", c.total);
        m.put("NumberLoadedRows", c.loaded);
        m.put("NumberFilteredRows", c.filtered);
        m.put("NumberUnselectedRows", c.unselected);
        m.put("LoadBytes", c.bytes);
        m.put("LoadTimeMs", ms(start));
        m.put("BeginTxnTimeMs", beginMs);
        m.put("StreamLoadPlanTimeMs", 0L);
        m.put("ReadDataTimeMs", readMs);
        m.put("WriteDataTimeMs", writeMs);
        m.put("CommitAndPublishTimeMs", commitMs);
        if (errorUrl != null) {
            m.put("ErrorURL", errorUrl);
        }
        return m;
    }

    /** Counts and timings of a transaction-interface reply ({@code prepare}, {@code commit}). */
    static Map<String, Object> counts(Map<String, Object> m, long txnId, LoadCounters c, long start, long commitMs) {
        m.put("TxnId", txnId);
        m.put("NumberTotalRows", c.total);
        m.put("NumberLoadedRows", c.loaded);
        m.put("NumberFilteredRows", c.filtered);
        m.put("NumberUnselectedRows", c.unselected);
        m.put("LoadBytes", c.bytes);
        m.put("LoadTimeMs", ms(start));
        m.put("StreamLoadPlanTimeMs", 0L);
        m.put("ReceivedDataTimeMs", c.readNanos / 1_000_000);
        m.put("WriteDataTimeMs", c.writeNanos / 1_000_000);
        m.put("CommitAndPublishTimeMs", commitMs);
        return m;
    }

    /** to_resp_json order: Status, Message, then Label on success. */
    static Map<String, Object> txnMap(String status, String message, String label) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Status", status);
        m.put("Message", message);
        if (label != null) {
            m.put("Label", label);
        }
        return m;
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Milliseconds since {@code startNanos} ({@link System#nanoTime()}). */
    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
