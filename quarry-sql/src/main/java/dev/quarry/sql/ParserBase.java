package dev.quarry.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The token cursor under every parser class: look-ahead, accepting and expecting words and symbols, errors. */
abstract class ParserBase {
    final String sql;
    final List<Token> tokens;
    int pos;

    ParserBase(String sql) {
        this.sql = sql;
        this.tokens = new ArrayList<>(Lexer.tokenize(sql));
        this.tokens.removeIf(t -> t.kind() == Token.Kind.HINT && !hintAllowedAfter(t));
    }

    private boolean hintAllowedAfter(Token hint) {
        // A hint is kept only right after SELECT, INSERT, UPDATE or DELETE; elsewhere it is a comment.
        int i = tokens.indexOf(hint);
        if (i <= 0) {
            return false;
        }
        Token before = tokens.get(i - 1);
        return before.isWord("SELECT") || before.isWord("INSERT") || before.isWord("UPDATE") || before.isWord("DELETE");
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.EOF) {
            pos++;
        }
        return t;
    }

    /** Fails unless all input has been read. */
    void expectEnd() {
        if (!atEnd()) {
            throw unexpected("<EOF>");
        }
    }

    /** The source text from token {@code from} up to (not including) the current token. */
    String textFrom(int from) {
        Token first = tokens.get(from);
        Token last = tokens.get(pos - 1);
        return sql.substring(first.offset(), last.offset() + last.text().length());
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.EOF;
    }

    boolean at(String word) {
        return peek().isWord(word);
    }

    /** Whether the next tokens are these words in order. */
    boolean at(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!peek(i).isWord(words[i])) {
                return false;
            }
        }
        return true;
    }

    boolean atSymbol(String symbol) {
        return peek().isSymbol(symbol);
    }

    boolean accept(String word) {
        if (at(word)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Accepts the words only when all of them follow. */
    boolean accept(String... words) {
        if (at(words)) {
            pos += words.length;
            return true;
        }
        return false;
    }

    boolean acceptSymbol(String symbol) {
        if (atSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(String word) {
        if (!accept(word)) {
            throw unexpected("'" + word + "'");
        }
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw unexpected("'" + symbol + "'");
        }
    }

    /** Expects one of the words and returns it upper-cased. */
    String expectOneOf(String... words) {
        for (String w : words) {
            if (accept(w)) {
                return w;
            }
        }
        StringBuilder list = new StringBuilder();
        for (String w : words) {
            list.append(list.length() == 0 ? "" : ", ").append('\'').append(w).append('\'');
        }
        throw unexpected(list.toString());
    }

    /** StarRocks' error for the next token: {@code Unexpected input 'x', the most similar input is {expected}.} */
    SqlSyntaxException unexpected(String expected) {
        return unexpectedAt(peek(), expected);
    }

    static SqlSyntaxException unexpectedAt(Token t, String expected) {
        return new SqlSyntaxException(
                t.line(),
                t.column(),
                "Unexpected input '" + t.shown() + "', the most similar input is {" + expected + "}.");
    }

    /** Whether the next token can be a name: a non-reserved bare word or a backquoted name. */
    boolean atIdentifier() {
        return isIdentifier(peek());
    }

    static boolean isIdentifier(Token t) {
        return t.kind() == Token.Kind.QUOTED || (t.kind() == Token.Kind.WORD && !Reserved.isReserved(t.text()));
    }

    String identifier() {
        if (!atIdentifier()) {
            throw unexpected("a legal identifier");
        }
        return next().value();
    }

    /** {@code a}, {@code a.b} or {@code a.b.c}. */
    List<String> qualifiedName() {
        List<String> parts = new ArrayList<>();
        parts.add(identifier());
        while (atSymbol(".") && isIdentifier(peek(1))) {
            pos++;
            parts.add(identifier());
        }
        return parts;
    }

    /** {@code (a, b, ...)}. */
    List<String> identifierList() {
        expectSymbol("(");
        List<String> names = new ArrayList<>();
        do {
            names.add(identifier());
        } while (acceptSymbol(","));
        expectSymbol(")");
        return names;
    }

    String string() {
        if (peek().kind() != Token.Kind.STRING) {
            throw unexpected("a string literal");
        }
        return next().value();
    }

    boolean atString() {
        return peek().kind() == Token.Kind.STRING;
    }

    long integer() {
        if (peek().kind() != Token.Kind.INTEGER) {
            throw unexpected("an integer");
        }
        Token t = next();
        try {
            return Long.parseLong(t.text());
        } catch (NumberFormatException e) {
            throw unexpectedAt(t, "an integer");
        }
    }

    String identifierOrString() {
        return atString() ? string() : identifier();
    }

    /** {@code PROPERTIES ("k" = "v", ...)} when present; an empty map otherwise. */
    Map<String, String> optionalProperties() {
        return accept("PROPERTIES") ? propertyList() : new LinkedHashMap<>();
    }

    /** {@code ("k" = "v", ...)}. */
    Map<String, String> propertyList() {
        Map<String, String> props = new LinkedHashMap<>();
        expectSymbol("(");
        do {
            String key = string();
            expectSymbol("=");
            props.put(key, string());
        } while (acceptSymbol(","));
        expectSymbol(")");
        return props;
    }

    /** Replaces a {@code >>} or {@code >>>} token by single {@code >} tokens, for nested type brackets. */
    void splitAngle() {
        Token t = peek();
        if (t.isSymbol(">>") || t.isSymbol(">>>")) {
            tokens.remove(pos);
            for (int i = t.text().length() - 1; i >= 0; i--) {
                tokens.add(pos, new Token(Token.Kind.SYMBOL, ">", ">", t.line(), t.column() + i, t.offset() + i));
            }
        }
    }

    /** Closes a type's angle bracket, splitting {@code >>} first. */
    void expectCloseAngle() {
        splitAngle();
        expectSymbol(">");
    }
}
