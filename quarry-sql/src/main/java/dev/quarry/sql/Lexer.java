package dev.quarry.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits StarRocks SQL into tokens (docs/sql.md §2): bare words, backquoted names (a doubled backquote is one
 * backquote), strings in single or double quotes with backslash escapes and doubled quotes, integer, decimal and
 * exponent numbers, symbols, comments ({@code --}, {@code #}, {@code /* *}{@code /}) and hints ({@code /*+ *}{@code /}).
 */
final class Lexer {
    private static final String[] SYMBOLS = {
        "<=>", ">>>", "<=", ">=", "<>", "!=", "&&", "||", "<<", ">>", "->", "::", "@@", "=", "<", ">", "+", "-", "*",
        "/", "%", "(", ")", "[", "]", "{", "}", ",", ".", ";", ":", "!", "~", "^", "&", "|", "@", "?"
    };

    private final String sql;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Lexer(String sql) {
        this.sql = sql;
    }

    static List<Token> tokenize(String sql) {
        return new Lexer(sql).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments(out);
            if (pos >= sql.length()) {
                out.add(new Token(Token.Kind.EOF, "", "", line, pos - lineStart, pos));
                return out;
            }
            out.add(next());
        }
    }

    private void skipSpaceAndComments(List<Token> out) {
        while (pos < sql.length()) {
            char ch = sql.charAt(pos);
            if (ch == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(ch)) {
                pos++;
            } else if (ch == '#' || sql.startsWith("--", pos)) {
                while (pos < sql.length() && sql.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (sql.startsWith("/*", pos)) {
                int startLine = line;
                int startCol = pos - lineStart;
                int start = pos;
                boolean hint = sql.startsWith("/*+", pos);
                int end = sql.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new SqlSyntaxException(
                            startLine, startCol, "Unexpected input '/*', the most similar input is {<EOF>}.");
                }
                advanceTo(end + 2);
                if (hint) {
                    String text = sql.substring(start, pos);
                    out.add(new Token(
                            Token.Kind.HINT,
                            text,
                            text.substring(3, text.length() - 2).trim(),
                            startLine,
                            startCol,
                            start));
                }
            } else {
                return;
            }
        }
    }

    /** Moves to {@code to}, counting the lines passed. */
    private void advanceTo(int to) {
        while (pos < to) {
            if (sql.charAt(pos) == '\n') {
                line++;
                lineStart = pos + 1;
            }
            pos++;
        }
    }

    private Token next() {
        int startLine = line;
        int col = pos - lineStart;
        int start = pos;
        char ch = sql.charAt(pos);
        if (ch == '`') {
            return quotedName(startLine, col);
        }
        if (ch == '\'' || ch == '"') {
            return string(ch, startLine, col);
        }
        if (isDigit(ch) || (ch == '.' && pos + 1 < sql.length() && isDigit(sql.charAt(pos + 1)))) {
            return number(startLine, col);
        }
        if (isWordStart(ch)) {
            while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
                pos++;
            }
            String word = sql.substring(start, pos);
            return new Token(Token.Kind.WORD, word, word, startLine, col, start);
        }
        for (String s : SYMBOLS) {
            if (sql.startsWith(s, pos)) {
                pos += s.length();
                return new Token(Token.Kind.SYMBOL, s, s, startLine, col, start);
            }
        }
        throw new SqlSyntaxException(
                startLine, col, "Unexpected input '" + ch + "', the most similar input is {<EOF>}.");
    }

    private Token quotedName(int startLine, int col) {
        int start = pos;
        StringBuilder v = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= sql.length()) {
                throw new SqlSyntaxException(
                        startLine, col, "Unexpected input '`', the most similar input is {<EOF>}.");
            }
            char c = sql.charAt(pos);
            if (c == '`') {
                if (pos + 1 < sql.length() && sql.charAt(pos + 1) == '`') {
                    v.append('`');
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            }
            v.append(c);
            pos++;
        }
        if (v.length() == 0) {
            throw new SqlSyntaxException(
                    startLine, col, "Unexpected input '``', the most similar input is {a legal identifier}.");
        }
        return new Token(Token.Kind.QUOTED, sql.substring(start, pos), v.toString(), startLine, col, start);
    }

    private Token string(char quote, int startLine, int col) {
        int start = pos;
        StringBuilder v = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= sql.length()) {
                throw new SqlSyntaxException(
                        startLine, col, "Unexpected input '" + quote + "', the most similar input is {<EOF>}.");
            }
            char c = sql.charAt(pos);
            if (c == '\\' && pos + 1 < sql.length()) {
                v.append(escape(sql.charAt(pos + 1)));
                pos += 2;
                continue;
            }
            if (c == quote) {
                if (pos + 1 < sql.length() && sql.charAt(pos + 1) == quote) {
                    v.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            }
            v.append(c);
            pos++;
        }
        return new Token(Token.Kind.STRING, sql.substring(start, pos), v.toString(), startLine, col, start);
    }

    /** MySQL's escapes, which StarRocks keeps; {@code \%} and {@code \_} stay escaped for LIKE. */
    private static String escape(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case 'b' -> "\b";
            case '0' -> "\0";
            case 'Z' -> "\u001A";
            case '%' -> "\\%";
            case '_' -> "\\_";
            default -> String.valueOf(c);
        };
    }

    private Token number(int startLine, int col) {
        int start = pos;
        while (pos < sql.length() && isDigit(sql.charAt(pos))) {
            pos++;
        }
        Token.Kind kind = Token.Kind.INTEGER;
        if (pos < sql.length() && sql.charAt(pos) == '.') {
            pos++;
            while (pos < sql.length() && isDigit(sql.charAt(pos))) {
                pos++;
            }
            kind = Token.Kind.DECIMAL;
        }
        if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < sql.length() && isDigit(sql.charAt(pos))) {
                while (pos < sql.length() && isDigit(sql.charAt(pos))) {
                    pos++;
                }
                kind = Token.Kind.DOUBLE;
            } else {
                pos = mark;
            }
        }
        if (kind == Token.Kind.INTEGER && pos < sql.length() && isWordStart(sql.charAt(pos))) {
            // A name may start with digits (StarRocks' digit identifier), e.g. 1abc.
            while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
                pos++;
            }
            String word = sql.substring(start, pos);
            return new Token(Token.Kind.WORD, word, word, startLine, col, start);
        }
        String text = sql.substring(start, pos);
        return new Token(kind, text, text, startLine, col, start);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }
}
