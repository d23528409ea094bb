package dev.quarry.models.project;

/**
 * One token of a model or SQL file. {@code start}/{@code end} are offsets into the source, so the exact text
 * of any token range (a query, an expression used as a value) can be cut out unchanged.
 *
 * @param type what kind of token
 * @param text the token's value: identifier text, unescaped string content, operator characters
 * @param start offset of the first character
 * @param end offset after the last character
 */
public record Token(Type type, String text, int start, int end) {

    public enum Type {
        IDENT,
        /** {@code "x"} or {@code `x`}: a quoted identifier. */
        QUOTED,
        STRING,
        NUMBER,
        /** {@code @name} or {@code @{name}}; text is the name. */
        MACRO,
        LPAREN,
        RPAREN,
        LBRACKET,
        RBRACKET,
        COMMA,
        SEMI,
        EQ,
        /** {@code :=}, SQLMesh's keyword-argument marker. */
        WALRUS,
        ARROW,
        DOT,
        /** Any other operator: + - * / < > <= >= <> != :: || % and so on. */
        OP,
        EOF
    }

    public boolean is(Type t) {
        return type == t;
    }

    /** An unquoted identifier equal to {@code word}, ignoring case (SQL keywords are identifiers here). */
    public boolean isWord(String word) {
        return type == Type.IDENT && text.equalsIgnoreCase(word);
    }
}
