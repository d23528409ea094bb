package dev.quarry.replicate.source;

import java.util.List;
import java.util.Optional;

/**
 * A session on a source database: everything a replication reads from it. One session serves one stream at a time
 * (not thread-safe); a replication opens one per stream it runs in parallel. {@link Sources} chooses the
 * implementation by the connection's type: PostgreSQL, and MySQL/MariaDB.
 *
 * <ul>
 * <li><b>Catalog and type mapping</b>: {@link #tables}, {@link #describe}, and {@link #prepare}, which maps the
 *     columns a stream reads to StarRocks types and writes the statement that reads them in the text forms Stream Load
 *     parses.</li>
 * <li><b>Bulk read</b>: {@link #read} of a prepared table or custom-SQL read, chunk by chunk. A
 *     {@link ReadSpec#range()} reads one key range; parallel key-range reads take one session and one range each. A
 *     consistent snapshot across such sessions is not offered through this interface: each read sees its own
 *     statement's snapshot. The MySQL source splits a large whole-table read into key ranges itself, over one
 *     snapshot shared by its sessions (docs/type-mapping.md §7.6).</li>
 * <li><b>Incremental read</b>: the same, with a {@link ReadSpec#checkpoint()}: the rows past the update_key value the
 *     target holds.</li>
 * <li><b>Change capture</b>: {@link #changeCapture}, which no source implements yet.</li>
 * </ul>
 */
public interface Source extends SourceCatalog, AutoCloseable {
    /** The tables and views of {@code schema} a SELECT can read, in name order (for wildcard streams). */
    @Override
    List<SourceTable> tables(String schema);

    /**
     * A table's or view's columns in order, each with its source type and the StarRocks type it maps to by default, and
     * its primary key; empty when there is no such table.
     *
     * @throws SourceException when the catalog cannot be read
     */
    Optional<DescribedTable> describe(SourceTable table);

    /**
     * Prepares the read {@code spec} describes: finds its columns (running a custom query with a filter that matches
     * nothing to learn its result columns), applies the stream's column choice and type overrides, and writes the
     * statement {@link #read} runs.
     *
     * @throws dev.quarry.replicate.config.ReplicationConfigException when the stream names columns or keys the
     *     source lacks
     * @throws SourceException when the table does not exist or the query does not run
     */
    SourceRead prepare(ReadSpec spec);

    /**
     * Runs a prepared read and hands its rows to {@code consumer} in chunks of at most {@code maxRows} rows or about
     * {@code maxBytes} bytes, whichever comes first (a single larger row still makes one chunk); zero rows means the
     * consumer is never called. Rows stream straight from the server: memory holds about one row.
     *
     * <p>The bytes are CSV in the columns' order: comma-separated, rows ended by LF, a NULL as an unenclosed
     * {@code \N}, a value holding a comma, a double quote, CR or LF, or equal to {@code \N}, enclosed in double quotes
     * with inner quotes doubled (RFC 4180), and with a single column every value enclosed (so an empty string is not an
     * empty line). Values are in the text forms Stream Load parses for the mapped StarRocks types.
     *
     * @param progress counts every row and byte as it passes, for a live progress line
     * @throws SourceException when the read fails; the message names the stream and, for a value StarRocks cannot
     *     hold, the column
     */
    ReadTotals read(SourceRead read, long maxRows, long maxBytes, ReadProgress progress, ChunkConsumer consumer);

    /**
     * Change capture (reading inserts, updates and deletes from the source's change log after a stored position).
     * No source implements it yet.
     *
     * @throws SourceException always, saying change capture is not supported for this source
     */
    default ChangeCapture changeCapture() {
        throw new SourceException("change capture is not supported for " + kind() + " sources yet");
    }

    /** What kind of database this is, for messages ({@code PostgreSQL}). */
    String kind();

    /** Ends the session (closes its connection when the session owns it). */
    @Override
    void close();

    /** Receives each chunk of a read; must not keep the stream after returning (what it leaves unread is skipped). */
    @FunctionalInterface
    interface ChunkConsumer {
        void chunk(int number, java.io.InputStream rows) throws java.io.IOException;
    }
}
