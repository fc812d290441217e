package pagestate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import pagestate.reports.JsonReport;
import pagestate.reports.JunitXml;
import pagestate.reports.RunReport;

/**
 * The files a run writes: checked before the run (so a bad path costs no exploration) and written each to a
 * temporary file in its folder, then renamed into place, so a reader or another run writing the same
 * path at the same time sees the old file or the new one, never a mix. Every problem is one line naming
 * the option, the path and what is wrong.
 */
final class Outputs {

    private Outputs() { }

    /** Whether the outputs can be written; otherwise prints why, one line each. */
    static boolean usable(Path json, Path junit, Path outDir, PrintWriter err) {
        boolean ok = file("--json", json, err) & file("--junit", junit, err) & folder("--out", outDir, err);
        err.flush();
        return ok;
    }

    /** Writes what was asked; false after printing the problem of each output that could not be written. */
    static boolean write(RunReport run, Path json, Path junit, Path outDir, boolean png, PrintWriter err,
                         boolean progress) {
        boolean ok = true;
        if (json != null) ok &= write("--json", json, () -> JsonReport.toJson(run), err);
        if (junit != null) ok &= write("--junit", junit, () -> JunitXml.toXml(run), err);
        if (outDir != null) {
            try {
                ReportFolder.write(run, outDir, png, err, progress);
            } catch (IOException | RuntimeException e) {
                err.println("pagestate: --out " + outDir + ": cannot write the report: " + why(e));
                ok = false;
            }
        }
        err.flush();
        return ok;
    }

    private static boolean write(String option, Path file, java.util.function.Supplier<String> text, PrintWriter err) {
        try {
            writeAtomically(file, text.get().getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException | RuntimeException e) {
            err.println("pagestate: " + option + " " + file + ": cannot write: " + why(e));
            return false;
        }
    }

    /** Writes {@code bytes} to a temporary file beside {@code target} and renames it to {@code target}. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, bytes);
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Renames {@code from} to {@code to}, replacing it, atomically where the file system can. */
    static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A file output: not a folder, and its folder exists or can be made, and can be written. */
    static boolean file(String option, Path file, PrintWriter err) {
        if (file == null) return true;
        if (file.toString().equals("-")) {
            // not a file named "-" in the working folder, which a user writing "-" does not expect
            return bad(err, option, file, "standard output is not supported (it holds the verdicts); name a file,"
                    + " e.g. " + option + " report" + (option.equals("--junit") ? ".xml" : ".json"));
        }
        if (Files.isDirectory(file)) {
            return bad(err, option, file, "is a folder; " + option + " takes a file name");
        }
        return parentUsable(option, file, file.toAbsolutePath().getParent(), err);
    }

    /** A folder output: a folder or nothing yet, under a folder that can be written. */
    private static boolean folder(String option, Path dir, PrintWriter err) {
        if (dir == null) return true;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return bad(err, option, dir, "is a file; " + option + " takes a folder (it is made if missing)");
        }
        if (Files.isDirectory(dir)) {
            return Files.isWritable(dir) || bad(err, option, dir, "cannot write in this folder (permission denied)");
        }
        return parentUsable(option, dir, dir.toAbsolutePath().getParent(), err);
    }

    /** The nearest existing folder above {@code path} must be a writable folder. */
    private static boolean parentUsable(String option, Path path, Path parent, PrintWriter err) {
        Path p = parent;
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) return true;
        if (!Files.isDirectory(p)) return bad(err, option, path, "cannot be made: " + p + " is a file, not a folder");
        if (!Files.isWritable(p)) return bad(err, option, path, "cannot write in " + p + " (permission denied)");
        return true;
    }

    private static boolean bad(PrintWriter err, String option, Path path, String why) {
        err.println("pagestate: " + option + " " + path + ": " + why);
        return false;
    }

    /** What went wrong, in words, without an exception's class name. */
    static String why(Throwable e) {
        if (e instanceof AccessDeniedException a) return "permission denied: " + a.getFile();
        if (e instanceof NoSuchFileException n) return "no such file or folder: " + n.getFile();
        if (e instanceof java.nio.file.FileAlreadyExistsException f) return f.getFile() + " is in the way (a file where a folder is needed)";
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT) + (f.getFile() == null ? "" : ": " + f.getFile());
        }
        if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) return why(u.getCause());
        String m = e.getMessage();
        return m == null || m.isBlank() ? "an input/output error" : m.lines().findFirst().orElse(m);
    }
}
