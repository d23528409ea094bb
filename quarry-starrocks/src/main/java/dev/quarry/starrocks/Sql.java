package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting and escaping: the only place identifiers and string literals are turned into SQL text. */
final class Sql {
    private Sql() {}

    /** Backtick-quotes an identifier; a backtick inside is doubled, as StarRocks' lexer expects. */
    static String quote(String identifier) {
        requireNonNull(identifier, "identifier is null");
        if (identifier.isEmpty()) {
            throw new InvalidSpecException("identifier is empty");
        }
        return "`" + identifier.replace("`", "``") + "`";
    }

    static String qualified(String database, String name) {
        return database == null ? quote(name) : quote(database) + "." + quote(name);
    }

    /**
     * A single-quoted string literal. StarRocks reads backslash escapes inside literals (MySQL style), so a
     * backslash is doubled; a quote is doubled too, which its lexer also accepts.
     */
    static String literal(String value) {
        requireNonNull(value, "literal value is null");
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("''");
                case '\0' -> sb.append("\\0");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /** A double-quoted string as used in PROPERTIES ("k" = "v") and partition values. */
    static String doubleQuoted(String value) {
        requireNonNull(value, "value is null");
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    static String quoteAll(List<String> identifiers) {
        return identifiers.stream().map(Sql::quote).collect(Collectors.joining(", "));
    }
}
