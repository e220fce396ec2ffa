package io.failready.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way user files (configurations, waiver files, snapshots, reports, rule files, fixtures,
 * templates) are opened: the file's type is checked before it is opened, because opening a FIFO
 * blocks until something writes to it and a device can stream without end.
 */
public final class InputFiles {
    private InputFiles() {}

    /**
     * Refuses a directory, FIFO, socket or device where a file is expected (exit 2, naming it); a
     * missing file is left to the caller, which knows how to word "not found".
     */
    public static void requireRegular(Path file, String displayName) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class); // stat only: never opens, never blocks
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new InputException(displayName, -1, -1, "cannot be read: " + e.getMessage(), e);
        }
        if (a.isDirectory()) throw new InputException(displayName, -1, -1, "is a directory; a file is expected here.");
        if (!a.isRegularFile()) {
            throw new InputException(displayName, -1, -1, "is not a regular file (a FIFO, socket or device); "
                    + "failready reads only regular files, so write the content to a file first.");
        }
    }

    /** Opens a user file for reading after {@link #requireRegular}. */
    public static InputStream open(Path file, String displayName) throws IOException {
        requireRegular(file, displayName);
        return Files.newInputStream(file);
    }

    public static InputStream open(Path file) throws IOException { return open(file, file.toString()); }
}
