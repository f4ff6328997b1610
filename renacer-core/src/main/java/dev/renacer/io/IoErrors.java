package dev.renacer.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason an I/O operation failed, as strerror(3) words it ("Is a directory", "No such file or
 * directory"), without the path that java.nio repeats in its messages: renacer's error lines name the
 * file once, as strace's do ({@code strace: Can't fopen '/tmp': Is a directory}).
 */
public final class IoErrors {
    private IoErrors() {}

    public static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            if (fs.getReason() != null) return fs.getReason();
            if (e instanceof NoSuchFileException) return "No such file or directory";
            if (e instanceof AccessDeniedException) return "Permission denied";
            if (e instanceof FileAlreadyExistsException) return "File exists";
            if (e instanceof NotDirectoryException) return "Not a directory";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
