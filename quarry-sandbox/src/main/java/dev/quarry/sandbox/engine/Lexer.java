package dev.quarry.sandbox.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits MySQL-dialect SQL into tokens: backquoted identifiers, '…' and "…" strings with backslash escapes
 * (StarRocks, like MySQL, reads double quotes as string delimiters), numbers, {@code @@}/{@code @} variables,
 * symbols. Comments ({@code --}, {@code #}, block) and whitespace are dropped.
 */
final class Lexer {
    private static final String[] SYMBOLS = {
        "->>", "<=>", "->", "<=", ">=", "<>", "!=", "||", "&&", "::", ":=", "(", ")", ",", ";", ".", "=", "<", ">", "+",
        "-", "*", "/", "%", "[", "]", "{", "}", "?", ":", "!", "~", "^", "&", "|"
    };

    private final String sql;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Lexer(String sql) {
        this.sql = sql;
    }

    static List<Token> tokenize(String sql) throws SqlError {
        return new Lexer(sql).run();
    }

    private List<Token> run() throws SqlError {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= sql.length()) {
                out.add(new Token(Token.Kind.END, "", "", pos, pos, line, pos - lineStart));
                return out;
            }
            out.add(next());
        }
    }

    private void skipSpaceAndComments() throws SqlError {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#'
                    || (c == '-'
                            && sql.startsWith("--", pos)
                            && (pos + 2 >= sql.length() || Character.isWhitespace(sql.charAt(pos + 2))))) {
                while (pos < sql.length() && sql.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && sql.startsWith("/*", pos)) {
                int close = sql.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw syntax(line, pos - lineStart, "Unexpected input '/*', the most similar input is {<EOF>}.");
                }
                for (int i = pos; i < close; i++) {
                    if (sql.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                pos = close + 2;
            } else {
                return;
            }
        }
    }

    private Token next() throws SqlError {
        int start = pos;
        int col = pos - lineStart;
        int startLine = line;
        char c = sql.charAt(pos);
        if (c == '`') {
            StringBuilder b = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= sql.length()) {
                    throw syntax(startLine, col, "Unexpected input '`', the most similar input is {<EOF>}.");
                }
                char d = sql.charAt(pos++);
                if (d == '`') {
                    if (pos < sql.length() && sql.charAt(pos) == '`') {
                        b.append('`');
                        pos++;
                        continue;
                    }
                    break;
                }
                b.append(d);
            }
            return new Token(
                    Token.Kind.QUOTED_IDENT, sql.substring(start, pos), b.toString(), start, pos, startLine, col);
        }
        if (c == '\'' || c == '"') {
            String value = readString(c, startLine, col);
            return new Token(Token.Kind.STRING, sql.substring(start, pos), value, start, pos, startLine, col);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
            while (pos < sql.length()
                    && (Character.isLetterOrDigit(sql.charAt(pos))
                            || sql.charAt(pos) == '.'
                            || ((sql.charAt(pos) == '+' || sql.charAt(pos) == '-')
                                    && (sql.charAt(pos - 1) == 'e' || sql.charAt(pos - 1) == 'E')
                                    && !sql.substring(start, pos).startsWith("0x")))) {
                pos++;
            }
            String text = sql.substring(start, pos);
            boolean numeric = text.chars()
                            .allMatch(ch -> Character.isDigit(ch)
                                    || ch == '.'
                                    || ch == 'e'
                                    || ch == 'E'
                                    || ch == '+'
                                    || ch == '-')
                    || text.startsWith("0x");
            return new Token(numeric ? Token.Kind.NUMBER : Token.Kind.WORD, text, text, start, pos, startLine, col);
        }
        if (c == '@') {
            pos++;
            if (pos < sql.length() && sql.charAt(pos) == '@') {
                pos++;
            }
            if (pos < sql.length() && sql.charAt(pos) == '`') {
                Token quoted = next();
                return new Token(
                        Token.Kind.VARIABLE,
                        sql.substring(start, pos),
                        sql.substring(start, quoted.start()) + quoted.value(),
                        start,
                        pos,
                        startLine,
                        col);
            }
            while (pos < sql.length() && (isWordChar(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
                pos++;
            }
            String text = sql.substring(start, pos);
            return new Token(Token.Kind.VARIABLE, text, text, start, pos, startLine, col);
        }
        if (isWordChar(c)) {
            while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
                pos++;
            }
            String text = sql.substring(start, pos);
            return new Token(Token.Kind.WORD, text, text, start, pos, startLine, col);
        }
        for (String s : SYMBOLS) {
            if (sql.startsWith(s, pos)) {
                pos += s.length();
                return new Token(Token.Kind.SYMBOL, s, s, start, pos, startLine, col);
            }
        }
        pos++;
        String text = sql.substring(start, pos);
        throw syntax(startLine, col, "Unexpected input '" + text + "', the most similar input is {<EOF>}.");
    }

    private String readString(char quote, int startLine, int col) throws SqlError {
        StringBuilder b = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= sql.length()) {
                throw syntax(startLine, col, "Unexpected input '" + quote + "', the most similar input is {<EOF>}.");
            }
            char d = sql.charAt(pos++);
            if (d == '\n') {
                line++;
                lineStart = pos;
            }
            if (d == quote) {
                if (pos < sql.length() && sql.charAt(pos) == quote) {
                    b.append(quote);
                    pos++;
                    continue;
                }
                return b.toString();
            }
            if (d == '\\' && pos < sql.length()) {
                char e = sql.charAt(pos++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case '0' -> b.append('\0');
                    case 'b' -> b.append('\b');
                    case 'Z' -> b.append('\u001a');
                    // MySQL keeps the backslash for \% and \_ so LIKE patterns still see an escape.
                    case '%', '_' -> b.append('\\').append(e);
                    default -> b.append(e);
                }
                continue;
            }
            b.append(d);
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    static SqlError syntax(int line, int column, String detail) {
        return SqlError.of(
                "Getting syntax error at line " + line + ", column " + column + ". Detail message: " + detail);
    }
}
