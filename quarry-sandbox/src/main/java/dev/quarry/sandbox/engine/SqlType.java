package dev.quarry.sandbox.engine;

/** StarRocks column types as the front ends need to describe them (docs/starrocks.md §4). */
public enum SqlType {
    BOOLEAN,
    TINYINT,
    SMALLINT,
    INT,
    BIGINT,
    LARGEINT,
    FLOAT,
    DOUBLE,
    DECIMAL,
    DATE,
    DATETIME,
    CHAR,
    VARCHAR,
    BINARY,
    VARBINARY,
    JSON,
    ARRAY,
    MAP,
    STRUCT,
    BITMAP,
    HLL,
    PERCENTILE,
    NULL_TYPE
}
