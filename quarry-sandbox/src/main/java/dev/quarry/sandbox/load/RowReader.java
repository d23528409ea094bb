package dev.quarry.sandbox.load;

import dev.quarry.sandbox.engine.AppendResult;
import dev.quarry.sandbox.engine.SqlError;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Reads a load body a bounded chunk of rows at a time. */
public interface RowReader {

    /**
     * The next rows, at most {@code maxRows}, or {@code null} at the end of the body.
     *
     * @throws SqlError the body cannot be parsed at all (the load fails)
     */
    Chunk next(int maxRows) throws IOException, SqlError;

    /**
     * Parsed rows with their source text for error reports, plus rows the parser itself filtered (wrong field count)
     * with StarRocks' reasons.
     */
    record Chunk(List<String[]> rows, List<String> rawRows, List<AppendResult.RejectedRow> rejected) {}

    /**
     * A reader for {@code options.format()} whose fields are {@code sourceColumns} in order.
     *
     * @throws BadBodyException the body cannot be decoded (not gzip although the format says so)
     */
    static RowReader open(LoadOptions options, InputStream compressed, List<String> sourceColumns) throws IOException {
        InputStream body = compressed;
        if ("gzip".equals(options.compression())) {
            body = GzipBody.open(compressed);
        } else if ("deflate".equals(options.compression())) {
            body = GzipBody.openDeflate(compressed);
        }
        return switch (options.format()) {
            case CSV -> new CsvRowReader(options, body, sourceColumns.size());
            case GZIP -> new CsvRowReader(options, GzipBody.open(body), sourceColumns.size());
            case JSON -> new JsonRowReader(options, body, sourceColumns);
        };
    }
}
