package dev.quarry.starrocks;

import java.util.Locale;

/** Transaction state of a load label, as {@code GET /api/{db}/get_load_state} reports it (docs/starrocks.md §1.5). */
public enum LoadState {
    UNKNOWN,
    PREPARE,
    PREPARED,
    COMMITTED,
    VISIBLE,
    ABORTED;

    /** The data is in: committed (visible soon) or visible. */
    public boolean committed() {
        return this == COMMITTED || this == VISIBLE;
    }

    /** No further change will happen on its own. */
    public boolean isFinal() {
        return committed() || this == ABORTED;
    }

    static LoadState parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
