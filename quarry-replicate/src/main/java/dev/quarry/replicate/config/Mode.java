package dev.quarry.replicate.config;

import java.util.Arrays;
import java.util.List;

/** Replication modes (docs/sling.md §2.1) and what each needs from a stream. */
public enum Mode {
    FULL_REFRESH("full-refresh") {
        @Override
        public String missingKeys(boolean hasPrimaryKey, boolean hasUpdateKey, boolean hasRange) {
            return null;
        }
    },
    TRUNCATE("truncate") {
        @Override
        public String missingKeys(boolean hasPrimaryKey, boolean hasUpdateKey, boolean hasRange) {
            return null;
        }
    },
    INCREMENTAL("incremental") {
        @Override
        public String missingKeys(boolean hasPrimaryKey, boolean hasUpdateKey, boolean hasRange) {
            // Sling's own message for the same case (docs/sling.md §2.1).
            return hasPrimaryKey || hasUpdateKey
                    ? null
                    : "must specify value for 'update_key' and/or 'primary_key' for incremental mode";
        }
    },
    SNAPSHOT("snapshot") {
        @Override
        public String missingKeys(boolean hasPrimaryKey, boolean hasUpdateKey, boolean hasRange) {
            return null;
        }
    },
    BACKFILL("backfill") {
        @Override
        public String missingKeys(boolean hasPrimaryKey, boolean hasUpdateKey, boolean hasRange) {
            if (!hasPrimaryKey || !hasUpdateKey) {
                return "backfill needs both 'primary_key' and 'update_key'";
            }
            return hasRange ? null : "backfill needs source_options.range (\"start,end\")";
        }
    };

    private static final List<String> SLING_ONLY = List.of("definition-only", "change-capture");

    private final String yamlName;

    Mode(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The spelling in replication files and on the command line. */
    public String yamlName() {
        return yamlName;
    }

    /** Reads {@code incremental} etc.; null when the name is not a Quarry mode. */
    public static Mode parse(String name) {
        return Arrays.stream(values())
                .filter(m -> m.yamlName.equals(name.trim()))
                .findFirst()
                .orElse(null);
    }

    static String unknownMessage(String name) {
        if (SLING_ONLY.contains(name.trim())) {
            return "mode '" + name + "' is not supported by Quarry";
        }
        List<String> names = Arrays.stream(values()).map(Mode::yamlName).toList();
        String close = ConfigErrors.closest(name, names);
        return "unknown mode '" + name + "'"
                + (close != null ? "; did you mean '" + close + "'?" : " (known: " + String.join(", ", names) + ")");
    }

    /** Sling's inference: a stream with a primary or update key is incremental, any other full-refresh. */
    public static Mode infer(boolean hasPrimaryKey, boolean hasUpdateKey) {
        return hasPrimaryKey || hasUpdateKey ? INCREMENTAL : FULL_REFRESH;
    }

    /** Why a stream in this mode cannot run with the keys it has, or null. */
    public abstract String missingKeys(boolean hasPrimaryKey, boolean hasUpdateKey, boolean hasRange);

    /** True when the read starts from the target's checkpoint rather than reading everything. */
    public boolean readsFromCheckpoint() {
        return this == INCREMENTAL;
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
