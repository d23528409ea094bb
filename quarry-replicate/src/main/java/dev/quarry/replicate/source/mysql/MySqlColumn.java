package dev.quarry.replicate.source.mysql;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A column as MySQL or MariaDB declares it.
 *
 * @param name the column name
 * @param columnType the full declared type, lower case, as information_schema's COLUMN_TYPE or SHOW COLUMNS print it
 *     ({@code bigint(20) unsigned}, {@code enum('a','b')}, {@code datetime(6)})
 * @param charset the character set of a text column ({@code utf8mb4}), empty otherwise
 * @param notNull whether the column is NOT NULL
 * @param json whether the column holds JSON (MySQL's JSON type, or MariaDB's LONGTEXT with a json_valid check)
 */
record MySqlColumn(String name, String columnType, String charset, boolean notNull, boolean json) {
    MySqlColumn {
        requireNonNull(name, "name is null");
        columnType = columnType.toLowerCase(Locale.ROOT).strip();
        charset = charset == null ? "" : charset.toLowerCase(Locale.ROOT);
    }

    /** The charset a collation name starts with ({@code utf8mb4_general_ci} → {@code utf8mb4}). */
    static String charsetOfCollation(String collation) {
        if (collation == null || collation.isEmpty()) {
            return "";
        }
        int underscore = collation.indexOf('_');
        return underscore < 0 ? collation : collation.substring(0, underscore);
    }

    /** The type's name without arguments or attributes: {@code bigint}, {@code enum}, {@code decimal}. */
    String base() {
        int end = 0;
        while (end < columnType.length() && Character.isLetterOrDigit(columnType.charAt(end))) {
            end++;
        }
        return columnType.substring(0, end);
    }

    boolean unsigned() {
        return columnType.contains(" unsigned");
    }

    /** The first number in the parentheses (a length, precision or fsp), or {@code fallback} when there is none. */
    int length(int fallback) {
        List<Integer> numbers = numbers();
        return numbers.isEmpty() ? fallback : numbers.get(0);
    }

    /** The second number in the parentheses (a scale), or {@code fallback}. */
    int scale(int fallback) {
        List<Integer> numbers = numbers();
        return numbers.size() < 2 ? fallback : numbers.get(1);
    }

    private List<Integer> numbers() {
        List<Integer> numbers = new ArrayList<>();
        int open = columnType.indexOf('(');
        int close = columnType.indexOf(')', open + 1);
        if (open < 0 || close < 0 || base().equals("enum") || base().equals("set")) {
            return numbers;
        }
        int value = -1;
        for (int i = open + 1; i <= close; i++) {
            char c = columnType.charAt(i);
            if (Character.isDigit(c)) {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
            } else if (value >= 0) {
                numbers.add(value);
                value = -1;
            }
        }
        return numbers;
    }

    /** The labels of an ENUM or SET, as declared ({@code ''} inside a label is one quote). */
    List<String> labels() {
        List<String> labels = new ArrayList<>();
        int open = columnType.indexOf('(');
        if (open < 0) {
            return labels;
        }
        StringBuilder label = null;
        for (int i = open + 1; i < columnType.length(); i++) {
            char c = columnType.charAt(i);
            if (label == null) {
                if (c == '\'') {
                    label = new StringBuilder();
                } else if (c == ')') {
                    break;
                }
            } else if (c == '\'') {
                if (i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                    label.append('\'');
                    i++;
                } else {
                    labels.add(label.toString());
                    label = null;
                }
            } else {
                label.append(c);
            }
        }
        return labels;
    }
}
