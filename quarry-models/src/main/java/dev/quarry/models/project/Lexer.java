package dev.quarry.models.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits model files and SQL into tokens. One lexer serves the MODEL block, the statement splitter, the
 * reference scanner and the macro renderer, so all of them agree on what is a string or a comment.
 * Comments ({@code --}, {@code #} is not a comment here, {@code /* *}{@code /}) are skipped.
 */
public final class Lexer {
    private final String file;
    private final String src;
    private final int[] lineStarts;
    private int pos;

    private Lexer(String file, String src) {
        this.file = file;
        this.src = src;
        this.lineStarts = lineStarts(src);
    }

    /** The tokens of {@code src}, ending with EOF; {@code file} names it in error locations. */
    public static List<Token> tokens(String file, String src) {
        return tokenize(file, src).tokens();
    }

    static SourceText tokenize(String file, String src) {
        Lexer lexer = new Lexer(file, src);
        List<Token> tokens = lexer.run();
        return new SourceText(file, src, lexer.lineStarts, tokens);
    }

    private static int[] lineStarts(String s) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private ModelException error(int offset, String message) {
        return new ModelException(SourceText.locate(file, lineStarts, offset), message);
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>(Math.max(16, src.length() / 5));
        int n = src.length();
        while (true) {
            skipSpaceAndComments();
            if (pos >= n) {
                out.add(new Token(Token.Type.EOF, "", n, n));
                return out;
            }
            int start = pos;
            char c = src.charAt(pos);
            if (Character.isLetter(c) || c == '_') {
                while (pos < n && isIdentPart(src.charAt(pos))) {
                    pos++;
                }
                out.add(new Token(Token.Type.IDENT, src.substring(start, pos), start, pos));
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < n && Character.isDigit(src.charAt(pos + 1)))) {
                out.add(number(start));
            } else if (c == '\'') {
                out.add(new Token(Token.Type.STRING, quoted('\''), start, pos));
            } else if (c == '"' || c == '`') {
                out.add(new Token(Token.Type.QUOTED, quoted(c), start, pos));
            } else if (c == '@') {
                out.add(macro(start));
            } else {
                out.add(punctuation(start, c));
            }
        }
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void skipSpaceAndComments() {
        int n = src.length();
        while (pos < n) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && pos + 1 < n && src.charAt(pos + 1) == '-') {
                while (pos < n && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < n && src.charAt(pos + 1) == '*') {
                int close = src.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw error(pos, "unterminated /* comment");
                }
                pos = close + 2;
            } else {
                return;
            }
        }
    }

    private Token number(int start) {
        int n = src.length();
        while (pos < n && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < n && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < n && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < n && Character.isDigit(src.charAt(pos))) {
                while (pos < n && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        return new Token(Token.Type.NUMBER, src.substring(start, pos), start, pos);
    }

    /**
     * Reads a quoted string or identifier starting at {@code pos}. A doubled quote stands for itself; in
     * single-quoted strings a backslash escapes the next character, as in StarRocks (MySQL) string literals.
     */
    private String quoted(char quote) {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        int n = src.length();
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == quote) {
                if (pos + 1 < n && src.charAt(pos + 1) == quote) {
                    sb.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                return sb.toString();
            }
            if (c == '\\' && quote == '\'' && pos + 1 < n) {
                char next = src.charAt(pos + 1);
                if (next == '\'' || next == '\\') {
                    sb.append(next);
                } else {
                    sb.append(c).append(next);
                }
                pos += 2;
                continue;
            }
            sb.append(c);
            pos++;
        }
        throw error(start, "unterminated " + (quote == '\'' ? "string" : "quoted identifier") + " starting here");
    }

    private Token macro(int start) {
        pos++;
        int n = src.length();
        if (pos < n && src.charAt(pos) == '@') {
            // @@session.var is a StarRocks system variable, not a macro: keep it as plain SQL.
            pos++;
            while (pos < n && (isIdentPart(src.charAt(pos)) || src.charAt(pos) == '.')) {
                pos++;
            }
            return new Token(Token.Type.OP, src.substring(start, pos), start, pos);
        }
        if (pos < n && src.charAt(pos) == '{') {
            int close = src.indexOf('}', pos);
            if (close < 0) {
                throw error(start, "unterminated @{...}");
            }
            String name = src.substring(pos + 1, close).strip();
            pos = close + 1;
            return new Token(Token.Type.MACRO, "{" + name + "}", start, pos);
        }
        int nameStart = pos;
        while (pos < n && isIdentPart(src.charAt(pos))) {
            pos++;
        }
        if (pos == nameStart) {
            throw error(start, "'@' must be followed by a macro or variable name");
        }
        return new Token(Token.Type.MACRO, src.substring(nameStart, pos), start, pos);
    }

    private Token punctuation(int start, char c) {
        pos++;
        Token.Type type = switch (c) {
            case '(' -> Token.Type.LPAREN;
            case ')' -> Token.Type.RPAREN;
            case '[' -> Token.Type.LBRACKET;
            case ']' -> Token.Type.RBRACKET;
            case ',' -> Token.Type.COMMA;
            case ';' -> Token.Type.SEMI;
            case '.' -> Token.Type.DOT;
            default -> null;
        };
        if (type != null) {
            return new Token(type, String.valueOf(c), start, pos);
        }
        String two = pos < src.length() ? "" + c + src.charAt(pos) : "";
        switch (two) {
            case ":=" -> {
                pos++;
                return new Token(Token.Type.WALRUS, two, start, pos);
            }
            case "->" -> {
                pos++;
                return new Token(Token.Type.ARROW, two, start, pos);
            }
            case "<=", ">=", "<>", "!=", "::", "||", "&&", "=>" -> {
                pos++;
                return new Token(Token.Type.OP, two, start, pos);
            }
            default -> {}
        }
        if (c == '=') {
            return new Token(Token.Type.EQ, "=", start, pos);
        }
        if ("+-*/%<>!|&^~:?{}#$\\".indexOf(c) >= 0) {
            return new Token(Token.Type.OP, String.valueOf(c), start, pos);
        }
        throw error(start, "unexpected character '" + c + "'");
    }
}
