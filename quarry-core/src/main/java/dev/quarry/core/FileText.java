package dev.quarry.core;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Reads the files users write (replication files, env.yaml, project files, seeds, SQL files) and says in words what
 * went wrong when that fails: the file named, and "does not exist", "is a directory" or "cannot be read (permission
 * denied)" instead of a Java exception's class name.
 */
public final class FileText {
    private FileText() {}

    /**
     * The UTF-8 text of {@code file}; a {@link ConfigException} naming it as {@code what} (e.g. "replication file")
     * when it cannot be read.
     */
    public static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(null, what + " " + file + " " + problem(file, e), hint(file));
        }
    }

    /**
     * Why {@code file} could not be read or listed, as the end of a sentence that starts with its name: {@code does
     * not exist}, {@code is a directory, not a file}, {@code cannot be read (permission denied)}, ...
     */
    public static String problem(Path file, IOException e) {
        if (e instanceof NoSuchFileException || !Files.exists(file)) {
            return "does not exist";
        }
        if (Files.isDirectory(file) && !(e instanceof NotDirectoryException)) {
            return "is a directory, not a file";
        }
        if (e instanceof NotDirectoryException) {
            return "is a file, not a directory";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot be read (permission denied)";
        }
        if (e instanceof CharacterCodingException) {
            return "is not UTF-8 text";
        }
        String reason = e.getMessage() == null ? "an I/O error" : e.getMessage();
        return "cannot be read (" + reason.replace(file.toString(), "").replaceAll("^[:\\s]+", "") + ")";
    }

    /** For a relative path, where it was looked for: the directory the command ran in is not always obvious. */
    public static String hint(Path file) {
        return file.isAbsolute() ? null : "looked for " + file.toAbsolutePath().normalize();
    }
}
