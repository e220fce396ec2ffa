package io.failready.util;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's set of output files, written as a unit into a directory that may also hold the
 * user's own files. The files are written into a private staging directory inside the target
 * directory (same file system, so renames are atomic), then renamed into place one by one while
 * holding the directory's lock and a guard that a SIGTERM/SIGINT shutdown waits for. So a crash,
 * a signal, a full disk or a concurrent run never leaves a mix of old and new files, a truncated
 * file or staging leftovers: the directory shows the previous set or the new one. Only the named
 * files are replaced; nothing else in the directory is touched.
 *
 * <p>Two runs into one directory: the second finds {@code .failready.lock} locked and fails with
 * exit 2 rather than interleaving. The lock is an OS file lock, released when the process dies,
 * so a killed run never leaves the directory locked; the empty lock file itself stays (deleting it
 * would let two runs lock two different files). A run killed with SIGKILL mid-write can leave a
 * staging directory; the next run into the directory removes it under the lock.
 */
public final class OutputSet implements Closeable {
    public static final String LOCK_FILE = ".failready.lock";
    static final String STAGING_PREFIX = ".failready-staging-";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path staging;
    private final AtomicFiles.Guard guard;
    private boolean committed;

    private OutputSet(Path dir, FileChannel lockChannel, FileLock lock, Path staging) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.staging = staging;
        this.guard = AtomicFiles.track(staging);
    }

    /**
     * Locks {@code dir} (creating it) and makes a fresh staging directory in it.
     *
     * @param option the flag that named the directory, for error messages ("--out")
     * @throws InputException (exit 2) when the directory is not usable or another run holds its lock
     */
    public static OutputSet open(Path dir, String option) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (Files.exists(d, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(d)) {
            throw new InputException(dir, option + " must be a directory; this is a file.");
        }
        try {
            Files.createDirectories(d);
        } catch (FileAlreadyExistsException e) {
            throw new InputException(dir, option + " must be a directory; a file is in the way (" + e.getFile() + ").");
        } catch (AccessDeniedException e) {
            throw new InputException(dir, option + ": cannot create the directory (permission denied on " + e.getFile() + ").");
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(d.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new InputException(dir, option + ": the directory is not writable (permission denied).");
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another run in this JVM
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            ch.close();
            throw new InputException(dir, option + ": another failready run is writing reports into this directory ("
                    + LOCK_FILE + " is locked). Wait for it to finish, or write to a different directory.");
        }
        try {
            removeStaleStaging(d);
            Path staging = Files.createTempDirectory(d, STAGING_PREFIX);
            return new OutputSet(d, ch, lock, staging);
        } catch (IOException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
    }

    /** Where to write the new files; they appear in the target directory only on {@link #commit}. */
    public Path staging() { return staging; }

    public Path dir() { return dir; }

    /**
     * Renames each staged file into the directory, replacing a previous file of the same name.
     * A shutdown (SIGTERM, SIGINT) that arrives meanwhile waits for this to finish.
     *
     * @return the files now in place, in the order given
     */
    public List<Path> commit(List<String> names) throws IOException {
        for (String n : names) {
            if (!Files.isRegularFile(staging.resolve(n), LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("internal: " + n + " was not written");
            }
        }
        List<Path> out = new ArrayList<>();
        guard.run(() -> {
            for (String n : names) {
                Path target = dir.resolve(n);
                try {
                    Files.move(staging.resolve(n), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(staging.resolve(n), target, StandardCopyOption.REPLACE_EXISTING);
                }
                out.add(target);
            }
            committed = true;
        });
        return out;
    }

    /** Removes the staging directory (and anything uncommitted in it) and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            guard.close();
        } finally {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }

    boolean isCommitted() { return committed; }

    private static void removeStaleStaging(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, STAGING_PREFIX + "*")) {
            for (Path p : s) AtomicFiles.deleteRecursively(p);
        } catch (NoSuchFileException ignored) {
            // nothing to clean
        }
    }
}
