package dev.quarry.replicate.config;

import dev.quarry.core.ConfigException;
import java.util.List;

/**
 * A replication file (or a one-off stream) that cannot run as written. Carries every error found, each as
 * {@code file:line:column: message}: one error is the message itself; several are the exception's details, in file
 * order, under a message that counts them. Exit code 2.
 */
public final class ReplicationConfigException extends ConfigException {
    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public ReplicationConfigException(List<String> errors) {
        super(null, summary(errors), null, errors.size() == 1 ? List.of() : errors, null);
        this.errors = List.copyOf(errors);
    }

    public ReplicationConfigException(String error) {
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
        return errors.size() + " errors in the replication; nothing was run";
    }
}
