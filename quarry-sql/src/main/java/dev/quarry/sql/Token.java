package dev.quarry.sql;

import java.util.Locale;
import java.util.Objects;

/**
 * One lexical token.
 *
 * @param kind what the token is
 * @param text the token as written in the source
 * @param value the value: unescaped for strings and backquoted names, the text otherwise
 * @param line 1-based line
 * @param column 0-based column within the line
 * @param offset index of the first character in the source
 */
record Token(Kind kind, String text, String value, int line, int column, int offset) {
    enum Kind {
        /** A bare word: a keyword or a name. */
        WORD,
        /** A backquoted name. */
        QUOTED,
        STRING,
        INTEGER,
        DECIMAL,
        DOUBLE,
        SYMBOL,
        /** An optimizer hint, {@code /*+ ... *}{@code /}. */
        HINT,
        EOF
    }

    Token {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(value, "value is null");
    }

    /** The upper-cased word, for keyword comparisons. */
    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    boolean isWord(String upperWord) {
        return kind == Kind.WORD && text.equalsIgnoreCase(upperWord);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** How an error message names the token: its text, or {@code <EOF>}. */
    String shown() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
