package dev.quarry.core;

import static java.util.Objects.requireNonNull;

/**
 * A place in a configuration file, 1-based, printed as {@code file:line:column} so editors can jump to it. Line 0
 * means the file as a whole (no position known) and prints as the file alone.
 *
 * @param file the file as the user knows it, usually relative to the project root
 * @param line 1-based line, or 0 for the whole file
 * @param column 1-based column, or 0 with line 0
 */
public record Location(String file, int line, int column) {
    public Location {
        requireNonNull(file, "file is null");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException(
                    "line and column are 1-based (0 for the whole file), got " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
