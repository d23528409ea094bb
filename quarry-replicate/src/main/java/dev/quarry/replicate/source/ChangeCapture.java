package dev.quarry.replicate.source;

/**
 * Change capture on a source (room for it; no source implements it yet, see {@link Source#changeCapture()}): the
 * source's change-log position, stored with the target like a checkpoint, and the changes after one. A PostgreSQL
 * implementation would read a logical replication slot (positions are LSNs); MySQL/MariaDB the binlog (GTID sets).
 */
public interface ChangeCapture {
    /** The source's current change-log position, as opaque text to store and hand back to {@link #read}. */
    String position();

    /**
     * Reads the changes after {@code position} as CSV chunks (framed like {@link Source#read}, with the change kind as
     * an extra first column) and returns the position after the last change read.
     */
    String read(String position, long maxRows, long maxBytes, ReadProgress progress, Source.ChunkConsumer consumer);
}
