package io.glimmer.cli.common;

import io.glimmer.error.InputException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every file the command line writes (--output, --save, --residuals) is written whole or not at
 * all: the text goes to a temporary file in the same directory, which is then renamed over the
 * target (atomically where the file system can; otherwise replacing it). A run interrupted or
 * failing midway leaves the old file as it was, and no half-written one.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** What fills the file; it may fail, and then the target is untouched. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes UTF-8 text to the file.
     *
     * @param shown the file as the user wrote it, for messages
     */
    public static void write(Path target, String shown, String text) {
        write(target, shown, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static void write(Path target, String shown, Content content) {
        Path file = target;
        Path temp = null;
        try {
            if (Files.isSymbolicLink(file)) {
                file = file.toRealPath(); // replace what the link points to, as writing in place did, not the link
            }
            Path dir = file.toAbsolutePath().getParent();
            // Created with the process's default permissions (umask), unlike Files.createTempFile's owner-only ones.
            temp = dir.resolve("." + file.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            keepPermissions(file, temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (AccessDeniedException e) {
            throw new InputException(shown + ": cannot write (permission denied)", e);
        } catch (NoSuchFileException e) {
            throw new InputException(shown + ": cannot write (no such directory)", e);
        } catch (FileSystemException e) {
            throw new InputException(shown + ": cannot write (" + e.getClass().getSimpleName()
                    + (e.getReason() == null ? "" : ": " + e.getReason()) + ")", e);
        } catch (IOException e) {
            throw new InputException(shown + ": cannot write (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the error being reported matters more than a leftover temporary file
                }
            }
        }
    }

    /** The file named by an option such as --save; an InputException when the name is missing or not valid. */
    public static Path path(String file, String option) {
        if (file == null || file.isBlank()) {
            throw new InputException(option + " needs a file name");
        }
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw new InputException(file + ": not a valid file name (" + e.getReason() + ")", e);
        }
    }

    /** Fails early, before a long fit, when the file named by the option cannot be created. */
    public static void checkWritable(String file, String option) {
        Path p = path(file, option);
        if (Files.isDirectory(p)) {
            throw new InputException(file + ": is a directory (" + option + " needs a file name)");
        }
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InputException(file + ": cannot write, directory " + parent + " does not exist");
        }
    }

    /** A file written again keeps its permissions, as it would when overwritten in place. */
    private static void keepPermissions(Path file, Path temp) throws IOException {
        PosixFileAttributeView old = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (old != null && Files.exists(file)) {
            Files.setPosixFilePermissions(temp, old.readAttributes().permissions());
        }
    }
}
