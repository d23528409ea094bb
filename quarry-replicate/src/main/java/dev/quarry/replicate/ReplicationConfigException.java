package dev.quarry.replicate;

import java.util.List;

/**
 * A replication file (or a one-off stream) that cannot run as written. Carries every error found, each as
 * {@code file:line:column: message}; the message lists them one per line. Exit code 2 territory.
 */
public final class ReplicationConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    ReplicationConfigException(List<String> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    ReplicationConfigException(String error) {
        this(List.of(error));
    }

    /** Each error on its own, in file order. */
    public List<String> errors() {
        return errors;
    }

    private static String summary(List<String> errors) {
        if (errors.size() == 1) {
            return errors.get(0);
        }
        return errors.size() + " errors in the replication:\n  " + String.join("\n  ", errors);
    }
}
