package org.strokemeta.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Reading and writing the user's files with messages a user can act on: "does not exist",
 * "permission denied", "is a folder", rather than the operating system's bare path.
 */
public final class FileProblem {
    private FileProblem() {
    }

    /**
     * Reads a whole file, or throws an {@link InputException} that says why it cannot be read.
     *
     * @param p the file
     * @return its bytes
     * @throws InputException if the path is a folder or the file cannot be read
     */
    public static byte[] readAllBytes(Path p) {
        if (Files.isDirectory(p)) {
            throw InputException.of(p.toString(), "this is a folder, not a file");
        }
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw reading(p, e);
        }
    }

    /**
     * Writes text as UTF-8, or throws an {@link InputException} that says why it cannot be written.
     *
     * @param p    the file, replaced when it exists
     * @param text the text
     * @throws InputException if the file cannot be written
     */
    public static void writeString(Path p, String text) {
        checkWritable(p);
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw writing(p, e);
        }
    }

    /**
     * Checks, before any work is done, that a file can be written there: its folder exists and is a
     * folder, and the path is not itself a folder.
     *
     * @param p the file to be written
     * @throws InputException if the path is a folder or its folder does not exist or is not a folder
     */
    public static void checkWritable(Path p) {
        Path abs = p.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw InputException.of(p.toString(), "cannot write the output: this is a folder, not a file");
        }
        if (dir != null && !Files.exists(dir)) {
            throw InputException.of(p.toString(), "cannot write the output: the folder " + dir + " does not exist");
        }
        if (dir != null && !Files.isDirectory(dir)) {
            throw InputException.of(p.toString(), "cannot write the output: " + dir + " is not a folder");
        }
    }

    /**
     * The problem of reading a file, as an input error.
     *
     * @param p the file
     * @param e what went wrong
     * @return an input error naming the file and saying why (no such file, permission denied, or the cause)
     */
    public static InputException reading(Path p, IOException e) {
        if (e instanceof NoSuchFileException) {
            return InputException.of(p.toString(), "the file does not exist");
        }
        if (e instanceof AccessDeniedException) {
            return InputException.of(p.toString(), "permission denied: the file cannot be read");
        }
        return InputException.of(p.toString(), "the file cannot be read: " + reason(e));
    }

    /**
     * The problem of writing a file, as an input error.
     *
     * @param p the file
     * @param e what went wrong
     * @return an input error naming the file and saying why
     */
    public static InputException writing(Path p, IOException e) {
        if (e instanceof NoSuchFileException) {
            return InputException.of(p.toString(), "cannot write the output: its folder does not exist");
        }
        if (e instanceof AccessDeniedException) {
            return InputException.of(p.toString(), "permission denied: the output cannot be written there");
        }
        return InputException.of(p.toString(), "cannot write the output: " + reason(e));
    }

    private static String reason(IOException e) {
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
