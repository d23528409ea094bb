package dev.quarry.replicate;

/**
 * One declared configuration key: its YAML name, value type, default and description. The three key sets
 * ({@link StreamKey}, {@link SourceOption}, {@link TargetOption}) implement it, so parsing, error messages and
 * generated documentation all read the same declaration.
 */
interface Option {
    /** The name as written in YAML. */
    String key();

    ValueType type();

    /** The value when neither the stream nor {@code defaults} sets it; null when there is none. */
    Object defaultValue();

    String description();

    /**
     * Non-null for a key Sling knows but Quarry does not implement: the reason, shown as an error rather than
     * silently ignoring the key.
     */
    default String unsupported() {
        return null;
    }

    /** Validates a converted value beyond its type; returns an error message or null. */
    default String check(Object value) {
        return null;
    }
}
