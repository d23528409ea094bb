package dev.quarry.sandbox.engine;

import java.util.ArrayList;
import java.util.List;

/** A position in a token list with the helpers a recursive-descent parser needs. */
final class Cursor {
    private final List<Token> tokens;
    private final String sql;
    private int index;

    Cursor(String sql) throws SqlError {
        this.sql = sql;
        List<Token> all = Lexer.tokenize(sql);
        // A trailing ';' terminates the statement; anything after it is not ours (no multi-statements).
        List<Token> kept = new ArrayList<>(all);
        while (kept.size() >= 2 && kept.get(kept.size() - 2).isSymbol(";")) {
            kept.remove(kept.size() - 2);
        }
        this.tokens = kept;
        for (int i = 0; i < kept.size() - 1; i++) {
            if (kept.get(i).isSymbol(";")) {
                // One statement per COM_QUERY: the sandbox does not advertise multi-statements.
                Token t = kept.get(i);
                throw Lexer.syntax(t.line(), t.column(), "Unexpected input ';', the most similar input is {<EOF>}.");
            }
        }
    }

    String sql() {
        return sql;
    }

    List<Token> tokens() {
        return tokens;
    }

    int index() {
        return index;
    }

    void reset(int to) {
        index = to;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(index);
        if (t.kind() != Token.Kind.END) {
            index++;
        }
        return t;
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.END;
    }

    boolean isWord(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!peek(i).isWord(words[i])) {
                return false;
            }
        }
        return true;
    }

    boolean acceptWord(String... words) {
        if (isWord(words)) {
            index += words.length;
            return true;
        }
        return false;
    }

    boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    void expectWord(String... words) throws SqlError {
        for (String w : words) {
            if (!peek().isWord(w)) {
                throw unexpected(w.toUpperCase(java.util.Locale.ROOT));
            }
            index++;
        }
    }

    void expectSymbol(String symbol) throws SqlError {
        if (!acceptSymbol(symbol)) {
            throw unexpected("'" + symbol + "'");
        }
    }

    void expectEnd() throws SqlError {
        if (!atEnd()) {
            throw unexpected("<EOF>");
        }
    }

    /** A name: bare word or backquoted identifier. */
    String identifier() throws SqlError {
        Token t = peek();
        if (!t.isIdentifier()) {
            throw unexpected("a legal identifier");
        }
        index++;
        return t.value();
    }

    String string() throws SqlError {
        Token t = peek();
        if (t.kind() != Token.Kind.STRING) {
            throw unexpected("a string literal");
        }
        index++;
        return t.value();
    }

    long integer() throws SqlError {
        Token t = peek();
        if (t.kind() != Token.Kind.NUMBER) {
            throw unexpected("an integer");
        }
        try {
            long v = Long.parseLong(t.text());
            index++;
            return v;
        } catch (NumberFormatException e) {
            throw unexpected("an integer");
        }
    }

    /** {@code [db.]name}. */
    QualifiedName qualifiedName() throws SqlError {
        String first = identifier();
        if (acceptSymbol(".")) {
            return new QualifiedName(first, identifier());
        }
        return new QualifiedName(null, first);
    }

    /** Comma-separated identifiers inside parentheses. */
    List<String> identifierList() throws SqlError {
        expectSymbol("(");
        List<String> out = new ArrayList<>();
        do {
            out.add(identifier());
        } while (acceptSymbol(","));
        expectSymbol(")");
        return out;
    }

    /** The source text from token {@code from} (inclusive) to the current position (exclusive). */
    String textFrom(int from) {
        if (from >= index) {
            return "";
        }
        return sql.substring(tokens.get(from).start(), tokens.get(index - 1).end());
    }

    /** The source text of the rest of the statement, without the trailing ';'. */
    String rest() {
        int from = index;
        int to = tokens.size() - 1;
        if (from >= to) {
            return "";
        }
        return sql.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    /** Skips a balanced parenthesised group starting at '('. */
    void skipParens() throws SqlError {
        expectSymbol("(");
        int depth = 1;
        while (depth > 0) {
            Token t = next();
            if (t.kind() == Token.Kind.END) {
                throw unexpected("')'");
            }
            // A fixed range `[("a"), ("b"))` opens with '[' and closes with ')'.
            if (t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]")) {
                depth--;
            }
        }
    }

    SqlError unexpected(String expected) {
        Token t = peek();
        String shown = t.kind() == Token.Kind.END ? "<EOF>" : t.text();
        return Lexer.syntax(
                t.line(),
                t.column(),
                "Unexpected input '" + shown + "', the most similar input is {" + expected + "}.");
    }

    record QualifiedName(String db, String name) {}
}
