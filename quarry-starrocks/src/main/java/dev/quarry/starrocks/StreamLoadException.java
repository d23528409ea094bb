package dev.quarry.starrocks;

import dev.quarry.core.RunException;
import java.util.List;
import java.util.Optional;

/**
 * A Stream Load, or a step of a load transaction, that failed (exit code 1). The one-line message names the target
 * and label and carries the server's reason and the first rejected rows from its ErrorURL; it is scrubbed of
 * registered secrets like every {@link RunException}.
 */
public final class StreamLoadException extends RunException {
    private static final long serialVersionUID = 1L;

    private final String label;
    private final String status;
    private final Optional<String> existingJobStatus;
    private final List<String> rejectedRows;
    private final boolean retryable;

    StreamLoadException(
            String message,
            String label,
            String status,
            Optional<String> existingJobStatus,
            List<String> rejectedRows,
            boolean retryable,
            Throwable cause) {
        super(message, cause);
        this.label = label;
        this.status = status;
        this.existingJobStatus = existingJobStatus;
        this.rejectedRows = List.copyOf(rejectedRows);
        this.retryable = retryable;
    }

    public String label() {
        return label;
    }

    /** The server's status ({@code Fail}, {@code LABEL_ALREADY_EXISTS}, ...) or {@code HTTP <code>} / {@code TRANSPORT}. */
    public String status() {
        return status;
    }

    /** For a label clash: {@code RUNNING} or {@code FINISHED}. */
    public Optional<String> existingJobStatus() {
        return existingJobStatus;
    }

    /** True when the label belongs to a load or transaction that already committed. */
    public boolean labelAlreadyCommitted() {
        return existingJobStatus.filter("FINISHED"::equals).isPresent();
    }

    /** The first rejected rows StarRocks wrote to the load's error log. */
    public List<String> rejectedRows() {
        return rejectedRows;
    }

    /** Whether the failure was transient (transport error, 5xx, server busy); retries were already spent. */
    public boolean retryable() {
        return retryable;
    }
}
