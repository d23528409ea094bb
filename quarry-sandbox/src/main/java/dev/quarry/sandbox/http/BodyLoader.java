package dev.quarry.sandbox.http;

import dev.quarry.sandbox.engine.LoadBatch;
import dev.quarry.sandbox.engine.LoadTxn;
import dev.quarry.sandbox.engine.ResultColumn;
import dev.quarry.sandbox.engine.SqlError;
import dev.quarry.sandbox.load.LoadOptions;
import dev.quarry.sandbox.load.RowReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** Streams one request body into a load transaction, a bounded batch of rows at a time. */
final class BodyLoader {
    /** Rows per engine append: large enough to amortise the engine's per-batch cost, small enough to bound memory. */
    static final int BATCH_ROWS = 4096;

    private BodyLoader() {}

    static void append(LoadTxn txn, LoadOptions options, InputStream body, LoadCounters counters)
            throws IOException, SqlError {
        List<String> source;
        Map<String, String> derived;
        if (options.columns() != null && !options.columns().sourceColumns().isEmpty()) {
            source = options.columns().sourceColumns();
            derived = options.columns().derived();
        } else {
            // `columns: __op='delete'` alone names no fields: the body still holds the table's columns in order.
            source = txn.targetColumns().stream().map(ResultColumn::name).toList();
            derived = options.columns() == null ? Map.of() : options.columns().derived();
        }
        Counting counting = new Counting(body);
        try {
            RowReader reader = RowReader.open(options, counting, source);
            while (true) {
                long t0 = System.nanoTime();
                RowReader.Chunk chunk = reader.next(BATCH_ROWS);
                long t1 = System.nanoTime();
                counters.readNanos += t1 - t0;
                if (chunk == null) {
                    break;
                }
                counters.addParserRejects(chunk.rejected());
                if (!chunk.rows().isEmpty()) {
                    counters.addEngine(txn.append(new LoadBatch(source, derived, options.where(), options.strictMode(),
                            options.timezone(), options.partialUpdate(), options.mergeCondition(), chunk.rows(),
                            chunk.rawRows())));
                }
                counters.writeNanos += System.nanoTime() - t1;
            }
        } finally {
            counters.bytes += counting.count;
        }
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
