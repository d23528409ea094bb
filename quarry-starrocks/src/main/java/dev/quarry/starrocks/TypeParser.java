package dev.quarry.starrocks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Recursive-descent reader for type strings. */
final class TypeParser {
    /** Every type name this parser reads, for "did you mean" hints. */
    private static final List<String> TYPE_NAMES = Stream.concat(
                    Stream.of(
                            "ARRAY",
                            "MAP",
                            "STRUCT",
                            "DECIMAL",
                            "NUMERIC",
                            "CHAR",
                            "VARCHAR",
                            "VARBINARY",
                            "BINARY",
                            "INTEGER",
                            "BOOL"),
                    Arrays.stream(StarRocksType.Scalar.values()).map(Enum::name))
            .toList();

    private final String text;
    private int pos;

    TypeParser(String text) {
        this.text = text;
    }

    StarRocksType parseWhole() {
        StarRocksType t = parseType();
        skipSpace();
        if (pos != text.length()) {
            throw error("unexpected '" + text.substring(pos) + "'");
        }
        return t;
    }

    private StarRocksType parseType() {
        String word = word();
        if (word.isEmpty()) {
            throw error("expected a type name");
        }
        String upper = word.toUpperCase(Locale.ROOT);
        switch (upper) {
            case "ARRAY" -> {
                expect('<');
                StarRocksType element = parseType();
                expect('>');
                return new StarRocksType.Array(element);
            }
            case "MAP" -> {
                expect('<');
                StarRocksType k = parseType();
                expect(',');
                StarRocksType v = parseType();
                expect('>');
                return new StarRocksType.Map(k, v);
            }
            case "STRUCT" -> {
                expect('<');
                Map<String, StarRocksType> fields = new LinkedHashMap<>();
                java.util.Set<String> seen = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                do {
                    String name = fieldName();
                    fields.put(name, parseType());
                    if (!seen.add(name)) {
                        throw error("duplicate STRUCT field '" + name + "'");
                    }
                } while (accept(','));
                expect('>');
                return new StarRocksType.Struct(fields);
            }
            default -> {}
        }
        List<Integer> args = arguments();
        try {
            switch (upper) {
                case "DECIMAL", "DECIMALV3", "DECIMAL32", "DECIMAL64", "DECIMAL128", "DECIMAL256", "NUMERIC" -> {
                    noMoreThan(args, 2, upper);
                    return new StarRocksType.Decimal(
                            args.isEmpty() ? 10 : args.get(0), args.size() < 2 ? 0 : args.get(1));
                }
                case "CHAR" -> {
                    noMoreThan(args, 1, upper);
                    return new StarRocksType.Char(args.isEmpty() ? 1 : args.get(0));
                }
                case "VARCHAR" -> {
                    noMoreThan(args, 1, upper);
                    return new StarRocksType.Varchar(args.isEmpty() ? 1 : args.get(0));
                }
                case "VARBINARY", "BINARY" -> {
                    noMoreThan(args, 1, upper);
                    return new StarRocksType.Varbinary(args.isEmpty() ? StarRocksType.VARCHAR_MAX : args.get(0));
                }
                case "INTEGER" -> {
                    noMoreThan(args, 1, upper); // INT(11) display widths from MySQL habits carry no meaning
                    return StarRocksType.Scalar.INT;
                }
                case "BOOL" -> {
                    noMoreThan(args, 0, upper);
                    return StarRocksType.Scalar.BOOLEAN;
                }
                default -> {}
            }
        } catch (InvalidSpecException e) {
            throw error(e.problem());
        }
        StarRocksType.Scalar scalar;
        try {
            scalar = StarRocksType.Scalar.valueOf(upper);
        } catch (IllegalArgumentException e) {
            throw error("unknown type '" + word + "'", word, TYPE_NAMES);
        }
        boolean integer = scalar == StarRocksType.Scalar.TINYINT
                || scalar == StarRocksType.Scalar.SMALLINT
                || scalar == StarRocksType.Scalar.INT
                || scalar == StarRocksType.Scalar.BIGINT
                || scalar == StarRocksType.Scalar.LARGEINT;
        noMoreThan(args, integer ? 1 : 0, upper);
        return scalar;
    }

    private void noMoreThan(List<Integer> args, int max, String type) {
        if (args.size() > max) {
            throw error(type + " takes "
                    + (max == 0 ? "no parameters" : "at most " + max + " parameter" + (max == 1 ? "" : "s")));
        }
    }

    private List<Integer> arguments() {
        List<Integer> args = new ArrayList<>();
        if (!accept('(')) {
            return args;
        }
        do {
            skipSpace();
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a number");
            }
            try {
                args.add(Integer.parseInt(text.substring(start, pos)));
            } catch (NumberFormatException e) {
                throw error("number too large: " + text.substring(start, pos));
            }
        } while (accept(','));
        expect(')');
        return args;
    }

    private String fieldName() {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '`') {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated `name`");
                }
                char c = text.charAt(pos++);
                if (c == '`') {
                    if (pos < text.length() && text.charAt(pos) == '`') {
                        sb.append('`');
                        pos++;
                    } else {
                        return sb.toString();
                    }
                } else {
                    sb.append(c);
                }
            }
        }
        String w = word();
        if (w.isEmpty()) {
            throw error("expected a STRUCT field name");
        }
        return w;
    }

    private String word() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private boolean accept(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private InvalidSpecException error(String what) {
        return new InvalidSpecException(message(what));
    }

    /** An unknown name, with the known names closest to it as the hint. */
    private InvalidSpecException error(String what, String name, List<String> known) {
        return InvalidSpecException.unknownName(message(what), name, known);
    }

    private String message(String what) {
        return "invalid StarRocks type '" + text + "' at position " + (pos + 1) + ": " + what;
    }
}
