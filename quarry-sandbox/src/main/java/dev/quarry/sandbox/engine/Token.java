package dev.quarry.sandbox.engine;

import java.util.Locale;

/**
 * One lexical token of MySQL/StarRocks SQL.
 *
 * @param text the token exactly as written
 * @param value identifiers and strings without quotes and escapes; otherwise the text
 * @param start offset of the first character in the statement
 * @param end offset after the last character
 * @param line 1-based line, as StarRocks reports syntax errors
 * @param column 0-based column (ANTLR's charPositionInLine, which StarRocks reports)
 */
record Token(Kind kind, String text, String value, int start, int end, int line, int column) {

    enum Kind {
        WORD,
        QUOTED_IDENT,
        STRING,
        NUMBER,
        SYMBOL,
        VARIABLE,
        END
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && value.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** A name: a bare word or a backquoted identifier. */
    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
    }

    String upper() {
        return value.toUpperCase(Locale.ROOT);
    }
}
