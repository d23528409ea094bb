package dev.quarry.replicate;

import static java.util.Objects.requireNonNull;

/** A place in a configuration file, 1-based, printed as {@code file:line:column}. */
record Location(String file, int line, int column) {
    Location {
        requireNonNull(file, "file is null");
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
