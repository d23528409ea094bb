package dev.quarry.sql.ast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable, order-keeping copies of PROPERTIES maps. */
final class Props {
    private Props() {}

    static Map<String, String> copy(Map<String, String> properties) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
