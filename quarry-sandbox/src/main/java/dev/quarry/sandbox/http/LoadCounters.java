package dev.quarry.sandbox.http;

import dev.quarry.sandbox.engine.AppendResult;
import dev.quarry.sandbox.engine.AppendResult.RejectedRow;
import java.util.ArrayList;
import java.util.List;

/** Row counts of a load over all its chunks, plus the first rejected rows for the ErrorURL. */
final class LoadCounters {
    /** StarRocks' BE keeps a bounded error log too; enough rows to diagnose, not a copy of a bad file. */
    static final int MAX_REJECTED_KEPT = 1000;

    long total;
    long loaded;
    long filtered;
    long unselected;
    long bytes;
    long readNanos;
    long writeNanos;
    final List<RejectedRow> rejected = new ArrayList<>();

    void addEngine(AppendResult r) {
        total += r.totalRows();
        loaded += r.loadedRows();
        filtered += r.filteredRows();
        unselected += r.unselectedRows();
        keep(r.rejected());
    }

    void addParserRejects(List<RejectedRow> rows) {
        total += rows.size();
        filtered += rows.size();
        keep(rows);
    }

    private void keep(List<RejectedRow> rows) {
        for (RejectedRow row : rows) {
            if (rejected.size() >= MAX_REJECTED_KEPT) {
                return;
            }
            rejected.add(row);
        }
    }

    /** StarRocks: a load fails when filtered rows exceed max_filter_ratio of the rows that passed the WHERE filter. */
    boolean tooManyFiltered(double maxFilterRatio) {
        return filtered > maxFilterRatio * (loaded + filtered);
    }
}
