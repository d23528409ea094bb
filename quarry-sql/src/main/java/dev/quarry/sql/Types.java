package dev.quarry.sql;

import java.util.Set;

/** The words of StarRocks' types and time units (docs/sql.md §2). */
final class Types {
    /** Types written without parameters. */
    static final Set<String> PLAIN = Set.of(
            "BOOLEAN",
            "BOOL",
            "FLOAT",
            "DOUBLE",
            "DATE",
            "DATETIME",
            "TIME",
            "STRING",
            "BITMAP",
            "HLL",
            "PERCENTILE",
            "JSON");

    /** Types that take an optional length or display width in parentheses. */
    static final Set<String> SIZED = Set.of(
            "TINYINT", "SMALLINT", "INT", "INTEGER", "BIGINT", "LARGEINT", "CHAR", "VARCHAR", "VARBINARY", "BINARY");

    /** Decimal types: optional (precision [, scale]). */
    static final Set<String> DECIMAL =
            Set.of("DECIMAL", "DECIMALV2", "DECIMAL32", "DECIMAL64", "DECIMAL128", "NUMERIC", "NUMBER");

    /** Units of INTERVAL, EXTRACT, TIMESTAMPADD and TIMESTAMPDIFF. */
    static final Set<String> UNITS =
            Set.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND");

    /**
     * Reserved words that are also function names: StarRocks' grammar lets them be called (IF(...), LEFT(...)) and
     * some of them stand alone (CURRENT_DATE).
     */
    static final Set<String> KEYWORD_FUNCTIONS = Set.of(
            "IF",
            "LEFT",
            "RIGHT",
            "REPLACE",
            "MOD",
            "CHAR",
            "LIKE",
            "REGEXP",
            "RLIKE",
            "DATABASE",
            "SCHEMA",
            "CURRENT_USER",
            "CURRENT_ROLE",
            "CURRENT_DATE",
            "CURRENT_TIME",
            "CURRENT_TIMESTAMP",
            "LOCALTIME",
            "LOCALTIMESTAMP",
            "GROUPING",
            "GROUPING_ID",
            "ROW_NUMBER",
            "RANK",
            "DENSE_RANK",
            "NTILE",
            "LEAD",
            "LAG",
            "FIRST_VALUE",
            "LAST_VALUE",
            "ROW");

    /** Keyword functions that may be written without parentheses. */
    static final Set<String> NILADIC = Set.of(
            "CURRENT_USER",
            "CURRENT_ROLE",
            "CURRENT_DATE",
            "CURRENT_TIME",
            "CURRENT_TIMESTAMP",
            "LOCALTIME",
            "LOCALTIMESTAMP");

    private Types() {}
}
