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

    /** The loaded specs, or null after printing every error (the caller exits 2). */
    static List<Spec> load(List<Path> paths, PrintWriter err) {
        List<Path> files = new ArrayList<>();
        boolean bad = false;
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println(p + ": no such file or directory");
                bad = true;
                continue;
            }
            if (!Files.isReadable(p)) {
                err.println(p + ": cannot read (permission denied)");
                bad = true;
                continue;
            }
            try {
                List<Path> found = SpecLoader.discover(p);
                if (found.isEmpty()) {
                    err.println(p + ": no spec files (*" + SpecLoader.EXTENSION + ") found");
                    bad = true;
                }
                files.addAll(found);
            } catch (IOException e) {
                err.println(p + ": cannot list: " + e.getMessage());
                bad = true;
            }
        }
        List<Spec> specs = new ArrayList<>();
        for (Path f : files) {
            SpecResult r = SpecLoader.load(f);
            if (r instanceof SpecResult.Loaded l) {
                specs.add(l.spec());
            } else {
                for (SpecError e : r.errors()) err.println(e.format());
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
