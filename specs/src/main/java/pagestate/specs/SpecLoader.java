package pagestate.specs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The entry points: load one {@code .pspec} file (with the bases it extends) into a {@link Spec} or the
 * complete list of its errors, and find the spec files under a directory. Never throws for a bad spec.
 */
public final class SpecLoader {
    /** The extension of spec files. */
    public static final String EXTENSION = ".pspec";
    /** A directory holding a file of this name is skipped by {@link #discover} unless it is the root named. */
    public static final String IGNORE_MARKER = ".pagestate-ignore";

    private SpecLoader() { }

    /** Reads and checks {@code file}; an unreadable or missing file is a {@link SpecError} without a line. */
    public static SpecResult load(Path file) {
        return run(file, null, new Problems());
    }

    /**
     * As {@link #load(Path)}, stopping when {@link System#nanoTime()} reaches {@code deadlineNanos}
     * (polled once per line and per actor): then {@link SpecResult.Stopped}.
     */
    public static SpecResult load(Path file, long deadlineNanos) {
        return run(file, null, Problems.until(deadlineNanos));
    }

    /**
     * Checks {@code text} as if it were the contents of {@code file}: errors name {@code file}, and
     * {@code extends} paths are resolved against its directory (bases are read from disk).
     */
    public static SpecResult parse(Path file, String text) {
        return run(file, text == null ? "" : text, new Problems());
    }

    /**
     * The {@code *.pspec} files under {@code root} (or {@code root} itself if it is a file), sorted by path;
     * hidden directories, {@code target/} and directories holding a {@value #IGNORE_MARKER} file (other
     * than {@code root} itself) are skipped.
     *
     * @throws IOException if {@code root} does not exist or cannot be listed
     */
    public static List<Path> discover(Path root) throws IOException {
        return Discovery.discover(root);
    }

    private static SpecResult run(Path file, String text, Problems problems) {
        try {
            Resolver.Resolved r = new Resolver(problems).resolve(file, text, Pos.ofFile(file));
            Spec spec = r == null ? null : Validator.validate(problems, r);
            if (spec != null && problems.count() == 0) return new SpecResult.Loaded(spec);
            if (problems.count() == 0) problems.at(Pos.ofFile(file), "invalid spec (no further detail)");
        } catch (Problems.Stopped e) {
            return new SpecResult.Stopped(file);
        } catch (RuntimeException | StackOverflowError e) {
            problems.at(Pos.ofFile(file), "internal error while reading this spec (please report it with the spec): "
                    + (e instanceof StackOverflowError ? "too deeply nested" : String.valueOf(e.getMessage())));
        }
        return new SpecResult.Failed(problems.list());
    }
}
