package dev.quarry.sandbox.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBScalarFunctionBuilder;

/** DuckDB macros standing in for StarRocks functions DuckDB lacks (created per connection, not persisted). */
final class Functions {
    private Functions() {}

    static final List<String> MACROS = List.of(
            "CREATE OR REPLACE TEMP MACRO sr_datediff(a, b) AS date_diff('day', CAST(b AS DATE), CAST(a AS DATE))",
            "CREATE OR REPLACE TEMP MACRO sr_days_add(d, n) AS CAST(d AS TIMESTAMP) + to_days(CAST(n AS INTEGER))",
            "CREATE OR REPLACE TEMP MACRO sr_months_add(d, n) AS CAST(d AS TIMESTAMP) + to_months(CAST(n AS INTEGER))",
            "CREATE OR REPLACE TEMP MACRO sr_years_add(d, n) AS CAST(d AS TIMESTAMP) + to_years(CAST(n AS INTEGER))",
            "CREATE OR REPLACE TEMP MACRO sr_hours_add(d, n) AS CAST(d AS TIMESTAMP) + to_hours(CAST(n AS BIGINT))",
            "CREATE OR REPLACE TEMP MACRO sr_minutes_add(d, n) AS CAST(d AS TIMESTAMP) + to_minutes(CAST(n AS BIGINT))",
            "CREATE OR REPLACE TEMP MACRO sr_seconds_add(d, n) AS CAST(d AS TIMESTAMP) + to_seconds(CAST(n AS BIGINT))",
            "CREATE OR REPLACE TEMP MACRO sr_weeks_add(d, n) AS CAST(d AS TIMESTAMP) + to_weeks(CAST(n AS INTEGER))",
            "CREATE OR REPLACE TEMP MACRO sr_to_date(d) AS CAST(CAST(d AS TIMESTAMP) AS DATE)",
            "CREATE OR REPLACE TEMP MACRO sr_dayofweek(d) AS dayofweek(CAST(d AS DATE)) + 1",
            "CREATE OR REPLACE TEMP MACRO sr_get_json_int(j, p) AS TRY_CAST(json_extract_string(CAST(j AS JSON), p) AS BIGINT)",
            "CREATE OR REPLACE TEMP MACRO sr_get_json_double(j, p) AS TRY_CAST(json_extract_string(CAST(j AS JSON), p) AS DOUBLE)",
            "CREATE OR REPLACE TEMP MACRO sr_get_json_string(j, p) AS json_extract_string(CAST(j AS JSON), p)",
            "CREATE OR REPLACE TEMP MACRO sr_json_query(j, p) AS json_extract(CAST(j AS JSON), p)",
            "CREATE OR REPLACE TEMP MACRO sr_parse_json(s) AS CAST(s AS JSON)",
            "CREATE OR REPLACE TEMP MACRO sr_json_string(j) AS CAST(j AS VARCHAR)",
            "CREATE OR REPLACE TEMP MACRO sr_str_length(s) AS strlen(CAST(s AS VARCHAR))",
            "CREATE OR REPLACE TEMP MACRO sr_locate(sub, s) AS instr(CAST(s AS VARCHAR), CAST(sub AS VARCHAR))",
            // MySQL converts numbers to text for string functions; DuckDB does not.
            "CREATE OR REPLACE TEMP MACRO sr_upper(s) AS upper(CAST(s AS VARCHAR))",
            "CREATE OR REPLACE TEMP MACRO sr_lower(s) AS lower(CAST(s AS VARCHAR))",
            "CREATE OR REPLACE TEMP MACRO sr_array_join(a, sep) AS array_to_string(a, sep)",
            "CREATE OR REPLACE TEMP MACRO sr_truncate(x, d) AS trunc(x * pow(10, d)) / pow(10, d)",
            "CREATE OR REPLACE TEMP MACRO sr_substring_index(s, d, n) AS CASE WHEN n > 0 THEN"
                    + " array_to_string(string_split(s, d)[1:n], d) WHEN n < 0 THEN array_to_string(string_split(s, d)[n:], d)"
                    + " ELSE '' END",
            "CREATE OR REPLACE TEMP MACRO sr_array_slice(a, o, n) AS list_slice(a, o, o + n - 1)",
            "CREATE OR REPLACE TEMP MACRO sr_sha2(s, bits) AS CASE WHEN bits IN (0, 256) THEN sha256(s) END",
            "CREATE OR REPLACE TEMP MACRO sr_space(n) AS repeat(' ', CAST(n AS INTEGER))",
            "CREATE OR REPLACE TEMP MACRO sr_from_unixtime(n, offset_seconds) AS"
                    + " strftime(make_timestamp(CAST(n AS BIGINT) * 1000000) + to_seconds(offset_seconds), '%Y-%m-%d %H:%M:%S')",
            "CREATE OR REPLACE TEMP MACRO sr_unix_timestamp(d, offset_seconds) AS"
                    + " CAST(epoch(CAST(d AS TIMESTAMP)) AS BIGINT) - offset_seconds");

    /** The function {@link Rewriter#nowSql} calls instead of DuckDB's now(). */
    static final String NOW = "sr_now";

    /**
     * Registers {@code sr_now()} on {@code conn}: the {@code TIMESTAMP WITH TIME ZONE} of {@code clock}, where DuckDB's
     * own now() would read the system clock. Like the macros it lives with the connection, so views that call it keep
     * working after a restart. Not volatile, so DuckDB may fold it to one value per statement, as StarRocks' now() is.
     */
    static void registerNow(Connection conn, Clock clock) throws SQLException {
        try (DuckDBScalarFunctionBuilder f = DuckDBFunctions.scalarFunction()) {
            f.withName(NOW)
                    .withReturnType(DuckDBColumnType.TIMESTAMP_WITH_TIME_ZONE)
                    .withFunction(() -> OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .register(conn);
        }
    }

    /** StarRocks function name → DuckDB function or macro, where only the name differs. */
    static String rename(String lowerName) {
        return switch (lowerName) {
            case "datediff" -> "sr_datediff";
            case "days_add", "adddate" -> "sr_days_add";
            case "months_add" -> "sr_months_add";
            case "years_add" -> "sr_years_add";
            case "hours_add" -> "sr_hours_add";
            case "minutes_add" -> "sr_minutes_add";
            case "seconds_add" -> "sr_seconds_add";
            case "weeks_add" -> "sr_weeks_add";
            case "to_date" -> "sr_to_date";
            case "dayofweek" -> "sr_dayofweek";
            case "dayofmonth" -> "day";
            case "weekofyear" -> "week";
            case "get_json_int" -> "sr_get_json_int";
            case "get_json_double" -> "sr_get_json_double";
            case "get_json_string", "json_extract_string" -> "sr_get_json_string";
            case "json_query" -> "sr_json_query";
            case "parse_json" -> "sr_parse_json";
            case "json_string" -> "sr_json_string";
            case "length", "octet_length" -> "sr_str_length";
            case "char_length", "character_length" -> "length";
            case "locate" -> "sr_locate";
            case "array_join" -> "sr_array_join";
            case "array_distinct" -> "list_distinct";
            case "array_sort" -> "list_sort";
            case "array_sum" -> "list_sum";
            case "array_max" -> "list_max";
            case "array_min" -> "list_min";
            case "array_avg" -> "list_avg";
            case "truncate" -> "sr_truncate";
            case "rand" -> "random";
            case "nvl" -> "coalesce";
            case "percentile_approx" -> "approx_quantile";
            case "split" -> "string_split";
            case "lcase", "lower" -> "sr_lower";
            case "date" -> "sr_to_date";
            case "substring_index" -> "sr_substring_index";
            case "sha2" -> "sr_sha2";
            case "space" -> "sr_space";
            case "strleft" -> "left";
            case "ndv" -> "approx_count_distinct";
            case "std" -> "stddev_pop";
            case "array_slice" -> "sr_array_slice";
            case "json_length" -> "json_array_length";
            case "strright" -> "right";
            case "ucase", "upper" -> "sr_upper";
            default -> null;
        };
    }

    /** MySQL/StarRocks date format specifiers → strftime/strptime specifiers. */
    static String strftimeFormat(String mysql) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < mysql.length(); i++) {
            char c = mysql.charAt(i);
            if (c != '%' || i + 1 >= mysql.length()) {
                b.append(c);
                continue;
            }
            char f = mysql.charAt(++i);
            b.append(
                    switch (f) {
                        case 'Y' -> "%Y";
                        case 'y' -> "%y";
                        case 'm' -> "%m";
                        case 'c' -> "%-m";
                        case 'd' -> "%d";
                        case 'e' -> "%-d";
                        case 'H', 'k' -> "%H";
                        case 'h', 'I', 'l' -> "%I";
                        case 'i' -> "%M";
                        case 's', 'S' -> "%S";
                        case 'f' -> "%f";
                        case 'p' -> "%p";
                        case 'M' -> "%B";
                        case 'b' -> "%b";
                        case 'W' -> "%A";
                        case 'a' -> "%a";
                        case 'j' -> "%j";
                        case 'T' -> "%H:%M:%S";
                        case 'r' -> "%I:%M:%S %p";
                        case 'u', 'v' -> "%V";
                        case 'U' -> "%U";
                        case '%' -> "%%";
                        default -> String.valueOf(f);
                    });
        }
        return b.toString();
    }
}
