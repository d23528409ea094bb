package dev.quarry.models.project;

import dev.quarry.core.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recursive-descent parser for model and audit files: {@code MODEL (...)} / {@code AUDIT (...)} blocks and
 * the SQL statements around them. The SQL itself is not parsed, only split on top-level semicolons.
 *
 * <p>Value grammar: identifiers (dotted, quoted), strings, numbers, booleans, {@code (tuples)},
 * {@code [arrays]}, calls {@code f(args)}, and inside lists {@code k = v}, {@code k := v} or {@code k v}
 * pairs; trailing commas are allowed. Anything else that is well bracketed (an operator expression,
 * a macro call) is kept as raw SQL text.
 */
final class BlockParser {
    private final SourceText source;
    private final List<Token> tokens;
    private int i;

    BlockParser(SourceText source) {
        this.source = source;
        this.tokens = source.tokens();
    }

    static BlockParser of(String file, String text) {
        return new BlockParser(Lexer.tokenize(file, text));
    }

    private Token peek() {
        return tokens.get(i);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(i + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(i);
        if (t.type() != Token.Type.EOF) {
            i++;
        }
        return t;
    }

    private Token expect(Token.Type type, String what) {
        Token t = peek();
        if (t.type() != type) {
            throw source.error(t, "expected " + what + " but found " + describe(t));
        }
        return next();
    }

    private static String describe(Token t) {
        return switch (t.type()) {
            case EOF -> "the end of the file";
            case STRING -> "string '" + t.text() + "'";
            default -> "'" + t.text() + "'";
        };
    }

    boolean atWord(String word) {
        return peek().isWord(word) && peek(1).is(Token.Type.LPAREN);
    }

    boolean atEnd() {
        return peek().is(Token.Type.EOF);
    }

    /** Parses {@code KEYWORD ( name value, ... )} and an optional semicolon after it. */
    Block block(String keyword) {
        Token kw = next();
        if (!kw.isWord(keyword)) {
            throw source.error(kw, "expected " + keyword + " (...) but found " + describe(kw));
        }
        expect(Token.Type.LPAREN, "'(' after " + keyword);
        Map<String, Block.Property> props = new LinkedHashMap<>();
        while (!peek().is(Token.Type.RPAREN)) {
            Token name = peek();
            if (name.type() != Token.Type.IDENT) {
                throw source.error(name, "expected a property name in " + keyword + " but found " + describe(name));
            }
            next();
            String key = name.text().toLowerCase(Locale.ROOT);
            if (peek().is(Token.Type.COMMA) || peek().is(Token.Type.RPAREN)) {
                throw source.error(name, "property " + key + " has no value");
            }
            Value value = propertyValue(key);
            Block.Property previous = props.put(key, new Block.Property(key, source.locate(name), value));
            if (previous != null) {
                throw source.error(
                        name,
                        "property " + key + " is given twice (first at line "
                                + previous.location().line() + ")");
            }
            if (peek().is(Token.Type.COMMA)) {
                next();
            } else if (!peek().is(Token.Type.RPAREN)) {
                throw source.error(
                        peek(), "expected ',' or ')' after property " + key + " but found " + describe(peek()));
            }
        }
        next();
        if (peek().is(Token.Type.SEMI)) {
            next();
        }
        return new Block(keyword.toUpperCase(Locale.ROOT), source.locate(kw), props);
    }

    /**
     * The statements from here to the end of the file, or, when {@code stopAt} is given, up to the next
     * {@code stopAt (} block (audit files hold several AUDIT blocks).
     */
    List<Statement> statements(Optional<String> stopAt) {
        List<Statement> out = new ArrayList<>();
        while (!atEnd()) {
            if (stopAt.isPresent() && atWord(stopAt.get())) {
                break;
            }
            if (peek().is(Token.Type.SEMI)) {
                next();
                continue;
            }
            Token first = next();
            Token last = first;
            while (!peek().is(Token.Type.SEMI) && !atEnd()) {
                last = next();
            }
            out.add(new Statement(source.slice(first.start(), last.end()), source.locate(first)));
        }
        return out;
    }

    private boolean atTerminator() {
        Token.Type t = peek().type();
        return t == Token.Type.COMMA
                || t == Token.Type.RPAREN
                || t == Token.Type.RBRACKET
                || t == Token.Type.SEMI
                || t == Token.Type.EOF;
    }

    private boolean startsPrimary(Token t) {
        return switch (t.type()) {
            case IDENT, QUOTED, STRING, NUMBER, LPAREN, LBRACKET, MACRO -> true;
            case OP -> t.text().equals("-") && peek(1).is(Token.Type.NUMBER);
            default -> false;
        };
    }

    /**
     * A property's value. A name on a new line right after a complete value is almost always the next
     * property with the comma forgotten, so that is reported as such rather than read as one expression.
     */
    private Value propertyValue(String key) {
        int startToken = i;
        Value first = primary();
        if (atTerminator()) {
            return first;
        }
        Token previous = tokens.get(i - 1);
        Token t = peek();
        if (t.is(Token.Type.IDENT)
                && source.locate(t).line() > source.locate(previous).line()) {
            throw source.error(t, "expected ',' or ')' after property " + key + " but found " + describe(t));
        }
        return raw(startToken);
    }

    /** A value up to the next top-level comma or closing bracket. */
    private Value expression() {
        int startToken = i;
        Value first = primary();
        if (atTerminator()) {
            return first;
        }
        return raw(startToken);
    }

    /** Consumes the rest of an expression to the next top-level terminator and keeps it as text. */
    private Value raw(int startToken) {
        Token start = tokens.get(startToken);
        int depth = 0;
        Token last = tokens.get(i - 1);
        while (true) {
            Token t = peek();
            switch (t.type()) {
                case LPAREN, LBRACKET -> depth++;
                case RPAREN, RBRACKET -> {
                    if (depth == 0) {
                        return new Value.Raw(source.locate(start), source.slice(start.start(), last.end()));
                    }
                    depth--;
                }
                case COMMA, SEMI -> {
                    if (depth == 0) {
                        return new Value.Raw(source.locate(start), source.slice(start.start(), last.end()));
                    }
                }
                case EOF -> throw source.error(start, "unbalanced brackets in the expression starting here");
                default -> {}
            }
            last = next();
        }
    }

    /** One item of a tuple, array or call: a value or a {@code k = v} / {@code k := v} / {@code k v} pair. */
    private Value item() {
        Token t = peek();
        int ahead = 1;
        // Dotted keys such as dynamic_partition.enable are single property names.
        while (t.type() == Token.Type.IDENT
                && peek(ahead).is(Token.Type.DOT)
                && peek(ahead + 1).is(Token.Type.IDENT)) {
            ahead += 2;
        }
        if (t.type() == Token.Type.IDENT
                && (peek(ahead).is(Token.Type.EQ) || peek(ahead).is(Token.Type.WALRUS))) {
            String key = source.slice(t.start(), peek(ahead - 1).end()).toLowerCase(Locale.ROOT);
            for (int k = 0; k <= ahead; k++) {
                next();
            }
            if (atTerminator()) {
                throw source.error(t, "'" + key + "' has no value after '='");
            }
            Value v = expression();
            return new Value.Pair(
                    key,
                    v,
                    source.locate(t),
                    source.slice(t.start(), tokens.get(i - 1).end()));
        }
        int startToken = i;
        Value first = primary();
        if (atTerminator()) {
            return first;
        }
        if (first instanceof Value.Ident id && !id.quoted() && startsPrimary(peek())) {
            Value v = expression();
            return new Value.Pair(
                    id.name().toLowerCase(Locale.ROOT),
                    v,
                    first.location(),
                    source.slice(t.start(), tokens.get(i - 1).end()));
        }
        return raw(startToken);
    }

    private List<Value> items(Token.Type close, String closing) {
        List<Value> out = new ArrayList<>();
        while (!peek().is(close)) {
            if (peek().is(Token.Type.EOF)) {
                throw source.error(peek(), "expected '" + closing + "' but found the end of the file");
            }
            out.add(item());
            if (peek().is(Token.Type.COMMA)) {
                next();
            } else if (!peek().is(close)) {
                throw source.error(peek(), "expected ',' or '" + closing + "' but found " + describe(peek()));
            }
        }
        next();
        return out;
    }

    private Value primary() {
        Token t = peek();
        Location at = source.locate(t);
        switch (t.type()) {
            case STRING -> {
                next();
                return new Value.Str(t.text(), at, source.slice(t.start(), t.end()));
            }
            case NUMBER -> {
                next();
                return new Value.Num(t.text(), at, t.text());
            }
            case OP -> {
                if (t.text().equals("-") && peek(1).is(Token.Type.NUMBER)) {
                    next();
                    Token n = next();
                    return new Value.Num("-" + n.text(), at, source.slice(t.start(), n.end()));
                }
                throw source.error(t, "expected a value but found " + describe(t));
            }
            case LPAREN -> {
                next();
                List<Value> items = items(Token.Type.RPAREN, ")");
                return new Value.Tuple(
                        items, at, source.slice(t.start(), tokens.get(i - 1).end()));
            }
            case LBRACKET -> {
                next();
                List<Value> items = items(Token.Type.RBRACKET, "]");
                return new Value.Array(
                        items, at, source.slice(t.start(), tokens.get(i - 1).end()));
            }
            case MACRO -> {
                next();
                if (peek().is(Token.Type.LPAREN)) {
                    skipBalanced();
                }
                return new Value.Raw(
                        at, source.slice(t.start(), tokens.get(i - 1).end()));
            }
            case IDENT, QUOTED -> {
                return nameOrCall();
            }
            default -> throw source.error(t, "expected a value but found " + describe(t));
        }
    }

    private void skipBalanced() {
        Token open = next();
        int depth = 1;
        while (depth > 0) {
            Token t = next();
            switch (t.type()) {
                case LPAREN -> depth++;
                case RPAREN -> depth--;
                case EOF -> throw source.error(open, "unclosed '(' here");
                default -> {}
            }
        }
    }

    private Value nameOrCall() {
        Token first = next();
        Location at = source.locate(first);
        if (first.type() == Token.Type.IDENT && !peek().is(Token.Type.DOT) && !peek().is(Token.Type.LPAREN)) {
            if (first.text().equalsIgnoreCase("true") || first.text().equalsIgnoreCase("false")) {
                return new Value.Bool(first.text().equalsIgnoreCase("true"), at, first.text());
            }
        }
        StringBuilder name = new StringBuilder(first.text());
        boolean quoted = first.type() == Token.Type.QUOTED;
        Token last = first;
        while (peek().is(Token.Type.DOT) && (peek(1).is(Token.Type.IDENT) || peek(1).is(Token.Type.QUOTED))) {
            next();
            last = next();
            quoted |= last.type() == Token.Type.QUOTED;
            name.append('.').append(last.text());
        }
        if (peek().is(Token.Type.LPAREN)) {
            next();
            List<Value> args = items(Token.Type.RPAREN, ")");
            return new Value.Call(
                    name.toString(),
                    args,
                    at,
                    source.slice(first.start(), tokens.get(i - 1).end()));
        }
        return new Value.Ident(name.toString(), quoted, at, source.slice(first.start(), last.end()));
    }
}
