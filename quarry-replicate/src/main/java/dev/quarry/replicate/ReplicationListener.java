package dev.quarry.replicate;

import static java.util.Objects.requireNonNull;

import dev.quarry.replicate.load.StreamResult;
import dev.quarry.replicate.plan.StreamPlan;
import dev.quarry.replicate.source.ReadProgress;

/**
 * What a {@link Replication} run reports while it runs: the run's shape, each stream's start, messages, chunks and
 * end, and the outcome. Calls come from the threads running streams (several at once with {@code threads > 1}), so an
 * implementation that prints must be thread-safe. Every method does nothing by default.
 */
public interface ReplicationListener {
    /** Planned and about to run the first stream. */
    default void runStarted(Start start) {}

    /** The stream is about to open its sessions. */
    default void streamStarted(Stream stream) {}

    /** Sessions are open and the stream starts writing to the target; {@link Stream#progress()} counts from here. */
    default void streamWriting(Stream stream) {}

    /** A chunk of the stream was loaded; {@link Stream#progress()} holds what was read so far. */
    default void chunkLoaded(Stream stream, int chunk) {}

    /** A line worth showing about the stream (its checkpoint, columns it added). */
    default void info(Stream stream, String message) {}

    /** A problem that did not stop the stream (filtered rows, an empty source, a leftover staging table). */
    default void warning(Stream stream, String message) {}

    /** A line about the run as a whole (a log hook of the file's start/end hooks); {@code warning} for a problem. */
    default void runMessage(String message, boolean warning) {}

    /** The stream created its target table, {@code table} being its quoted name. */
    default void tableCreated(Stream stream, String table) {}

    default void streamFinished(Stream stream, StreamResult result) {}

    /** The stream failed; the run goes on with the others. */
    default void streamFailed(Stream stream, Exception error) {}

    default void runFinished(Replication.Outcome outcome) {}

    /** A piece of a dry run's text (a header line or one stream's plan), in order, each ending with a newline. */
    default void dryRun(String text) {}

    /** A run about to start. */
    record Start(String source, String target, int streams, int threads, String runId) {
        public Start {
            requireNonNull(source, "source is null");
            requireNonNull(target, "target is null");
            requireNonNull(runId, "runId is null");
        }

        /** {@code Replication [3 streams] | PG -> SR | 2 threads}, the line Sling starts a run with. */
        public String line() {
            return "Replication [" + streams + (streams == 1 ? " stream" : " streams") + "] | " + source + " -> "
                    + target + (threads > 1 ? " | " + Math.min(threads, streams) + " threads" : "");
        }
    }

    /**
     * One stream of a run: its place in the run ({@code [2 / 5]}), its plan, and live counters of what it has read.
     */
    record Stream(int index, int total, StreamPlan plan, ReadProgress progress) {
        public Stream {
            requireNonNull(plan, "plan is null");
            requireNonNull(progress, "progress is null");
        }

        /** {@code [2 / 5] }: what the run's lines about this stream start with. */
        public String prefix() {
            return "[" + index + " / " + total + "] ";
        }
    }
}
