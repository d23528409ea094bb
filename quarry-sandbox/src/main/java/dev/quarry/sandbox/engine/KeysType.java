package dev.quarry.sandbox.engine;

/** The four StarRocks table types and what each does with a row whose key already exists. */
enum KeysType {
    DUPLICATE("DUPLICATE KEY", "DUP_KEYS", "DUP_KEYS"),
    AGGREGATE("AGGREGATE KEY", "AGG_KEYS", "AGG_KEYS"),
    UNIQUE("UNIQUE KEY", "UNQ_KEYS", "UNIQUE_KEYS"),
    PRIMARY("PRIMARY KEY", "PRI_KEYS", "PRIMARY_KEYS");

    private final String sql;
    private final String model;
    private final String javaName;

    KeysType(String sql, String model, String javaName) {
        this.sql = sql;
        this.model = model;
        this.javaName = javaName;
    }

    /** StarRocks' enum constant name, which its analyzer messages print (e.g. {@code PRIMARY_KEYS}). */
    String errorName() {
        return javaName;
    }

    /** As written in CREATE TABLE and printed by SHOW CREATE TABLE. */
    String sql() {
        return sql;
    }

    /** StarRocks' KeysType name (information_schema.tables_config.TABLE_MODEL, error texts). */
    String model() {
        return model;
    }

    /** Whether a new row replaces or merges with the stored row of the same key. */
    boolean mergesOnKey() {
        return this != DUPLICATE;
    }
}
