package dev.quarry.sandbox.mysql;

import dev.quarry.sandbox.engine.SqlType;

/** How a StarRocks type is described in a column definition packet: MySQL type code, charset, flags. */
enum ColumnType {
    TINY(0x01, true),
    SHORT(0x02, true),
    LONG(0x03, true),
    LONGLONG(0x08, true),
    FLOAT(0x04, true),
    DOUBLE(0x05, true),
    NEWDECIMAL(0xf6, true),
    DATE(0x0a, true),
    DATETIME(0x0c, true),
    NULL(0x06, true),
    VAR_STRING(0xfd, false),
    STRING(0xfe, false),
    JSON(0xf5, false),
    BLOB(0xfc, true);

    static final int UTF8_GENERAL_CI = 33;
    static final int BINARY = 63;
    static final int NOT_NULL_FLAG = 1;
    static final int BINARY_FLAG = 128;
    static final int NUM_FLAG = 32768;

    final int code;
    final boolean binaryCharset;

    ColumnType(int code, boolean binaryCharset) {
        this.code = code;
        this.binaryCharset = binaryCharset;
    }

    static ColumnType of(SqlType type) {
        return switch (type) {
            case BOOLEAN, TINYINT -> TINY;
            case SMALLINT -> SHORT;
            case INT -> LONG;
            case BIGINT -> LONGLONG;
            // LARGEINT (128-bit) does not fit any MySQL integer type; StarRocks sends it as a string column.
            case LARGEINT, CHAR -> STRING;
            case FLOAT -> FLOAT;
            case DOUBLE -> DOUBLE;
            case DECIMAL -> NEWDECIMAL;
            case DATE -> DATE;
            case DATETIME -> DATETIME;
            case VARCHAR, ARRAY, MAP, STRUCT, BITMAP, HLL, PERCENTILE -> VAR_STRING;
            case JSON -> JSON;
            case BINARY, VARBINARY -> BLOB;
            case NULL_TYPE -> NULL;
        };
    }

    int charset() {
        return binaryCharset ? BINARY : UTF8_GENERAL_CI;
    }

    int flags(boolean nullable) {
        int flags = nullable ? 0 : NOT_NULL_FLAG;
        if (binaryCharset && this != NULL) {
            flags |= BINARY_FLAG;
        }
        if (this == TINY
                || this == SHORT
                || this == LONG
                || this == LONGLONG
                || this == FLOAT
                || this == DOUBLE
                || this == NEWDECIMAL) {
            flags |= NUM_FLAG;
        }
        return flags;
    }
}
