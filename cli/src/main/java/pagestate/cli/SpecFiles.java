package pagestate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pagestate.specs.Spec;
import pagestate.specs.SpecError;
import pagestate.specs.SpecLoader;
import pagestate.specs.SpecResult;

/** Finds and loads the spec files named on the command line; every problem is one line on stderr. */
final class SpecFiles {

    private SpecFiles() { }

    /** The spec files under the paths named, and an error for each path that holds none or cannot be read. */
    record Found(List<Path> files, List<SpecError> errors) { }

    static Found discover(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<SpecError> errors = new ArrayList<>();
        for (Path p : paths) {
            String problem = null;
            if (p.toString().isEmpty()) {
                // Path.of("") is the working folder: an empty argument (an unset variable) would check all of it
                problem = "an empty path; name a spec file or a folder (. for the working folder)";
            } else if (!Files.exists(p) && Files.isSymbolicLink(p)) {
                problem = "no such file or directory (a symbolic link to nothing, or a loop of links)";
            } else if (!Files.exists(p)) {
                problem = "no such file or directory";
            } else if (!Files.isReadable(p)) {
                problem = "cannot read (permission denied)";
            } else {
                try {
                    List<Path> found = SpecLoader.discover(p);
                    if (found.isEmpty()) problem = "no spec files (*" + SpecLoader.EXTENSION + ") found";
                    files.addAll(found);
                } catch (IOException | RuntimeException e) {
                    problem = "cannot list: " + Outputs.why(e);
                }
            }
            if (problem != null) errors.add(new SpecError(p.toString().isEmpty() ? Path.of("\"\"") : p, 0, 0, problem));
        }
        return new Found(files, errors);
    }

    /** The loaded specs, or null after printing every error (the caller exits 2). */
    static List<Spec> load(List<Path> paths, PrintWriter err) {
        Found found = discover(paths);
        boolean bad = !found.errors().isEmpty();
        for (SpecError e : found.errors()) err.println(e.display());
        List<Spec> specs = new ArrayList<>();
        for (Path f : found.files()) {
            SpecResult r = SpecLoader.load(f);
            if (r instanceof SpecResult.Loaded l) {
                specs.add(l.spec());
            } else {
                for (SpecError e : r.errors()) err.println(e.display());
                bad = true;
            }
        }
        err.flush();
        return bad ? null : specs;
    }

    /** The one spec in {@code file}, or null after printing every problem (the caller exits 2). */
    static Spec loadOne(Path file, String command, PrintWriter err) {
        List<Spec> specs = load(List.of(file), err);
        if (specs == null) return null;
        if (specs.size() != 1) {
            err.println(file + ": " + command + " takes one spec file, found " + specs.size());
            err.flush();
            return null;
        }
        return specs.get(0);
    }
}
