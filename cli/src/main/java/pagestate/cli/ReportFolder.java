package pagestate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import pagestate.reports.CounterexampleFiles;
import pagestate.reports.HtmlReport;
import pagestate.reports.RunReport;

/**
 * {@code --out DIR}: the HTML report, with a text trace and a diagram (DOT, SVG, and PNG with --png) per
 * counterexample.
 * The report is written into a private staging folder inside DIR, then each file is renamed into place:
 * runs writing the same DIR at the same time never leave a half-written file, and never share a
 * temporary file (the staging folder is deleted afterwards, also after a failure).
 */
final class ReportFolder {

    private ReportFolder() { }

    /**
     * Writes the report (with PNG images when {@code png}) into a hidden staging folder and then moves
     * it into place; on a terminal, shows on stderr how many diagrams are drawn so far.
     */
    static void write(RunReport run, Path dir, boolean png, PrintWriter err, boolean showProgress)
            throws IOException {
        Files.createDirectories(dir);
        Path staging = Files.createTempDirectory(dir, ".pagestate-staging-");
        int total = CounterexampleFiles.count(run);
        long start = System.nanoTime();
        try (ProgressDisplay progress = new ProgressDisplay(showProgress, "report")) {
            Path index = HtmlReport.write(run, staging, png, (done, all) -> progress.onItems(done, all,
                    (System.nanoTime() - start) / 1e9, "diagrams"));
            publish(staging, dir);
            progress.close();
            err.printf("pagestate: report written to %s (%d diagram%s, %.1f s)%n", dir.resolve(staging.relativize(index)),
                    total, total == 1 ? "" : "s", (System.nanoTime() - start) / 1e9);
            err.flush();
        } finally {
            delete(staging);
        }
    }

    /** Renames every file under {@code staging} to the same place under {@code dir}. */
    private static void publish(Path staging, Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(staging)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            Path target = dir.resolve(staging.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Outputs.moveIntoPlace(f, target);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a staging folder left behind is hidden (its name starts with a dot) and harmless
        }
    }
}
