package dev.quarry.models.project;

import dev.quarry.core.Location;
import java.util.Arrays;
import java.util.List;

/**
 * A tokenized file: its text, its tokens, and the means to turn offsets into {@link Location}s.
 *
 * @param file the file name used in messages
 * @param text the whole text
 * @param lineStarts offset of the first character of each line
 * @param tokens tokens, ending with EOF
 */
record SourceText(String file, String text, int[] lineStarts, List<Token> tokens) {

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
