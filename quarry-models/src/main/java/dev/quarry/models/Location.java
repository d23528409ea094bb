package dev.quarry.models;

import static java.util.Objects.requireNonNull;

/**
 * A place in a project file, printed as {@code file:line:column} (both 1-based) so editors can jump to it.
 *
 * @param file the file as the user knows it, usually relative to the project root
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) {
    public Location {
        requireNonNull(file, "file is null");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
