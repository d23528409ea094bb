package dev.quarry.replicate.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.testing.TestingSandbox;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every MySQL/MariaDB type through a full refresh into the sandbox, read by MySQL Connector/J from MariaDB, compared
 * with the source value by value: minimum, maximum and NULL of each type, multibyte text with emoji, quotes, commas
 * and newlines, and TIMESTAMP in the target zone.
 */
class MySqlTypesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Column → how its values compare; the source expression gives the source's exact value as text. */
    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("b", "bool");
        for (String c : List.of("ti", "tiu", "si", "siu", "mi", "miu", "i", "iu", "bi", "biu", "d10", "d38", "y")) {
            KINDS.put(c, "number");
        }
        KINDS.put("f", "float");
        KINDS.put("dbl", "double");
        KINDS.put("dt", "date");
        KINDS.put("dtm", "datetime");
        KINDS.put("dts", "datetime");
        KINDS.put("ts", "datetime");
        for (String c : List.of("tm", "c", "vc", "tx", "ttx", "lt", "e", "st", "g")) {
            KINDS.put(c, "text");
        }
        for (String c : List.of("bin", "vb", "bl")) {
            KINDS.put(c, "binary");
        }
        KINDS.put("bt1", "bool");
        KINDS.put("bt", "number");
        KINDS.put("bt64", "number");
        KINDS.put("j", "json");
    }

    private static TestingMariaDb db;
    private static String target;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        db = TestingMariaDb.create("types");
        db.execute("""
                CREATE TABLE types (
                  id INT PRIMARY KEY, b BOOL, ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED,
                  mi MEDIUMINT, miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED,
                  d10 DECIMAL(10,2), d38 DECIMAL(38,10), f FLOAT, dbl DOUBLE, dt DATE, dtm DATETIME(6), dts DATETIME,
                  ts TIMESTAMP(3) NULL, tm TIME(6), y YEAR, c CHAR(5), vc VARCHAR(20), tx TEXT, ttx TINYTEXT,
                  lt LONGTEXT, bin BINARY(4), vb VARBINARY(10), bl BLOB, e ENUM('a','b c','ü'), st SET('x','y','z'),
                  bt1 BIT(1), bt BIT(10), bt64 BIT(64), j JSON, g POINT
                ) CHARACTER SET utf8mb4
                """, """
                INSERT INTO types VALUES
                (1, 0, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0,
                 -99999999.99, -9999999999999999999999999999.9999999999, -3.40282e38, -1.7976931348623157e308,
                 '1000-01-01', '1000-01-01 00:00:00.000000', '1000-01-01 00:00:00', '1970-01-01 00:00:01.000',
                 '-838:59:59.000000', 1901, '', '', '', '', '', 0x00000000, '', '', 'a', '', 0, 0, 0, '{}',
                 ST_GeomFromText('POINT(0 0)')),
                (2, 1, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295, 9223372036854775807,
                 18446744073709551615, 99999999.99, 9999999999999999999999999999.9999999999, 3.14159274, 0.1,
                 '9999-12-31', '9999-12-31 23:59:59.999999', '2026-03-08 01:59:59', '2038-01-19 03:14:07.999',
                 '838:59:59.000000', 2155, 'ab', '😀 ünï,"q"\\n', 'a,b"c\\r\\nd\\\\N', '\\\\N', REPEAT('x😀', 70000),
                 0xDEADBEEF, 0x00FF, 0x0102, 'ü', 'x,z', 1, b'1111111111', 18446744073709551615,
                 '{"k": "v,\\\\"q\\\\"", "e": "😀", "n": [1, 2.5, null]}', ST_GeomFromText('POINT(1.5 -2.25)')),
                (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                 NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                 NULL, NULL, NULL)
                """);
        target = TestingSandbox.get().createDatabase("mysql_types");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void everyTypeRoundTripsValueByValue() throws SQLException {
        MariaDbRun run = MariaDbRun.run(dir, db, "", """
                source: MY
                target: SR
                streams:
                  types:
                    object: %s.types
                    mode: full-refresh
                """.formatted(target));
        assertThat(run.failures).isEmpty();
        assertThat(run.outcome.succeeded()).isEqualTo(1);
        compare("types");
    }

    @Test
    void timestampsArriveAsWallTimeInTheTargetZone() throws SQLException {
        MariaDbRun run = MariaDbRun.run(dir, db, "", """
                source: MY
                target: SR
                streams:
                  types:
                    object: %s.types_zoned
                    mode: full-refresh
                    select: [id, ts, dtm]
                    target_options: {timezone: America/Bahia_Banderas}
                """.formatted(target));
        assertThat(run.failures).isEmpty();
        Map<Integer, List<String>> sink = rows("SELECT id, ts, dtm FROM " + target + ".types_zoned", true);
        // 2038-01-19 03:14:07.999 UTC is 21:14:07.999 the day before in Bahia de Banderas (UTC-6);
        // DATETIME has no zone and passes unchanged.
        assertThat(sink.get(2)).containsExactly("2038-01-18 21:14:07.999000", "9999-12-31 23:59:59.999999");
        // In 1970 the zone kept UTC-7 (Mountain time): the JVM's zone rules apply, history included.
        assertThat(sink.get(1)).containsExactly("1969-12-31 17:00:01", "1000-01-01 00:00:00");
        assertThat(sink.get(3)).containsExactly(null, null);
    }

    @Test
    void columnsAreMappedToTheDocumentedTypes() throws SQLException {
        MariaDbRun.run(dir, db, "", """
                source: MY
                target: SR
                streams:
                  types:
                    object: %s.types_ddl
                    mode: full-refresh
                """.formatted(target));
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = TestingSandbox.get().connect(target);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("DESC types_ddl")) {
            while (rs.next()) {
                types.put(
                        rs.getString(1),
                        rs.getString(2).toUpperCase(Locale.ROOT).replace(" ", ""));
            }
        }
        assertThat(types)
                .containsEntry("b", "BOOLEAN")
                .containsEntry("tiu", "SMALLINT")
                .containsEntry("siu", "INT")
                .containsEntry("mi", "INT")
                .containsEntry("iu", "BIGINT")
                .containsEntry("biu", "LARGEINT")
                .containsEntry("d38", "DECIMAL(38,10)")
                .containsEntry("f", "FLOAT")
                .containsEntry("ts", "DATETIME")
                .containsEntry("tm", "VARCHAR(17)")
                .containsEntry("y", "SMALLINT")
                .containsEntry("c", "VARCHAR(20)")
                .containsEntry("vc", "VARCHAR(80)")
                .containsEntry("tx", "VARCHAR(65535)")
                .containsEntry("lt", "VARCHAR(1048576)")
                .containsEntry("bin", "VARBINARY(4)")
                .containsEntry("e", "VARCHAR(12)")
                .containsEntry("st", "VARCHAR(20)")
                .containsEntry("bt1", "BOOLEAN")
                .containsEntry("bt", "BIGINT")
                .containsEntry("bt64", "LARGEINT")
                .containsEntry("j", "JSON");
    }

    private static void compare(String table) throws SQLException {
        List<String> columns = new ArrayList<>(KINDS.keySet());
        StringBuilder sourceSql = new StringBuilder("SELECT id");
        StringBuilder targetSql = new StringBuilder("SELECT id");
        for (String c : columns) {
            String kind = KINDS.get(c);
            sourceSql
                    .append(", ")
                    .append(
                            switch (kind) {
                                case "binary" -> "HEX(" + c + ")";
                                case "float" -> "(" + c + " + 0E0)";
                                case "bool" -> "CAST(" + c + " AS UNSIGNED)";
                                case "number" ->
                                    c.startsWith("bt") ? "CAST(" + c + " AS UNSIGNED)" : "CAST(" + c + " AS CHAR)";
                                // The server's own text: Connector/J would print YEAR as a date and TIME without its
                                // fraction.
                                default -> c.equals("g") ? "ST_AsText(g)" : "CAST(" + c + " AS CHAR)";
                            });
            targetSql.append(", ").append(c);
        }
        Map<Integer, List<String>> source = new LinkedHashMap<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("SET time_zone = '+00:00'");
            try (ResultSet rs = st.executeQuery(sourceSql + " FROM " + table + " ORDER BY id")) {
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < columns.size(); i++) {
                        values.add(rs.getString(i + 2));
                    }
                    source.put(rs.getInt(1), values);
                }
            }
        }
        Map<Integer, List<String>> sink = rows(targetSql + " FROM " + target + "." + table, false);
        assertThat(sink.keySet()).containsExactlyInAnyOrderElementsOf(source.keySet());
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> row : source.entrySet()) {
            for (int i = 0; i < columns.size(); i++) {
                String column = columns.get(i);
                String expected = row.getValue().get(i);
                String actual = sink.get(row.getKey()).get(i);
                boolean same;
                try {
                    same = same(KINDS.get(column), expected, actual);
                } catch (RuntimeException e) {
                    same = false;
                }
                if (!same) {
                    mismatches.add("row " + row.getKey() + " column " + column + ": source " + expected + ", target "
                            + actual);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static Map<Integer, List<String>> rows(String sql, boolean strings) throws SQLException {
        Map<Integer, List<String>> rows = new LinkedHashMap<>();
        try (Connection c = TestingSandbox.get().connect(target);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 2; i <= n; i++) {
                    String type = rs.getMetaData().getColumnTypeName(i).toUpperCase(Locale.ROOT);
                    if (!strings && (type.contains("BINARY") || type.contains("BLOB"))) {
                        byte[] bytes = rs.getBytes(i);
                        values.add(
                                bytes == null
                                        ? null
                                        : HexFormat.of().withUpperCase().formatHex(bytes));
                    } else {
                        values.add(rs.getString(i));
                    }
                }
                rows.put(rs.getInt(1), values);
            }
        }
        return rows;
    }

    private static boolean same(String kind, String expected, String actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        return switch (kind) {
            case "number" -> new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
            case "bool" -> expected.equals(actual.equals("true") ? "1" : actual.equals("false") ? "0" : actual);
            case "float" -> Float.parseFloat(expected) == Float.parseFloat(actual);
            case "double" -> Double.parseDouble(expected) == Double.parseDouble(actual);
            case "date" -> expected.equals(actual);
            case "datetime" -> dateTime(expected).equals(dateTime(actual));
            case "json" -> json(expected).equals(json(actual));
            default -> expected.equals(actual);
        };
    }

    private static LocalDateTime dateTime(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    private static Object json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }
}
