package dev.quarry.models.project;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Location;
import java.util.Arrays;
import java.util.List;

/** A tokenized file: its text, its tokens, and the means to turn offsets into {@link Location}s. */
final class SourceText {
    private final String file;
    private final String text;
    private final int[] lineStarts;
    private final List<Token> tokens;

    /**
     * @param file the file name used in messages
     * @param text the whole text
     * @param lineStarts offset of the first character of each line (kept, not copied: the lexer hands it over)
     * @param tokens tokens, ending with EOF
     */
    SourceText(String file, String text, int[] lineStarts, List<Token> tokens) {
        this.file = requireNonNull(file, "file is null");
        this.text = requireNonNull(text, "text is null");
        this.lineStarts = requireNonNull(lineStarts, "lineStarts is null");
        this.tokens = List.copyOf(tokens);
    }

    String file() {
        return file;
    }

    String text() {
        return text;
    }

    List<Token> tokens() {
        return tokens;
    }

    Location locate(int offset) {
        return locate(file, lineStarts, offset);
    }

    Location locate(Token token) {
        return locate(token.start());
    }

    static Location locate(String file, int[] lineStarts, int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        int line = i >= 0 ? i : -i - 2;
        return new Location(file, line + 1, offset - lineStarts[line] + 1);
    }

    String slice(int start, int end) {
        return text.substring(start, end);
    }

    ModelException error(Token at, String message) {
        return new ModelException(locate(at), message);
    }
}
