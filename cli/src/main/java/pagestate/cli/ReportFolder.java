package pagestate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import pagestate.reports.HtmlReport;
import pagestate.reports.RunReport;

/** {@code --out DIR}: the HTML report, with a text trace and a diagram (DOT, SVG, PNG) per counterexample. */
final class ReportFolder {

    private ReportFolder() { }

    static void write(RunReport run, Path dir, PrintWriter err) throws IOException {
        Path index = HtmlReport.write(run, dir);
        err.println("pagestate: report written to " + index);
        err.flush();
    }
}
