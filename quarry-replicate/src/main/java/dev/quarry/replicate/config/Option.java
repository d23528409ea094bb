package dev.quarry.replicate.config;

import static java.util.Objects.requireNonNull;

/**
 * One declared configuration key: its YAML name, value type, default and description. The three key sets
 * ({@link StreamKey}, {@link SourceOption}, {@link TargetOption}) implement it, so parsing, error messages and
 * generated documentation all read the same declaration.
 */
public interface Option {
    /** What the enum constant declares; the accessors below read it. */
    Declaration declaration();

    /** The name as written in YAML. */
    default String key() {
        return declaration().key();
    }

    default ValueType type() {
        return declaration().type();
    }

    /** The value when neither the stream nor {@code defaults} sets it; null when there is none. */
    default Object defaultValue() {
        return declaration().defaultValue();
    }

    default String description() {
        return declaration().description();
    }

    /**
     * Non-null for a key Sling knows but Quarry does not implement: the reason, shown as an error rather than
     * silently ignoring the key.
     */
    default String unsupported() {
        return declaration().unsupported();
    }

    /**
     * Non-null for a Sling key that has no effect on StarRocks: the reason, printed once per file as a warning (with
     * file:line) while the key is accepted (docs/sling.md §7).
     */
    default String ignored() {
        return declaration().ignored();
    }

    /** Validates a converted value beyond its type; returns an error message or null. */
    default String check(Object value) {
        return null;
    }

    /**
     * For an honoured key, a value that Quarry accepts but that changes nothing on StarRocks: why, as one line; else
     * null (docs/sling.md §7).
     */
    default String noEffect(Object value) {
        return null;
    }

    /**
     * Everything declared about one key: name, type, default, description, and why it has no effect if it has none.
     *
     * @param key the name as written in YAML
     * @param type the value type; null for a nested section or an unsupported key
     * @param defaultValue null when there is none
     * @param description one line for the generated documentation; for an unsupported key, the reason
     * @param unsupported the reason Quarry rejects the key, or null when it is implemented
     * @param ignored why the key, accepted, has no effect on StarRocks; null when it is honoured or refused
     */
    record Declaration(
            String key, ValueType type, Object defaultValue, String description, String unsupported, String ignored) {
        public Declaration {
            requireNonNull(key, "key is null");
            requireNonNull(description, "description is null");
            if ((unsupported != null || ignored != null) && (type != null || defaultValue != null)) {
                throw new IllegalArgumentException("unsupported or ignored key " + key + " has a type or default");
            }
        }

        static Declaration of(String key, ValueType type, Object defaultValue, String description) {
            return new Declaration(key, type, defaultValue, description, null, null);
        }

        static Declaration unsupported(String key, String reason) {
            return new Declaration(key, null, null, reason, reason, null);
        }

        static Declaration ignored(String key, String reason) {
            return new Declaration(key, null, null, reason, null, reason);
        }
    }
}
