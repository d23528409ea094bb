package dev.quarry.starrocks;

import dev.quarry.core.ConfigException;
import dev.quarry.core.Location;
import dev.quarry.core.Names;
import java.util.Collection;
import java.util.List;

/**
 * Something a user wrote that StarRocks would refuse, caught before anything is sent: a table, view or materialized
 * view spec, a type string, a partition or distribution clause, a load option, a label, a feature the target release
 * lacks. Exit code 2. Where the message reproduces one of StarRocks' own errors, its text is StarRocks' byte for byte.
 * Callers that know where the mistake is written (a model file, a replication file) catch it and report it there.
 */
public final class InvalidSpecException extends ConfigException {
    private static final long serialVersionUID = 1L;

    InvalidSpecException(String message) {
        super((Location) null, message);
    }

    InvalidSpecException(String message, String hint) {
        super(null, message, hint);
    }

    /** A name that is not one of {@code known}, with the closest known names as the hint when some are close. */
    static InvalidSpecException unknownName(String message, String input, Collection<String> known) {
        List<String> close = Names.closest(input, known);
        String hint = close.isEmpty() ? null : "did you mean " + String.join(" or ", close) + "?";
        return new InvalidSpecException(message, hint);
    }
}
