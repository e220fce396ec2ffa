package io.failready.util;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes files so a reader never sees half of one: write to a sibling temp file, then rename.
 * A crash or an error midway leaves the previous file (or none) — never a truncated report.
 * Temporary files and staging directories are tracked so that SIGTERM/SIGINT (the JVM's
 * shutdown hooks) removes them, and waits for a rename already under way to finish instead of
 * cutting a set of renames in half ({@link OutputSet}).
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    @FunctionalInterface
    public interface Writer { void write(OutputStream out) throws IOException; }

    @FunctionalInterface
    interface IoAction { void run() throws IOException; }

    private static final Set<Guard> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Guard g : LIVE) {
                try {
                    g.close();
                } catch (IOException | RuntimeException ignored) {
                    // best effort while the JVM exits
                }
            }
        }, "failready-cleanup"));
    }

    /**
     * A temporary path that is deleted on close or at shutdown, whichever comes first. Work done in
     * {@link #run} is never interrupted by the shutdown cleanup, and never starts after it.
     */
    static final class Guard implements Closeable {
        private final Path path;
        private boolean closed;

        private Guard(Path path) { this.path = path; }

        synchronized void run(IoAction action) throws IOException {
            if (closed) throw new IOException("the JVM is shutting down; " + path.getFileName() + " was abandoned");
            action.run();
        }

        @Override
        public synchronized void close() throws IOException {
            if (closed) return;
            closed = true;
            LIVE.remove(this);
            deleteRecursively(path);
        }
    }

    static Guard track(Path tmp) {
        Guard g = new Guard(tmp);
        LIVE.add(g);
        return g;
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try (Guard guard = track(tmp)) {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            guard.run(() -> {
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            });
        }
    }

    /** Creates an empty file readable and writable by its owner only (where the file system has POSIX permissions). */
    public static void createOwnerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Deletes a file or a directory tree, without following symbolic links. Retries a few times
     * because a thread still writing into a staging directory can add a file while it is emptied.
     */
    public static void deleteRecursively(Path root) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }
                    @Override public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                        if (exc instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                        throw exc;
                    }
                    @Override public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                        if (exc != null && !(exc instanceof NoSuchFileException)) throw exc;
                        Files.deleteIfExists(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
                return;
            } catch (NoSuchFileException e) {
                return;
            } catch (DirectoryNotEmptyException e) {
                if (attempt >= 5) throw e;
            }
        }
    }
}
