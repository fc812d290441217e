package pagestate.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The private temporary folder of one search's spill files, made in {@code java.io.tmpdir} (owner
 * access only) when the first file is needed, and deleted with its files when the search ends
 * ({@link #close}), or at the latest when the JVM exits. No folder is shared between runs.
 */
final class SpillFolder implements AutoCloseable {

    private Path path;
    private int files;

    /** A new file's path in the folder (made now if need be); the caller creates the file. */
    synchronized Path newFile(String prefix) throws IOException {
        if (path == null) {
            path = Files.createTempDirectory("pagestate-spill-");   // rwx------ on POSIX systems
            path.toFile().deleteOnExit();
        }
        Path file = path.resolve(prefix + "-" + (files++) + ".bin");
        file.toFile().deleteOnExit();
        return file;
    }

    /** The folder, or a description when none was made yet. */
    synchronized String path() {
        return path != null ? path.toString() : "java.io.tmpdir";
    }

    /** Whether a folder was made (something was spilled). */
    synchronized boolean used() {
        return path != null;
    }

    /** Deletes the folder and whatever is left in it (the files must be closed). */
    @Override
    public synchronized void close() {
        if (path == null) return;
        try (var entries = Files.list(path)) {
            for (Path p : (Iterable<Path>) entries::iterator) Files.deleteIfExists(p);
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the spill folder " + path, e);
        }
        path = null;
    }
}
