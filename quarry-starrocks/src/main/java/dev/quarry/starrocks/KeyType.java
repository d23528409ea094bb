package dev.quarry.starrocks;

/** The table type, fixed at creation (docs/starrocks.md §3.2). */
public enum KeyType {
    DUPLICATE("DUPLICATE KEY", "DUP_KEYS"),
    AGGREGATE("AGGREGATE KEY", "AGG_KEYS"),
    UNIQUE("UNIQUE KEY", "UNIQUE_KEYS"),
    PRIMARY("PRIMARY KEY", "PRIMARY_KEYS");

    private final String sql;
    private final String internalName;

    KeyType(String sql, String internalName) {
        this.sql = sql;
        this.internalName = internalName;
    }

    /** The key clause keyword, e.g. {@code PRIMARY KEY}. */
    public String sql() {
        return sql;
    }

    /** The name StarRocks' own messages use, e.g. {@code AGG_KEYS}. */
    String internalName() {
        return internalName;
    }

    /** PRIMARY, UNIQUE and AGGREGATE tables require partition and bucket columns to be key columns (docs/starrocks.md §3.2). */
    boolean partitionAndBucketColumnsMustBeKeys() {
        return this != DUPLICATE;
    }
}
