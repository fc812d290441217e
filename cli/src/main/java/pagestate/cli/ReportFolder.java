package pagestate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import pagestate.reports.CounterexampleFiles;
import pagestate.reports.HtmlReport;
import pagestate.reports.RunReport;

/** {@code --out DIR}: the HTML report, with a text trace and a diagram (DOT, SVG, PNG) per counterexample. */
final class ReportFolder {

    private ReportFolder() { }

    /** Writes the report (with PNG images when {@code png}); on a terminal, shows on stderr how many diagrams are drawn so far. */
    static void write(RunReport run, Path dir, boolean png, PrintWriter err, boolean showProgress)
            throws IOException {
        int total = CounterexampleFiles.count(run);
        long start = System.nanoTime();
        try (ProgressDisplay progress = new ProgressDisplay(showProgress, "report")) {
            Path index = HtmlReport.write(run, dir, png, (done, all) -> progress.onItems(done, all,
                    (System.nanoTime() - start) / 1e9, "diagrams"));
            progress.close();
            err.printf("pagestate: report written to %s (%d diagram%s, %.1f s)%n", index, total,
                    total == 1 ? "" : "s", (System.nanoTime() - start) / 1e9);
        }
        err.flush();
    }
}
